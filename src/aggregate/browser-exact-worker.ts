/// <reference lib="webworker" />
// Web Worker for the exact aggregate: a scenario in, figures and drawable curves out, off the page's thread.
import type { Scenario } from '../scenario/schema.ts';
import { ExactCache } from './exact-cache.ts';
import type { ExactCurve } from './summary.ts';

/** Rulesets an edit did not touch keep their result (exact-cache.ts). */
const cache = new ExactCache();

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = e.data;
  try {
    const started = performance.now();
    const parts = cache.compute(scenario);
    scope.postMessage({
      id,
      rulesets: parts.map((p) => p.summary),
      curves: parts.map((p) => p.curve).filter((c): c is ExactCurve => c !== null),
      computed: cache.computed,
      milliseconds: performance.now() - started,
    });
  } catch (err) {
    scope.postMessage({ id, error: (err as Error).message });
  }
};
