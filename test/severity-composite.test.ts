// The composite lognormal–Pareto severity (random/severity/lognormal-pareto.ts): a density continuous at the
// splice, an optional truncated tail, and the same sampling machinery as the spliced family.
import { describe, expect, it } from 'vitest';
import { LognormalPareto, Spliced } from '../src/random/severity/index.ts';
import { continuousBodyWeight } from '../src/random/severity/lognormal-pareto.ts';
import { trialStream } from '../src/random/stream.ts';

// Expected values from R 4.2.2 (base R only; script as run, /tmp/exp/lp.R in the session that wrote this test):
//   mu <- 8.1; sigma <- 1.1; th <- 9000; a <- 2.3; L <- 5e6; q <- (th/L)^a
//   A <- th*dlnorm(th,mu,sigma)/plnorm(th,mu,sigma); B <- a/(1-q); r <- B/(A+B)
//   dens(x) = r dlnorm(x)/F1 on (0, th], (1-r) a th^a x^(-a-1)/(1-q) on (th, L), 0 beyond
//   F(x) = integrate(dens, 0, x, rel.tol = 1e-12); LEV(u) = ∫₀ᵘ x dens + u (1 − F(u)); mean = ∫ x dens.
const R = {
  r: 0.887504133514484,
  cdf: [
    [1000, 0.15075841138404],
    [9000, 0.887504133514484],
    [20000, 0.982072314198264],
    [100000, 0.999557573815074],
    [1e6, 0.999997837076919],
  ],
  lev: [
    [5000, 3031.47359893],
    [12000, 4039.12784101],
    [50000, 4491.13272574],
    [1e6, 4573.18374659],
  ],
  mean: 4574.4601796,
};

describe('lognormalPareto: Scollnik (2007) composite with a continuous density', () => {
  const sev = new LognormalPareto(8.1, 1.1, 9000, 2.3, 5e6);
  it('takes the body weight from continuity at the splice (R: 0.887504133514484)', () => {
    expect(continuousBodyWeight(8.1, 1.1, 9000, 2.3, 5e6)).toBeCloseTo(R.r, 13);
    expect(sev.cdf(9000)).toBeCloseTo(R.r, 13);
  });
  it('has no jump in its density at the splice', () => {
    const below = sev.density(9000 * (1 - 1e-9));
    const above = sev.density(9000 * (1 + 1e-9));
    expect(above / below - 1).toBeCloseTo(0, 6);
    // The spliced family with a free weight jumps there (what the composite is for).
    const jumpy = new Spliced(8.1, 1.1, 9000, 2.3, 0.6, 5e6);
    expect(jumpy.density(9000 * (1 + 1e-9)) / jumpy.density(9000 * (1 - 1e-9))).toBeGreaterThan(5);
  });
  it('agrees with R on the cdf, the limited expected value and the mean', () => {
    for (const [x, f] of R.cdf) expect(sev.cdf(x), `F(${x})`).toBeCloseTo(f, 10);
    for (const [u, l] of R.lev) expect(sev.lev(u) / l - 1, `LEV(${u})`).toBeCloseTo(0, 8);
    expect(sev.mean() / R.mean - 1).toBeCloseTo(0, 8);
  });
  it('is a distribution: F from the density by Simpson, S = 1 − F, quantiles invert, nothing beyond the limit', () => {
    const simpson = (a: number, b: number, n = 20000) => {
      const h = (b - a) / n;
      let s = sev.density(a) + sev.density(b);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * sev.density(a + i * h);
      return (s * h) / 3;
    };
    expect(simpson(9000, 20000)).toBeCloseTo(sev.cdf(20000) - sev.cdf(9000), 9);
    expect(simpson(1, 9000, 200000) + sev.cdf(1)).toBeCloseTo(sev.cdf(9000), 7);
    for (const p of [0.01, 0.3, 0.8875, 0.9, 0.999, 1 - 1e-9]) expect(sev.cdf(sev.quantile(p))).toBeCloseTo(p, 10);
    expect(sev.survival(5e6)).toBe(0);
    expect(sev.density(6e6)).toBe(0);
    expect(sev.upperQuantile(1e-15)).toBeLessThanOrEqual(5e6);
    expect(sev.lev(1e7)).toBe(sev.mean());
  });
  it('draws above a deductible with the conditional law, truncated tail included (fixed seed, 4 se)', () => {
    for (const t of [3000, 12000, 200000]) {
      const s = sev.survival(t);
      const n = 200_000;
      const out = new Float64Array(n);
      sev.fillAbove(trialStream('composite', t), s, out, 0, n);
      let descents = 0;
      for (let i = 1; i < n; i++) if (out[i] < out[i - 1]) descents++;
      expect(descents).toBe(0);
      expect(out[0]).toBeGreaterThan(t);
      expect(out[n - 1]).toBeLessThanOrEqual(5e6);
      // E[X | X > t] = t + (E[X] − LEV(t))/S(t); sd from E[X² | X > t] estimated on the draws.
      const mean = out.reduce((a, x) => a + x, 0) / n;
      const sd = Math.sqrt(out.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
      const want = t + (sev.mean() - sev.lev(t)) / s;
      expect(Math.abs(mean - want), `t = ${t}`).toBeLessThan((4 * sd) / Math.sqrt(n));
      // Half the draws below the conditional median.
      const median = sev.upperQuantile(s / 2);
      const below = out.filter((x) => x <= median).length / n;
      expect(Math.abs(below - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
    }
  });
  it('without a limit keeps the untruncated Pareto I tail: S(x) = (1 − r)(θ/x)^α', () => {
    const open = new LognormalPareto(8.1, 1.1, 9000, 2.3);
    const r = continuousBodyWeight(8.1, 1.1, 9000, 2.3);
    expect(open.survival(50000)).toBeCloseTo((1 - r) * Math.pow(9000 / 50000, 2.3), 14);
    expect(open.mean()).toBeGreaterThan(sev.mean());
  });
});
