/**
 * The Monte Carlo run of the scenario on screen, in Web Workers kept between runs, cancelled and started again on
 * each change; its progress, results and the paired comparisons against the baseline; then the exact aggregate
 * of the same scenario from a worker of its own. No DOM: the workbench (workbench-state.ts) starts it and the
 * components read it through the workbench's `change` events. What it runs on comes from outside (RunEnvironment):
 * the page's Web Workers and performance timeline by default, Node's worker_threads in the tests.
 */
import type { EngineModel } from '../engine/model.ts';
import { CancelledError, runRaw, WorkerPool, type RawRun } from '../engine/run.ts';
import { comparisonsAgainst, summarizeInSlices, type Comparison, type RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';
import { t, type Lang } from '../report/strings.ts';
import type { ExactWorkerLike } from '../aggregate/exact-protocol.ts';
import { browserWorkerFactory, workerCount } from './engine-client.ts';
import { browserExactWorker, ExactClient, type ExactResult } from './exact-client.ts';
import type { ChangeKind, RunState } from './run-state.ts';
import { BROWSER_RESULT_BYTES, RefreshPacer, tooLongHere, trialsHere } from './run-pacing.ts';

/** What a run reads of the workbench: the scenario applied, its model, the baseline, the page's language. */
export interface RunSource {
  applied: Scenario | null;
  model: EngineModel | null;
  baseline: string;
  lang: Lang;
  /** When the scenario last changed (performance.now()), for the first-refresh measure. */
  changedAt: number;
}

/** The time a run is measured by, and where its measures go (the page's performance timeline). */
export interface RunClock {
  /** Milliseconds, as performance.now(). */
  now(): number;
  /** A span from `start` to now: the first refresh after an edit, a whole run. */
  measure(name: string, start: number, detail: { trials: number }): void;
}

/** What a run runs on: the engine's workers, the exact aggregate's worker, the clock. */
export interface RunEnvironment {
  /** Engine workers kept between runs: an edit's run starts without new workers. Its size is the run's workers. */
  pool: WorkerPool;
  exactWorker: () => ExactWorkerLike;
  clock: RunClock;
  /** A worker silent this long on a chunk is replaced (runRaw's watchdog; its own default when absent). */
  stallMs?: number;
  /** Calls back at the next frame (requestAnimationFrame in the page; a 16 ms timer where there is none). */
  frame?: (callback: () => void) => void;
}

const nextFrame = (callback: () => void) =>
  typeof requestAnimationFrame === 'function' ? void requestAnimationFrame(() => callback()) : void setTimeout(callback, 16);

export const performanceClock: RunClock = {
  now: () => performance.now(),
  measure: (name, start, detail) => void performance.measure(name, { start, detail }),
};

/** The page's: Web Workers, one per core up to eight, and the performance timeline. */
export function browserRunEnvironment(): RunEnvironment {
  return { pool: new WorkerPool(browserWorkerFactory, workerCount()), exactWorker: browserExactWorker, clock: performanceClock };
}

export class PageRun {
  state: RunState = 'idle';
  done = 0;
  total = 0;
  message = '';
  seconds = 0;
  /** Why the page runs fewer trials than the file asks for (empty when it runs them all). */
  note = '';
  raw: RawRun | null = null;
  result: RunResult | null = null;
  comparisons: Comparison[] = [];
  /** The exact aggregate (FFT) of the applied scenario; null while it is computed. */
  exact: ExactResult | { error: string } | null = null;
  /** The analyst chose to run this scenario although it takes minutes (reset when a file opens). */
  longRunConfirmed = false;

  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelledByAnalyst = false;
  /** Summaries begun (show): only the latest one's result is shown. */
  private shows = 0;
  private readonly pool: WorkerPool;
  private readonly clock: RunClock;
  private readonly exactClient: ExactClient;
  /** The scenario whose exact aggregate is still to be asked for (after its run). */
  private exactFor: Scenario | null = null;
  /** The scenario on screen, whose exact aggregate alone is shown. */
  private exactOf: Scenario | null = null;
  /** A frame is awaited to ask for the exact aggregate (one per frame however many edits came in it). */
  private exactFrame = false;

  constructor(
    private readonly wb: RunSource,
    private readonly changed: (kind: ChangeKind) => void,
    private readonly env: RunEnvironment = browserRunEnvironment(),
  ) {
    this.pool = env.pool;
    this.clock = env.clock;
    this.exactClient = new ExactClient((r, of) => {
      // Issue #31: an aggregate asked for before an edit came back after it, and for about half a second the
      // edited proposal showed the old exact interval beside its new run ("⚠ +32.9 se"). Only the scenario on
      // screen's is shown; until it comes the cells say pending.
      if (of !== this.exactOf) return;
      this.exact = r;
      this.changed('exact');
    }, env.exactWorker);
    // The engine's workers load their module while the page draws its first frame, not after it.
    this.pool.take(this.pool.size);
  }

  /** A new scenario is on screen: the last one's results go at once, its own run follows. */
  restart(s: Scenario) {
    this.result = null;
    this.raw = null;
    this.comparisons = [];
    this.exact = null;
    this.exactOf = s;
    // The exact aggregate follows the edits (a dragged slider's every frame, issue #32): asked for at the next
    // frame, for the scenario on screen then; the client sends only the newest waiting one, and a result for any
    // other scenario than the one on screen is dropped, so the cells say pending rather than show a stale figure.
    // It takes tens of milliseconds a ruleset (aggregate/exact.ts), beside the run's first refresh.
    this.exactFor = s;
    this.askExactAtFrame();
    this.schedule();
  }

  private askExactAtFrame() {
    if (this.exactFrame) return;
    this.exactFrame = true;
    (this.env.frame ?? nextFrame)(() => {
      this.exactFrame = false;
      this.requestExact();
    });
  }

  /** The comparisons again, against a new baseline. */
  rebase() {
    if (!this.raw) return;
    // Only the comparisons change: the summary (with its per-population figures and risk split) stays.
    this.comparisons = this.compare(this.raw);
    this.changed('run');
  }

  /** Stops any run (a fund file replaced the scenario on screen, or the analyst cancelled). */
  cancel() {
    this.cancelledByAnalyst = true;
    this.controller?.abort();
  }

  /** The analyst confirmed a run that takes minutes here. */
  confirmLong() {
    this.longRunConfirmed = true;
    this.schedule();
  }

  schedule() {
    // The run going is superseded, not cancelled: with its controller no longer the page's, its end leaves the
    // state alone, so an edit never shows 已取消 (only the analyst's cancel does).
    this.controller?.abort();
    this.controller = null;
    if (this.timer) clearTimeout(this.timer);
    // The results on screen are no longer the scenario's from here: the state says 'running' at once, not when the
    // run starts 60 ms later, so no reader takes the last run's 'done' for this one's.
    this.state = 'running';
    this.timer = setTimeout(() => void this.start(), 60);
  }

  private requestExact() {
    if (this.exactFor) this.exactClient.request(this.exactFor);
    this.exactFor = null;
  }

  private async start() {
    const s = this.wb.applied;
    if (!s) {
      this.state = 'idle';
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.state = 'running';
    this.done = 0;
    const trials = this.wb.model ? trialsHere(this.wb.model, s.simulation.trials) : s.simulation.trials;
    this.note =
      trials < s.simulation.trials ? t('runCapped', this.wb.lang, BROWSER_RESULT_BYTES / 2 ** 20, trials, s.simulation.trials) : '';
    this.total = trials;
    this.changed('run');
    // From the edit (or file) that started this run: docs/model.md "Performance" wants ≥ 200 trials on screen within 500 ms.
    const t0 = this.wb.changedAt || this.clock.now();
    const started = this.clock.now();
    const pacer = new RefreshPacer();
    try {
      const raw = await runRaw(s, {
        trials,
        workers: this.pool.size,
        pool: this.pool,
        signal: controller.signal,
        chunk: 10,
        stallMs: this.env.stallMs,
        onProgress: (done, total, _snapshot, partial) => {
          if (controller.signal.aborted) return;
          this.done = done;
          this.total = total;
          // A run that would take minutes here stops and asks first (once per scenario).
          const now = this.clock.now();
          const projected = this.longRunConfirmed ? null : tooLongHere((now - started) / 1000, done, total);
          if (projected !== null) {
            controller.abort();
            this.state = 'confirm';
            this.requestExact();
            this.message = t('runAsk', this.wb.lang, Math.ceil(projected / 60), total);
            this.changed('run');
            return;
          }
          const due = pacer.due(done, total, now);
          if (!due) return void (pacer.countDue(now) && this.changed('progress'));
          void this.show(partial(false), false, controller.signal);
          pacer.painted(now, due, this.clock.now());
          if (due === 'first') this.clock.measure('jingsuan:first-refresh', t0, { trials: done });
        },
      });
      if (controller.signal.aborted) return;
      await this.show(raw, true, controller.signal);
      if (controller.signal.aborted) return;
      this.seconds = (this.clock.now() - t0) / 1000;
      this.clock.measure('jingsuan:run', t0, { trials: raw.trials });
      this.state = 'done';
      this.requestExact();
      this.changed('run');
    } catch (err) {
      if (err instanceof CancelledError) {
        // Paused to ask (state 'confirm') stays as it is; a cancel by the analyst says so.
        if (this.controller === controller && (this.state as RunState) !== 'confirm') {
          this.state = 'cancelled';
          // Cancelled by the analyst, not by an edit: the exact aggregate of the scenario on screen now.
          if (this.cancelledByAnalyst) this.requestExact();
        }
        this.cancelledByAnalyst = false;
        this.changed('run');
        return;
      }
      this.state = 'error';
      this.requestExact();
      this.message = (err as Error).message;
      this.changed('run');
    }
  }

  /**
   * Results of the trials so far. While a run is going, the rulesets' totals only (per-population figures come
   * at the end). Every summary is computed in slices of 30 ms, so a large scenario never freezes the page: the
   * rulesets' totals of 16 populations × 12 rulesets took one task of 80–100 ms.
   */
  private async show(raw: RawRun, final = false, signal?: AbortSignal) {
    if (!raw.trials) return;
    const shown = ++this.shows;
    const result = await summarizeInSlices(raw.model, raw.data, raw.trials, raw.seed, raw.analytic, { populations: final });
    if (signal?.aborted) return; // an edit started another run meanwhile
    if (shown !== this.shows) return; // a later refresh (or the final summary) began while this one was sliced
    this.raw = raw;
    this.result = result;
    // The summary compared against the file's baseline; the page's may be another.
    this.comparisons = this.baseIndex(raw) === raw.model.baseline ? result.comparisons : this.compare(raw);
    this.changed('run');
  }

  /** The paired comparisons against the baseline chosen on the page. */
  private compare(raw: RawRun): Comparison[] {
    return comparisonsAgainst(raw.model, raw.data, raw.trials, this.baseIndex(raw));
  }

  private baseIndex(raw: RawRun): number {
    return Math.max(
      0,
      raw.model.rulesets.findIndex((r) => r.id === this.wb.baseline),
    );
  }

  dispose() {
    this.controller?.abort();
    this.pool.dispose();
    this.exactClient.dispose();
  }
}
