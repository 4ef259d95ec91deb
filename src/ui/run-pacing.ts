/**
 * How a Monte Carlo run in the page shows its progress: when to repaint (the first FIRST_REFRESH trials at once,
 * docs/model.md "Performance", then at most a few times a second and never more than a fifth of the time, so a slow
 * repaint of a large scenario spaces the next one out), and when a run would take so long here that it stops
 * after its first two seconds to ask.
 */
import type { EngineModel } from '../engine/model.ts';
import { trialBlockSize } from '../engine/trial.ts';

/** Trials of the first Monte Carlo refresh after a change (docs/model.md "Performance"). */
export const FIRST_REFRESH = 200;
/** A run projected to take longer than this in the page stops after its first two seconds and asks. */
export const BROWSER_ASK_SECONDS = 120;
/**
 * Per-trial results the page keeps (a run's memory in the workbench, stated in the run's note): 16 populations ×
 * 12 rulesets then run about 4,000 trials, which the page summarises without a task over 100 ms.
 */
export const BROWSER_RESULT_BYTES = 64 * 2 ** 20;

/** The trials a run does in the page: all the file asks for, or as many as BROWSER_RESULT_BYTES holds (the command line runs them all). */
export function trialsHere(model: EngineModel, trials: number): number {
  return Math.max(1, Math.min(trials, Math.floor(BROWSER_RESULT_BYTES / (trialBlockSize(model, 1) * 8))));
}

/** Least time between two redraws of the count of finished trials alone (the progress bar). */
export const COUNT_REFRESH_MS = 100;

export class RefreshPacer {
  private firstShown = false;
  private lastPaint = -Infinity;
  private lastCount = -Infinity;
  /** How long the last repaint took (ms). */
  private paintMs = 0;

  /** Whether to repaint now, with `done` of `total` trials in: 'first' (the first refresh), 'again', or null. */
  due(done: number, total: number, now = performance.now()): 'first' | 'again' | null {
    if (!this.firstShown && done >= Math.min(FIRST_REFRESH, total)) return 'first';
    return now - this.lastPaint > Math.max(250, 4 * this.paintMs) ? 'again' : null;
  }

  /**
   * Whether the count of finished trials should be redrawn now (when the results are not: `due` said null). Chunks
   * of trials arrive a hundred times a run; the bar needs a few steps a second, not a frame each.
   */
  countDue(now = performance.now()): boolean {
    if (now - this.lastCount < COUNT_REFRESH_MS) return false;
    this.lastCount = now;
    return true;
  }

  /** A repaint (`due` said which) that started at `from` has ended now. */
  painted(from: number, due: 'first' | 'again', now = performance.now()) {
    if (due === 'first') this.firstShown = true;
    this.lastPaint = from;
    this.paintMs = now - from;
  }
}

/** Before this many seconds the pace is not judged: the workers' start (loading and compiling the engine) can take a second of its own on a busy machine. */
export const JUDGE_AFTER_SECONDS = 2;

/** The run would take more than BROWSER_ASK_SECONDS here, judged once it has run JUDGE_AFTER_SECONDS. */
export function tooLongHere(elapsedSeconds: number, done: number, total: number): number | null {
  if (elapsedSeconds <= JUDGE_AFTER_SECONDS || done >= total) return null;
  const projected = (elapsedSeconds / done) * total;
  return projected > BROWSER_ASK_SECONDS ? projected : null;
}
