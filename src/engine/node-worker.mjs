// worker_threads entry: TypeScript through tsx, then the shared engine handler.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createWorkerHandler } = await import('./worker-core.ts');
const handle = createWorkerHandler((msg, transfer) => parentPort.postMessage(msg, transfer));
parentPort.on('message', handle);
