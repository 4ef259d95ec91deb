// src/random: normal functions against published values, and every severity family's mean and limited expected
// value against numeric integration of its survival function, its quantile against its cdf, and its samplers
// (unconditional and above a threshold) against its cdf by Kolmogorov–Smirnov at fixed seeds.
import { describe, expect, it } from 'vitest';
import { binomial } from '../src/random/frequency.ts';
import { normalCdf, normalQuantile } from '../src/math/normal.ts';
import { normalZiggurat } from '../src/random/normal.ts';
import { Empirical, Gamma, LogLogistic, Lognormal, Pareto, Spliced, Weibull, type Severity } from '../src/random/severity/index.ts';
import { trialStream } from '../src/random/stream.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { KS_C_001, ksOneSample, levNumeric } from './helpers/stats.ts';

describe('normal distribution', () => {
  it('Φ matches published values (Abramowitz & Stegun table 26.1; R pnorm)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalCdf(-3) / 0.0013498980316301).toBeCloseTo(1, 12);
    // Beyond 7.07 the algorithm's continued fraction keeps a relative error of a few 1e-9.
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 8);
  });
  it('Φ⁻¹ inverts Φ to near double precision', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02425, 0.3, 0.5, 0.9, 0.999999]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-13);
    }
  });
  it('Ziggurat draws pass KS against Φ (n = 50,000, α = 0.001) with mean 0 and variance 1', () => {
    const rng = new Xoshiro128(42, 43, 44, 45);
    const xs = Float64Array.from({ length: 50000 }, () => normalZiggurat(rng));
    expect(ksOneSample(xs, normalCdf)).toBeLessThan(KS_C_001 / Math.sqrt(xs.length));
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(xs.length));
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(2 / xs.length));
    // The tail beyond the base layer (|z| > 3.44) is reached and correct in frequency: 2·Φ(−3.4426) ≈ 5.76e-4.
    const tail = xs.filter((x) => Math.abs(x) > 3.442619855899).length / xs.length;
    expect(Math.abs(tail - 5.76e-4)).toBeLessThan(4 * Math.sqrt(5.76e-4 / xs.length));
  });
});

describe('streams', () => {
  it('a trial stream depends only on (seed, trial)', () => {
    expect(trialStream('s', 7).state()).toEqual(trialStream('s', 7).state());
    expect(trialStream('s', 7).state()).not.toEqual(trialStream('s', 8).state());
    expect(trialStream('s', 7).state()).not.toEqual(trialStream('t', 7).state());
  });
});

const FAMILIES: [string, Severity][] = [
  ['lognormal(8, 1.3)', new Lognormal(8, 1.3)],
  ['gamma(0.8, 9000)', new Gamma(0.8, 9000)],
  ['gamma(3, 2500)', new Gamma(3, 2500)],
  ['pareto(2.5, 12000)', new Pareto(2.5, 12000)],
  ['weibull(0.7, 6000)', new Weibull(0.7, 6000)],
  ['loglogistic(5000, 2.2)', new LogLogistic(5000, 2.2)],
  ['spliced(7, 1.1, 15000, 2.2, 0.9)', new Spliced(7, 1.1, 15000, 2.2, 0.9)],
];

describe('severity families', () => {
  for (const [name, d] of FAMILIES) {
    describe(name, () => {
      it('limited expected values equal ∫₀ᵘ S(x) dx (numeric) and approach the mean', () => {
        for (const u of [500, 5000, 18000, 100000, 1e6]) {
          const numeric = levNumeric((x) => d.survival(x), u);
          expect(Math.abs(d.lev(u) - numeric) / numeric).toBeLessThan(1e-6);
        }
        const far = levNumeric((x) => d.survival(x), 1e12);
        expect(Math.abs(d.mean() - far) / d.mean()).toBeLessThan(1e-4);
      });
      it('quantile inverts the cdf; upper quantile is precise in the tail', () => {
        for (const p of [0.01, 0.3, 0.5, 0.9, 0.999]) expect(d.cdf(d.quantile(p))).toBeCloseTo(p, 9);
        for (const s of [1e-3, 1e-6]) expect(d.survival(d.upperQuantile(s)) / s).toBeCloseTo(1, 6);
      });
      it('samples pass KS against the cdf, also conditional on exceeding 18,000 (n = 20,000, α = 0.001)', () => {
        const rng = new Xoshiro128(1, 2, 3, name.length);
        const n = 20000;
        const xs = Float64Array.from({ length: n }, () => d.sample(rng));
        expect(ksOneSample(xs, (x) => d.cdf(x))).toBeLessThan(KS_C_001 / Math.sqrt(n));
        const t = 18000;
        const st = d.survival(t);
        const tail = Float64Array.from({ length: n }, () => d.sampleAbove(rng, st));
        expect(Math.min(...tail)).toBeGreaterThan(t);
        expect(ksOneSample(tail, (x) => 1 - d.survival(x) / st)).toBeLessThan(KS_C_001 / Math.sqrt(n));
      });
      it('batch draws above 18,000 come out ascending and pass KS against the conditional cdf (n = 20,000, α = 0.001)', () => {
        const rng = new Xoshiro128(4, 3, 2, name.length);
        const n = 20000;
        const t = 18000;
        const st = d.survival(t);
        const into = new Float64Array(n + 7);
        d.fillAbove(rng, st, into, 7, n);
        expect(Array.from(into.subarray(0, 7))).toEqual([0, 0, 0, 0, 0, 0, 0]);
        const xs = into.subarray(7);
        for (let i = 1; i < n; i++) expect(xs[i] >= xs[i - 1]).toBe(true);
        expect(xs[0]).toBeGreaterThan(t);
        expect(ksOneSample(xs, (x) => 1 - d.survival(x) / st)).toBeLessThan(KS_C_001 / Math.sqrt(n));
      });
    });
  }

  it('empirical: steps, LEV as Σ w·min(x, u) checked by hand, tail sampling only above the threshold', () => {
    const e = new Empirical([1000, 20000, 5000, 150000], [4, 2, 3, 1]);
    // weights 0.4 at 1,000; 0.3 at 5,000; 0.2 at 20,000; 0.1 at 150,000
    expect(e.mean()).toBeCloseTo(0.4 * 1000 + 0.3 * 5000 + 0.2 * 20000 + 0.1 * 150000, 9);
    expect(e.lev(10000)).toBeCloseTo(0.4 * 1000 + 0.3 * 5000 + 0.3 * 10000, 9);
    expect(e.cdf(5000)).toBeCloseTo(0.7, 12);
    expect(e.survival(20000)).toBeCloseTo(0.1, 12);
    const rng = new Xoshiro128(9, 8, 7, 6);
    const st = e.survival(5000);
    const draws = Array.from({ length: 30000 }, () => e.sampleAbove(rng, st));
    expect(new Set(draws)).toEqual(new Set([20000, 150000]));
    const share = draws.filter((x) => x === 150000).length / draws.length;
    expect(Math.abs(share - 1 / 3)).toBeLessThan(4 * Math.sqrt(((1 / 3) * (2 / 3)) / draws.length));
  });
});

describe('counts', () => {
  it("binomial probabilities by Loader's formula: sum to 1, agree with the ratio recursion from P(0), and with exact small cases", async () => {
    const { binomialLogPmf } = await import('../src/random/binomial-pmf.ts');
    // Exact by hand: Binomial(10, 0.3) at 3 = 120 · 0.3³ · 0.7⁷.
    expect(Math.exp(binomialLogPmf(3, 10, 0.3)) / (120 * 0.3 ** 3 * 0.7 ** 7) - 1).toBeLessThan(1e-14);
    for (const [n, p] of [
      [200, 0.4],
      [20000, 0.021],
      [1_200_000, 0.0167],
    ] as const) {
      let total = 0;
      for (let x = 0; x <= n; x++) total += Math.exp(binomialLogPmf(x, n, p));
      expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    }
    // Recursion P(x + 1) = P(x)(n − x)p / ((x + 1)q) from P(0) = qⁿ, in logs, at n = 200.
    let logP = 200 * Math.log(0.6);
    for (let x = 0; x < 120; x++) {
      expect(Math.abs(binomialLogPmf(x, 200, 0.4) - logP)).toBeLessThan(1e-11);
      logP += Math.log(((200 - x) * 0.4) / ((x + 1) * 0.6));
    }
  });
  it('binomial draws at large means follow the exact cdf (KS on 20,000 draws, α = 0.001), also for p > 1/2', async () => {
    const { binomialLogPmf } = await import('../src/random/binomial-pmf.ts');
    const rng = new Xoshiro128(7, 5, 3, 1);
    for (const [n, p] of [
      [1_200_000, 0.0167],
      [20000, 0.021],
      [400, 0.93],
      [90, 0.5],
    ] as const) {
      const draws = 20000;
      const counts = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const x = binomial(rng, n, p);
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
      // Largest gap between the empirical and the exact cdf over the observed range (conservative for a discrete law).
      const xs = [...counts.keys()].sort((a, b) => a - b);
      let exact = 0;
      for (let x = 0; x < xs[0]; x++) exact += Math.exp(binomialLogPmf(x, n, p));
      let empirical = 0;
      let worst = 0;
      for (let x = xs[0]; x <= xs[xs.length - 1]; x++) {
        exact += Math.exp(binomialLogPmf(x, n, p));
        empirical += (counts.get(x) ?? 0) / draws;
        worst = Math.max(worst, Math.abs(empirical - exact));
      }
      expect(worst, `n ${n} p ${p}`).toBeLessThan(KS_C_001 / Math.sqrt(draws));
    }
  });
  it('binomial: mean and variance for small (inversion) and large (modal search) means', () => {
    const rng = new Xoshiro128(5, 6, 7, 8);
    for (const [n, p] of [
      [1000, 0.004],
      [1_200_000, 0.0167],
      [50, 0.97],
    ] as const) {
      const xs = Array.from({ length: 20000 }, () => binomial(rng, n, p));
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(m - n * p)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
      expect(Math.abs(v / (n * p * (1 - p)) - 1)).toBeLessThan(0.05);
    }
  });
  it('records per claimant: P(1 + Poisson(λ) = k) equals e^−λ λ^(k−1)/(k−1)! (log-gamma), sums to 1, tail folded last', async () => {
    const { recordsPmf, MAX_RECORDS } = await import('../src/engine/claimants.ts');
    const { gammaln } = await import('../src/math/special.ts');
    for (const lambda of [0, 0.5, 9.14, 30]) {
      const pmf = recordsPmf(lambda);
      expect(pmf[0]).toBe(0);
      for (let k = 1; k < 80; k++) {
        const exact = lambda === 0 ? (k === 1 ? 1 : 0) : Math.exp(-lambda + (k - 1) * Math.log(lambda) - gammaln(k));
        expect(Math.abs(pmf[k] - exact)).toBeLessThan(1e-13 * Math.max(exact, 1e-3));
      }
      expect(Math.abs(pmf.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      expect(pmf[MAX_RECORDS]).toBeLessThan(1e-60);
    }
  });
});

describe('exponential Ziggurat and the spliced tail', () => {
  it('Exp(1) draws pass KS (n = 50,000, α = 0.001) with mean 1', async () => {
    const { exponentialZiggurat } = await import('../src/random/exponential.ts');
    const rng = new Xoshiro128(3, 1, 4, 1);
    const xs = Float64Array.from({ length: 50000 }, () => exponentialZiggurat(rng));
    expect(ksOneSample(xs, (x) => 1 - Math.exp(-x))).toBeLessThan(KS_C_001 / Math.sqrt(xs.length));
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 1)).toBeLessThan(4 / Math.sqrt(xs.length));
  });
  it('the batch fill gives the same numbers as one call per draw and leaves the stream in the same state', async () => {
    const { exponentialZiggurat, fillExponential } = await import('../src/random/exponential.ts');
    const a = new Xoshiro128(8, 6, 7, 5);
    const b = new Xoshiro128(8, 6, 7, 5);
    const xs = new Float64Array(100000);
    fillExponential(b, xs, 0, xs.length);
    // 100,000 draws include about 1,000 that leave the first rectangle (the slow path).
    for (let i = 0; i < xs.length; i++) expect(xs[i]).toBe(exponentialZiggurat(a));
    expect(b.state()).toEqual(a.state());
  });
  it("order statistics by Rényi's representation: ascending, KS against Exp(1), E[E₍ᵢ₎] = Σ 1/(n − j + 1)", async () => {
    const { fillSortedExponential } = await import('../src/random/order.ts');
    const rng = new Xoshiro128(1, 4, 1, 5);
    const n = 20000;
    const xs = new Float64Array(n);
    fillSortedExponential(rng, xs, 0, n);
    for (let i = 1; i < n; i++) expect(xs[i] >= xs[i - 1]).toBe(true);
    expect(ksOneSample(xs, (x) => 1 - Math.exp(-x))).toBeLessThan(KS_C_001 / Math.sqrt(n));
    // The smallest of m = 5 draws, over 40,000 repetitions: mean 1/5, sd 1/5 (Exp(5)); the largest: H₅ = 137/60.
    const m = 5;
    const reps = 40000;
    const five = new Float64Array(m);
    let low = 0;
    let high = 0;
    for (let r = 0; r < reps; r++) {
      fillSortedExponential(rng, five, 0, m);
      low += five[0];
      high += five[m - 1];
    }
    expect(Math.abs(low / reps - 1 / 5)).toBeLessThan((4 * (1 / 5)) / Math.sqrt(reps));
    // Var(E₍₅₎) = Σ 1/k² for k = 1..5 = 5269/3600.
    expect(Math.abs(high / reps - 137 / 60)).toBeLessThan((4 * Math.sqrt(5269 / 3600)) / Math.sqrt(reps));
  });
  it('expFast agrees with Math.exp to a few ulps over the whole range, with the IEEE edge cases', async () => {
    const { expFast } = await import('../src/random/exp.ts');
    const rng = new Xoshiro128(2, 7, 1, 8);
    let worst = 0;
    for (let i = 0; i < 200000; i++) {
      const x = (rng.uniform() * 2 - 1) * (i % 2 ? 708 : 30);
      worst = Math.max(worst, Math.abs(expFast(x) - Math.exp(x)) / Math.exp(x));
    }
    expect(worst).toBeLessThan(1e-15);
    expect(expFast(0)).toBe(1);
    expect(expFast(710)).toBe(Infinity);
    expect(expFast(-746)).toBe(0);
    expect(expFast(-Infinity)).toBe(0);
    expect(expFast(Infinity)).toBe(Infinity);
    expect(expFast(NaN)).toBeNaN();
    // Subnormal results: within one subnormal step of Math.exp.
    for (const x of [-709, -720, -740, -745]) expect(Math.abs(expFast(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-12 + 5e-324);
  });
  it('spliced draws above a threshold inside the body (body and tail mixed) pass KS', () => {
    const d = new Spliced(7, 1.1, 15000, 2.2, 0.9);
    const rng = new Xoshiro128(2, 7, 1, 8);
    const t = 5000;
    const st = d.survival(t);
    expect(st).toBeGreaterThan(1 - 0.9); // the threshold lies in the body
    const xs = Float64Array.from({ length: 20000 }, () => d.sampleAbove(rng, st));
    expect(Math.min(...xs)).toBeGreaterThan(t);
    expect(ksOneSample(xs, (x) => 1 - d.survival(x) / st)).toBeLessThan(KS_C_001 / Math.sqrt(xs.length));
  });
});
