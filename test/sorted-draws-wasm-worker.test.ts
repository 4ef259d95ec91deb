// The engine's Node workers get the sorted-draw kernel: the bytes travel in a plain TypeScript module, so the
// esbuild bundle of the worker (engine/node-pool.ts) holds them; a run in bundled workers draws with the kernel
// (the worker's own count of kernel batches, not a timing) and gives the main thread's numbers bit for bit.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundledWorkerScript } from '../src/engine/node-pool.ts';
import type { FromWorker, WorkerLike } from '../src/engine/protocol.ts';
import { runScenario } from '../src/engine/run.ts';
import { wasmStats } from '../src/random/wasm/kernel.ts';
import { shipped } from './helpers/scenarios.ts';

interface Probe {
  available: boolean;
  fills: number;
}

describe('sorted-draw kernel in the bundled Node worker', () => {
  it('Suzhou 2021 in two bundled workers: drawn with the kernel in each, the numbers of the main thread', async () => {
    const script = bundledWorkerScript(new URL('./helpers/wasm-probe-worker-entry.ts', import.meta.url));
    const probes: Promise<Probe>[] = [];
    // node-pool.ts nodeWorkerFactory's wiring, with the probe asked when the run lets the worker go.
    const factory = (): WorkerLike => {
      const w = new Worker(script, { eval: true });
      let handler: (msg: FromWorker) => void = () => {};
      let answer: (p: Probe) => void = () => {};
      w.on('message', (m: FromWorker | (Probe & { probe: true })) => ('probe' in m ? answer(m) : handler(m)));
      w.on('error', (err) => handler({ type: 'error', run: -1, message: err.message }));
      return {
        post: (msg) => w.postMessage(msg),
        onMessage: (h) => (handler = h),
        terminate: () => {
          probes.push(
            new Promise<Probe>((resolve) => {
              answer = resolve;
              w.postMessage('wasm?');
            }).finally(() => void w.terminate()),
          );
        },
      };
    };
    const s = shipped('suzhou-2021');
    const fills = wasmStats.fills;
    const here = await runScenario(s, { trials: 12, seed: 'wasm-worker', workers: 1 });
    expect(wasmStats.fills).toBeGreaterThan(fills);
    const there = await runScenario(s, { trials: 12, seed: 'wasm-worker', workers: 2, workerFactory: factory });
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
    const answers = await Promise.all(probes);
    expect(answers.length).toBe(2);
    for (const a of answers) {
      expect(a.available).toBe(true);
      // Each worker ran trials: at least one kernel batch per trial of its share.
      expect(a.fills).toBeGreaterThan(0);
    }
  }, 60_000);
});
