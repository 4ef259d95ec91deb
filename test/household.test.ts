// Household indicators (issue #33): the three-layer settlement of one person to the fen, the catastrophic-spending
// incidence of a population with a closed form (analytic quadrature and Monte Carlo), and a proposal's paired
// difference with its interval.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../src/math/normal.ts';
import { giniFromSigma, incomeFromMeanGini, sigmaFromGini } from '../src/math/income.ts';
import { householdExpectation, householdExpectations } from '../src/engine/household.ts';
import { householdRun } from '../src/engine/household-sample.ts';
import { modelOf } from '../src/engine/validate-model.ts';
import { settle } from '../src/rules/assistance.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { ROOT } from './helpers/golden.ts';
import { closedFormScenario, expectSampleNearClosedForm } from './helpers/household.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const shipped = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const a = (value: number) => ({ value, assumption: 'test' });

describe('the three-layer settlement of one person (to the fen)', () => {
  it('Jiangyin 2020 with an assumed assistance layer: basic → critical illness → assistance', () => {
    const r = shipped('jiangyin-2020').rulesets[0];
    r.assistance = { groups: ['assistance'], deductible: a(5000), rate: a(0.7), cap: a(50000), assumption: 'test' };
    r.basic = { deductible: a(1000), rate: a(0.8), cap: a(300000) };
    const s = requireScenario({ ...shipped('jiangyin-2020'), rulesets: [r] }).rulesets[0];
    // Policy-range cost 500,000.00; basic pays min(300,000, 0.8 × (500,000 − 1,000) = 399,200) = 300,000.00, so the
    // self-burden is 200,000.00. Critical illness (assistance recipient: deductible 9,000, 65% to 100,000, 85% above):
    // 0.65 × 91,000 + 0.85 × 100,000 = 59,150 + 85,000 = 144,150.00. Remaining in-policy burden
    // 200,000 + compliant 3,000.50 − 144,150 = 58,850.50; assistance 0.7 × (58,850.50 − 5,000) = 37,695.35.
    // Out-of-pocket = 200,000 + self-pay 10,000.50 − 144,150 − 37,695.35 = 28,155.15.
    const x = settle(s, ['assistance'], { policyCost: '500000', compliantSelfPay: '3000.50', selfPay: '10000.50' });
    expect(x).toMatchObject({
      cost: '510000.50',
      basic: '300000.00',
      selfBurden: '200000.00',
      criticalIllness: '144150.00',
      assistance: '37695.35',
      assistanceRecipient: true,
      outOfPocket: '28155.15',
    });
    // A member without the tag: no assistance; out-of-pocket 200,000 + 10,000.50 − (0.6 × 82,000 + 0.8 × 100,000
    // = 129,200) = 80,800.50.
    const y = settle(s, [], { policyCost: '500000', compliantSelfPay: '3000.50', selfPay: '10000.50' });
    expect(y).toMatchObject({ criticalIllness: '129200.00', assistance: '0.00', assistanceRecipient: false, outOfPocket: '80800.50' });
  });

  it('the assistance cap binds and each layer rounds half-up to the fen', () => {
    const r = shipped('jiangyin-2020').rulesets[0];
    r.assistance = { groups: ['assistance'], deductible: a(0), rate: a(0.333), cap: a(20000), assumption: 'test' };
    const s = requireScenario({ ...shipped('jiangyin-2020'), rulesets: [r] }).rulesets[0];
    // Self-burden 10,000.05 (below the recipient's 9,000 deductible? no: above it): CI = 0.65 × 1,000.05 = 650.0325
    // → 650.03; remaining 9,350.02; assistance 0.333 × 9,350.02 = 3,113.556… → 3,113.56; out-of-pocket
    // 10,000.05 − 650.03 − 3,113.56 = 6,236.46.
    expect(settle(s, ['assistance'], { selfBurden: '10000.05' })).toMatchObject({
      criticalIllness: '650.03',
      assistance: '3113.56',
      outOfPocket: '6236.46',
    });
    // Self-burden 300,000: CI = 0.65 × 91,000 + 0.85 × 200,000 = 229,150; remaining 70,850; 0.333 × 70,850 =
    // 23,593.05 > cap 20,000 → 20,000.00; out-of-pocket 300,000 − 229,150 − 20,000 = 50,850.00.
    expect(settle(s, ['assistance'], { selfBurden: '300000' })).toMatchObject({ assistance: '20000.00', outOfPocket: '50850.00' });
  });
});

describe('income from a mean and a Gini', () => {
  it('Gini = 2Φ(σ/√2) − 1 inverts, and the mean is kept', () => {
    // G = 0.35 → Φ⁻¹(0.675) = 0.45376… → σ = 0.64172 (R 4.x: print(sqrt(2) * qnorm(0.675), digits = 10) gives 0.6417166434).
    expect(sigmaFromGini(0.35)).toBeCloseTo(0.6417166434, 9);
    expect(giniFromSigma(sigmaFromGini(0.4))).toBeCloseTo(0.4, 12);
    const inc = incomeFromMeanGini(70966, 0.35);
    expect(Math.exp(inc.mu + inc.sigma ** 2 / 2)).toBeCloseTo(70966, 6);
  });
});

describe('catastrophic incidence against the closed form', () => {
  const scenario = requireScenario(closedFormScenario()) as Scenario;
  const model = modelOf(scenario);
  const closed = (s: number) => 0.2 * normalCdf((9 - 10 - Math.log(s)) / Math.sqrt(1.2 ** 2 + 0.6 ** 2));

  it('quadrature meets Φ((μc − μy − ln s)/√(σc² + σy²)) to 1e-9', () => {
    const h = householdExpectation(model, 0, 0).household!;
    expect(Math.abs(h.catastrophic10 - closed(0.1))).toBeLessThan(1e-9);
    expect(Math.abs(h.catastrophic25 - closed(0.25))).toBeLessThan(1e-9);
    // Out-of-pocket = cost: 100,000 × 0.2 × e^{9 + 0.72} (lognormal mean).
    expect(h.outOfPocket! / (20_000 * Math.exp(9 + 0.72))).toBeCloseTo(1, 10);
    // Impoverished: P(Y ≥ z, Y − C < z) = E[F_Y(z + C)] − F_Y(z); checked against a direct 2-D Monte Carlo below.
  });

  it('Monte Carlo within 4 standard errors of the closed form, and of the analytic impoverishment', () => {
    const analytic = expectSampleNearClosedForm(model, 'household-known-answer', closed);
    expect(analytic.impoverished!).toBeGreaterThan(0);
  });
});

describe('a proposal against the baseline (Jiangyin with incomes)', () => {
  const d = shipped('jiangyin-2020');
  const r0 = d.rulesets[0];
  const r1 = structuredClone(r0);
  r1.id = 'lower-deductible';
  r1.tracks[0].deductible = a(9000);
  d.rulesets = [r0, r1];
  d.populations[0].income = { family: 'lognormal', mu: a(10.8), sigma: a(0.65) };
  d.household = { povertyLine: a(12000), members: 100_000, assumption: 'test' };
  const model = modelOf(requireScenario(d));

  it('a lower deductible lowers catastrophic incidence: paired difference negative, its interval covers the analytic difference', () => {
    const run = householdRun(model, 7);
    const c = run.comparisons[0];
    expect(c.b).toBe('lower-deductible');
    const diff = c.total!.catastrophic10!;
    const exp = householdExpectations(model);
    const analytic = exp[1].total!.catastrophic10 - exp[0].total!.catastrophic10;
    expect(analytic).toBeLessThan(0);
    expect(diff.hi95).toBeLessThan(0);
    expect(diff.lo95).toBeLessThan(analytic);
    expect(diff.hi95).toBeGreaterThan(analytic);
    // Paired: the difference is far more precise than either level.
    expect(diff.se).toBeLessThan(run.rulesets[0].total!.intervals.catastrophic10!.se);
  });
});
