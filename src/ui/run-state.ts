/**
 * The words the run logic (page-run.ts) and the views share, kept apart from both so the run logic imports no
 * view and no view state.
 */

/** 'confirm': the run was paused because it would take minutes; the message says how long, a button goes on. */
export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'confirm';

/**
 * What changed: the scenario (and so the analytic values); the run's count of finished trials only ('progress',
 * many times a second: only the progress bar redraws); the run's state or results ('run'); the exact aggregate.
 */
export type ChangeKind = 'scenario' | 'progress' | 'run' | 'exact';
