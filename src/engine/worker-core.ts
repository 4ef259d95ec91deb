/** The engine side of a worker: compile the scenario once per run, then simulate the trial ranges asked for. */
import { compileModel, type EngineModel } from './model.ts';
import { BEAT_MS, type FromWorker, type ToWorker } from './protocol.ts';
import { simulateTrials, trialBlockSize } from './trial.ts';

export function createWorkerHandler(post: (msg: FromWorker, transfer?: ArrayBuffer[]) => void) {
  let model: EngineModel | null = null;
  let seed: string | number = 0;
  let sampleAll = false;
  return (msg: ToWorker) => {
    try {
      if (msg.type === 'init') {
        model = compileModel(msg.scenario, { year: msg.year, pathSeed: msg.pathSeed });
        seed = msg.seed;
        sampleAll = msg.sampleAll;
        return;
      }
      if (!model) throw new Error('worker not initialised');
      const data = new Float64Array(trialBlockSize(model, msg.to - msg.from));
      let lastBeat = performance.now();
      const onBeat = () => {
        const now = performance.now();
        if (now - lastBeat < BEAT_MS) return;
        lastBeat = now;
        post({ type: 'beat', run: msg.run });
      };
      simulateTrials(model, seed, msg.from, msg.to, data, { sampleAll, onBeat });
      post({ type: 'block', run: msg.run, from: msg.from, to: msg.to, data }, [data.buffer]);
    } catch (err) {
      post({ type: 'error', run: msg.run, message: (err as Error).message });
    }
  };
}
