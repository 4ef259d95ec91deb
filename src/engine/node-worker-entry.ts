// worker_threads entry, bundled by node-pool.ts into one script: the shared engine handler on the worker's port.
import { parentPort } from 'node:worker_threads';
import { createWorkerHandler } from './worker-core.ts';

const port = parentPort!;
const handle = createWorkerHandler((msg, transfer) => port.postMessage(msg, transfer));
port.on('message', handle);
