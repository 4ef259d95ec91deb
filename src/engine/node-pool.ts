/** Node's worker factory for runScenario: worker_threads running the same engine module as the browser. */
import { Worker } from 'node:worker_threads';
import type { FromWorker, WorkerLike } from './protocol.ts';

export function nodeWorkerFactory(): WorkerLike {
  const w = new Worker(new URL('./node-worker.mjs', import.meta.url));
  let handler: (msg: FromWorker) => void = () => {};
  w.on('message', (m: FromWorker) => handler(m));
  w.on('error', (err) => handler({ type: 'error', message: err.message }));
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (h) => (handler = h),
    terminate: () => void w.terminate(),
  };
}
