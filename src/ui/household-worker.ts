/// <reference lib="webworker" />
/**
 * The household figures off the page's thread (issue #33): the largest valid file (16 populations × 12 rulesets)
 * takes seconds of quadrature and sampling, far over the 50 ms a page may hold its thread. One worker per job
 * (household-panel.ts ends the last one when the file changes).
 */
import { householdExpectations } from '../engine/household.ts';
import { householdRun, type HouseholdRun } from '../engine/household-sample.ts';
import { modelOf } from '../engine/validate-model.ts';
import type { Scenario } from '../scenario/schema.ts';

export type HouseholdRequest = { scenario: Scenario; baseline: string };
export type HouseholdReply = { expected: ReturnType<typeof householdExpectations>; sampled: HouseholdRun } | { error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<HouseholdRequest>) => {
  let reply: HouseholdReply;
  try {
    const model = modelOf(e.data.scenario);
    const b = Math.max(
      0,
      model.rulesets.findIndex((r) => r.id === e.data.baseline),
    );
    reply = { expected: householdExpectations(model), sampled: householdRun(model, model.scenario.simulation.seed, b) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
