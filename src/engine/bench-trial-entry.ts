// worker_threads entry of `jingsuan bench` (bundled by node-pool.ts as the engine's workers are): a scenario's Monte
// Carlo per trial in a fresh worker that runs nothing else, as a run's worker does. Measured in the bench's own
// thread after the other measures, the engine's code had been optimised for several models at once.
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.ts';
import { drawFloor, trialMilliseconds, trialMillisecondsBesideReference } from './bench.ts';

const port = parentPort!;
port.on('message', (m: { scenario: Scenario; trials: number; warm: number; floor?: boolean; chunks?: number }) => {
  if (m.floor) return port.postMessage(drawFloor(m.scenario));
  if (m.chunks) {
    for (let i = 0; i < m.warm; i++) trialMilliseconds(m.scenario, m.trials);
    return port.postMessage(trialMillisecondsBesideReference(m.scenario, m.chunks, m.trials));
  }
  for (let i = 0; i < m.warm; i++) trialMilliseconds(m.scenario, Math.min(50, m.trials));
  port.postMessage(trialMilliseconds(m.scenario, m.trials));
});
