/** The engine in Web Workers: the browser's worker factory for runScenario. */
import type { FromWorker, WorkerLike } from '../engine/protocol.ts';

export function browserWorkerFactory(): WorkerLike {
  const w = new Worker(new URL('../engine/browser-worker.ts', import.meta.url), { type: 'module' });
  let handler: (msg: FromWorker) => void = () => {};
  w.onmessage = (e: MessageEvent<FromWorker>) => handler(e.data);
  w.onerror = (e) => handler({ type: 'error', run: -1, message: e.message || 'worker failed to start' });
  return { post: (msg) => w.postMessage(msg), onMessage: (h) => (handler = h), terminate: () => w.terminate() };
}

export const workerCount = () => Math.max(1, Math.min(8, (globalThis.navigator?.hardwareConcurrency ?? 2) || 2));
