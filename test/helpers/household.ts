// The household tests' closed-form scenario (issue #33): one population, lognormal cost and income, no benefit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { householdExpectation } from '../../src/engine/household.ts';
import { householdRun } from '../../src/engine/household-sample.ts';
import type { EngineModel } from '../../src/engine/model.ts';
import { ROOT } from './golden.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const a = (value: number) => ({ value, assumption: 'test' });

/** Cost ln C ~ N(9, 1.2²) and income ln Y ~ N(10, 0.6²), as both household test files state them. */
export const CLOSED_FORM = { mc: 9, sc: 1.2, my: 10, sy: 0.6 } as const;

/**
 * One population (Jiangyin's, 100,000 insured, 20% with cost), lognormal cost (μc, σc) and lognormal income
 * (μy, σy), no benefit (the track's deductible above every amount), no self-pay: out-of-pocket = cost, so
 * P(oop > s·Y) = P(ln C − ln Y > ln s) = Φ((μc − μy − ln s)/√(σc² + σy²)), times the incidence for a share of all
 * members. Poverty line 8,000; 200,000 members sampled; no parameter risk, no trend.
 */
export function closedFormScenario(): Json {
  const d = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jiangyin-2020.json'), 'utf8'));
  const p = d.populations[0];
  p.severity = { family: 'lognormal', mu: a(CLOSED_FORM.mc), sigma: a(CLOSED_FORM.sc) };
  delete p.costLevel;
  p.incidence = a(0.2);
  p.insured = a(100_000);
  p.groups = [];
  p.selfPay = { ratio: a(0), compliantShare: a(0) };
  p.income = { family: 'lognormal', mu: a(CLOSED_FORM.my), sigma: a(CLOSED_FORM.sy) };
  const r = d.rulesets[0];
  r.tracks = [{ id: 't', base: 'selfBurden', deductible: a(1e10), bands: [{ to: null, ratio: 0.6, assumption: 'test' }] }];
  r.modifiers = [];
  delete r.assistance;
  delete r.funding.monthsInForce;
  delete r.corridor;
  d.rulesets = [r];
  d.targets = [];
  d.household = { povertyLine: a(8000), members: 200_000, assumption: 'test' };
  delete d.simulation.parameterRisk;
  delete d.simulation.trend;
  return d;
}

/**
 * The sampled household figures of the closed-form scenario's one population (stream `stream` of the run's seed):
 * catastrophic spending at 10% and 25% within 4 of their standard errors of `closed(share)`, and the impoverished
 * count within 4 of its standard error of the analytic value (engine/household.ts). Returns the analytic figures.
 */
export function expectSampleNearClosedForm(model: EngineModel, stream: string, closed: (share: number) => number) {
  const h = householdRun(model, stream).rulesets[0].populations[0].household!;
  for (const [key, s] of [
    ['catastrophic10', 0.1],
    ['catastrophic25', 0.25],
  ] as const) {
    const se = h.intervals[key]!.se;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs(h[key] - closed(s))).toBeLessThan(4 * se);
  }
  const analytic = householdExpectation(model, 0, 0).household!;
  expect(Math.abs(h.impoverished! - analytic.impoverished!)).toBeLessThan(4 * h.intervals.impoverished!.se);
  return analytic;
}
