/**
 * The workbench: owns the scenario (the applied, valid one and the draft being edited), recomputes analytic
 * values on every change, and runs the Monte Carlo in Web Workers, cancelling and restarting on each change.
 * Properties go down to the editors and views; edits come up as events.
 */
import { LitElement, css, html, nothing } from 'lit';
import * as d3 from 'd3';
import { analyticExpectation, type AnalyticRuleset } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { CancelledError, runRaw, WorkerPool, type RawRun } from '../engine/run.ts';
import { trialBlockSize } from '../engine/trial.ts';
import { comparisonsAgainst, summarize, summarizeInSlices, type Comparison, type RunResult } from '../engine/summary.ts';
import { benefitCurveChart, breakdownChart, corridorChart, densityChart, distributionChart, sensitivityChart, type ChartContext, type ChartSpec } from '../report/charts/charts.ts';
import { breakdown } from '../analysis/breakdown.ts';
import { benefitCurves, severityDensity } from '../analysis/curves.ts';
import { corridorSplits, exactDensity, premiumMarkers, trialValues } from '../analysis/run-series.ts';
import { sweepAnalytic, sweepValues } from '../analysis/sweep.ts';
import type { Lang } from '../report/strings.ts';
import type { Unit } from '../report/format.ts';
import { getAt, removeAt, setAt, setItemField, setParam, type Path } from '../scenario/edit.ts';
import { formatProblem, type Problem } from '../scenario/problems.ts';
import { CHANNEL_NAMES } from '../report/tables.ts';
import { assumptions } from '../scenario/provenance.ts';
import type { Scenario, TierSpec } from '../scenario/schema.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { validateData } from '../scenario/validate.ts';
import { checkEvaluable, modelOf } from '../engine/validate-model.ts';
import { editableShape } from '../scenario/shape.ts';
import { readFileText } from './read-file.ts';
import { browserWorkerFactory, workerCount } from './engine-client.ts';
import { ExactClient, type ExactResult } from './exact-client.ts';
import { autosaveKey, clearAutosave, readAutosave, writeAutosave, type Autosave } from './autosave.ts';
import { download } from './download.ts';
import { EditHistory } from './history.ts';
import { decodeShare, encodeShare, shareCodeFromHash } from './share.ts';
import { diffScenarios } from '../scenario/diff.ts';
import { validateText, type Validation } from '../scenario/validate.ts';
import { parseJsonText } from '../scenario/untrusted.ts';
import './diff-view.ts';
import './fund-view.ts';
import './file-bar.ts';
import './goal-seek.ts';
import './funding-table.ts';
import { ANALYTIC_METRICS, metricLabel, type AnalyticMetric } from '../scenario/metrics.ts';
import type { ItemChange } from './events.ts';
import type { ParamChange } from './param-field.ts';
import type { RunState } from './run-status.ts';
import { t } from '../report/strings.ts';
import { shared } from './styles.ts';
import './chart-view.ts';
import './population-card.ts';
import './results-table.ts';
import './ruleset-card.ts';
import './run-status.ts';

const SHIPPED = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
const scenarioFiles: Record<string, unknown> = Object.fromEntries(Object.entries(SHIPPED).map(([k, v]) => [k.split('/').pop()!.replace(/\.json$/, ''), v]));
export const DEFAULT_SCENARIO = 'compare-regions';

interface SensitivityChoice {
  ruleset: number;
  path: Path;
  label: string;
}

/** Trials of the first Monte Carlo refresh after a change (DESIGN.md "Performance"). */
const FIRST_REFRESH = 200;
/** Cards drawn per task when a file opens (App.revealCards). */
const CARDS_AT_ONCE = 4;
/**
 * Per-trial results the page keeps (a run's memory in the workbench, stated in the run's note): 16 populations ×
 * 12 rulesets then run about 4,000 trials, which the page summarises without a task over 100 ms.
 */
const BROWSER_RESULT_BYTES = 64 * 2 ** 20;
/** A run projected to take longer than this in the page stops after its first second and asks. */
const BROWSER_ASK_SECONDS = 120;

export class App extends LitElement {
  static override properties = {
    lang: { state: true },
    unit: { state: true },
    scenarioId: { state: true },
    applied: { state: true },
    problems: { state: true },
    analytic: { state: true },
    result: { state: true },
    comparisons: { state: true },
    runState: { state: true },
    done: { state: true },
    total: { state: true },
    runMessage: { state: true },
    runSeconds: { state: true },
    baseline: { state: true },
    sens: { state: true },
    sensMetric: { state: true },
    charts: { state: true },
    analyticMs: { state: true },
    openProblems: { state: true },
    fund: { state: true },
    restorable: { state: true },
    showDiff: { state: true },
    shareUrl: { state: true },
    notice: { state: true },
    exact: { state: true },
    cardLimit: { state: true },
    runNote: { state: true },
  };
  /** The analyst chose to run this scenario although it takes minutes (reset when a file opens). */
  private longRunConfirmed = false;
  /** Why the page runs fewer trials than the file asks for (empty when it runs them all). */
  declare runNote: string;
  /**
   * How many population and ruleset cards are drawn: a large file's dozens of cards come a few per task after
   * the first paint (drawing hundreds of fields at once would hold the page), then stay.
   */
  declare cardLimit: number;
  private cardTimer: ReturnType<typeof setTimeout> | null = null;
  private revealCards(total: number) {
    if (this.cardTimer) clearTimeout(this.cardTimer);
    this.cardLimit = Math.min(total, CARDS_AT_ONCE);
    const step = () => {
      // Once all are drawn the limit is lifted, so cards added later by edits always show.
      this.cardLimit = this.cardLimit + CARDS_AT_ONCE >= total ? Infinity : this.cardLimit + CARDS_AT_ONCE;
      if (this.cardLimit !== Infinity) this.cardTimer = setTimeout(step, 0);
    };
    this.cardTimer = setTimeout(step, 0);
  }
  /** The exact aggregate (FFT) of the applied scenario, from its own worker; null while it is computed. */
  declare exact: ExactResult | { error: string } | null;
  private readonly exactClient = new ExactClient((r) => {
    this.exact = r;
    this.refreshRunCharts();
  });
  declare openProblems: { file: string; problems: Problem[] } | null;
  /** A fund-level file on screen instead of the insurance scenario (read-only). */
  declare fund: FundScenario | null;
  declare restorable: (Autosave & { key?: string }) | null;
  declare showDiff: boolean;
  declare shareUrl: string;
  declare notice: string;
  private original: unknown = null;
  private history = new EditHistory<unknown>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  declare lang: Lang;
  declare unit: Unit;
  declare scenarioId: string;
  declare applied: Scenario | null;
  declare problems: Problem[];
  declare analytic: AnalyticRuleset[];
  declare result: RunResult | null;
  declare comparisons: Comparison[];
  declare runState: RunState;
  declare done: number;
  declare total: number;
  declare runMessage: string;
  declare runSeconds: number;
  declare baseline: string;
  declare sens: number;
  declare sensMetric: AnalyticMetric;
  declare charts: Record<string, ChartSpec | null>;
  declare analyticMs: number;

  /** The scenario as edited, possibly invalid (then not applied). */
  private draft: unknown = null;
  private model: EngineModel | null = null;
  private raw: RawRun | null = null;
  private controller: AbortController | null = null;
  private runTimer: ReturnType<typeof setTimeout> | null = null;
  private sensTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPaint = 0;
  /** How long the last progress repaint took (ms). */
  private paintMs = 0;
  /** Engine workers kept between runs: an edit's run starts without new workers. */
  private readonly pool = new WorkerPool(browserWorkerFactory, workerCount());
  /** When the scenario last changed (performance.now()), for the first-refresh measure. */
  private changedAt = 0;

  constructor() {
    super();
    this.cardLimit = Infinity;
    this.runNote = '';
    this.lang = 'zh';
    this.unit = 'wan';
    this.scenarioId = DEFAULT_SCENARIO;
    this.applied = null;
    this.problems = [];
    this.analytic = [];
    this.result = null;
    this.comparisons = [];
    this.runState = 'idle';
    this.done = 0;
    this.total = 0;
    this.runMessage = '';
    this.runSeconds = 0;
    this.baseline = '';
    this.sens = 0;
    this.sensMetric = 'payout';
    this.charts = {};
    this.analyticMs = 0;
    this.openProblems = null;
    this.fund = null;
    this.restorable = null;
    this.showDiff = false;
    this.shareUrl = '';
    this.notice = '';
  }

  static override styles = [
    shared,
    css`
      :host { display: block; min-height: 100vh; background: #f5f6f8; }
      header.top { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: #0f2a5c; color: white; flex-wrap: wrap; }
      header.top h1 { font-size: 18px; margin: 0; font-weight: 600; letter-spacing: 0.02em; }
      header.top label { font-size: 13px; display: flex; gap: 6px; align-items: center; }
      header.top .spacer { flex: 1; }
      header.top button { background: transparent; color: white; border-color: #6b83b6; }
      header.top button[aria-pressed='true'] { background: white; color: #0f2a5c; }
      header.top select { min-width: 220px; }
      main { display: grid; grid-template-columns: minmax(430px, 520px) 1fr; gap: 16px; padding: 16px 20px; align-items: start; }
      @media (max-width: 1100px) { main { grid-template-columns: 1fr; } }
      section.editor { display: flex; flex-direction: column; gap: 12px; }
      section.editor h2, section.results h2 { font-size: 14px; color: var(--muted); text-transform: none; margin: 4px 0 0; }
      section.results { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 14px; }
      .scenario-title { font-size: 16px; font-weight: 600; }
      .desc { font-size: 13px; color: var(--muted); margin: 4px 0 0; line-height: 1.5; }
      .banner { background: var(--error-soft); color: var(--error); border: 1px solid #fca5a5; border-radius: 8px; padding: 8px 12px; font-size: 13px; }
      .banner ul { margin: 4px 0 0; padding-left: 18px; }
      .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; font-size: 13px; }
      .note { font-size: 12px; color: var(--muted); }
      header.top a.notebooks { color: white; font-size: 13px; text-decoration: underline; white-space: nowrap; }
      .restore { background: var(--warn-soft); color: var(--warn); border: 1px solid #fcd34d; border-radius: 8px; padding: 8px 12px; font-size: 13px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    const wanted = new URLSearchParams(globalThis.location?.search ?? '').get('scenario');
    this.loadShipped(wanted && scenarioFiles[wanted] ? wanted : DEFAULT_SCENARIO);
    const saved = readAutosave(globalThis.localStorage, this.autosaveKey);
    if (saved) this.restorable = saved;
    globalThis.addEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.addEventListener('visibilitychange', this.flushAutosave);
    const code = shareCodeFromHash(globalThis.location?.hash ?? '');
    if (code) void this.openShared(code);
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('drop', this.onDrop);
    globalThis.addEventListener?.('keydown', this.onKey);
  }

  private onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private onDrop = async (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    const r = await readFileText(file);
    if ('error' in r) this.openProblems = { file: file.name, problems: [{ path: '(root)', message: r.error }] };
    else this.openText(file.name, r.text);
  };

  /** A picked file (file-bar.ts): its text, or why it was not read. */
  private onFileOpen = (e: CustomEvent<{ name: string; text?: string; error?: string }>) => {
    if (e.detail.error !== undefined || e.detail.text === undefined) this.openProblems = { file: e.detail.name, problems: [{ path: '(root)', message: e.detail.error ?? 'not read' }] };
    else this.openText(e.detail.name, e.detail.text);
  };

  private onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT') && (target as HTMLInputElement).type !== 'range') return; // the field's own undo
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) {
      e.preventDefault();
      this.redo();
    }
  };

  private async openShared(code: string) {
    try {
      this.openText(this.lang === 'zh' ? '分享链接' : 'share link', await decodeShare(code));
    } catch (err) {
      this.openProblems = { file: 'share link', problems: [{ path: '(root)', message: (err as Error).message }] };
    }
  }

  /** Opens a file's text: validated (and migrated) first; a file with problems opens nothing. */
  openText(name: string, text: string): boolean {
    const v = checkEvaluable(validateText(text));
    if (v.ok && v.fund) {
      this.openProblems = null;
      this.scenarioId = '';
      this.showFund(v.fund);
      this.notice = name;
      return true;
    }
    if (!v.ok || !v.scenario) {
      this.openProblems = { file: name, problems: v.problems };
      return false;
    }
    this.openProblems = null;
    this.fund = null;
    const data = parseJsonText(text).data;
    this.scenarioId = '';
    // Unmigrated, the text's data is what was just validated: no second validation and compile.
    if (v.notes.length) this.load(JSON.parse(JSON.stringify(v.scenario)));
    else this.load(data, v);
    this.notice = `${name}${v.notes.length ? ` (${v.notes.join('; ')})` : ''}`;
    return true;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
    this.pool.dispose();
    this.exactClient.dispose();
    globalThis.removeEventListener?.('keydown', this.onKey);
    globalThis.removeEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.removeEventListener('visibilitychange', this.flushAutosave);
  }

  loadShipped(id: string) {
    this.scenarioId = id;
    this.notice = '';
    const data = structuredClone(scenarioFiles[id]);
    if ((data as { kind?: string }).kind !== undefined) {
      const v = validateData(data);
      if (v.ok && v.fund) this.showFund(v.fund);
      return;
    }
    this.fund = null;
    this.load(data);
  }

  /** A fund-level file replaces the insurance scenario on screen (read-only); any run in progress stops. */
  private showFund(fund: FundScenario) {
    this.controller?.abort();
    this.fund = fund;
  }

  /** Loads scenario data (validated); a file that fails validation opens nothing and shows every problem. */
  load(data: unknown, checked?: Validation): Problem[] {
    const v = checked ?? checkEvaluable(validateData(data));
    if (!v.ok || !v.scenario) {
      this.problems = v.problems;
      return v.problems;
    }
    this.draft = data;
    this.original = data;
    this.revealCards(v.scenario.populations.length + v.scenario.rulesets.length);
    this.longRunConfirmed = false;
    this.history.clear();
    this.problems = [];
    this.baseline = v.scenario.simulation.baseline ?? v.scenario.rulesets[0].id;
    this.sens = 0;
    this.apply(v.scenario);
    return [];
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
    this.exactClient.request(s);
    // The last scenario's run charts go at once; the new model's charts follow (refreshStaticCharts).
    this.charts = { ...this.charts, payout: null, lossRatio: null, corridor: null };
    this.refreshStaticCharts();
    this.scheduleSensitivity();
    this.scheduleRun();
  }

  /** Every edit goes through here: applied only when the whole scenario validates. */
  private edit(next: unknown, record = true) {
    if (record) this.history.push(this.draft);
    this.draft = next;
    this.scheduleAutosave();
    const v = checkEvaluable(validateData(next));
    this.problems = v.ok ? [] : v.problems;
    if (v.ok && v.scenario) this.apply(v.scenario);
    else this.requestUpdate();
  }

  undo() {
    const prev = this.history.undo(this.draft);
    if (prev !== undefined) this.edit(prev, false);
  }

  redo() {
    const next = this.history.redo(this.draft);
    if (next !== undefined) this.edit(next, false);
  }

  private readonly autosaveKey = autosaveKey(globalThis.sessionStorage);
  private pendingSave: Autosave | null = null;

  private scheduleAutosave() {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.pendingSave = { savedAt: new Date().toISOString(), draft: this.draft, original: this.original, label: (this.draft as Scenario)?.id ?? '' };
    this.saveTimer = setTimeout(this.flushAutosave, 150);
  }

  /** Writes a pending save now: on the debounce, and when the page is hidden or left (a quick reload). */
  private flushAutosave = () => {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.pendingSave) writeAutosave(globalThis.localStorage, this.autosaveKey, this.pendingSave);
    this.pendingSave = null;
  };

  private restore() {
    const a = this.restorable;
    this.restorable = null;
    if (!a) return;
    // A stored draft is untrusted like any file (another version of the page, a damaged store): it is restored
    // only if the editor can show it; otherwise nothing changes and its problems are listed.
    const shape = editableShape(a.draft);
    if (shape.length) {
      this.openProblems = { file: this.lang === 'zh' ? '未保存的工作' : 'unsaved work', problems: shape };
      clearAutosave(globalThis.localStorage, a.key ?? this.autosaveKey);
      return;
    }
    this.scenarioId = '';
    const v = checkEvaluable(validateData(a.original));
    if (v.ok) this.load(a.original);
    this.history.clear();
    this.edit(a.draft, true);
    // Another tab's save, now this tab's work: it continues under this tab's key.
    if (a.key && a.key !== this.autosaveKey) clearAutosave(globalThis.localStorage, a.key);
  }

  private discard() {
    clearAutosave(globalThis.localStorage, this.restorable?.key ?? this.autosaveKey);
    this.restorable = null;
  }

  private save() {
    const d = this.draft as Scenario;
    download(`${d?.id ?? 'scenario'}.json`, JSON.stringify(this.draft, null, 2) + '\n', 'application/json');
  }

  private async share() {
    const code = await encodeShare(this.draft);
    const url = `${location.origin}${location.pathname}${location.search}#s=${code}`;
    this.shareUrl = url;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      /* the link is shown for copying by hand */
    }
  }

  /** The working scenario as JSON text (what Save writes). */
  draftJson(): string {
    return JSON.stringify(this.draft);
  }

  private onParam(e: CustomEvent<ParamChange>) {
    this.edit(setParam(this.draft, e.detail.path, e.detail.value));
  }

  private onItem(e: CustomEvent<ItemChange>) {
    this.edit(setItemField(this.draft, e.detail.path, e.detail.field, e.detail.value));
  }

  private onBandAdd(e: CustomEvent<{ path: Path }>) {
    const bands = (getAt(this.draft, e.detail.path) ?? []) as { to: number | null; ratio: number }[];
    const finite = bands.filter((b) => b.to !== null).map((b) => b.to as number);
    const track = getAt(this.draft, e.detail.path.slice(0, -1)) as { deductible?: { value: number } };
    const lastEdge = finite.length ? Math.max(...finite) : (track.deductible?.value ?? 0);
    const last = bands[bands.length - 1];
    const band = { to: Math.round(lastEdge * 2 || 50000), ratio: last?.ratio ?? 0.5, assumption: 'added in the workbench' };
    const at = last && last.to === null ? bands.length - 1 : bands.length;
    this.edit(setAt(this.draft, e.detail.path, [...bands.slice(0, at), band, ...bands.slice(at)]));
  }

  private onItemRemove(e: CustomEvent<{ path: Path }>) {
    this.edit(removeAt(this.draft, e.detail.path));
  }

  /**
   * A new corridor tier after the last: an open last tier [a, +∞) is split at a + 5 points, a closed one is
   * followed by the next 5 points; the new tier keeps the last one's share and basis. Validation then says
   * whatever the user still has to settle.
   */
  private onTierAdd(e: CustomEvent<{ path: Path }>) {
    const tiers = (getAt(this.draft, e.detail.path) ?? []) as TierSpec[];
    const last = tiers[tiers.length - 1];
    if (!last) return;
    const step = 0.05;
    const from = last.to ?? Math.min(1, (last.from ?? -step) + step);
    const added: TierSpec = { from, to: last.to === null ? null : Math.min(1, from + step), insurerShare: last.insurerShare, basis: last.basis, assumption: 'added in the workbench' };
    const kept = last.to === null ? { ...last, to: from } : last;
    this.edit(setAt(this.draft, e.detail.path, [...tiers.slice(0, -1), kept, added]));
  }

  /** Removes a tier; its range goes to the neighbour it touches (the one below, else the one above), so no gap opens. */
  private onTierRemove(e: CustomEvent<{ path: Path }>) {
    const at = e.detail.path[e.detail.path.length - 1] as number;
    const listPath = e.detail.path.slice(0, -1);
    const tiers = [...((getAt(this.draft, listPath) ?? []) as TierSpec[])];
    const gone = tiers[at];
    if (!gone || tiers.length <= 1) return;
    const below = tiers[at - 1];
    const above = tiers[at + 1];
    if (below && below.to === gone.from) tiers[at - 1] = { ...below, to: gone.to };
    else if (above && above.from === gone.to) tiers[at + 1] = { ...above, from: gone.from };
    tiers.splice(at, 1);
    this.edit(setAt(this.draft, listPath, tiers));
  }

  /** Another reading of the corridor text, starting as a copy of the main tiers, evaluated on the same claims. */
  private onReadingAdd(e: CustomEvent<{ path: Path }>) {
    const corridor = getAt(this.draft, e.detail.path) as { tiers: TierSpec[]; alternatives?: { id: string }[] };
    const alternatives = corridor.alternatives ?? [];
    const ids = new Set(alternatives.map((a) => a.id));
    let n = alternatives.length + 1;
    while (ids.has(`reading-${n}`)) n++;
    const reading = { id: `reading-${n}`, title: { zh: `理解 ${n}`, en: `Reading ${n}` }, tiers: structuredClone(corridor.tiers), assumption: 'added in the workbench as a copy of the main tiers' };
    this.edit(setAt(this.draft, [...e.detail.path, 'alternatives'], [...alternatives, reading]));
  }

  private scheduleRun() {
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
    // The page keeps at most BROWSER_RESULT_BYTES of per-trial results (and so stays responsive): a larger file
    // runs that many of its trials here, and says so; the command line runs them all.
    const perTrial = this.model ? trialBlockSize(this.model, 1) * 8 : 1;
    const trials = Math.max(1, Math.min(s.simulation.trials, Math.floor(BROWSER_RESULT_BYTES / perTrial)));
    this.runNote =
      trials < s.simulation.trials
        ? this.lang === 'zh'
          ? `浏览器中最多保留 ${BROWSER_RESULT_BYTES / 2 ** 20} MB 逐次结果：本情景运行 ${trials.toLocaleString('zh-CN')} 次（文件为 ${s.simulation.trials.toLocaleString('zh-CN')} 次）；完整运行请用命令行 jingsuan run`
          : `The page keeps at most ${BROWSER_RESULT_BYTES / 2 ** 20} MB of per-trial results: ${trials.toLocaleString('en')} of the file's ${s.simulation.trials.toLocaleString('en')} trials run here; the command line (jingsuan run) runs them all`
        : '';
    this.total = trials;
    // From the edit (or file) that started this run: DESIGN.md wants ≥ 200 trials on screen within 500 ms.
    const t0 = this.changedAt || performance.now();
    const started = performance.now();
    let firstShown = false;
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
          const elapsed = (performance.now() - started) / 1000;
          const projected = (elapsed / done) * total;
          if (!this.longRunConfirmed && elapsed > 1 && done < total && projected > BROWSER_ASK_SECONDS) {
            controller.abort();
            this.runState = 'confirm';
            const minutes = Math.ceil(projected / 60);
            this.runMessage =
              this.lang === 'zh'
                ? `本次模拟在浏览器中约需 ${minutes} 分钟（${total.toLocaleString('zh-CN')} 次）。可减少 simulation.trials，或用命令行 jingsuan run。`
                : `This run would take about ${minutes} min here (${total.toLocaleString('en')} trials). Reduce simulation.trials, or use the command line (jingsuan run).`;
            return;
          }
          // Refine the results as trials arrive: at once when the first FIRST_REFRESH trials are in, then at
          // most a few times a second.
          const now = performance.now();
          const first = !firstShown && done >= Math.min(FIRST_REFRESH, total);
          // At most a few times a second, and never more than a fifth of the time: a slow repaint (a large
          // scenario) spaces the next one out.
          if (first || now - this.lastPaint > Math.max(250, 4 * this.paintMs)) {
            this.lastPaint = now;
            void this.showRun(partial(false));
            this.paintMs = performance.now() - now;
            if (first) {
              firstShown = true;
              performance.measure('jingsuan:first-refresh', { start: t0, detail: { trials: done } });
            }
          }
        },
      });
      if (controller.signal.aborted) return;
      await this.showRun(raw, true, controller.signal);
      if (controller.signal.aborted) return;
      this.runSeconds = (performance.now() - t0) / 1000;
      performance.measure('jingsuan:run', { start: t0, detail: { trials: raw.trials } });
      this.runState = 'done';
    } catch (err) {
      if (err instanceof CancelledError) {
        // Paused to ask (state 'confirm') stays as it is; a cancel by the analyst says so.
        if (this.controller === controller && (this.runState as RunState) !== 'confirm') this.runState = 'cancelled';
        return;
      }
      this.runState = 'error';
      this.runMessage = (err as Error).message;
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
    this.comparisons = comparisonsAgainst(raw.model, raw.data, raw.trials, Math.max(0, raw.model.rulesets.findIndex((r) => r.id === this.baseline)));
    this.refreshRunCharts();
  }

  private context(): ChartContext {
    const s = this.applied!;
    const n = assumptions(s).length;
    const trials = this.raw ? `${this.raw.trials} ${t('trialsWord', this.lang)}, seed ${this.raw.seed}` : '';
    const foot =
      this.lang === 'zh'
        ? `情景：${s.title.zh}（${s.id}）${trials ? `；${trials}` : ''}。所依据的假设：${n} 项（见情景文件中的 assumption）。`
        : `Scenario: ${s.title.en} (${s.id})${trials ? `; ${trials}` : ''}. Rests on ${n} labelled assumptions (see the scenario file).`;
    return { lang: this.lang, unit: this.unit, rulesets: s.rulesets.map((r) => r.id), footnote: foot, width: 600 };
  }

  /** The model's charts, in a task of their own after the page has drawn the figures (a large file's curves are heavy). */
  private staticTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshStaticCharts() {
    if (this.staticTimer) clearTimeout(this.staticTimer);
    this.staticTimer = setTimeout(() => this.drawStaticCharts(), 0);
  }

  private drawStaticCharts() {
    if (!this.model) return;
    const ctx = this.context();
    const curves = benefitCurves(this.model);
    this.scheduleDensities(this.model);
    this.charts = {
      ...this.charts,
      benefit: benefitCurveChart(curves, ctx, 'benefit'),
      ratio: benefitCurveChart(curves, ctx, 'ratio'),
      breakdown: breakdownChart(breakdown(this.model), ctx),
    };
  }

  /**
   * The populations' severity sketches, one per task after the page has drawn the rest: sixteen small charts in
   * one go would hold the page for a noticeable moment.
   */
  private densityTimer: ReturnType<typeof setTimeout> | null = null;
  private scheduleDensities(model: EngineModel) {
    if (this.densityTimer) clearTimeout(this.densityTimer);
    let p = 0;
    const step = () => {
      if (this.model !== model || p >= model.populations.length) return;
      this.charts = { ...this.charts, [`density${p}`]: densityChart(severityDensity(model, p), this.context()) };
      p++;
      this.densityTimer = setTimeout(step, 0);
    };
    this.densityTimer = setTimeout(step, 0);
  }

  private refreshRunCharts() {
    if (!this.raw || !this.model) return;
    const ctx = this.context();
    // The exact curves belong to the scenario on screen only when they are for its rulesets.
    const curves = this.exact && 'curves' in this.exact ? this.exact.curves : [];
    this.charts = {
      ...this.charts,
      payout: distributionChart(trialValues(this.raw, 'payout'), premiumMarkers(this.raw.model), ctx, 'payout', exactDensity(curves, this.raw.model, 'payout')),
      lossRatio: distributionChart(trialValues(this.raw, 'lossRatio'), [], ctx, 'lossRatio', exactDensity(curves, this.raw.model, 'lossRatio')),
      corridor: this.result && this.raw.model.rulesets.some((r) => r.corridor) ? corridorChart(corridorSplits(this.result), ctx) : null,
    };
  }

  private sensitivityChoices(): SensitivityChoice[] {
    const s = this.applied;
    if (!s) return [];
    const out: SensitivityChoice[] = [];
    s.rulesets.forEach((r, ri) => {
      r.tracks.forEach((tr, ti) => out.push({ ruleset: ri, path: ['tracks', ti, 'deductible'], label: `${r.id} · ${tr.id} · ${t('deductible', this.lang)}` }));
      if (r.cap) out.push({ ruleset: ri, path: ['cap'], label: `${r.id} · ${t('cap', this.lang)}` });
      r.funding.channels.forEach((c, ci) => {
        if (c.perInsured) out.push({ ruleset: ri, path: ['funding', 'channels', ci, 'perInsured'], label: `${r.id} · ${CHANNEL_NAMES[c.channel][this.lang]}${c.population ? ` · ${c.population}` : ''} · ${t('funding', this.lang)}` });
      });
    });
    return out;
  }

  private scheduleSensitivity() {
    if (this.sensTimer) clearTimeout(this.sensTimer);
    // Off the input's frame: the sweep re-evaluates the analytic model a few dozen times.
    this.sensTimer = setTimeout(() => {
      const s = this.applied;
      const choice = this.sensitivityChoices()[this.sens];
      if (!s || !choice) return;
      const current = (getAt(s.rulesets[choice.ruleset], choice.path) as { value: number }).value;
      const hi = Math.max(current * 2, choice.path[0] === 'funding' ? 100 : 20000);
      const pts = sweepAnalytic(s, choice.ruleset, choice.path, sweepValues(0, hi, 25));
      const ctx = this.context();
      this.charts = { ...this.charts, sensPayout: sensitivityChart(pts, choice.label, ctx, this.sensMetric), sensLoss: sensitivityChart(pts, choice.label, ctx, 'lossRatio') };
    }, 30);
  }

  private setLang(lang: Lang) {
    this.lang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle', lang);
    this.refreshStaticCharts();
    this.refreshRunCharts();
    this.scheduleSensitivity();
  }

  private setUnit(unit: Unit) {
    this.unit = unit;
    this.refreshStaticCharts();
    this.refreshRunCharts();
    this.scheduleSensitivity();
  }

  private changeList() {
    return this.original && this.draft ? diffScenarios(this.original, this.draft) : [];
  }

  private colors(): Record<string, string> {
    const ids = this.applied?.rulesets.map((r) => r.id) ?? [];
    return Object.fromEntries(ids.map((id, i) => [id, d3.schemeTableau10[i % 10]]));
  }

  /** A file that did not open: every problem, with its JSON path. */
  private renderOpenProblems() {
    const L = this.lang;
    const o = this.openProblems!;
    return html`<div class="banner open-problems" role="alert">
      ${L === 'zh' ? `文件“${o.file}”未打开，共 ${o.problems.length} 个问题：` : `"${o.file}" was not opened: ${o.problems.length} problem(s):`}
      <ul>${o.problems.slice(0, 50).map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
      <button @click=${() => (this.openProblems = null)}>${L === 'zh' ? '关闭' : 'Close'}</button>
    </div>`;
  }

  override render() {
    const L = this.lang;
    const s = this.applied;
    const colors = this.colors();
    const draft = this.draft as Scenario | null;
    return html`
      <header class="top">
        <h1>${t('appTitle', L)}</h1>
        <label>${t('scenario', L)}
          <select aria-label=${t('scenario', L)} @change=${(e: Event) => this.loadShipped((e.target as HTMLSelectElement).value)}>
            ${this.scenarioId === '' ? html`<option value="" selected>${L === 'zh' ? '（打开的文件）' : '(opened file)'} ${this.fund?.id ?? s?.id ?? ''}</option>` : nothing}
            ${Object.keys(scenarioFiles).map(
              (id) => html`<option value=${id} ?selected=${id === this.scenarioId}>${(scenarioFiles[id] as Scenario).title?.[L] ?? id}${(scenarioFiles[id] as { kind?: string }).kind ? (L === 'zh' ? '（基金）' : ' (fund)') : ''}</option>`,
            )}
          </select>
        </label>
        <span class="spacer"></span>
        <span role="group" aria-label=${t('unit', L)}>
          <button aria-pressed=${this.unit === 'wan'} @click=${() => this.setUnit('wan')}>${t('wan', L)}</button>
          <button aria-pressed=${this.unit === 'yuan'} @click=${() => this.setUnit('yuan')}>${t('yuan', L)}</button>
        </span>
        <a class="notebooks" href="./notebooks/index.html" title=${t('notebooksHint', L)}>${t('notebooks', L)}</a>
        <button class="lang" aria-label=${t('languageLabel', L)} @click=${() => this.setLang(L === 'zh' ? 'en' : 'zh')}>${t('language', L)}</button>
      </header>
      ${this.fund
        ? html`<main class="fund">
            <section class="editor">
              <div class="panel">
                ${this.notice ? html`<p class="note" role="status">${L === 'zh' ? '已打开：' : 'Opened: '}${this.notice}</p>` : nothing}
                <js-file-bar .lang=${L} openOnly @file-open=${this.onFileOpen}></js-file-bar>
                ${this.openProblems ? this.renderOpenProblems() : nothing}
              </div>
            </section>
            <section class="results"><js-fund-view .fund=${this.fund} .lang=${L} .unit=${this.unit}></js-fund-view></section>
          </main>`
        : s
        ? html`<main>
            <section class="editor" @param-change=${this.onParam} @item-change=${this.onItem} @band-add=${this.onBandAdd} @item-remove=${this.onItemRemove} @tier-add=${this.onTierAdd} @tier-remove=${this.onTierRemove} @reading-add=${this.onReadingAdd}>
              <div class="panel">
                <div class="scenario-title">${s.title[L]}</div>
                <p class="desc">${s.description?.[L] ?? ''}</p>
                ${this.notice ? html`<p class="note" role="status">${L === 'zh' ? '已打开：' : 'Opened: '}${this.notice}</p>` : nothing}
                <js-file-bar .lang=${L} .canUndo=${this.history.canUndo} .canRedo=${this.history.canRedo} .changes=${this.changeList().length} .shareUrl=${this.shareUrl}
                  @file-open=${this.onFileOpen}
                  @file-save=${() => this.save()} @share=${() => void this.share()} @undo=${() => this.undo()} @redo=${() => this.redo()}
                  @toggle-diff=${() => (this.showDiff = !this.showDiff)}></js-file-bar>
                ${this.showDiff ? html`<js-diff-view .lang=${L} .changes=${this.changeList()}></js-diff-view>` : nothing}
              </div>
              ${this.restorable
                ? html`<div class="restore" role="alert">
                    ${L === 'zh' ? `发现未保存的工作（${new Date(this.restorable.savedAt).toLocaleString('zh-CN')}，${this.restorable.label}）` : `Unsaved work found (${new Date(this.restorable.savedAt).toLocaleString('en')}, ${this.restorable.label})`}
                    <button @click=${() => this.restore()}>${L === 'zh' ? '恢复' : 'Restore'}</button>
                    <button @click=${() => this.discard()}>${L === 'zh' ? '放弃' : 'Discard'}</button>
                  </div>`
                : nothing}
              ${this.openProblems ? this.renderOpenProblems() : nothing}
              ${this.problems.length
                ? html`<div class="banner" role="alert">${t('notApplied', L)}<ul>${this.problems.slice(0, 8).map((p) => html`<li>${formatProblem(p)}</li>`)}</ul></div>`
                : nothing}
              <h2>${t('populations', L)}</h2>
              ${(draft?.populations ?? s.populations).slice(0, this.cardLimit).map(
                (p, i) => html`<js-population-card .population=${p} .index=${i} .problems=${this.problems} .lang=${L} .density=${this.charts[`density${i}`] ?? null}></js-population-card>`,
              )}
              <h2>${t('rulesets', L)}</h2>
              ${(draft?.rulesets ?? s.rulesets).slice(0, Math.max(0, this.cardLimit - (draft?.populations ?? s.populations).length)).map(
                (r, i) => html`<js-ruleset-card .ruleset=${r} .index=${i} .problems=${this.problems} .lang=${L} .color=${colors[r.id] ?? '#888'} .populationTitles=${Object.fromEntries((draft?.populations ?? s.populations).map((p) => [p.id, p.title?.[L] ?? p.id]))}></js-ruleset-card>`,
              )}
            </section>
            <section class="results" @param-change=${this.onParam}>
              <div class="panel">
                <js-run-status .lang=${L} .done=${this.done} .total=${this.total} .state=${this.runState} .message=${this.runMessage} .seconds=${this.runSeconds}
                  @run-cancel=${() => this.controller?.abort()} @run-again=${() => this.scheduleRun()}
                  @run-confirm=${() => {
                    this.longRunConfirmed = true;
                    this.scheduleRun();
                  }}></js-run-status>
                ${this.runNote ? html`<p class="note run-note" role="note">${this.runNote}</p>` : nothing}
                <p class="note">${t('analyticNote', L)} (${L === 'zh' ? '解析计算' : 'analytic'} ${this.analyticMs.toFixed(1)} ms)</p>
              </div>
              <div class="panel">
                <div class="toolbar">
                  <label>${t('baseline', L)}
                    <select aria-label=${t('baseline', L)} @change=${(e: Event) => {
                      this.baseline = (e.target as HTMLSelectElement).value;
                      if (this.raw) this.showRun(this.raw);
                    }}>
                      ${s.rulesets.map((r) => html`<option value=${r.id} ?selected=${r.id === this.baseline}>${r.id}</option>`)}
                    </select>
                  </label>
                </div>
                <js-goal-seek .lang=${L} .scenario=${s} .choices=${this.sensitivityChoices()} .run=${this.result}></js-goal-seek>
                <js-results-table .analytic=${this.analytic} .result=${this.result} .comparisons=${this.comparisons} .baseline=${this.baseline} .lang=${L} .unit=${this.unit} .colors=${colors} .exact=${this.exact}></js-results-table>
                <js-funding-table .analytic=${this.analytic} .scenario=${this.applied} .lang=${L} .unit=${this.unit}></js-funding-table>
              </div>
              <h2>${t('charts', L)}</h2>
              <div class="charts">
                ${['benefit', 'ratio', 'payout', 'lossRatio', 'corridor'].map((k) => (this.charts[k] ? html`<div class="panel"><js-chart data-chart=${k} .spec=${this.charts[k]}></js-chart></div>` : nothing))}
                <div class="panel">
                  <label class="toolbar">${t('sensitivityParam', L)}
                    <select aria-label=${t('sensitivityParam', L)} @change=${(e: Event) => {
                      this.sens = Number((e.target as HTMLSelectElement).value);
                      this.scheduleSensitivity();
                    }}>
                      ${this.sensitivityChoices().map((c, i) => html`<option value=${i} ?selected=${i === this.sens}>${c.label}</option>`)}
                    </select>
                  </label>
                  <label class="toolbar">${L === 'zh' ? '指标' : 'Metric'}
                    <select aria-label=${L === 'zh' ? '敏感性指标' : 'Sensitivity metric'} @change=${(e: Event) => {
                      this.sensMetric = (e.target as HTMLSelectElement).value as AnalyticMetric;
                      this.scheduleSensitivity();
                    }}>
                      ${ANALYTIC_METRICS.map(
                        (m) => html`<option value=${m} ?selected=${m === this.sensMetric}>${metricLabel(m, L)}</option>`,
                      )}
                    </select>
                  </label>
                  <js-chart data-chart="sensPayout" .spec=${this.charts.sensPayout ?? null}></js-chart>
                  <js-chart data-chart="sensLoss" .spec=${this.charts.sensLoss ?? null}></js-chart>
                </div>
                ${this.charts.breakdown ? html`<div class="panel"><js-chart data-chart="breakdown" .spec=${this.charts.breakdown}></js-chart></div>` : nothing}
              </div>
            </section>
          </main>`
        : html`<main><div class="banner" role="alert">${this.problems.map((p) => html`<div>${formatProblem(p)}</div>`)}</div></main>`}
    `;
  }
}
customElements.define('js-app', App);
