/** Node's exact worker for the workbench's exact client (ui/exact-client.ts): worker_threads, the Web Worker's handler. */
import { Worker } from 'node:worker_threads';
import { bundledWorkerScript } from '../engine/node-pool.ts';
import type { ExactReply, ExactWorkerLike } from './exact-protocol.ts';

export function nodeExactWorker(): ExactWorkerLike {
  const w = new Worker(bundledWorkerScript(new URL('./node-exact-worker-entry.ts', import.meta.url)), { eval: true });
  let onReply: (reply: ExactReply) => void = () => {};
  let onFailure: (message: string) => void = () => {};
  let ended = false;
  w.on('message', (m: ExactReply) => onReply(m));
  w.on('error', (err) => onFailure(err.message));
  w.on('exit', (code) => {
    if (!ended) onFailure(`exact worker exited (code ${code})`);
  });
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (h) => (onReply = h),
    onFailure: (h) => (onFailure = h),
    terminate: () => {
      ended = true;
      void w.terminate();
    },
  };
}
