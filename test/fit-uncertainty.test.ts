// A fitted severity's parameter uncertainty carried into the results: the scenario checks on `uncertainty`, the
// per-trial draw θ = θ̂ + L·z (engine/fit-draw.ts), the run's determinism, and the risk split's fit part
// (engine/summary.ts) against the delta method.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactAggregate } from '../src/aggregate/exact.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { drawFitParameters, compileFit, MAX_REDRAWS } from '../src/engine/fit-draw.ts';
import { compileModel } from '../src/engine/model.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import { runRaw, runScenario, type RawRun } from '../src/engine/run.ts';
import { column, fitWarnings, summarize } from '../src/engine/summary.ts';
import { BASE_METRICS, FIT_CLAMPED, FIT_PAYOUT, M, PAYOUT, simulateTrials, trialBlockSize } from '../src/engine/trial.ts';
import { scenarioForYear } from '../src/engine/years.ts';
import { markdownReport } from '../src/report/markdown.ts';
import { riskTable } from '../src/report/tables.ts';
import { resultRows } from '../src/ui/results-rows.ts';
import { cholesky } from '../src/math/cholesky.ts';
import { gaussHermite } from '../src/math/quadrature.ts';
import { trialStream } from '../src/random/stream.ts';
import { formatProblem } from '../src/scenario/problems.ts';
import type { Scenario, SeveritySpec } from '../src/scenario/schema.ts';
import { requireScenario, validateData } from '../src/scenario/validate.ts';
import { SEVERITY_PARAMETERS, type ParametricFamily } from '../src/scenario/severity-parameters.ts';
import { command } from './helpers/cli.ts';
import { ROOT } from './helpers/golden.ts';
import { SEVERITIES, smallScenario } from './helpers/scenarios.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const a = (value: number) => ({ value, assumption: 'test' });

/**
 * A lognormal fitted to n = 2,000 individual records: the inverse Fisher information of (μ, σ) is
 * diag(σ²/n, σ²/(2n)) (Klugman, Panjer & Willmot, Loss Models, 4th ed., §13.3, the variance of maximum
 * likelihood estimators), so σ = 1.3 gives variances 8.45e-4 and 4.225e-4. Confirmed against R 4.x fitdistrplus: for
 * x <- rlnorm(2000, 8.2, 1.3) (set.seed(1)), fitdist(x, "lnorm", method = "mle")$vcov is diag(9.0857e-4,
 * 4.5428e-4) = diag(σ̂²/n, σ̂²/(2n)) at its σ̂ = 1.348016, covariance 0 — the shape `fit --with-uncertainty` writes.
 */
const LOGNORMAL: SeveritySpec = { family: 'lognormal', mu: a(8.2), sigma: a(1.3) };
const FISHER = [
  [1.3 ** 2 / 2000, 0],
  [0, 1.3 ** 2 / 4000],
];
const times = (m: number[][], k: number) => m.map((r) => r.map((x) => x * k));

function withFit(s: Scenario, covariance: number[][], p = 0, parameters = ['mu', 'sigma']): Scenario {
  const t = structuredClone(s) as Json;
  t.populations[p].severity.uncertainty = { parameters, covariance, n: 2000, source: 'test fit' };
  return requireScenario(t);
}

const base = () => smallScenario(LOGNORMAL);

describe('validation of severity.uncertainty (scenario/uncertainty-checks.ts)', () => {
  const problems = (uncertainty: unknown, severity: SeveritySpec = LOGNORMAL) => {
    const t = structuredClone(base()) as Json;
    t.populations[0].severity = { ...structuredClone(severity), uncertainty };
    return validateData(t).problems.map(formatProblem);
  };
  const U = 'populations[0].severity.uncertainty';

  it('accepts a fit covariance, with or without n, source and assumption, and a subset of the parameters', () => {
    expect(problems({ parameters: ['mu', 'sigma'], covariance: FISHER, n: 2000, source: 'fit' })).toEqual([]);
    expect(problems({ parameters: ['sigma'], covariance: [[4e-4]] })).toEqual([]);
    // A singular matrix (σ fixed by the other estimate) is positive semi-definite and accepted.
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 1e-4],
          [1e-4, 1e-4],
        ],
      }),
    ).toEqual([]);
  });
  it('names a parameter the family does not have, and a repeat', () => {
    expect(problems({ parameters: ['mu', 'shape'], covariance: FISHER })).toEqual([
      `${U}.parameters[1]: "shape" is not a parameter of the lognormal family (mu, sigma)`,
    ]);
    expect(problems({ parameters: ['mu', 'mu'], covariance: FISHER })).toEqual([
      `${U}.parameters[1]: "mu" is listed twice (also at index 0)`,
    ]);
  });
  it('refuses a matrix of the wrong size', () => {
    expect(problems({ parameters: ['mu', 'sigma'], covariance: [[1e-4]] })).toEqual([
      `${U}.covariance: has 1 row but parameters names 2: the matrix must be 2×2, in the order of parameters`,
      `${U}.covariance[0]: has 1 entries but parameters names 2: the matrix must be 2×2`,
    ]);
    expect(problems({ parameters: ['mu', 'sigma'], covariance: [[1e-4, 0], [0]] })).toEqual([
      `${U}.covariance[1]: has 1 entries but parameters names 2: the matrix must be 2×2`,
    ]);
  });
  it('refuses non-finite, asymmetric, negative-variance and indefinite matrices', () => {
    // Entries and rows of the wrong type are the schema's to report, once.
    expect(problems({ parameters: ['mu'], covariance: [1] })).toEqual([`${U}.covariance[0]: expected array, got number 1`]);
    expect(problems({ parameters: ['mu'], covariance: [['x']] })).toEqual([`${U}.covariance[0][0]: expected number, got string "x"`]);
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 2e-5],
          [2.0001e-5, 1e-4],
        ],
      }),
    ).toEqual([
      `${U}.covariance[1][0]: is 0.000020001 but covariance[0][1] is 0.00002: a covariance matrix is symmetric (relative tolerance 1e-9)`,
    ]);
    // Within the relative tolerance: accepted.
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 2e-5],
          [2e-5 * (1 + 1e-12), 1e-4],
        ],
      }),
    ).toEqual([]);
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 0],
          [0, -1e-6],
        ],
      }),
    ).toEqual([`${U}.covariance[1][1]: is the variance of sigma and must not be negative (got -0.000001)`]);
    // |correlation| = 2: symmetric with positive diagonal, but indefinite.
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 2e-4],
          [2e-4, 1e-4],
        ],
      }),
    ).toEqual([
      `${U}.covariance: is not positive semi-definite (the Cholesky factorisation fails at sigma): give the covariance of the estimates (the inverse of the observed information), not a correlation or the information itself`,
    ]);
  });
  it('refuses a spread that would leave the valid region too often, naming the edge', () => {
    expect(
      problems({
        parameters: ['mu', 'sigma'],
        covariance: [
          [1e-4, 0],
          [0, 1.44 * 1.3 ** 2],
        ],
      }),
    ).toEqual([
      `${U}.covariance[1][1]: gives sigma a standard deviation of 1.56, more than the distance 1.3 from its estimate 1.3 to the edge of the valid region (sigma > 0): draws would leave the region too often (at most sd = that distance is accepted)`,
    ]);
    expect(problems({ parameters: ['mu'], covariance: [[1.21]] })).toEqual([
      `${U}.covariance[0][0]: gives mu a standard deviation of 1.1; at most 1 is accepted (one sd of mu already scales every amount by e ≈ 2.7)`,
    ]);
    const spliced: SeveritySpec = { family: 'spliced', mu: a(7.5), sigma: a(1.1), splice: a(15000), alpha: a(2.3), bodyWeight: a(0.92) };
    expect(
      problems(
        {
          parameters: ['bodyWeight', 'alpha'],
          covariance: [
            [0.01, 0],
            [0, 1.96],
          ],
        },
        spliced,
      ),
    ).toEqual([
      `${U}.covariance[0][0]: gives bodyWeight a standard deviation of 0.1, more than the distance 0.08 from its estimate 0.92 to the edge of the valid region (bodyWeight < 1): draws would leave the region too often (at most sd = that distance is accepted)`,
      // A tail index above 1 must stay above 1 (a finite mean): its room is 2.3 − 1.
      `${U}.covariance[1][1]: gives alpha a standard deviation of 1.4, more than the distance 1.3 from its estimate 2.3 to the edge of the valid region (alpha > 1): draws would leave the region too often (at most sd = that distance is accepted)`,
    ]);
  });
  it('an empirical severity has no parameters to be uncertain about; unknown keys are refused', () => {
    const emp: SeveritySpec = { family: 'empirical', amounts: [1000, 5000], weights: [1, 1], assumption: 'test' };
    expect(problems({ parameters: ['mu'], covariance: [[1e-4]] }, emp)).toEqual([`${U}: unknown key`]);
    expect(problems({ parameters: ['mu'], covariance: [[1e-4]], correlation: 0 })).toEqual([`${U}.correlation: unknown key`]);
  });
  it('simulation.parameterRisk.fitUncertainty is a boolean, and on without any uncertainty it warns', () => {
    const t = structuredClone(base()) as Json;
    t.simulation.parameterRisk = { fitUncertainty: 'yes' };
    expect(validateData(t).problems.map(formatProblem)).toEqual([
      'simulation.parameterRisk.fitUncertainty: expected boolean, got string "yes"',
    ]);
    t.simulation.parameterRisk = { fitUncertainty: true };
    expect(validateData(t).warnings.map(formatProblem)).toEqual([
      'simulation.parameterRisk.fitUncertainty: is on, but no population\'s severity carries "uncertainty": nothing is drawn',
    ]);
  });
});

describe('Cholesky factor (math/cholesky.ts)', () => {
  it('L·Lᵀ reproduces a positive definite matrix; a singular one factors with a zero column; an indefinite one fails', () => {
    const A = [
      [4, 2, -1],
      [2, 5, 0.5],
      [-1, 0.5, 3],
    ];
    const L = cholesky(A).factor!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let m = 0; m < 3; m++) s += L[i * 3 + m] * L[j * 3 + m];
        expect(s).toBeCloseTo(A[i][j], 13);
      }
    expect(L[0 * 3 + 1]).toBe(0); // lower triangular
    const singular = cholesky([
      [1, 1],
      [1, 1],
    ]).factor!;
    expect(Array.from(singular)).toEqual([1, 0, 1, 0]);
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toEqual({ factor: null, failedAt: 1 });
  });
});

describe('the per-trial draw θ = θ̂ + L·z (engine/fit-draw.ts)', () => {
  it("draws from the trials' fit streams have mean θ̂ and the stated covariance (each entry within 4 se, 20,000 draws)", () => {
    // A correlated pair (ρ = −0.6), as a gamma fit's shape and scale are.
    const cov = [
      [0.0004, -0.6 * 0.02 * 150],
      [-0.6 * 0.02 * 150, 150 ** 2],
    ];
    const fit = compileFit({
      family: 'gamma',
      shape: a(0.7),
      scale: a(9000),
      uncertainty: { parameters: ['shape', 'scale'], covariance: cov },
    })!;
    const n = 20_000;
    const xs = [new Float64Array(n), new Float64Array(n)];
    const out = new Float64Array(2);
    for (let t = 0; t < n; t++) {
      expect(drawFitParameters(trialStream('cov', t, 'fit'), fit, out)).toBe(false);
      xs[0][t] = out[0];
      xs[1][t] = out[1];
    }
    const m = xs.map((x) => x.reduce((s, v) => s + v, 0) / n);
    expect(Math.abs(m[0] - 0.7)).toBeLessThan(4 * Math.sqrt(cov[0][0] / n));
    expect(Math.abs(m[1] - 9000)).toBeLessThan(4 * Math.sqrt(cov[1][1] / n));
    for (let i = 0; i < 2; i++)
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += (xs[i][t] - m[i]) * (xs[j][t] - m[j]);
        const c = s / (n - 1);
        // Var of a sample covariance of normals: (Σᵢᵢ·Σⱼⱼ + Σᵢⱼ²) / n (Anderson, An Introduction to Multivariate
        // Statistical Analysis, 3rd ed., §3.3).
        const se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] ** 2) / n);
        expect(Math.abs(c - cov[i][j]), `entry ${i},${j}`).toBeLessThan(4 * se);
      }
  });
  it('redraws a draw outside the region, and clamps (reporting it) after MAX_REDRAWS failures', () => {
    // σ = 0.5 with sd 0.5: a draw leaves σ > 0 one time in six; every kept draw is inside.
    const fit = compileFit({ ...LOGNORMAL, sigma: a(0.5), uncertainty: { parameters: ['sigma'], covariance: [[0.25]] } })!;
    const out = new Float64Array(1);
    for (let t = 0; t < 2000; t++) {
      expect(drawFitParameters(trialStream('redraw', t, 'fit'), fit, out)).toBe(false);
      expect(out[0]).toBeGreaterThan(0);
    }
    // A body weight of 0.5 with sd 10⁶ (refused by the checks; built here directly): 100 draws all outside (0, 1).
    expect(MAX_REDRAWS).toBe(100);
    const wild = compileFit({
      family: 'spliced',
      mu: a(7.5),
      sigma: a(1.1),
      splice: a(15000),
      alpha: a(2.3),
      bodyWeight: a(0.5),
      uncertainty: { parameters: ['bodyWeight'], covariance: [[1e12]] },
    })!;
    expect(drawFitParameters(trialStream('clamp', 0, 'fit'), wild, out)).toBe(true);
    expect([0.005, 0.995]).toContain(out[0]);
  });
});

/** Figures of every (trial, ruleset, row) that differ between two runs, the fit's own columns aside. */
function sameDraws(x: RawRun, y: RawRun): number {
  expect(x.trials).toBe(y.trials);
  let differ = 0;
  for (let r = 0; r < x.model.rulesets.length; r++)
    for (let p = -1; p < x.model.populations.length; p++)
      for (let k = 0; k < BASE_METRICS; k++) {
        const a = column(x.model, x.data, x.trials, r, p, k);
        const b = column(y.model, y.data, y.trials, r, p, k);
        for (let t = 0; t < x.trials; t++) if (!Object.is(a[t], b[t])) differ++;
      }
  return differ;
}

describe('runs with a fitted severity drawn per trial', () => {
  it('a zero covariance gives the run without uncertainty bit for bit, and a fit part of 0', async () => {
    const plain = base();
    const zero = withFit(plain, times(FISHER, 0));
    const p = await runRaw(plain, { trials: 150, seed: 'zero' });
    const z = await runRaw(zero, { trials: 150, seed: 'zero' });
    expect(z.model.populations[0].fit).not.toBeNull();
    expect(sameDraws(z, p)).toBe(0);
    // Only a run with a drawn fit stores the fit's two columns.
    expect(z.data.length / p.data.length).toBe(M / BASE_METRICS);
    const rp = summarize(p.model, p.data, p.trials, p.seed, p.analytic);
    const rz = summarize(z.model, z.data, z.trials, z.seed, z.analytic);
    expect(JSON.stringify(rz)).toBe(JSON.stringify(rp));
    expect(rz.rulesets[0].risk!.fitSd).toBe(0);
  });
  it('fitUncertainty: false uses the estimates as written (no draw, same numbers as without)', async () => {
    const off = structuredClone(withFit(base(), FISHER));
    off.simulation.parameterRisk = { shared: true, fitUncertainty: false };
    const r = await runRaw(off, { trials: 40, seed: 'off' });
    expect(r.model.populations[0].fit).toBeNull();
    const p = await runRaw(base(), { trials: 40, seed: 'off' });
    expect(sameDraws(r, p)).toBe(0);
    expect(r.data.length).toBe(p.data.length);
  });
  it('is bit-identical for 1, 2 and 3 workers and any chunking', async () => {
    const s = withFit(base(), times(FISHER, 4));
    const one = await runScenario(s, { trials: 60, seed: 'det-fit', workers: 1, chunk: 7 });
    const two = await runScenario(s, { trials: 60, seed: 'det-fit', workers: 2, workerFactory: nodeWorkerFactory, chunk: 5 });
    const three = await runScenario(s, { trials: 60, seed: 'det-fit', workers: 3, workerFactory: nodeWorkerFactory, chunk: 11 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(one.rulesets[0].risk!.fitSd).toBeGreaterThan(0);
  });
  it('a population without uncertainty draws as before; the fitted one carries E[S | θ] per trial', async () => {
    // Two populations, the second fitted: the first draws from the trial's stream before the second, so its
    // numbers are the same bit for bit (a fitted population drawn earlier shifts the later ones' draws: same
    // distribution, other numbers).
    const t = structuredClone(base()) as Json;
    t.populations.push({ ...structuredClone(t.populations[0]), id: 'second' });
    const two = requireScenario(t);
    const fitted = withFit(two, FISHER, 1);
    const p = await runRaw(two, { trials: 100, seed: 'pops' });
    const f = await runRaw(fitted, { trials: 100, seed: 'pops' });
    expect(f.model.populations.map((x) => x.fit !== null)).toEqual([false, true]);
    for (let r = 0; r < 2; r++) {
      for (let k = 0; k < FIT_PAYOUT; k++) expect(column(f.model, f.data, 100, r, 0, k)).toEqual(column(p.model, p.data, 100, r, 0, k));
      expect(column(f.model, f.data, 100, r, 0, FIT_PAYOUT).every((x) => x === 0)).toBe(true);
      const m = column(f.model, f.data, 100, r, 1, FIT_PAYOUT);
      // Around the analytic payout at the estimates, spread by the draws.
      const at = f.analytic[r].populations[1].payout!;
      expect(Math.abs(m.reduce((s, x) => s + x, 0) / 100 / at - 1)).toBeLessThan(0.05);
      expect(new Set(m).size).toBe(100);
      expect(column(f.model, f.data, 100, r, 1, FIT_CLAMPED).every((x) => x === 0)).toBe(true);
    }
    // The analytic values of the population without uncertainty are untouched; the fitted one's are averaged
    // over its parameters (engine/fit-nodes.ts).
    for (let r = 0; r < 2; r++) {
      expect(f.analytic[r].populations[0]).toEqual(p.analytic[r].populations[0]);
      expect(f.analytic[r].populations[1].payout).not.toBe(p.analytic[r].populations[1].payout);
    }
  });
  it("along a multi-year path every year draws the same parameters (the estimates' error belongs to the data)", async () => {
    const s = structuredClone(withFit(base(), FISHER));
    // A trend that changes nothing (growth 0 ± 0): year 2's conditional payouts are year 1's exactly when the
    // parameters drawn are the same; its claims are drawn afresh.
    s.simulation.trend = { costGrowth: { mean: a(0), sd: a(0) } };
    const y1 = await runRaw(s, { trials: 30, seed: 'path' });
    const y2 = await runRaw(scenarioForYear(s, 2), { trials: 30, seed: 'path/year-2', year: 2, pathSeed: 'path' });
    expect(y2.model.trend).not.toBeNull();
    expect(column(y2.model, y2.data, 30, 0, 0, FIT_PAYOUT)).toEqual(column(y1.model, y1.data, 30, 0, 0, FIT_PAYOUT));
    expect(column(y2.model, y2.data, 30, 0, 0, PAYOUT)).not.toEqual(column(y1.model, y1.data, 30, 0, 0, PAYOUT));
  });
  it('the exact aggregate leaves a drawn fit to Monte Carlo, with the reason; switched off, it computes', () => {
    const s = withFit(base(), FISHER);
    const [e] = exactAggregate(compileModel(s), { buckets: 1 << 12 });
    expect(e.method).toBe('monteCarlo-only');
    expect(e.reason).toContain("draws its fitted severity's parameters per trial");
    const off = structuredClone(s);
    off.simulation.parameterRisk = { shared: true, fitUncertainty: false };
    expect(exactAggregate(compileModel(off), { buckets: 1 << 12 })[0].method).toBe('fft');
  });
});

describe('the fit part of the risk split (engine/summary.ts)', () => {
  const n = 2000;
  const split = async (s: Scenario) => {
    const raw = await runRaw(s, { trials: n, seed: 'split', workers: 2, workerFactory: nodeWorkerFactory });
    return summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
  };
  /** Analytic payout of ruleset r at (μ, σ), without uncertainty. */
  const payoutAt = (r: number, mu: number, sigma: number) => {
    const t = structuredClone(base());
    t.populations[0].severity = { family: 'lognormal', mu: a(mu), sigma: a(sigma) };
    return analyticExpectation(compileModel(t))[r].payout!;
  };

  it('matches the delta method, grows with the covariance (×4 → ×4 variance) and the parts add up', async () => {
    const one = await split(withFit(base(), FISHER));
    const four = await split(withFit(base(), times(FISHER, 4)));
    for (let r = 0; r < 2; r++) {
      // Delta method (Loss Models §13.3): Var(E[S | θ̂ + δ]) ≈ ∇mᵀ Σ ∇m, ∇m by central differences.
      const h = 1e-4;
      const g = [
        (payoutAt(r, 8.2 + h, 1.3) - payoutAt(r, 8.2 - h, 1.3)) / (2 * h),
        (payoutAt(r, 8.2, 1.3 + h) - payoutAt(r, 8.2, 1.3 - h)) / (2 * h),
      ];
      const delta = Math.sqrt(g[0] ** 2 * FISHER[0][0] + g[1] ** 2 * FISHER[1][1]);
      const r1 = one.rulesets[r].risk!;
      const r4 = four.rulesets[r].risk!;
      // The sd of a sample sd is about sd/√(2n): 4 of those, plus 2% for the curvature the delta method ignores.
      expect(Math.abs(r1.fitSd / delta - 1), `ruleset ${r}`).toBeLessThan(4 / Math.sqrt(2 * n) + 0.02);
      const ratio = (r4.fitSd / r1.fitSd) ** 2;
      expect(ratio).toBeGreaterThan(3.6);
      expect(ratio).toBeLessThan(4.4);
      for (const x of [r1, r4]) {
        const parts = Math.sqrt(x.processSd ** 2 + x.parameterSd ** 2 + x.fitSd ** 2);
        expect(Math.abs(parts / x.totalSd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
        expect(x.fitShare).toBeCloseTo(x.fitSd ** 2 / parts ** 2, 12);
        expect(x.parameterSd).toBe(0);
      }
      // A 2,000-record fit of a lognormal moves the expected payout far more than the year's process does.
      expect(r1.fitShare).toBeGreaterThan(0.8);
      // The Monte Carlo mean (drawn parameters) agrees with the analytic mean averaged over them (4 se).
      for (const run of [one, four]) {
        const x = run.rulesets[r];
        expect(Math.abs(x.payout.mean - x.analyticMean!)).toBeLessThan(4 * x.payout.se);
      }
    }
  }, 60_000);
  it('the analytic mean over the draws: the second-order rule against a 12×12 Gauss–Hermite product rule', () => {
    const cov = times(FISHER, 4);
    const rule = analyticExpectation(compileModel(withFit(base(), cov)));
    const gh = gaussHermite(12);
    const sd = [Math.sqrt(cov[0][0]), Math.sqrt(cov[1][1])];
    const direct = [0, 0];
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++) {
        // E[f(Z)] = Σ wᵢ f(√2·xᵢ) with the rule's weights normalised to sum to 1 (math/quadrature.ts).
        const w = gh.w[i] * gh.w[j];
        const at = [
          payoutAt(0, 8.2 + Math.SQRT2 * gh.x[i] * sd[0], 1.3 + Math.SQRT2 * gh.x[j] * sd[1]),
          payoutAt(1, 8.2 + Math.SQRT2 * gh.x[i] * sd[0], 1.3 + Math.SQRT2 * gh.x[j] * sd[1]),
        ];
        direct[0] += w * at[0];
        direct[1] += w * at[1];
      }
    for (let r = 0; r < 2; r++) {
      const atEstimate = payoutAt(r, 8.2, 1.3);
      const bias = direct[r] / atEstimate - 1;
      expect(Math.abs(rule[r].payout! / direct[r] - 1)).toBeLessThan(0.02 * Math.abs(bias));
      expect(bias).toBeGreaterThan(0.005);
    }
  }, 60_000);
  it('beside a cost-level shock: three parts that add up, the shock part as without the fit', async () => {
    const s = structuredClone(withFit(base(), FISHER));
    s.simulation.parameterRisk = { costLevel: { cv: a(0.1) }, shared: true };
    const shocked = structuredClone(base());
    shocked.simulation.parameterRisk = { costLevel: { cv: a(0.1) }, shared: true };
    const both = (await split(requireScenario(s))).rulesets[0].risk!;
    const shockOnly = (await split(requireScenario(shocked))).rulesets[0].risk!;
    // The shock part is Var(E[S | c]) with the fit averaged out: near the one at the estimates (the fit moves
    // the mean payout by well under a tenth, and the shock part scales with it).
    expect(Math.abs(both.parameterSd / shockOnly.parameterSd - 1)).toBeLessThan(0.1);
    expect(both.parameterSd).toBeGreaterThan(0);
    const parts = Math.sqrt(both.processSd ** 2 + both.parameterSd ** 2 + both.fitSd ** 2);
    expect(Math.abs(parts / both.totalSd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    // The cost shock is drawn as before: the same per-trial shocks with and without the fit.
    expect(both.processSd / shockOnly.processSd).toBeGreaterThan(0.9);
    expect(both.processSd / shockOnly.processSd).toBeLessThan(1.1);
  }, 60_000);
});

describe('where the fit part is shown', () => {
  it('report.md and the text table gain fit columns only when there is a fit part; --json keeps its keys', async () => {
    const withIt = await runScenario(withFit(base(), FISHER), { trials: 40, seed: 'show' });
    const without = await runScenario(base(), { trials: 40, seed: 'show' });
    expect(Object.keys(withIt.rulesets[0].risk!)).toEqual(['totalSd', 'parameterSd', 'processSd', 'parameterShare', 'fitSd', 'fitShare']);
    const labels = (r: typeof withIt) => riskTable(r).columns.map((c) => c.label.en);
    expect(labels(without)).toEqual(['ruleset', 'sd', 'process', 'parameter', 'parameter share']);
    expect(labels(withIt)).toEqual(['ruleset', 'sd', 'process', 'parameter', 'parameter share', 'fit (estimation)', 'fit share']);
    const t = riskTable(withIt);
    expect(t.rows[0][5]).toBe(withIt.rulesets[0].risk!.fitSd);
    expect(t.rows[0][6]).toBe(withIt.rulesets[0].risk!.fitShare);
    const md = markdownReport(withFit(base(), FISHER), withIt, []);
    expect(md).toContain('fit (estimation) 拟合（估计）');
    expect(md).toContain('The fit part is the estimation risk of the fitted severities');
    expect(markdownReport(base(), without, [])).not.toContain('拟合');
    // The workbench's row appears with a fit part, in both languages.
    const rows = (result: typeof withIt) =>
      resultRows({ analytic: [], result, comparisons: [], baseline: 'jiangyin-2020', exact: null, lang: 'zh' }).map((r) => r.label.en);
    expect(rows(withIt)).toContain('payout sd: fit (fit share)');
    expect(rows(without)).not.toContain('payout sd: fit (fit share)');
    // The exact rows name why there is no exact distribution.
    const exact = { rulesets: exactAggregate(compileModel(withFit(base(), FISHER)), { buckets: 1 << 12 }), curves: [], milliseconds: 0 };
    expect(exact.rulesets[0].cause).toBe('fitDraws');
    for (const lang of ['zh', 'en'] as const) {
      const row = resultRows({ analytic: [], result: withIt, comparisons: [], baseline: 'jiangyin-2020', exact, lang }).find(
        (r) => r.label.en === 'loss ratio P5–P95 (exact, FFT)',
      )!;
      expect(row.cell('jiangyin-2020', 0)).toBe(
        lang === 'zh' ? '仅蒙特卡洛（拟合参数逐次抽取）' : 'Monte Carlo only (fitted parameters drawn per trial)',
      );
    }
  });
  it('a draw clamped into the region is counted and reported as a warning', () => {
    // A body weight of 0.5 with sd 10⁶ (the checks refuse it; compiled here directly): every draw leaves (0, 1).
    const t = structuredClone(base()) as Json;
    t.populations[0].severity = {
      family: 'spliced',
      mu: a(7.5),
      sigma: a(1.1),
      splice: a(15000),
      alpha: a(2.3),
      bodyWeight: a(0.5),
      uncertainty: { parameters: ['bodyWeight'], covariance: [[1e12]] },
    };
    const model = compileModel(t as Scenario);
    const out = new Float64Array(trialBlockSize(model, 3));
    simulateTrials(model, 'clamp', 0, 3, out);
    expect(Array.from(column(model, out, 3, 0, 0, FIT_CLAMPED))).toEqual([1, 1, 1]);
    expect(fitWarnings(model, out, 3)).toEqual([
      "populations[0] (city): in 3 of 3 trials every draw of the severity's parameters (bodyWeight) left the family's valid region, and the last one was clamped into it: the covariance is too wide for its estimates",
    ]);
  });
});

describe('the command line', () => {
  // Jiangyin 2020's composite lognormal–Pareto severity (α = 2.584) with an illustrative fit covariance of μ, σ and α.
  const file = () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'scenarios/jiangyin-2020.json'), 'utf8'));
    d.populations[0].severity.uncertainty = {
      parameters: ['mu', 'sigma', 'alpha'],
      covariance: [
        [0.0016, 0.0003, 0],
        [0.0003, 0.0009, 0],
        [0, 0, 0.04],
      ],
      n: 2000,
      source: 'illustration',
    };
    const dir = mkdtempSync(join(tmpdir(), 'fit-unc-'));
    writeFileSync(join(dir, 'jy-fit.json'), JSON.stringify(d));
    return { dir, path: join(dir, 'jy-fit.json'), data: d };
  };
  it('run prints the fit part in its text and --json; validate names a bad covariance by path; exact says Monte Carlo only', async () => {
    const f = file();
    try {
      const json = JSON.parse((await command('run', f.path, '--trials', '40', '--workers', '1', '--json')).out);
      const risk = json.rulesets[0].risk;
      expect(risk.fitSd).toBeGreaterThan(risk.processSd);
      const text = await command('run', f.path, '--trials', '40', '--workers', '1', '--lang', 'en');
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/fit \(estimation\) \(10k yuan\)\s+fit share/);
      const zh = await command('run', f.path, '--trials', '40', '--workers', '1', '--lang', 'zh');
      expect(zh.out).toMatch(/拟合（估计） \(万元\)\s+拟合占比/);
      const exact = await command('exact', f.path);
      expect(exact.out + exact.err).toContain("draws its fitted severity's parameters per trial");
      f.data.populations[0].severity.uncertainty.covariance[2][2] = 4;
      writeFileSync(f.path, JSON.stringify(f.data));
      const bad = await command('validate', f.path);
      expect(bad.code).not.toBe(0);
      expect(bad.out + bad.err).toContain(
        'populations[0].severity.uncertainty.covariance[2][2]: gives alpha a standard deviation of 2, more than the distance 1.584 from its estimate 2.584 to the edge of the valid region (alpha > 1)',
      );
    } finally {
      rmSync(f.dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('every parametric family', () => {
  // Each family's parameters drawn with a 2% sd (μ: 0.02): the draws build valid severities, the fit part is
  // positive and finite, no draw is clamped, and the Monte Carlo mean meets the analytic one (4 se).
  const families = SEVERITIES.filter(([name]) => name !== 'empirical');
  for (const [name, spec] of families) {
    it(name, async () => {
      const parameters = SEVERITY_PARAMETERS[spec.family as ParametricFamily] as readonly string[];
      const value = (n: string) => (spec as unknown as Record<string, { value: number }>)[n].value;
      const covariance = parameters.map((n, i) => parameters.map((_, j) => (i === j ? (n === 'mu' ? 0.02 : 0.02 * value(n)) ** 2 : 0)));
      const s = withFit(smallScenario(spec, 50_000), covariance, 0, [...parameters]);
      const raw = await runRaw(s, { trials: 300, seed: `family-${name}` });
      const r = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
      expect(r.warnings).toBeUndefined();
      for (const x of r.rulesets) {
        expect(x.risk!.fitSd).toBeGreaterThan(0);
        expect(Number.isFinite(x.risk!.fitSd)).toBe(true);
        expect(Math.abs(x.payout.mean - x.analyticMean!)).toBeLessThan(4 * x.payout.se);
      }
    });
  }
});
