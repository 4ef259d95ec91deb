// The household measures of issue #33 beyond independence: a cost–income rank correlation (Gaussian copula),
// catastrophic spending at 40% of capacity to pay (WHO; Xu et al. 2003), and an out-of-pocket ceiling by income band
// (assistance.ceiling), each against a closed form or an independent integration (R), analytic and Monte Carlo.
//
// The R cross-check (R 4.x, base R only; run `Rscript check.R`):
//   mc <- 9; sc <- 1.2; my <- 10; sy <- 0.6; q <- 0.2
//   rho <- 2 * sin(pi * 0.3 / 6)
//   f1 <- function(z) dnorm(z) * pnorm((mc + sc * z - log(0.1) - (my + sy * rho * z)) / (sy * sqrt(1 - rho^2)))
//   q * integrate(f1, -Inf, Inf, rel.tol = 1e-12)$value                       # 0.173784296435
//   E <- 20000; cc <- 0.08; fy <- function(y) dlnorm(y, my, sy)
//   q * integrate(function(y) fy(y) * plnorm(0.1 * y, mc, sc, lower.tail = FALSE), E, Inf)$value   # 0.0856518897074
//   q * integrate(function(y) fy(y) * plnorm(0.25 * y, mc, sc, lower.tail = FALSE), E, Inf)$value  # 0.0554119266399
//   stoploss <- function(a) exp(mc + sc^2/2) * pnorm((mc + sc^2 - log(a))/sc) - a * pnorm((mc - log(a))/sc)
//   integrate(function(y) fy(y) * stoploss(cc * y), 0, E, rel.tol = 1e-12)$value                 # 6797.78551764
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdExpectation, householdExpectations } from '../src/engine/household.ts';
import { householdRun } from '../src/engine/household-sample.ts';
import { modelOf } from '../src/engine/validate-model.ts';
import { pearsonFromSpearman } from '../src/math/income.ts';
import { normalCdf, normalQuantile } from '../src/math/normal.ts';
import { settle } from '../src/rules/assistance.ts';
import { typicalCase } from '../src/rules/typical-case.ts';
import { validateData, requireScenario } from '../src/scenario/validate.ts';
import { ROOT } from './helpers/golden.ts';
import { CLOSED_FORM, closedFormScenario as closedForm, expectSampleNearClosedForm } from './helpers/household.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const shipped = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const a = (value: number) => ({ value, assumption: 'test' });

const { mc: MC, sc: SC, my: MY, sy: SY } = CLOSED_FORM;

/** P(C > s·Y) × 0.2 for lognormal C, Y with normal-score correlation ρ. */
const closed = (s: number, rho: number) => 0.2 * normalCdf((MC - MY - Math.log(s)) / Math.sqrt(SC ** 2 + SY ** 2 - 2 * rho * SC * SY));

describe('cost–income rank correlation (Gaussian copula)', () => {
  const d = closedForm();
  d.populations[0].income.rankCorrelation = a(0.3);
  const model = modelOf(requireScenario(d));
  const rho = pearsonFromSpearman(0.3);

  it('Spearman 0.3 → Pearson 2 sin(π·0.3/6) = 0.31286893…', () => {
    expect(rho).toBeCloseTo(0.3128689300804618, 15);
  });

  it('analytic meets Φ((μc − μy − ln s)/√(σc² + σy² − 2ρσcσy)) to 1e-7 (R: 0.173784296435 at 10%)', () => {
    const h = householdExpectation(model, 0, 0).household!;
    expect(Math.abs(h.catastrophic10 - closed(0.1, rho))).toBeLessThan(1e-7);
    expect(Math.abs(h.catastrophic25 - closed(0.25, rho))).toBeLessThan(1e-7);
    expect(Math.abs(closed(0.1, rho) - 0.173784296435)).toBeLessThan(1e-11);
    // Here the median member with cost is above 10% (μc − μy − ln 0.1 > 0): a positive correlation narrows the spread
    // of ln C − ln Y, so more members are above it than under independence.
    expect(h.catastrophic10).toBeGreaterThan(closed(0.1, 0));
  });

  it('Monte Carlo within 4 se of the closed form, and of the analytic impoverishment', () => {
    expectSampleNearClosedForm(model, 'copula', (s) => closed(s, rho));
  });

  it('a negative correlation (poorer members, larger costs) raises incidence, analytic and sampled', () => {
    const e = closedForm();
    e.populations[0].income.rankCorrelation = a(-0.5);
    const m = modelOf(requireScenario(e));
    const r = pearsonFromSpearman(-0.5);
    const an = householdExpectation(m, 0, 0).household!;
    expect(Math.abs(an.catastrophic10 - closed(0.1, r))).toBeLessThan(1e-7);
    const mc = householdRun(m, 11).rulesets[0].populations[0].household!;
    expect(Math.abs(mc.catastrophic10 - closed(0.1, r))).toBeLessThan(4 * mc.intervals.catastrophic10!.se);
  });
});

describe('catastrophic spending at 40% of capacity to pay', () => {
  const d = closedForm();
  d.populations[0].spending = { consumptionShare: a(0.65), foodShare: a(0.3) };
  const model = modelOf(requireScenario(d));
  // Capacity = Y × 0.65 × 0.7; 40% of it is 0.182·Y.
  const k = 0.4 * 0.65 * 0.7;

  it('analytic: P(C > 0.182·Y) to 1e-7; sampled within 4 se', () => {
    const h = householdExpectation(model, 0, 0).household!;
    expect(Math.abs(h.catastrophicCtp40! - closed(k, 0))).toBeLessThan(1e-7);
    expect(h.catastrophicCtp40Reason).toBeUndefined();
    const s = householdRun(model, 'ctp').rulesets[0].populations[0].household!;
    const se = s.intervals.catastrophicCtp40!.se;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs(s.catastrophicCtp40! - closed(k, 0))).toBeLessThan(4 * se);
  });

  it('null with the reason no-spending where a population gives none', () => {
    const e = closedForm();
    delete e.populations[0].spending;
    const h = householdExpectation(modelOf(requireScenario(e)), 0, 0).household!;
    expect(h.catastrophicCtp40).toBeNull();
    expect(h.catastrophicCtp40Reason).toBe('no-spending');
  });
});

describe('an out-of-pocket ceiling by income band', () => {
  /** Everyone with income below 20,000 pays at most 8% of it; the assistance group itself pays nothing (rate 0). */
  const withCeiling = (bands: Json[]) => {
    const d = closedForm();
    d.populations[0].groups = [{ tag: 'poor', share: a(0.1) }];
    d.rulesets[0].assistance = { groups: ['poor'], deductible: a(0), rate: a(0), ceiling: bands, assumption: 'test' };
    return d;
  };
  const d = withCeiling([{ incomeBelow: a(20000), share: a(0.08) }]);
  const model = modelOf(requireScenario(d));

  it('analytic against R: capped members (8% ≤ 10%) are never catastrophic; the ceiling pays E[(C − 0.08Y)⁺; Y < 20,000]', () => {
    const h = householdExpectation(model, 0, 0).household!;
    expect(Math.abs(h.catastrophic10 - 0.0856518897074)).toBeLessThan(1e-7);
    expect(Math.abs(h.catastrophic25 - 0.0554119266399)).toBeLessThan(1e-7);
    // 20,000 members with cost × 6,797.78551764 (R) each.
    expect(Math.abs(h.layers.ceiling! / 20_000 / 6797.78551764 - 1)).toBeLessThan(1e-7);
    expect(h.layers.assistance).toBeCloseTo(h.layers.ceiling!, 6);
    expect(h.outOfPocket! + h.layers.ceiling!).toBeCloseTo(20_000 * Math.exp(MC + SC ** 2 / 2), 3);
  });

  it('Monte Carlo within 4 se of the R figures', () => {
    const h = householdRun(model, 'ceiling').rulesets[0].populations[0].household!;
    expect(Math.abs(h.catastrophic10 - 0.0856518897074)).toBeLessThan(4 * h.intervals.catastrophic10!.se);
    expect(Math.abs(h.catastrophic25 - 0.0554119266399)).toBeLessThan(4 * h.intervals.catastrophic25!.se);
    expect(h.layers.ceiling).toBeGreaterThan(0);
  });

  it('two bands and a copula: analytic and sampled agree within 4 se, paired difference against no ceiling', () => {
    const e = withCeiling([
      { incomeBelow: a(15000), share: a(0.05) },
      { incomeBelow: a(40000), share: a(0.2) },
    ]);
    e.populations[0].income.rankCorrelation = a(-0.4);
    e.populations[0].spending = { consumptionShare: a(0.7), foodShare: a(0.35) };
    e.populations[0].selfPay = { ratio: a(0.2), compliantShare: a(0.5) };
    const base = structuredClone(e.rulesets[0]);
    base.id = 'no-ceiling';
    delete base.assistance.ceiling;
    e.rulesets = [base, e.rulesets[0]];
    const m = modelOf(requireScenario(e));
    const an = householdExpectations(m);
    const run = householdRun(m, 5);
    for (const ri of [0, 1]) {
      const x = an[ri].total!;
      const s = run.rulesets[ri].total!;
      for (const key of ['catastrophic10', 'catastrophic25', 'catastrophicCtp40', 'impoverished', 'outOfPocket'] as const)
        expect(Math.abs((s[key] as number) - (x[key] as number))).toBeLessThan(4 * s.intervals[key]!.se + 1e-9);
    }
    expect(an[0].total!.layers.ceiling).toBe(0);
    const diff = run.comparisons[0].total!.catastrophic10!;
    const analytic = an[1].total!.catastrophic10 - an[0].total!.catastrophic10;
    expect(analytic).toBeLessThan(0);
    expect(Math.abs(diff.mean - analytic)).toBeLessThan(4 * diff.se);
  });

  it('the exact chain caps out-of-pocket to the fen, for recipients and others alike', () => {
    const r = shipped('jiangyin-2020').rulesets[0];
    r.assistance.ceiling = [
      { incomeBelow: a(15000), share: a(0.1) },
      { incomeBelow: a(30000), share: a(0.25) },
    ];
    const s = requireScenario({ ...shipped('jiangyin-2020'), rulesets: [r] }).rulesets[0];
    // Recipient, self-burden 150,000, self-pay 20,000 (none compliant), income 13,200.33: critical illness 101,650,
    // assistance 0.7 × 48,350 = 33,845.00, in-policy remainder 14,505.00 > 10% × 13,200.33 = 1,320.033, so the
    // ceiling pays 14,505 − 1,320.033 = 13,184.967 → 13,184.97; assistance 47,029.97; out-of-pocket
    // 170,000 − 101,650 − 47,029.97 = 21,320.03 (the non-compliant 20,000 stays the member's).
    const x = settle(s, ['assistance'], { selfBurden: '150000', selfPay: '20000', income: '13200.33' });
    expect(x).toMatchObject({ criticalIllness: '101650.00', assistance: '47029.97', ceiling: '13184.97', outOfPocket: '21320.03' });
    // Not a recipient, income 20,000 (second band, 25% = 5,000), self-burden 60,000: critical illness
    // 0.6 × (60,000 − 18,000) = 25,200; remainder 34,800 → ceiling 29,800.00; out-of-pocket 60,000 − 25,200 − 29,800
    // = 5,000.00 (exactly 25% of income: not above it).
    const y = typicalCase(s, [], { selfBurden: '60000' }, '20000', 12000);
    expect(y).toMatchObject({ criticalIllness: '25200.00', assistance: '29800.00', ceiling: '29800.00', outOfPocket: '5000.00' });
    expect(y.catastrophic25).toBe(false);
    // Income at the edge 30,000 is above every band: no ceiling.
    expect(settle(s, [], { selfBurden: '60000', income: '30000' }).ceiling).toBe('0.00');
    // Without an income the ceiling cannot apply.
    expect(settle(s, [], { selfBurden: '60000' }).ceiling).toBe('0.00');
  });

  it('bands must ascend, and only the last may be open', () => {
    const e = withCeiling([
      { incomeBelow: null, share: a(0.1) },
      { incomeBelow: a(20000), share: a(0.2) },
      { incomeBelow: a(10000), share: a(0.2) },
    ]);
    const problems = validateData(e).problems.map((p: Json) => `${p.path}: ${p.message}`);
    expect(problems.some((p: string) => p.includes('rulesets[0].assistance.ceiling[0].incomeBelow') && p.includes('only the last'))).toBe(
      true,
    );
    expect(problems.some((p: string) => p.includes('rulesets[0].assistance.ceiling[2].incomeBelow.value') && p.includes('above'))).toBe(
      true,
    );
  });
});

describe('the copula over an empirical table (atoms): the distributional transform', () => {
  // Three amounts, 60/30/10%, income linked with Spearman 0.8. Members at one amount share an atom of the cost's
  // distribution: their ranks spread uniformly over its mass (engine/rank-score.ts, Rüschendorf 2009), as the
  // analytic figures integrate them (engine/household.ts: x = Q(s) over uniform s). Each atom's closed form:
  // P(C > k·Y | atom i) = ∫ over its normal scores z of Φ((ln(xᵢ/k) − μy − σyρz)/(σy√(1 − ρ²))) φ(z) dz / pᵢ.
  const d = closedForm();
  d.populations[0].severity = { family: 'empirical', amounts: [1000, 4000, 15000], weights: [0.6, 0.3, 0.1], assumption: 'test' };
  d.populations[0].income.rankCorrelation = a(0.8);
  const model = modelOf(requireScenario(d));
  const rho = pearsonFromSpearman(0.8);

  /** The closed form by the midpoint rule on 20,000 steps of each atom's score interval. */
  function closedAtoms(k: number, level = 1): number {
    const xs = [1000, 4000, 15000].map((x) => x * level);
    const ps = [0.6, 0.3, 0.1];
    let lo = 0;
    let total = 0;
    xs.forEach((x, i) => {
      const hi = lo + ps[i];
      const n = 20_000;
      for (let j = 0; j < n; j++) {
        const u = lo + ((j + 0.5) / n) * ps[i];
        const z = normalQuantile(u);
        total += (ps[i] / n) * normalCdf((Math.log(x / k) - MY - SY * rho * z) / (SY * Math.sqrt(1 - rho * rho)));
      }
      lo = hi;
    });
    return 0.2 * total;
  }

  it('at a cost level of 1.1 (a scaled table) the sample still meets the closed form: each draw ranked on the base table', () => {
    // 1.1 × 1,000 ÷ 1.1 is not 1,000 in floating point (nor for 4,000 and 15,000): looked up again through the scaled
    // severity, every draw missed its atom and took its top rank, as before the distributional transform.
    const e = closedForm();
    e.populations[0].severity = { family: 'empirical', amounts: [1000, 4000, 15000], weights: [0.6, 0.3, 0.1], assumption: 'test' };
    e.populations[0].costLevel = a(1.1);
    e.populations[0].income.rankCorrelation = a(0.8);
    expect([1000, 4000, 15000].every((x) => (1.1 * x) / 1.1 !== x)).toBe(true);
    const m = modelOf(requireScenario(e));
    const closed11 = (k: number) => closedAtoms(k, 1.1);
    const an = householdExpectation(m, 0, 0).household!;
    expect(Math.abs(an.catastrophic10 - closed11(0.1))).toBeLessThan(1e-6);
    expectSampleNearClosedForm(m, 'atoms-scaled', closed11);
  });

  it('analytic meets the closed form per atom (1e-6), and the sample meets both within 4 se', () => {
    const an = householdExpectation(model, 0, 0).household!;
    expect(Math.abs(an.catastrophic10 - closedAtoms(0.1))).toBeLessThan(1e-6);
    expect(Math.abs(an.catastrophic25 - closedAtoms(0.25))).toBeLessThan(1e-6);
    // With every member of an atom at its top rank, the sample sat 9–30 se off (incomes too high).
    expectSampleNearClosedForm(model, 'atoms', closedAtoms);
  });
});
