/**
 * The workbench's state, without any drawing: the scenario as edited (the draft, possibly invalid) and as applied
 * (the last valid one), its undo history, the analytic values recomputed on every change, the Monte Carlo run in
 * Web Workers (cancelled and restarted on each change) and the exact aggregate from its own worker. Components
 * observe it through its `change` event (and `edit`, fired for every edit of the draft) and call its methods; it never touches the DOM.
 */
import { analyticExpectation, type AnalyticRuleset } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { CancelledError, runRaw, WorkerPool, type RawRun } from '../engine/run.ts';
import { comparisonsAgainst, summarize, summarizeInSlices, type Comparison, type RunResult } from '../engine/summary.ts';
import { checkEvaluable, modelOf } from '../engine/validate-model.ts';
import type { Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateData, type Validation } from '../scenario/validate.ts';
import { t, type Lang } from '../report/strings.ts';
import { browserWorkerFactory, workerCount } from './engine-client.ts';
import { ExactClient, type ExactResult } from './exact-client.ts';
import { EditHistory } from './history.ts';
import type { RunState } from './run-status.ts';
import { BROWSER_RESULT_BYTES, RefreshPacer, tooLongHere, trialsHere } from './run-pacing.ts';

/**
 * What changed: the scenario (and so the analytic values); the run's count of finished trials only ('progress',
 * many times a second: only the progress bar redraws); the run's state or results ('run'); the exact aggregate.
 */
export type ChangeKind = 'scenario' | 'progress' | 'run' | 'exact';

export class Workbench extends EventTarget {
  /** The scenario as edited, possibly invalid (then not applied). */
  draft: unknown = null;
  /** The file as opened, for the list of changes. */
  original: unknown = null;
  applied: Scenario | null = null;
  problems: Problem[] = [];
  /** What the validator warns about in the applied scenario (it runs, but a person should look). */
  warnings: Problem[] = [];
  model: EngineModel | null = null;
  analytic: AnalyticRuleset[] = [];
  analyticMs = 0;
  baseline = '';
  readonly history = new EditHistory<unknown>();

  runState: RunState = 'idle';
  done = 0;
  total = 0;
  runMessage = '';
  runSeconds = 0;
  /** Why the page runs fewer trials than the file asks for (empty when it runs them all). */
  runNote = '';
  raw: RawRun | null = null;
  result: RunResult | null = null;
  comparisons: Comparison[] = [];
  /** The exact aggregate (FFT) of the applied scenario; null while it is computed. */
  exact: ExactResult | { error: string } | null = null;

  /** Language of the run's messages (set by the page). */
  lang: Lang = 'zh';

  /** The analyst chose to run this scenario although it takes minutes (reset when a file opens). */
  private longRunConfirmed = false;
  private controller: AbortController | null = null;
  private runTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the scenario last changed (performance.now()), for the first-refresh measure. */
  private changedAt = 0;
  /** Engine workers kept between runs: an edit's run starts without new workers. */
  private readonly pool = new WorkerPool(browserWorkerFactory, workerCount());
  private readonly exactClient = new ExactClient((r) => {
    this.exact = r;
    this.changed('exact');
  });

  private cancelledByAnalyst = false;
  /** The scenario whose exact aggregate is still to be asked for (after its run). */
  private exactFor: Scenario | null = null;
  private requestExact() {
    if (this.exactFor) this.exactClient.request(this.exactFor);
    this.exactFor = null;
  }

  constructor() {
    super();
    // The engine's workers load their module while the page draws its first frame, not after it.
    this.pool.take(workerCount());
  }

  private changed(kind: ChangeKind) {
    this.dispatchEvent(new CustomEvent<ChangeKind>('change', { detail: kind }));
  }

  /** Loads scenario data as a new file: validated first; data that fails opens nothing and returns its problems. */
  load(data: unknown, checked?: Validation): Problem[] {
    const v = checked ?? checkEvaluable(validateData(data));
    if (!v.ok || !v.scenario) {
      this.problems = v.problems;
      this.changed('scenario');
      return v.problems;
    }
    this.draft = data;
    this.original = data;
    this.longRunConfirmed = false;
    this.history.clear();
    this.problems = [];
    this.warnings = v.warnings;
    this.baseline = v.scenario.simulation.baseline ?? v.scenario.rulesets[0].id;
    this.apply(v.scenario);
    return [];
  }

  /** Every edit goes through here: applied only when the whole scenario validates. */
  edit(next: unknown, record = true) {
    if (record) this.history.push(this.draft);
    this.draft = next;
    this.dispatchEvent(new Event('edit'));
    const v = checkEvaluable(validateData(next));
    this.problems = v.ok ? [] : v.problems;
    this.warnings = v.warnings;
    if (v.ok && v.scenario) this.apply(v.scenario);
    else this.changed('scenario');
  }

  undo() {
    const prev = this.history.undo(this.draft);
    if (prev !== undefined) this.edit(prev, false);
  }

  redo() {
    const next = this.history.redo(this.draft);
    if (next !== undefined) this.edit(next, false);
  }

  private apply(s: Scenario) {
    this.applied = s;
    const t0 = performance.now();
    this.changedAt = t0;
    this.model = modelOf(s);
    this.analytic = analyticExpectation(this.model);
    this.analyticMs = performance.now() - t0;
    performance.measure('jingsuan:analytic', { start: t0 });
    this.result = null;
    this.raw = null;
    this.comparisons = [];
    this.exact = null;
    // The exact aggregate waits for the run: both want the CPU, and the first Monte Carlo refresh is what an edit
    // must show quickly (DESIGN.md "Performance"). A run cut short by the next edit never asks for it.
    this.exactFor = s;
    this.changed('scenario');
    this.scheduleRun();
  }

  setBaseline(id: string) {
    this.baseline = id;
    if (this.raw) void this.showRun(this.raw);
  }

  /** Stops any run (a fund file replaced the scenario on screen, or the analyst cancelled). */
  cancelRun() {
    this.cancelledByAnalyst = true;
    this.controller?.abort();
  }

  /** The analyst confirmed a run that takes minutes here. */
  confirmLongRun() {
    this.longRunConfirmed = true;
    this.scheduleRun();
  }

  scheduleRun() {
    this.controller?.abort();
    if (this.runTimer) clearTimeout(this.runTimer);
    this.runTimer = setTimeout(() => void this.startRun(), 60);
  }

  private async startRun() {
    const s = this.applied;
    if (!s) return;
    const controller = new AbortController();
    this.controller = controller;
    this.runState = 'running';
    this.done = 0;
    const trials = this.model ? trialsHere(this.model, s.simulation.trials) : s.simulation.trials;
    this.runNote =
      trials < s.simulation.trials ? t('runCapped', this.lang, BROWSER_RESULT_BYTES / 2 ** 20, trials, s.simulation.trials) : '';
    this.total = trials;
    this.changed('run');
    // From the edit (or file) that started this run: DESIGN.md wants ≥ 200 trials on screen within 500 ms.
    const t0 = this.changedAt || performance.now();
    const started = performance.now();
    const pacer = new RefreshPacer();
    try {
      const raw = await runRaw(s, {
        trials,
        workers: workerCount(),
        pool: this.pool,
        signal: controller.signal,
        chunk: 10,
        onProgress: (done, total, _snapshot, partial) => {
          if (controller.signal.aborted) return;
          this.done = done;
          this.total = total;
          // A run that would take minutes here stops and asks first (once per scenario).
          const projected = this.longRunConfirmed ? null : tooLongHere((performance.now() - started) / 1000, done, total);
          if (projected !== null) {
            controller.abort();
            this.runState = 'confirm';
            this.requestExact();
            this.runMessage = t('runAsk', this.lang, Math.ceil(projected / 60), total);
            this.changed('run');
            return;
          }
          const due = pacer.due(done, total);
          if (!due) return void (pacer.countDue() && this.changed('progress'));
          const now = performance.now();
          void this.showRun(partial(false));
          pacer.painted(now, due);
          if (due === 'first') performance.measure('jingsuan:first-refresh', { start: t0, detail: { trials: done } });
        },
      });
      if (controller.signal.aborted) return;
      await this.showRun(raw, true, controller.signal);
      if (controller.signal.aborted) return;
      this.runSeconds = (performance.now() - t0) / 1000;
      performance.measure('jingsuan:run', { start: t0, detail: { trials: raw.trials } });
      this.runState = 'done';
      this.requestExact();
      this.changed('run');
    } catch (err) {
      if (err instanceof CancelledError) {
        // Paused to ask (state 'confirm') stays as it is; a cancel by the analyst says so.
        if (this.controller === controller && (this.runState as RunState) !== 'confirm') {
          this.runState = 'cancelled';
          // Cancelled by the analyst, not by an edit: the exact aggregate of the scenario on screen now.
          if (this.cancelledByAnalyst) this.requestExact();
        }
        this.cancelledByAnalyst = false;
        this.changed('run');
        return;
      }
      this.runState = 'error';
      this.requestExact();
      this.runMessage = (err as Error).message;
      this.changed('run');
    }
  }

  /**
   * Results of the trials so far. While a run is going, the rulesets' totals only (per-population figures come
   * at the end); the final summary is computed in slices of 30 ms, so a large scenario never freezes the page.
   */
  private async showRun(raw: RawRun, final = false, signal?: AbortSignal) {
    if (!raw.trials) return;
    const result = final
      ? await summarizeInSlices(raw.model, raw.data, raw.trials, raw.seed, raw.analytic)
      : summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic, { populations: false });
    if (signal?.aborted) return; // an edit started another run meanwhile
    this.raw = raw;
    this.result = result;
    const base = Math.max(
      0,
      raw.model.rulesets.findIndex((r) => r.id === this.baseline),
    );
    this.comparisons = comparisonsAgainst(raw.model, raw.data, raw.trials, base);
    this.changed('run');
  }

  dispose() {
    this.controller?.abort();
    this.pool.dispose();
    this.exactClient.dispose();
  }
}
