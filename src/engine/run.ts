/**
 * Runs a scenario's Monte Carlo: trials in chunks, in this thread or spread over workers, with progress and
 * cancel. Each trial draws only from its own stream (seed, trial index), results are stored by trial index and
 * summarised in trial order, so the result is bit-identical for any number of workers (docs/model.md "Determinism").
 */
import type { Scenario } from '../scenario/schema.ts';
import { LIMITS } from '../scenario/limits.ts';
import { analyticExpectation, type AnalyticRuleset } from './analytic.ts';
import { compileModel, type EngineModel } from './model.ts';
import { modelOf } from './validate-model.ts';
import type { ToWorker, WorkerLike } from './protocol.ts';
import { summarize, type RunResult } from './summary.ts';
import { simulateTrials, trialBlockSize } from './trial.ts';
import { localWorker } from './worker-core.ts';

export interface RunOptions {
  trials?: number;
  seed?: string | number;
  /** 0 or 1: in this thread; k > 1: k workers from `workerFactory`. */
  workers?: number;
  workerFactory?: () => WorkerLike;
  /** Workers kept between runs (the workbench): no start-up per run; `workers` then says how many to use. */
  pool?: WorkerPool;
  /**
   * This thread computes chunks too, beside `workers` − 1 workers (without a pool): for a caller whose thread has
   * nothing else to do while the run lasts (the command line), never a page's. It spares one worker's start (a
   * thread, the engine's script, a model and its tables) and begins at once on the model this thread already has.
   */
  shareThisThread?: boolean;
  chunk?: number;
  sampleAll?: boolean;
  signal?: AbortSignal;
  /** Year of a multi-year run (engine/years.ts) and the seed of its trend paths. */
  year?: number;
  pathSeed?: string | number;
  /** A worker silent this long on a chunk is replaced (default: 20 × the median chunk time, at least 60 s). */
  stallMs?: number;
  /**
   * Called after each chunk; `snapshot()` summarises the trials finished so far, `partial()` gives their raw values
   * (`partial(false)`: the unbroken run of finished trials from trial 0 when it holds most of them, without a copy).
   */
  onProgress?(done: number, total: number, snapshot: () => RunResult, partial: (exact?: boolean) => RawRun): void;
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
  /** Replaces a worker that failed or stopped answering by a new one, in its place. */
  replace(w: WorkerLike): WorkerLike {
    const fresh = this.factory();
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers[i] = fresh;
    else this.workers.push(fresh);
    w.terminate();
    return fresh;
  }
  dispose(): void {
    for (const w of this.workers.splice(0)) w.terminate();
  }
}

/** Watchdog (runRaw): the least time a chunk may run before its worker counts as stuck; tries per chunk. */
const STALL_MIN_MS = 60_000;

/**
 * The watchdog's clock: the time this thread was free to hear the workers. A worker's answer waits in this
 * thread's queue while the thread is busy (a progress snapshot, a summary, a long garbage collection, a suspended
 * laptop), and when the thread wakes its timers may run before the queued answers are read: silence measured on
 * the wall clock would then declare a computing worker gone. The clock is read on every tick of the watchdog and
 * every message; a gap between two readings longer than `maxGapMs` (a tick that came late) counts as `maxGapMs`
 * only, so a blocked stretch adds at most that to any worker's silence.
 */
export class ListeningClock {
  private free = 0;
  private last: number;
  constructor(
    private readonly maxGapMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = now();
  }
  read(): number {
    const t = this.now();
    this.free += Math.min(Math.max(0, t - this.last), this.maxGapMs);
    this.last = t;
    return this.free;
  }
}
/** A progress view with at least this many trials in an unbroken run from trial 0 uses that run alone. */
const FIRST_PARTIAL = 200;
const MAX_ATTEMPTS = 3;
/** Chunks a worker holds at once (runRaw's feed): one running, one waiting in its queue. */
const IN_FLIGHT = 2;

export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'CancelledError';
  }
}

/** Least trials in a chunk of a guided run (chunkRanges): below this a chunk's messages cost more than its wait. */
const MIN_CHUNK = 5;

/**
 * The run's trial ranges, in order. A size the caller names (`chunk`) is kept throughout. Otherwise each chunk is
 * at most an eighth of a worker's share (at most 250: progress comes at least that often) and at most a quarter
 * of a worker's share of the trials still to hand out, down to MIN_CHUNK: the chunks shrink toward the end, so
 * the worker that finishes first waits a few trials' time for the others, not up to a whole chunk's. The ranges
 * depend only on the trials and workers, never on timing; the numbers do not depend on them at all.
 */
export function chunkRanges(trials: number, workers: number, chunk?: number): [number, number][] {
  const fixed = chunk !== undefined ? Math.max(1, Math.floor(chunk)) : null;
  const cap = Math.max(MIN_CHUNK, Math.min(250, Math.ceil(trials / (workers * 8))));
  const ranges: [number, number][] = [];
  for (let from = 0; from < trials;) {
    const size = fixed ?? (workers > 1 ? Math.max(MIN_CHUNK, Math.min(cap, Math.ceil((trials - from) / (4 * workers)))) : cap);
    const to = Math.min(trials, from + size);
    ranges.push([from, to]);
    from = to;
  }
  return ranges;
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
export function checkRunSize(model: EngineModel, trials: number, workers = 1, costIndex = 1): void {
  // A later year of a multi-year run scales every cost by its trend index: more members pass the threshold
  // (P(index·X > t) = P(X > t / index), at the index's mean (1 + growth)^(y−1), an expectation of the count).
  const tail = (p: EngineModel['populations'][number]) => (costIndex === 1 ? p.tailProb : p.severity.survival(p.threshold / costIndex));
  const perTrial = model.populations.map((p) => p.insured * p.incidence * tail(p));
  const total = perTrial.reduce((a, b) => a + b, 0) * trials;
  if (total > LIMITS.drawsPerRun) {
    const worst = perTrial.indexOf(Math.max(...perTrial));
    throw new RunTooLargeError(
      `this run would draw about ${total.toExponential(2)} people one by one (limit ${LIMITS.drawsPerRun.toExponential(0)}): ` +
        `populations[${worst}] (${model.populations[worst].id}) has ${Math.round(perTrial[worst]).toLocaleString('en')} members per trial above the lowest deductible; ` +
        `use fewer trials (simulation.trials) or fewer insured`,
    );
  }
  // Memory, stated before any work: the per-trial results kept for the summary, and each worker's batch of
  // drawn people (about BYTES_PER_CLAIMANT each, for the largest population's likely maximum).
  const results = trialBlockSize(model, trials) * 8;
  if (results > LIMITS.resultBytes) {
    const most = Math.floor(LIMITS.resultBytes / (trialBlockSize(model, 1) * 8));
    throw new RunTooLargeError(
      `this run would keep ${mb(results)} of per-trial results (${model.populations.length} populations × ${model.rulesets.length} rulesets × ${trials.toLocaleString('en')} trials); ` +
        `the limit is ${mb(LIMITS.resultBytes)}: run at most ${most.toLocaleString('en')} trials`,
    );
  }
  const batch = Math.max(...perTrial.map((m) => m + 6 * Math.sqrt(m))) * BYTES_PER_CLAIMANT;
  if (batch * workers > LIMITS.workerBytes) {
    throw new RunTooLargeError(
      `each worker would hold about ${mb(batch)} of drawn people per trial (${workers} workers: ${mb(batch * workers)}); the limit is ${mb(LIMITS.workerBytes)}: ` +
        `use fewer workers (at most ${Math.max(1, Math.floor(LIMITS.workerBytes / batch))}) or fewer insured`,
    );
  }
}

/** Bytes per drawn person in a worker's batch: amount, compliant, prefix (8 each), records (4), mask (1), months. */
const BYTES_PER_CLAIMANT = 40;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 0 })} MB`;

export async function runRaw(scenario: Scenario, opts: RunOptions = {}): Promise<RawRun> {
  const trials = opts.trials ?? scenario.simulation.trials;
  const seed = opts.seed ?? scenario.simulation.seed;
  const workers = Math.max(1, Math.floor(opts.workers ?? 1));
  const inThread = !opts.pool && (workers <= 1 || !opts.workerFactory);
  const chunks = chunkRanges(trials, inThread ? 1 : workers, opts.chunk);
  // Workers are started and told the scenario first: a thread, the engine's script and the worker's own model take
  // a worker longer than this thread's model and size check, which run meanwhile. No trials are handed out until
  // the size check has passed; a run refused here ends its own workers at once.
  const sharing = !inThread && !opts.pool && opts.shareThisThread === true;
  const pool = inThread ? null : (opts.pool ?? new WorkerPool(opts.workerFactory!, sharing ? workers - 1 : workers));
  const run = pool?.nextRun() ?? 0;
  const others = Math.min(workers, chunks.length) - (sharing ? 1 : 0);
  const team = pool && others > 0 ? pool.take(others) : [];
  const init: ToWorker = {
    type: 'init',
    run,
    scenario,
    seed,
    sampleAll: opts.sampleAll === true,
    year: opts.year,
    pathSeed: opts.pathSeed,
  };
  for (const w of team) w.post(init);
  let model: EngineModel;
  try {
    // The model compiled when the scenario was checked serves again (validate-model.ts); a later year compiles its own.
    model = opts.year && opts.year > 1 ? compileModel(scenario, { year: opts.year, pathSeed: opts.pathSeed }) : modelOf(scenario);
    checkRunSize(model, trials, workers);
  } catch (err) {
    if (pool && !opts.pool) pool.dispose();
    throw err;
  }
  // Computed here for a run in this thread, and after the trials are handed out for one in workers (they start
  // meanwhile); no message is read before it is set.
  let analytic: AnalyticRuleset[] = [];
  const per = trialBlockSize(model, 1);
  const data = new Float64Array(per * trials);
  const done = new Uint8Array(trials);
  let finished = 0;

  // The trials finished so far. When they are an unbroken run from trial 0 (chunks are handed out in order) the
  // results array itself serves, without a copy; a progress view may ask for that run alone even when a few later
  // chunks are in (exact = false: it then holds most of them, at no cost); otherwise they are gathered by copying.
  let prefix = 0;
  const partial = (exact = true): RawRun => {
    while (prefix < trials && done[prefix]) prefix++;
    const prefixServes = exact ? prefix === finished : prefix >= Math.min(finished, FIRST_PARTIAL) || prefix * 2 >= finished;
    if (prefixServes) return { model, analytic, data: data.subarray(0, prefix * per), trials: prefix, seed };
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

  if (inThread) {
    analytic = analyticExpectation(model);
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

  // Ends the run from outside its promise (the analytic pass below failing): workers and pool go with it.
  let stop: (err: Error) => void = () => {};
  const ran = new Promise<void>((resolve, reject) => {
    const local = sharing ? localWorker(model) : null;
    let next = 0;
    let settled = false;
    // Watchdog: a worker that errs, dies or stops answering is replaced and its chunk run again elsewhere; every
    // trial draws from its own stream, so the result is the same bit for bit as an undisturbed run.
    const retry: [number, number][] = [];
    const attempts = new Map<number, number>();
    // chunks: those handed to the worker and not yet returned, in the order it runs them (up to IN_FLIGHT);
    // since: when the first of them started (handed out, or the previous block came; wall clock, for the chunk
    // times); heard: the worker's last word (block, beat) on the listening clock. A worker is judged hung by its
    // silence, not by a chunk's length: a slow trial keeps beating (BEAT_MS); a stretch where this thread could not
    // listen does not count as its silence.
    const busy = new Map<WorkerLike, { chunks: [number, number][]; since: number; heard: number }>();
    // Workers replaced: whatever they still say is not heard.
    const gone = new WeakSet<WorkerLike>();
    const durations: number[] = [];
    const stallLimit = () => {
      if (opts.stallMs !== undefined) return opts.stallMs;
      const sorted = [...durations].sort((a, b) => a - b);
      return Math.max(STALL_MIN_MS, 20 * (sorted[Math.floor(sorted.length / 2)] ?? 0));
    };
    const tickMs = Math.min(1000, Math.max(50, (opts.stallMs ?? STALL_MIN_MS) / 4));
    // A gap longer than a tick between two readings: the thread was busy for the rest (a free thread ticks on time).
    const clock = new ListeningClock(tickMs);
    const watchdog = setInterval(() => {
      const now = clock.read();
      for (const [w, job] of busy)
        if (now - job.heard > stallLimit()) replace(w, `no answer for ${((now - job.heard) / 1000).toFixed(0)} s`);
    }, tickMs);
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      // A pool of the caller's stays up for the next run (chunks still in flight are ignored by their run id).
      if (!opts.pool) pool!.dispose();
      local?.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => finish(new CancelledError());
    stop = finish;
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) return finish(new CancelledError());
    // Hands the worker chunks until it holds `depth`: the next one waits in its queue while it runs one, so it
    // never idles for this thread's answer (a progress view's snapshot can take tens of milliseconds).
    const feed = (w: WorkerLike, depth = IN_FLIGHT) => {
      const now = performance.now();
      let job = busy.get(w);
      if (!job) busy.set(w, (job = { chunks: [], since: now, heard: clock.read() }));
      while (job.chunks.length < depth) {
        const chunk = retry.pop() ?? (next < chunks.length ? chunks[next++] : undefined);
        if (!chunk) break;
        if (!job.chunks.length) job.since = now;
        job.chunks.push(chunk);
        w.post({ type: 'run', run, from: chunk[0], to: chunk[1] });
      }
      if (!job.chunks.length) busy.delete(w);
    };
    const replace = (w: WorkerLike, reason: string) => {
      if (settled || gone.has(w)) return;
      gone.add(w);
      const job = busy.get(w);
      busy.delete(w);
      for (const chunk of job?.chunks ?? []) {
        const n = (attempts.get(chunk[0]) ?? 0) + 1;
        attempts.set(chunk[0], n);
        if (n >= MAX_ATTEMPTS) return finish(new Error(`engine worker: ${reason} (trials ${chunk[0]}–${chunk[1] - 1} failed ${n} times)`));
        retry.push(chunk);
      }
      const fresh = pool!.replace(w);
      start(fresh, false);
      feed(fresh);
    };
    const start = (w: WorkerLike, told: boolean) => {
      w.onMessage((msg) => {
        if (settled || gone.has(w)) return;
        if (msg.type === 'error') {
          if (msg.run === run || msg.run === -1) replace(w, msg.message);
          return;
        }
        if (msg.run !== run) return;
        const job = busy.get(w);
        if (job) job.heard = clock.read();
        if (msg.type === 'beat') return;
        if (job) {
          const now = performance.now();
          durations.push(now - job.since);
          job.since = now;
          job.chunks = job.chunks.filter((c) => c[0] !== msg.from);
        }
        if (!done[msg.from]) accept(msg.from, msg.to, msg.data);
        if (finished === trials) return finish();
        feed(w);
      });
      if (!told) w.post(init);
      // One chunk each first, so that a run of few chunks is spread over every worker.
      feed(w, 1);
    };
    // This thread's own worker first (it starts at once), told the scenario now that its model is here.
    if (local) start(local, false);
    team.forEach((w) => start(w, true));
    if (local) feed(local);
    team.forEach((w) => feed(w));
  });
  // The workers are starting (a thread, the engine's script, the model): this thread's own part meanwhile. Should
  // it fail, the run ends here, its workers with it, rather than leave them computing for nobody.
  try {
    analytic = analyticExpectation(model);
  } catch (err) {
    stop(err as Error);
    await ran.catch(() => undefined);
    throw err;
  }
  await ran;
  return { model, analytic, data, trials, seed };
}
