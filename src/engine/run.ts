/**
 * Runs a scenario's Monte Carlo: trials in chunks, in this thread or spread over workers, with progress and
 * cancel. Each trial draws only from its own stream (seed, trial index), results are stored by trial index and
 * summarised in trial order, so the result is bit-identical for any number of workers (DESIGN.md).
 */
import type { Scenario } from '../scenario/schema.ts';
import { LIMITS } from '../scenario/limits.ts';
import { analyticExpectation, type AnalyticRuleset } from './analytic.ts';
import { compileModel, type EngineModel } from './model.ts';
import type { WorkerLike } from './protocol.ts';
import { summarize, type RunResult } from './summary.ts';
import { simulateTrials, trialBlockSize } from './trial.ts';

export interface RunOptions {
  trials?: number;
  seed?: string | number;
  /** 0 or 1: in this thread; k > 1: k workers from `workerFactory`. */
  workers?: number;
  workerFactory?: () => WorkerLike;
  /** Workers kept between runs (the workbench): no start-up per run; `workers` then says how many to use. */
  pool?: WorkerPool;
  chunk?: number;
  sampleAll?: boolean;
  signal?: AbortSignal;
  /** Year of a multi-year run (engine/years.ts) and the seed of its trend paths. */
  year?: number;
  pathSeed?: string | number;
  /** Called after each chunk; `snapshot()` summarises the trials finished so far, `partial()` gives their raw values. */
  onProgress?(done: number, total: number, snapshot: () => RunResult, partial: () => RawRun): void;
}

/**
 * Engine workers kept alive between runs. A run takes the workers it needs (creating them on first use) and tags
 * its messages with its own run number; a cancelled run's chunk still being computed finishes and is ignored, so
 * the next run starts without waiting for new workers.
 */
export class WorkerPool {
  private readonly workers: WorkerLike[] = [];
  private run = 0;
  constructor(
    private readonly factory: () => WorkerLike,
    readonly size: number,
  ) {}
  nextRun(): number {
    return ++this.run;
  }
  take(n: number): WorkerLike[] {
    const want = Math.max(1, Math.min(n, this.size));
    while (this.workers.length < want) this.workers.push(this.factory());
    return this.workers.slice(0, want);
  }
  /** Drops a worker that failed (it is replaced on the next take). */
  discard(w: WorkerLike): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    w.terminate();
  }
  dispose(): void {
    for (const w of this.workers.splice(0)) w.terminate();
  }
}

export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'CancelledError';
  }
}

export interface RawRun {
  model: EngineModel;
  analytic: AnalyticRuleset[];
  data: Float64Array;
  trials: number;
  seed: string | number;
}

export async function runScenario(scenario: Scenario, opts: RunOptions = {}): Promise<RunResult> {
  const raw = await runRaw(scenario, opts);
  return summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
}

export class RunTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunTooLargeError';
  }
}

/**
 * Scenario files come from other people: a valid file may still ask for billions of people drawn one by one.
 * Refuse up front, naming what makes it large, rather than let the workers grind for hours.
 */
export function checkRunSize(model: EngineModel, trials: number): void {
  const perTrial = model.populations.map((p) => p.insured * p.incidence * p.tailProb);
  const total = perTrial.reduce((a, b) => a + b, 0) * trials;
  if (total > LIMITS.drawsPerRun) {
    const worst = perTrial.indexOf(Math.max(...perTrial));
    throw new RunTooLargeError(
      `this run would draw about ${total.toExponential(2)} people one by one (limit ${LIMITS.drawsPerRun.toExponential(0)}): ` +
        `populations[${worst}] (${model.populations[worst].id}) has ${Math.round(perTrial[worst]).toLocaleString('en')} members per trial above the lowest deductible; ` +
        `use fewer trials (simulation.trials) or fewer insured`,
    );
  }
}

export async function runRaw(scenario: Scenario, opts: RunOptions = {}): Promise<RawRun> {
  const trials = opts.trials ?? scenario.simulation.trials;
  const seed = opts.seed ?? scenario.simulation.seed;
  const model = compileModel(scenario, { year: opts.year, pathSeed: opts.pathSeed });
  checkRunSize(model, trials);
  const analytic = analyticExpectation(model);
  const per = trialBlockSize(model, 1);
  const data = new Float64Array(per * trials);
  const done = new Uint8Array(trials);
  let finished = 0;
  const workers = Math.max(1, Math.floor(opts.workers ?? 1));
  const chunk = Math.max(1, Math.floor(opts.chunk ?? Math.max(5, Math.min(250, Math.ceil(trials / (workers * 8))))));
  const chunks: [number, number][] = [];
  for (let from = 0; from < trials; from += chunk) chunks.push([from, Math.min(trials, from + chunk)]);

  const partial = (): RawRun => {
    const idx: number[] = [];
    for (let t = 0; t < trials; t++) if (done[t]) idx.push(t);
    const part = new Float64Array(idx.length * per);
    idx.forEach((t, i) => part.set(data.subarray(t * per, (t + 1) * per), i * per));
    return { model, analytic, data: part, trials: idx.length, seed };
  };
  const snapshot = () => {
    const p = partial();
    return summarize(model, p.data, p.trials, seed, analytic);
  };
  const accept = (from: number, to: number, block: Float64Array) => {
    data.set(block, from * per);
    done.fill(1, from, to);
    finished += to - from;
    opts.onProgress?.(finished, trials, snapshot, partial);
  };
  const checkCancel = () => {
    if (opts.signal?.aborted) throw new CancelledError();
  };

  if (!opts.pool && (workers <= 1 || !opts.workerFactory)) {
    for (const [from, to] of chunks) {
      checkCancel();
      const block = new Float64Array(per * (to - from));
      simulateTrials(model, seed, from, to, block, { sampleAll: opts.sampleAll });
      accept(from, to, block);
      await new Promise((r) => setTimeout(r, 0)); // let progress render and cancel arrive
    }
    checkCancel();
    return { model, analytic, data, trials, seed };
  }

  const pool = opts.pool ?? new WorkerPool(opts.workerFactory!, workers);
  const run = pool.nextRun();
  const team = pool.take(Math.min(workers, chunks.length));
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      // A pool of the caller's stays up for the next run (chunks still in flight are ignored by their run id).
      if (!opts.pool) pool.dispose();
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => finish(new CancelledError());
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) return finish(new CancelledError());
    const feed = (w: WorkerLike) => {
      if (next < chunks.length) {
        const [from, to] = chunks[next++];
        w.post({ type: 'run', run, from, to });
      }
    };
    for (const w of team) {
      w.onMessage((msg) => {
        if (msg.type === 'error' && msg.run === -1) pool.discard(w);
        if (settled || (msg.run !== run && msg.run !== -1)) return;
        if (msg.type === 'error') return finish(new Error(`engine worker: ${msg.message}`));
        accept(msg.from, msg.to, msg.data);
        if (finished === trials) return finish();
        feed(w);
      });
      w.post({ type: 'init', run, scenario, seed, sampleAll: opts.sampleAll === true, year: opts.year, pathSeed: opts.pathSeed });
      feed(w);
    }
  });
  return { model, analytic, data, trials, seed };
}
