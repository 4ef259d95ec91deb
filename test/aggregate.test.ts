// The exact aggregate distribution by FFT (src/aggregate/): the transform against a direct DFT, the compound
// machinery against Panjer's recursion, closed forms of compound distributions through the whole pipeline, and
// the shipped scenarios against Monte Carlo.
import { describe, expect, it } from 'vitest';
import { addCompoundTransform, type CountLaw } from '../src/aggregate/compound.ts';
import { exactAggregate } from '../src/aggregate/exact.ts';
import { fft, inverseRealFft, realFft } from '../src/aggregate/fft.ts';
import { compileModel } from '../src/engine/model.ts';
import { runRaw } from '../src/engine/run.ts';
import { column, summarize } from '../src/engine/summary.ts';
import { PAYOUT } from '../src/engine/trial.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { KS_C_001 } from './helpers/stats.ts';
import { shipped } from './helpers/scenarios.ts';

const a = (value: number) => ({ value, assumption: 'test' });

describe('FFT (aggregate/fft.ts)', () => {
  it('equals the direct DFT at n = 64 and inverts to 1e-13', () => {
    const n = 64;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 7) / 3);
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7) - (i % 5) / 4);
    const re = Float64Array.from(x);
    const im = Float64Array.from(y);
    fft(re, im);
    for (const k of [0, 1, 5, 31, 63]) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        const t = (-2 * Math.PI * j * k) / n;
        sr += x[j] * Math.cos(t) - y[j] * Math.sin(t);
        si += x[j] * Math.sin(t) + y[j] * Math.cos(t);
      }
      expect(re[k]).toBeCloseTo(sr, 10);
      expect(im[k]).toBeCloseTo(si, 10);
    }
    fft(re, im, true);
    for (let j = 0; j < n; j++) {
      expect(re[j] / n).toBeCloseTo(x[j], 13);
      expect(im[j] / n).toBeCloseTo(y[j], 13);
    }
  });

  it('a real sequence through the half-size transforms: the first n/2 + 1 points of the complex FFT, and back (n = 4 … 4096)', () => {
    for (const n of [4, 8, 64, 4096]) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.exp(-i / (n / 8)) * (1 + 0.3 * Math.sin(i * 0.9)));
      const re = Float64Array.from(x);
      const im = new Float64Array(n);
      fft(re, im);
      const hr = new Float64Array(n / 2 + 1);
      const hi = new Float64Array(n / 2 + 1);
      realFft(x, hr, hi);
      let worst = 0;
      for (let k = 0; k <= n / 2; k++) worst = Math.max(worst, Math.abs(hr[k] - re[k]), Math.abs(hi[k] - im[k]));
      expect(worst, `n = ${n}: forward`).toBeLessThan(1e-12);
      const back = new Float64Array(n);
      inverseRealFft(hr, hi, back);
      worst = 0;
      for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(back[j] / n - x[j]));
      expect(worst, `n = ${n}: inverse`).toBeLessThan(1e-14);
    }
  });
});

/**
 * Panjer's recursion for the (a, b, 0) class (Panjer 1981, "Recursive evaluation of a family of compound
 * distributions", ASTIN Bulletin 12; Loss Models §9.6, Theorem 9.8): an algorithm independent of the FFT.
 */
function panjer(law: CountLaw, fx: number[], n: number): number[] {
  let ab: [number, number];
  let f0: number;
  if (law.family === 'poisson') {
    ab = [0, law.lambda];
    f0 = Math.exp(law.lambda * (fx[0] - 1));
  } else if (law.family === 'binomial') {
    const odds = law.q / (1 - law.q);
    ab = [-odds, (law.n + 1) * odds];
    f0 = (1 - law.q + law.q * fx[0]) ** law.n;
  } else {
    const r = 1 / law.cv ** 2;
    const beta = law.lambda * law.cv ** 2;
    ab = [beta / (1 + beta), ((r - 1) * beta) / (1 + beta)];
    f0 = (1 - beta * (fx[0] - 1)) ** -r;
  }
  const [pa, pb] = ab;
  const g = [f0];
  for (let s = 1; s < n; s++) {
    let t = 0;
    for (let j = 1; j <= s && j < fx.length; j++) t += (pa + (pb * j) / s) * fx[j] * g[s - j];
    g.push(t / (1 - pa * fx[0]));
  }
  return g;
}

describe('compound distributions (aggregate/compound.ts) against Panjer’s recursion', () => {
  // A severity on {0, …, 9} with an atom at zero (claimants below a deductible).
  const fx = [0.4, 0.2, 0.12, 0.08, 0.06, 0.05, 0.04, 0.03, 0.015, 0.005];
  const laws: CountLaw[] = [
    { family: 'binomial', n: 30, q: 0.2 },
    { family: 'poisson', lambda: 7.5 },
    { family: 'negativeBinomial', lambda: 6, cv: 0.5 },
  ];
  for (const law of laws) {
    it(`${law.family}: every probability agrees to 1e-13`, () => {
      const m = 512;
      const re = new Float64Array(m);
      fx.forEach((p, i) => (re[i] = p));
      const im = new Float64Array(m);
      fft(re, im);
      const outRe = new Float64Array(m);
      const outIm = new Float64Array(m);
      addCompoundTransform(law, re, im, 1, outRe, outIm);
      fft(outRe, outIm, true);
      const want = panjer(law, fx, 200);
      for (let s = 0; s < 200; s++) expect(Math.abs(outRe[s] / m - want[s])).toBeLessThan(1e-13);
    });
  }
});

/** One population whose benefit is its annual amount (deductible 0, one band at 100%), exponential severity. */
function identityScenario(theta: number, lambda: number, freq: Scenario['populations'][0]['frequency']): Scenario {
  const s = structuredClone(shipped('jiangyin-2020'));
  delete s.simulation.parameterRisk;
  const p = s.populations[0];
  p.insured = a(1_000_000);
  p.incidence = a(lambda / 1_000_000);
  p.frequency = freq;
  p.severity = { family: 'gamma', shape: a(1), scale: a(theta) };
  delete p.costLevel;
  p.groups = [];
  const r = s.rulesets[0];
  r.modifiers = [];
  r.tracks = [{ id: 't', base: 'selfBurden', deductible: a(0), bands: [{ to: null, ratio: 1, assumption: 'test' }] }];
  delete r.funding.monthsInForce;
  delete r.corridor;
  return requireScenario(s);
}

describe('the exact aggregate against closed forms (whole pipeline)', () => {
  it('compound Poisson, exponential severity: mean and variance to 1e-6, skewness to 1e-3 (E[X³] = 6θ³)', () => {
    const theta = 1000;
    const lambda = 20;
    const [e] = exactAggregate(compileModel(identityScenario(theta, lambda, { family: 'poisson' })), { buckets: 1 << 17 });
    const p = e.payout!;
    expect(p.mean / (lambda * theta) - 1).toBeCloseTo(0, 6);
    expect(p.sd ** 2 / (lambda * 2 * theta ** 2) - 1).toBeCloseTo(0, 6);
    expect(p.skewness).toBeCloseTo((lambda * 6 * theta ** 3) / (lambda * 2 * theta ** 2) ** 1.5, 3);
    expect(e.discretisation!.error).toBeLessThan(1e-9);
  });
  it('compound Poisson of 20,000 claims on a coarse grid: the rounding blur taken off, variance to 1e-5 (λ·2θ²); left on, it adds λ·h²/6', () => {
    // Exponential severity of mean θ = 1000: Var S = λ·2θ², E[(S − ES)³] = λ·6θ³ (Loss Models §9.3). At 2^14 points the
    // grid's step is about half of θ, and local moment matching adds about h²/6 per claim (a triangular rounding
    // error): 2% of the variance, which payout-distribution.ts unblur takes off.
    const theta = 1000;
    const lambda = 20_000;
    const model = compileModel(identityScenario(theta, lambda, { family: 'poisson' }));
    const [e] = exactAggregate(model, { buckets: 1 << 14 });
    const h = e.discretisation!.bucket;
    expect(h / theta).toBeGreaterThan(0.3);
    const variance = lambda * 2 * theta ** 2;
    expect(e.payout!.mean / (lambda * theta) - 1).toBeCloseTo(0, 9);
    expect(Math.abs(e.payout!.sd ** 2 / variance - 1)).toBeLessThan(1e-5);
    expect(e.payout!.skewness).toBeCloseTo((lambda * 6 * theta ** 3) / variance ** 1.5, 3);
    // The same grid with the blur left on (what 2^14 points gave before): the variance off by about λ·h²/6.
    const [blurred] = exactAggregate(model, { buckets: 1 << 14, keepBlur: true });
    expect(blurred.payout!.sd ** 2 / variance - 1).toBeCloseTo((lambda * h * h) / 6 / variance, 3);
  });
  it('compound geometric (negative binomial, cv 1), exponential severity: F(x) = 1 − β/(1+β)·exp(−x/(θ(1+β))) (Loss Models Example 9.7)', () => {
    const theta = 500;
    const beta = 4; // geometric mean λ = β when r = 1/cv² = 1
    const [e] = exactAggregate(compileModel(identityScenario(theta, beta, { family: 'negativeBinomial', cv: a(1) })), { buckets: 1 << 17 });
    const { lo, h, pmf } = e.distribution!;
    let c = 0;
    const checks = [0, 500, 2000, 5000, 10_000, 20_000];
    let next = 0;
    for (let i = 0; i < pmf.length && next < checks.length; i++) {
      c += pmf[i];
      // The grid point at x carries the mass of (x − h, x + h) split by local moment matching: compare the cdf
      // half a step on, where the discretised and the exact cdf meet to O(h).
      if (lo + i * h >= checks[next]) {
        const x = lo + i * h + h / 2;
        const want = 1 - (beta / (1 + beta)) * Math.exp(-x / (theta * (1 + beta)));
        expect(Math.abs(c - want)).toBeLessThan(2e-4);
        next++;
      }
    }
    expect(next).toBe(checks.length);
    // P(S = 0) = 1/(1 + β) exactly (the atom at zero).
    expect(pmf[0]).toBeCloseTo(1 / (1 + beta), 3);
    expect(e.payout!.mean / (beta * theta) - 1).toBeCloseTo(0, 7);
  });
  it('groups a ruleset treats alike change nothing: Suzhou’s rules without their group modifier on compare-regions’ population with its three groups and without them give one distribution (to 1e-12)', () => {
    const s = structuredClone(shipped('compare-regions'));
    s.rulesets = [s.rulesets[0]];
    // Suzhou's preference for assistance recipients (issue 29) taken off: no modifier then names any of the groups.
    s.rulesets[0].modifiers = [];
    s.simulation.baseline = undefined;
    const none = structuredClone(s);
    none.populations[0].groups = [];
    const [withGroups] = exactAggregate(compileModel(s));
    const [without] = exactAggregate(compileModel(none));
    expect(withGroups.distribution!.lo).toBe(without.distribution!.lo);
    expect(withGroups.distribution!.h).toBe(without.distribution!.h);
    let worst = 0;
    withGroups.distribution!.pmf.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - without.distribution!.pmf[i]))));
    expect(worst).toBeLessThan(1e-12);
    expect(withGroups.payout!.mean).toBeCloseTo(without.payout!.mean, 4);
  });
  it('a ruleset with per-person random shares falls back to Monte Carlo and says why', () => {
    const s = structuredClone(shipped('jilin-2017'));
    s.populations[0].selfPay = { beta: { alpha: 2, beta: 5, assumption: 'test' }, compliantShare: a(0.5) };
    const [e] = exactAggregate(compileModel(s));
    expect(e.method).toBe('monteCarlo-only');
    expect(e.reason).toMatch(/self-pay ratio per person/);
  });
});

/** The exact aggregate of a shipped scenario, computed once for the tests that read it. */
const exactOfShippedMemo = new Map<string, ReturnType<typeof exactAggregate>>();
function exactOfShipped(name: string) {
  let e = exactOfShippedMemo.get(name);
  if (!e) exactOfShippedMemo.set(name, (e = exactAggregate(compileModel(shipped(name)))));
  return e;
}

describe('independent shocks per population', () => {
  it('Suzhou with shocks drawn per population: the exact mean is the analytic one and the distribution passes KS against Monte Carlo', async () => {
    const s = structuredClone(shipped('suzhou-2021'));
    s.rulesets = [s.rulesets[0]];
    s.simulation.parameterRisk!.shared = false;
    const trials = 1500;
    const raw = await runRaw(s, { trials, seed: 'independent', workers: 2, workerFactory: nodeWorkerFactory });
    const [e] = exactAggregate(raw.model);
    expect(Math.abs(e.payout!.mean / raw.analytic[0].payout! - 1)).toBeLessThan(1e-4);
    // Independent shocks partly cancel: a narrower spread than shared ones.
    const [sharedExact] = exactOfShipped('suzhou-2021');
    expect(e.payout!.sd).toBeLessThan(sharedExact.payout!.sd);
    const { lo, h, pmf } = e.distribution!;
    const cdf = new Float64Array(pmf.length);
    let c = 0;
    pmf.forEach((p, i) => (cdf[i] = c += p));
    const at = (x: number) => {
      const i = Math.floor((x - lo) / h);
      return i < 0 ? 0 : i >= pmf.length - 1 ? 1 : cdf[i] + ((x - lo) / h - i) * (cdf[i + 1] - cdf[i]);
    };
    const sample = Float64Array.from(column(raw.model, raw.data, raw.trials, 0, -1, PAYOUT)).sort();
    let d = 0;
    sample.forEach((x, i) => (d = Math.max(d, Math.abs((i + 1) / trials - at(x)), Math.abs(i / trials - at(x)))));
    expect(d).toBeLessThan(KS_C_001 / Math.sqrt(trials));
  }, 120_000);
});

describe('shipped scenarios: exact and Monte Carlo agree within Monte Carlo error', () => {
  for (const name of ['suzhou-2021', 'jilin-2017', 'jiangyin-2020', 'compare-regions']) {
    it(`${name}: mean (4 se), the whole distribution (KS at α = 0.001) and the corridor means`, async () => {
      const s = shipped(name);
      // Jilin's trials cost five times the others' (its population is the largest); 1,000 still resolve the KS
      // bound to 0.062.
      const trials = name === 'jilin-2017' ? 1000 : 2000;
      const raw = await runRaw(s, { trials, seed: `exact-${name}`, workers: 2, workerFactory: nodeWorkerFactory });
      const mc = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
      // The model the run compiled is the shipped file's: its exact aggregate is the one remembered.
      const exact = exactOfShipped(name);
      exact.forEach((e, r) => {
        expect(e.method).toBe('fft');
        const m = mc.rulesets[r];
        expect(Math.abs(m.payout.mean - e.payout!.mean)).toBeLessThan(4 * m.payout.se);
        const { lo, h, pmf } = e.distribution!;
        const cdf = new Float64Array(pmf.length);
        let c = 0;
        pmf.forEach((p, i) => (cdf[i] = c += p));
        const at = (x: number) => {
          const u = (x - lo) / h;
          const i = Math.floor(u);
          if (i < 0) return 0;
          if (i >= pmf.length - 1) return 1;
          // Between grid points the discretised cdf is read linearly (the mass of a point spans ±h).
          return cdf[i] + (u - i) * (cdf[i + 1] - cdf[i]);
        };
        const sample = Float64Array.from(column(raw.model, raw.data, raw.trials, r, -1, PAYOUT)).sort();
        let d = 0;
        sample.forEach((x, i) => (d = Math.max(d, Math.abs((i + 1) / trials - at(x)), Math.abs(i / trials - at(x)))));
        expect(d, `${e.id}: KS distance`).toBeLessThan(KS_C_001 / Math.sqrt(trials));
        if (m.corridor && e.corridor) {
          const se = m.corridor.insurer.sd / Math.sqrt(trials);
          // A tier limit (Jiangyin's 2,000,000) makes the insurer's result almost constant: the exact mean then
          // differs from a sample that never saw the far tail by the tail's tiny weight (1e-4 relative at most).
          expect(Math.abs(m.corridor.insurerMean - e.corridor.insurerMean)).toBeLessThan(
            4 * se + 1e-4 * Math.abs(e.corridor.insurerMean) + 1,
          );
        }
        expect(e.discretisation!.error).toBeLessThan(1e-4);
        expect(e.discretisation!.varianceBound).toBeLessThan(0.02);
      });
    }, 120_000);
  }
});
