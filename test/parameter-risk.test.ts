// Frequency families and parameter risk (issue "Risk as it really is"): samplers against their closed forms,
// the analytic mean over the cost shock by quadrature against Monte Carlo, and the law-of-total-variance split.
import { describe, expect, it } from 'vitest';
import { analyticExpectation, COST_NODES } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import { runRaw, runScenario } from '../src/engine/run.ts';
import { mean, sd } from '../src/math/stats.ts';
import { summarize } from '../src/engine/summary.ts';
import { gaussHermite, gaussLaguerre, shockNodes } from '../src/math/quadrature.ts';
import { poisson, poissonLogPmf } from '../src/random/poisson.ts';
import { drawShock } from '../src/random/shock.ts';
import { trialStream } from '../src/random/stream.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { KS_C_001 } from './helpers/stats.ts';
import { shipped } from './helpers/scenarios.ts';

const a = (value: number) => ({ value, assumption: 'test' });

function withRisk(s: Scenario, cost: number, util: number, shared = true): Scenario {
  const t = structuredClone(s);
  t.simulation.parameterRisk = { costLevel: { cv: a(cost) }, utilisation: { cv: a(util) }, shared };
  return t;
}

describe('Poisson counts (random/poisson.ts)', () => {
  it('the log pmf sums to 1 and agrees with the ratio recursion p(x+1) = p(x)·λ/(x+1)', () => {
    for (const lambda of [0.5, 12, 45, 3000, 250_000]) {
      const lo = Math.max(0, Math.floor(lambda - 12 * Math.sqrt(lambda) - 20));
      const hi = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
      let total = 0;
      let worst = 0;
      for (let x = lo; x <= hi; x++) {
        const p = Math.exp(poissonLogPmf(x, lambda));
        total += p;
        if (x > lo) worst = Math.max(worst, Math.abs(poissonLogPmf(x, lambda) - (poissonLogPmf(x - 1, lambda) + Math.log(lambda / x))));
      }
      expect(total).toBeCloseTo(1, 11);
      expect(worst).toBeLessThan(1e-9);
    }
  });
  for (const lambda of [3, 45, 2000, 150_000]) {
    it(`draws at λ = ${lambda} pass KS against the exact cdf and have mean and variance λ (4 se)`, () => {
      const rng = trialStream('poisson', lambda);
      const n = 20_000;
      const xs = Float64Array.from({ length: n }, () => poisson(rng, lambda));
      // Discrete cdf read at x (right-continuous), KS is conservative for discrete laws.
      const cdfTable = new Map<number, number>();
      const cdf = (x: number) => {
        if (!cdfTable.has(x)) {
          let s = 0;
          const lo = Math.max(0, Math.floor(lambda - 15 * Math.sqrt(lambda) - 30));
          for (let k = lo; k <= x; k++) s += Math.exp(poissonLogPmf(k, lambda));
          cdfTable.set(x, s);
        }
        return cdfTable.get(x)!;
      };
      // KS for a discrete law: the empirical and exact cdfs compared at every distinct value drawn.
      const sorted = Float64Array.from(xs).sort();
      let d = 0;
      for (let i = 0; i < n; i++) if (i === n - 1 || sorted[i + 1] !== sorted[i]) d = Math.max(d, Math.abs((i + 1) / n - cdf(sorted[i])));
      if (lambda <= 2000) expect(d).toBeLessThan(KS_C_001 / Math.sqrt(n));
      const m = mean(xs);
      expect(Math.abs(m - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
      const v = sd(xs) ** 2;
      expect(Math.abs(v / lambda - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    });
  }
});

describe('mean-one shocks (random/shock.ts) and their quadrature (math/quadrature.ts)', () => {
  for (const family of ['lognormal', 'gamma'] as const) {
    it(`${family}: draws have mean 1 and the stated cv; 16 nodes reproduce both to 1e-12`, () => {
      const rng = trialStream('shock', family === 'gamma' ? 1 : 0);
      const n = 40_000;
      const xs = Float64Array.from({ length: n }, () => drawShock(rng, { family, cv: 0.1 }));
      expect(Math.abs(mean(xs) - 1)).toBeLessThan(4 * (0.1 / Math.sqrt(n)));
      expect(Math.abs(sd(xs) - 0.1)).toBeLessThan(0.004);
      const q = shockNodes({ family, cv: 0.1 }, 16);
      const m1 = q.x.reduce((s, x, i) => s + q.w[i] * x, 0);
      const m2 = q.x.reduce((s, x, i) => s + q.w[i] * x * x, 0);
      expect(m1).toBeCloseTo(1, 12);
      expect(Math.sqrt(m2 - m1 * m1)).toBeCloseTo(0.1, 12);
    });
  }
  it('gamma shocks at the shipped coefficients of variation keep 16 distinct nodes and the gamma moments (closed form)', () => {
    // Mean-one gamma of shape k = 1/cv²: E[G^m] = Π_{i<m} (1 + i/k) (Loss Models app. A.3.2.1); 16 nodes are
    // exact for polynomials to degree 31. Newton's starting guesses had put all 16 nodes on 0.8847 at cv 0.03.
    for (const cv of [0.5, 0.1, 0.04, 0.03, 0.01, 0.001]) {
      const q = shockNodes({ family: 'gamma', cv }, 16);
      expect(new Set(q.x).size, `cv ${cv}`).toBe(16);
      const k = 1 / (cv * cv);
      let closed = 1;
      for (let m = 1; m <= 6; m++) {
        closed *= 1 + (m - 1) / k;
        expect(q.x.reduce((a, x, i) => a + q.w[i] * x ** m, 0) / closed - 1, `cv ${cv}, E[G^${m}]`).toBeCloseTo(0, 12);
      }
    }
    // Abramowitz & Stegun table 25.9 (n = 4, α = 0): nodes and weights of ∫ e^{−x} f(x) dx.
    const g = gaussLaguerre(4, 0);
    [0.322547689619, 1.745761101158, 4.536620296921, 9.395070912301].forEach((x, i) => expect(g.x[i]).toBeCloseTo(x, 11));
    [0.603154104342, 0.357418692438, 0.038887908515, 0.000539294705561].forEach((w, i) => expect(g.w[i]).toBeCloseTo(w, 11));
  });
  it('the analytic mean under a gamma shock equals the lognormal shock’s to second order at cv 0.03 (Suzhou 2021)', () => {
    // Same mean and cv: E[g(S)] differs only through the third and higher moments, tiny at cv 0.03.
    const means = (['lognormal', 'gamma'] as const).map((family) => {
      const s = structuredClone(shipped('suzhou-2021'));
      s.simulation.parameterRisk = {
        costLevel: { cv: a(0.03), distribution: family },
        utilisation: { cv: a(0.03), distribution: family },
        shared: true,
      };
      return analyticExpectation(compileModel(s))[0].payout!;
    });
    expect(means[1] / means[0] - 1).toBeCloseTo(0, 3);
  });
  it('Gauss–Hermite: E[Z⁴] = 3 and E[Z⁸] = 105 for Z = √2·x (exact for polynomials up to degree 2n − 1)', () => {
    const g = gaussHermite(10);
    const m = (k: number) => g.x.reduce((s, x, i) => s + g.w[i] * (Math.SQRT2 * x) ** k, 0);
    expect(m(4)).toBeCloseTo(3, 10);
    expect(m(8)).toBeCloseTo(105, 8);
  });
});

describe('frequency families in the engine', () => {
  const base = shipped('jiangyin-2020');
  for (const [name, freq, cv] of [
    ['poisson', { family: 'poisson' as const }, 0],
    ['negativeBinomial', { family: 'negativeBinomial' as const, cv: a(0.2) }, 0.2],
  ] as const) {
    it(`${name}: members with cost have mean insured × incidence and variance λ + cv²λ² (4 se)`, async () => {
      const s = structuredClone(base);
      delete s.simulation.parameterRisk;
      s.populations[0].frequency = freq;
      s.populations[0].insured = a(20_000);
      const raw = await runRaw(s, { trials: 3000, seed: `freq-${name}` });
      const r = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic).rulesets[0];
      const lambda = 20_000 * s.populations[0].incidence.value;
      const claimants = r.claimants.mean;
      const want = lambda + cv * cv * lambda * lambda;
      expect(Math.abs(claimants - lambda)).toBeLessThan(4 * Math.sqrt(want / 3000));
      // The analytic payout holds for every family (E[N] = λ).
      expect(Math.abs(r.payout.mean - r.analyticMean!)).toBeLessThan(4 * r.payout.se);
    });
  }
});

describe('parameter risk', () => {
  const s = withRisk(shipped('suzhou-2021'), 0.08, 0.05);
  // The spliced severity's density jumps at the splice, so E[b(cX)] is only once smooth in c and the Gauss rule
  // converges algebraically, not geometrically: 16 nodes stay within 2e-5 of 48 (about 1/100 of a Monte Carlo
  // standard error at 2,000 trials).
  it('the analytic mean over the cost shock converges: 16 and 48 nodes agree to 2e-5', () => {
    expect(COST_NODES).toBe(16);
    const m = compileModel(s);
    const a16 = analyticExpectation(m)[0].payout!;
    const nodes48 = shockNodes({ family: 'lognormal', cv: 0.08 }, 48);
    // The same expectation by 48 nodes, through the cost level of a copy without parameter risk.
    let a48 = 0;
    nodes48.x.forEach((c, k) => {
      const t = structuredClone(s);
      delete t.simulation.parameterRisk;
      for (const p of t.populations) p.costLevel = a(c * (p.costLevel?.value ?? 1));
      a48 += nodes48.w[k] * analyticExpectation(compileModel(t))[0].payout!;
    });
    expect(Math.abs(a16 / a48 - 1)).toBeLessThan(2e-5);
  });
  it('Monte Carlo agrees with the analytic mean (4 se); the loss ratio spreads; the risk split adds up', async () => {
    const raw = await runRaw(s, { trials: 2000, seed: 'risk', workers: 2, workerFactory: nodeWorkerFactory });
    const r = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic).rulesets[0];
    expect(Math.abs(r.payout.mean - r.analyticMean!)).toBeLessThan(4 * r.payout.se);
    expect(r.lossRatio.p95 - r.lossRatio.p05).toBeGreaterThan(0.3);
    expect(r.lossRatio.probAbove1).toBeGreaterThan(0.2);
    expect(r.lossRatio.probAbove1).toBeLessThan(0.6);
    const risk = r.risk!;
    // Var S = E[Var(S|θ)] + Var(E[S|θ]): the two parts add up to the Monte Carlo variance within its error
    // (the sd of a sample sd is about sd/√(2n)).
    const parts = Math.sqrt(risk.processSd ** 2 + risk.parameterSd ** 2);
    expect(Math.abs(parts / risk.totalSd - 1)).toBeLessThan(4 / Math.sqrt(2 * 2000));
    expect(risk.parameterShare).toBeGreaterThan(0.9);
    // The process part is the spread without shocks (same model at the mean level): about 1.5–2% of the mean.
    expect(risk.processSd / r.payout.mean).toBeGreaterThan(0.01);
    expect(risk.processSd / r.payout.mean).toBeLessThan(0.03);
  });
  it('independent shocks per population spread the total less than shared ones', async () => {
    const shared = analyticExpectation(compileModel(s))[0].payoutParameterSd!;
    const indep = analyticExpectation(compileModel(withRisk(shipped('suzhou-2021'), 0.08, 0.05, false)))[0].payoutParameterSd!;
    expect(indep).toBeLessThan(shared);
    expect(indep).toBeGreaterThan(0.5 * shared);
  });
  it('is bit-identical for 1 and 2 workers, and a file without parameter risk draws no shock', async () => {
    const one = await runScenario(s, { trials: 40, seed: 'det-risk', workers: 1 });
    const two = await runScenario(s, { trials: 40, seed: 'det-risk', workers: 2, workerFactory: nodeWorkerFactory });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const plain = structuredClone(s);
    delete plain.simulation.parameterRisk;
    const r = await runRaw(plain, { trials: 5, seed: 'x' });
    expect(r.model.parameterRisk).toBeNull();
    expect(summarize(r.model, r.data, r.trials, r.seed, r.analytic).rulesets[0].risk!.parameterSd).toBe(0);
  });
});
