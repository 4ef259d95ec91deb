/// <reference lib="webworker" />
// Web Worker for the exact aggregate: a scenario in, figures and drawable curves out, off the page's thread.
import { compileModel } from '../engine/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { exactAggregate } from './exact.ts';
import { exactCurve, withoutDistribution } from './summary.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = e.data;
  try {
    const started = performance.now();
    const results = exactAggregate(compileModel(scenario));
    scope.postMessage({
      id,
      rulesets: results.map(withoutDistribution),
      curves: results.map((r) => exactCurve(r)).filter((c) => c !== null),
      milliseconds: performance.now() - started,
    });
  } catch (err) {
    scope.postMessage({ id, error: (err as Error).message });
  }
};
