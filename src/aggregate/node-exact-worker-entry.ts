// worker_threads entry of the exact aggregate, bundled by node-exact-worker.ts: the shared handler on the worker's port.
import { parentPort } from 'node:worker_threads';
import { createExactHandler } from './exact-worker-core.ts';

const port = parentPort!;
port.on(
  'message',
  createExactHandler((reply) => port.postMessage(reply)),
);
