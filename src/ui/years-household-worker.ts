/// <reference lib="webworker" />
/**
 * Each year's household figures for the years panel (years-panel.ts), off the page's thread: one year's sample of
 * members takes 0.1–0.3 s (engine/years.ts householdOfYears), longer than a task on the page may run. The figures
 * are the ones `run --years` reports for the same file and seed.
 */
import { householdOfYears } from '../engine/years.ts';
import type { Scenario } from '../scenario/schema.ts';

export type YearsHouseholdRequest = { scenario: Scenario; years: number };
export type YearsHouseholdReply = { years: ReturnType<typeof householdOfYears> } | { error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<YearsHouseholdRequest>) => {
  let reply: YearsHouseholdReply;
  try {
    reply = { years: householdOfYears(e.data.scenario, e.data.years) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
