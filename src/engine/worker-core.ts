/** The engine side of a worker: compile the scenario once per run, then simulate the trial ranges asked for. */
import { compileModel, type EngineModel } from './model.ts';
import { BEAT_MS, type FromWorker, type ToWorker, type WorkerLike } from './protocol.ts';
import { simulateTrials, trialBlockSize } from './trial.ts';

type RunMessage = Extract<ToWorker, { type: 'run' }>;

/**
 * After the current task, once the messages that arrived meanwhile have been read: setImmediate in Node (its
 * check phase follows the poll that delivers a port's messages); in a browser's worker a timer's task is queued
 * behind the message events already waiting.
 */
const afterPendingMessages = (f: () => void): void => void (typeof setImmediate === 'function' ? setImmediate(f) : setTimeout(f, 0));

/**
 * The handler of a worker's messages. Chunks are queued and run one per turn of the event loop, so the messages
 * that came while one ran are read before the next starts: a chunk of a run older than the newest `init` is
 * dropped, not run. The coordinator keeps two chunks with each worker (run.ts IN_FLIGHT); after a cancel the worker
 * moves on to the next run once the chunk it is computing ends, not after the waiting one too.
 */
export function createWorkerHandler(
  post: (msg: FromWorker, transfer?: ArrayBuffer[]) => void,
  later = afterPendingMessages,
  compile = (msg: Extract<ToWorker, { type: 'init' }>) => compileModel(msg.scenario, { year: msg.year, pathSeed: msg.pathSeed }),
) {
  let model: EngineModel | null = null;
  let seed: string | number = 0;
  let sampleAll = false;
  let newest = -Infinity;
  const queue: RunMessage[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || !queue.length) return;
    scheduled = true;
    later(runNext);
  };
  const runNext = () => {
    scheduled = false;
    const msg = queue.shift();
    schedule();
    if (!msg || msg.run < newest) return;
    try {
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
  return (msg: ToWorker) => {
    if (msg.type === 'run') {
      queue.push(msg);
      return schedule();
    }
    try {
      newest = Math.max(newest, msg.run);
      model = null;
      model = compile(msg);
      seed = msg.seed;
      sampleAll = msg.sampleAll;
    } catch (err) {
      post({ type: 'error', run: msg.run, message: (err as Error).message });
    }
  };
}

/**
 * A worker in the calling thread (runRaw's shareThisThread): the same handler on the model the caller has already
 * compiled, its chunks one per turn of this thread's event loop, so the real workers' messages are read between
 * them. Once terminated it runs and says nothing more.
 */
export function localWorker(model: EngineModel): WorkerLike {
  let handler: (msg: FromWorker) => void = () => {};
  let alive = true;
  const core = createWorkerHandler(
    (msg) => alive && handler(msg),
    (f) => afterPendingMessages(() => alive && f()),
    () => model,
  );
  return {
    post: (msg) => alive && core(msg),
    onMessage: (h) => (handler = h),
    terminate: () => void (alive = false),
  };
}
