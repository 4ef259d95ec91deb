// The gamma's tabulated upper quantile for draws (random/gamma-tail.ts) against the exact inverse
// (random/gamma-inverse.ts, itself checked against the incomplete gamma in gamma-inverse.test.ts): within 1e-9
// relative wherever it is read, for shapes from 0.05 to 500 and tails from 0.9 to 1e-12, inside and beyond the
// table; a gamma's draws above a threshold are the exact quantiles of the same exponentials to that precision.
import { describe, expect, it } from 'vitest';
import { GammaTail } from '../src/random/gamma-tail.ts';
import { gammaInverse } from '../src/random/gamma-inverse.ts';
import { Gamma } from '../src/random/severity/gamma.ts';
import { fillSortedExponential } from '../src/random/order.ts';
import { trialStream } from '../src/random/stream.ts';

describe('gamma tail quantile', () => {
  for (const a of [0.05, 0.3, 0.7, 1, 2.5, 30, 500]) {
    it(`shape ${a}: within 1e-9 of the exact inverse from the first tail asked for to 80 beyond it`, () => {
      for (const s0 of [0.9, 0.5, 0.0763, 1e-3, 1e-12]) {
        const tail = new GammaTail(a);
        const y0 = -Math.log(s0);
        tail.at(y0);
        const rng = trialStream(`tail-${a}-${s0}`, 0);
        let worst = 0;
        for (let i = 0; i < 1500; i++) {
          // Below the first y (a lower threshold), through the table, and past its end.
          const y = y0 * Math.exp(-0.8 + 0.8 * rng.uniform()) + (i % 3 === 0 ? 80 * rng.uniform() : 8 * rng.uniform());
          const exact = gammaInverse(a, Math.exp(-y), true);
          worst = Math.max(worst, Math.abs(tail.at(y) / exact - 1));
        }
        expect(worst, `shape ${a}, first tail ${s0}`).toBeLessThan(1e-9);
      }
    });
  }

  it("a gamma's draws above 18,000 are the exact quantiles of the same sorted exponentials (1e-9)", () => {
    const sev = new Gamma(0.7, 9000);
    const s = sev.survival(18000);
    const n = 20_000;
    const drawn = new Float64Array(n);
    sev.fillAbove(trialStream('gamma-draws', 3), s, drawn, 0, n);
    const e = new Float64Array(n);
    fillSortedExponential(trialStream('gamma-draws', 3), e, 0, n);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(drawn[i] / sev.upperQuantile(s * Math.exp(-e[i])) - 1));
    expect(worst).toBeLessThan(1e-9);
    expect(drawn[0]).toBeGreaterThan(18000);
  });

  it('gives the same bits whatever it was asked first (the lattice does not follow the first draw): same seed, any workers', () => {
    for (const a of [0.3, 2.5, 30]) {
      const first = new GammaTail(a);
      const other = new GammaTail(a);
      first.at(0.05);
      other.at(40);
      const rng = trialStream(`history-${a}`, 0);
      let differ = 0;
      for (let i = 0; i < 3000; i++) {
        const y = Math.exp(-6 + 10 * rng.uniform());
        if (first.at(y) !== other.at(y)) differ++;
      }
      expect(differ, `shape ${a}`).toBe(0);
    }
  });
});
