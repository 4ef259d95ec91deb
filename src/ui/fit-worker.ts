/// <reference lib="webworker" />
/**
 * The severity fits off the page's thread: all seven families on 2,000 claims took about 270 ms in Node on this
 * 2-core machine (December 2026, fit branch of that day), far over the 50 ms a page may hold its thread.
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
