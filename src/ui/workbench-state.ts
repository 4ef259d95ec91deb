/**
 * The workbench's state, without any drawing: the scenario as edited (the draft, possibly invalid) and as applied
 * (the last valid one), its undo history, the analytic values recomputed on every change, and the run of the
 * applied scenario (page-run.ts: Monte Carlo and exact aggregate). Components observe it through its `change`
 * event (and `edit`, fired for every edit of the draft) and call its methods; it never touches the DOM.
 */
import { analyticExpectation, type AnalyticRuleset } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { checkEvaluable, modelOf } from '../engine/validate-model.ts';
import type { Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateData, type Validation } from '../scenario/validate.ts';
import type { Lang } from '../report/strings.ts';
import { EditHistory } from './history.ts';
import { PageRun, type RunEnvironment } from './page-run.ts';

import type { ChangeKind } from './run-state.ts';
export type { ChangeKind };

export class Workbench extends EventTarget {
  /** The scenario as edited, possibly invalid (then not applied). */
  draft: unknown = null;
  /** The file as opened, for the list of changes. */
  original: unknown = null;
  applied: Scenario | null = null;
  /**
   * The draft as it was when last applied (the file's own data, not the parsed scenario): what a save or a share link
   * carries while the draft holds a refused value, which would make a file nothing opens (file-session.ts).
   */
  appliedDraft: unknown = null;
  problems: Problem[] = [];
  /** What the validator warns about in the applied scenario (it runs, but a person should look). */
  warnings: Problem[] = [];
  model: EngineModel | null = null;
  analytic: AnalyticRuleset[] = [];
  analyticMs = 0;
  baseline = '';
  readonly history = new EditHistory<unknown>();

  /** Language of the run's messages (set by the page). */
  lang: Lang = 'zh';

  /** When the scenario last changed (performance.now()), for the first-refresh measure. */
  changedAt = 0;
  /** The Monte Carlo run of the applied scenario and its exact aggregate (page-run.ts). */
  readonly run: PageRun;

  /** `env`: what the run runs on, the page's Web Workers unless given (Node's in the tests). */
  constructor(env?: RunEnvironment) {
    super();
    this.run = new PageRun(this, (kind) => this.changed(kind), env);
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
    this.appliedDraft = data;
    this.run.longRunConfirmed = false;
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
    if (v.ok && v.scenario) {
      this.appliedDraft = next;
      this.apply(v.scenario);
    } else this.changed('scenario');
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
    this.run.restart(s);
    this.changed('scenario');
  }

  setBaseline(id: string) {
    this.baseline = id;
    this.run.rebase();
  }

  dispose() {
    this.run.dispose();
  }
}
