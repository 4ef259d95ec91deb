/// <reference lib="webworker" />
// Web Worker entry: the same engine handler as worker_threads.
import { createWorkerHandler } from './worker-core.ts';
import type { ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createWorkerHandler((msg, transfer) => scope.postMessage(msg, transfer ?? []));
scope.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
