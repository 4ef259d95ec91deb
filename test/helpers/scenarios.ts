import { readFileSync } from 'node:fs';
import type { Scenario, SeveritySpec } from '../../src/scenario/schema.ts';
import { requireScenario } from '../../src/scenario/validate.ts';
import { ROOT } from './golden.ts';

export function shipped(name: string): Scenario {
  return requireScenario(readFileSync(`${ROOT}scenarios/${name}.json`, 'utf8'));
}

/** A small test scenario: one population with the given severity through the Jiangyin and Jilin rules. */
export function smallScenario(severity: SeveritySpec, insured = 200_000, incidence = 0.2): Scenario {
  const jy = shipped('jiangyin-2020');
  const jl = shipped('jilin-2017');
  const s = structuredClone(shipped('compare-regions'));
  s.populations[0].insured = { value: insured, assumption: 'test' };
  s.populations[0].incidence = { value: incidence, assumption: 'test' };
  s.populations[0].severity = severity;
  s.rulesets = [jy.rulesets[0], jl.rulesets[0]].map((r) => structuredClone(r));
  // Jilin's deductibles are indexed to its income figures (scenario/income-index.ts): they travel with its rules.
  s.incomeIndex = structuredClone(jl.incomeIndex);
  for (const r of s.rulesets) {
    r.funding.channels = [{ channel: 'unspecified', perInsured: { value: 50, assumption: 'test' } }];
    delete r.funding.monthsInForce;
  }
  s.simulation = { trials: 200, seed: 'test', baseline: 'jiangyin-2020' };
  return requireScenario(s);
}

/** One of each severity family (engine/bench.ts, where `jingsuan bench` times their draws). */
export { BENCH_SEVERITIES as SEVERITIES } from '../../src/engine/bench.ts';

/**
 * The largest valid file of the hostile-file issue: 16 populations × 12 rulesets (the limits) of 10 insured each,
 * 100,000 trials (the limit), built from Jiangyin 2020.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function largestValidFile(): any {
  const d = JSON.parse(readFileSync(`${ROOT}scenarios/jiangyin-2020.json`, 'utf8'));
  const a = (value: number) => ({ value, assumption: 'hostile test' });
  const pop = d.populations[0];
  d.populations = Array.from({ length: 16 }, (_, i) => ({ ...structuredClone(pop), id: `p${i}`, insured: a(10) }));
  const r0 = d.rulesets[0];
  d.rulesets = Array.from({ length: 12 }, (_, i) => ({ ...structuredClone(r0), id: `r${i}` }));
  for (const r of d.rulesets) r.funding.channels = [{ channel: 'fundTransfer', perInsured: a(50) }];
  d.simulation = { trials: 100_000, seed: 'largest' };
  return d;
}
