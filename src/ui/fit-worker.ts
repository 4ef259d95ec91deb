/// <reference lib="webworker" />
/**
 * The severity fits off the page's thread. Measured for 2,000 individual amounts (lognormal draws, all seven
 * families) on this 2-core machine under load, December 2026: 96–183 ms a fit in headless Chromium (a fresh worker
 * each time, as the dialog starts one), 53–111 ms in Node; over the 50 ms a page may hold its thread.
 */
import { fitSeverities } from '../fit/fit.ts';
import type { FamilyFit, FitData } from '../fit/types.ts';

export type FitReply = { fits: FamilyFit[]; ms: number } | { error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<FitData>) => {
  const t0 = performance.now();
  let reply: FitReply;
  try {
    reply = { fits: fitSeverities(e.data), ms: performance.now() - t0 };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
