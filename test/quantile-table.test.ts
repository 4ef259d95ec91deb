// The tabulated upper quantile the Monte Carlo draws its sorted amounts from (src/random/quantile-table.ts): equal
// to the family's exact quantile to 1e-10 (relative) over its range, the splice of a spliced severity included;
// its sorted draws above a threshold have the conditional mean the closed form gives, under a cost shock too;
// and a family whose quantile may jump (a discrete table) gets no table.
import { describe, expect, it } from 'vitest';
import { UpperQuantileTable } from '../src/random/quantile-table.ts';
import { Empirical, Lognormal, LognormalPareto, Spliced } from '../src/random/severity/index.ts';
import { scaled } from '../src/random/severity/scaled.ts';
import type { Severity } from '../src/random/severity/index.ts';
import { trialStream } from '../src/random/stream.ts';

// Suzhou 2021's employees (scenarios/suzhou-2021.json): lognormal body, Pareto tail truncated at 3 million.
const suzhou = new LognormalPareto(8.5, 1.2, 16982.498, 2.5723359, 3_000_000);
const families: [string, Severity][] = [
  ['lognormalPareto (truncated)', suzhou],
  ['spliced (density jumps at the splice)', new Spliced(8, 1.3, 20_000, 2.2, 0.9)],
  ['lognormal', new Lognormal(7, 1.5)],
  ['scaled lognormalPareto', scaled(suzhou, 1.3)],
];

/** E[X | X > t] = t + (E[X] − E[min(X, t)]) / S(t) (Loss Models §3.1: the mean excess beyond t). */
const meanAbove = (sev: Severity, t: number) => t + (sev.mean() - sev.lev(t)) / sev.survival(t);

describe('tabulated upper quantile', () => {
  it.each(families)('%s: within 1e-10 of the exact quantile over the table, the kink included', (_, sev) => {
    const table = UpperQuantileTable.build(sev, 0.3, 20, 0.6)!;
    expect(table).not.toBeNull();
    expect(table.lo).toBeLessThanOrEqual(0.6);
    let worst = 0;
    // An irregular step, so the points fall anywhere within the cells.
    for (let l = table.lo; l < table.hi; l += 0.000731) {
      const exact = sev.upperQuantile(Math.exp(-l));
      worst = Math.max(worst, Math.abs(table.at(l) - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-10);
    // Beyond the table: the exact quantile itself.
    expect(table.at(25)).toBe(sev.upperQuantile(Math.exp(-25)));
  });

  it('sorted draws above a threshold: ascending, running sums, and the conditional mean of the closed form (4 se), shocked too', () => {
    const table = UpperQuantileTable.build(suzhou, 0.3, 20, 0.6)!;
    for (const [c, t] of [
      [1, 8000],
      [1.07, 12000],
    ]) {
      const year = scaled(suzhou, c); // X' = c·X: above t exactly when X > t/c, the table shifted by −ln S(t/c).
      const s = suzhou.survival(t / c);
      const n = 20_000;
      const out = new Float64Array(n);
      const prefix = new Float64Array(n + 1);
      const rng = trialStream('quantile-table', c);
      let sum = 0;
      let sq = 0;
      let descents = 0;
      let below = 0;
      const batches = 20;
      for (let b = 0; b < batches; b++) {
        table.fillSorted(rng, out, 0, n, -Math.log(s), c, prefix);
        for (let i = 0; i < n; i++) {
          sum += out[i];
          sq += out[i] * out[i];
          if (i > 0 && out[i] < out[i - 1]) descents++;
          if (out[i] <= t) below++;
        }
        expect(prefix[n]).toBeCloseTo(
          out.reduce((a, x) => a + x, 0),
          3,
        );
      }
      const N = n * batches;
      const mean = sum / N;
      const se = Math.sqrt((sq / N - mean * mean) / N);
      expect(descents).toBe(0);
      expect(below).toBe(0);
      expect(Math.abs(mean - meanAbove(year, t))).toBeLessThan(4 * se);
    }
  });

  it('a family whose quantile may jump gets no table', () => {
    expect(UpperQuantileTable.build(new Empirical([1000, 5000, 20000], [0.5, 0.3, 0.2]), 0.1, 10, 0.5)).toBeNull();
  });
});
