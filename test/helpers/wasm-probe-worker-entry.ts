// worker_threads entry for test/sorted-draws-wasm-worker.test.ts, bundled by node-pool.ts's bundledWorkerScript as
// the engine's own entry (node-worker-entry.ts) is: the same handler, and besides it an answer to 'wasm?' saying
// whether this bundled thread has the sorted-draw kernel and how many batches the kernel drew in it.
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../../src/engine/protocol.ts';
import { createWorkerHandler } from '../../src/engine/worker-core.ts';
import { WASM_AVAILABLE, wasmStats } from '../../src/random/wasm/kernel.ts';

const port = parentPort!;
const handle = createWorkerHandler((msg, transfer) => port.postMessage(msg, transfer));
port.on('message', (m: ToWorker | 'wasm?') => {
  if (m === 'wasm?') port.postMessage({ probe: true, available: WASM_AVAILABLE, fills: wasmStats.fills });
  else handle(m);
});
