/**
 * A metric of a scenario by its `run --json` name (the table: engine/metrics.ts), analytic (instant) or from a
 * Monte Carlo run, for goal seeking, sweeps and calibration.
 */
import { analyticExpectation, type AnalyticRuleset } from '../engine/analytic.ts';
import { compileModel } from '../engine/model.ts';
import { runScenario } from '../engine/run.ts';
import { analyticMetric, mcMetric, type MetricName } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';

export { ANALYTIC_METRICS, analyticMetric, isAnalytic, isMetric, mcMetric, RUN_METRICS, type MetricName } from '../engine/metrics.ts';

export function evaluateAnalytic(s: Scenario, rulesetIndex: number, m: MetricName): number {
  return analyticMetric(analyticExpectation(compileModel(s))[rulesetIndex], m);
}

export async function evaluateMonteCarlo(s: Scenario, rulesetIndex: number, m: MetricName, trials: number, seed: string | number) {
  const r = await runScenario(s, { trials, seed });
  return mcMetric(r.rulesets[rulesetIndex], m, trials);
}

/**
 * Analytic values of one ruleset, compiling only it (the others do not change while one parameter moves): a
 * one-ruleset copy of the scenario with no baseline of its own.
 */
export function analyticOfRuleset(s: Scenario, rulesetIndex: number): AnalyticRuleset {
  const one = { ...s, rulesets: [s.rulesets[rulesetIndex]], simulation: { ...s.simulation, baseline: undefined } };
  return analyticExpectation(compileModel(one))[0];
}
