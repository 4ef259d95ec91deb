/** The worker side of the exact aggregate, shared by the Web Worker and worker_threads: one request, one reply. */
import type { ExactReply, ExactRequest } from './exact-protocol.ts';
import { ExactCache } from './exact-cache.ts';
import type { ExactCurve } from './summary.ts';

export function createExactHandler(post: (reply: ExactReply) => void) {
  /** Rulesets an edit did not touch keep their result (exact-cache.ts). */
  const cache = new ExactCache();
  return ({ id, scenario }: ExactRequest) => {
    try {
      const started = performance.now();
      const parts = cache.compute(scenario);
      post({
        id,
        rulesets: parts.map((p) => p.summary),
        curves: parts.map((p) => p.curve).filter((c): c is ExactCurve => c !== null),
        computed: cache.computed,
        milliseconds: performance.now() - started,
      });
    } catch (err) {
      post({ id, error: (err as Error).message });
    }
  };
}
