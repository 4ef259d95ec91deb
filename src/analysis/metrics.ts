/**
 * Metrics by their `run --json` names, analytic (instant) or from a Monte Carlo run, for goal seeking, sweeps
 * and calibration.
 */
import { analyticExpectation, type AnalyticValues } from '../engine/analytic.ts';
import { compileModel } from '../engine/model.ts';
import { runScenario } from '../engine/run.ts';
import type { MetricsSummary } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';

export const ANALYTIC_METRICS = ['payout', 'lossRatio', 'reimbursementRatio', 'burdenReductionRate', 'beneficiaries'] as const;
export const MC_METRICS = ['probLoss', 'personTimes', 'lossRatioP95', 'insurerMean'] as const;
export type MetricName = (typeof ANALYTIC_METRICS)[number] | (typeof MC_METRICS)[number];

export function isMetric(m: string): m is MetricName {
  return (ANALYTIC_METRICS as readonly string[]).includes(m) || (MC_METRICS as readonly string[]).includes(m);
}

export function analyticMetric(v: AnalyticValues, m: MetricName): number {
  switch (m) {
    case 'payout':
      return v.payout ?? NaN;
    case 'lossRatio':
      return v.lossRatio ?? NaN;
    case 'reimbursementRatio':
      return v.reimbursementRatio ?? NaN;
    case 'burdenReductionRate':
      return v.burdenReductionRate ?? NaN;
    case 'beneficiaries':
      return v.beneficiaries ?? NaN;
    default:
      return NaN;
  }
}

export function mcMetric(r: MetricsSummary, m: MetricName, trials: number): { value: number; lo95: number; hi95: number } {
  const ci = (mean: number, se: number) => ({ value: mean, lo95: mean - 1.96 * se, hi95: mean + 1.96 * se });
  switch (m) {
    case 'payout':
      return ci(r.payout.mean, r.payout.se);
    case 'lossRatio':
      return ci(r.lossRatio.mean, r.lossRatio.sd / Math.sqrt(trials));
    case 'probLoss': {
      const p = r.lossRatio.probAbove1;
      return ci(p, Math.sqrt((p * (1 - p)) / trials));
    }
    case 'lossRatioP95':
      return { value: r.lossRatio.p95, lo95: NaN, hi95: NaN };
    case 'insurerMean':
      return r.corridor ? ci(r.corridor.insurerMean, r.corridor.insurer.se) : { value: NaN, lo95: NaN, hi95: NaN };
    case 'personTimes':
      return { value: r.personTimes.mean, lo95: NaN, hi95: NaN };
    case 'beneficiaries':
      return { value: r.beneficiaries.mean, lo95: NaN, hi95: NaN };
    case 'reimbursementRatio':
      return { value: r.reimbursementRatio, lo95: NaN, hi95: NaN };
    case 'burdenReductionRate':
      return { value: r.burdenReductionRate, lo95: NaN, hi95: NaN };
  }
}

export function evaluateAnalytic(s: Scenario, rulesetIndex: number, m: MetricName): number {
  return analyticMetric(analyticExpectation(compileModel(s))[rulesetIndex], m);
}

export async function evaluateMonteCarlo(s: Scenario, rulesetIndex: number, m: MetricName, trials: number, seed: string | number) {
  const r = await runScenario(s, { trials, seed });
  return mcMetric(r.rulesets[rulesetIndex], m, trials);
}
