/**
 * The workbench's charts, kept up to date with its state: the model's charts (benefit curves, breakdown, the
 * populations' severity sketches) when the scenario changes, the run's charts as trials arrive, the sensitivity
 * sweep when its parameter or metric changes. Heavy work goes in tasks of its own after the page has drawn the
 * figures, so typing never waits for a chart. No DOM: it hands chart specs to the components.
 */
import { severityDensity } from '../analysis/curves.ts';
import { sweepAnalytic } from '../analysis/sweep.ts';
import type { EngineModel } from '../engine/model.ts';
import type { YearResult } from '../engine/years.ts';
import {
  CHARTS,
  chartContext,
  drawChart,
  drawnWith,
  drawCharts,
  resetByNewScenario,
  sweepRange,
  type ChartEntry,
} from '../report/charts/all.ts';
import { densityChart, type ChartContext, type ChartSpec } from '../report/charts/charts.ts';
import type { Unit } from '../report/format.ts';
import type { Lang } from '../report/strings.ts';
import { getAt } from '../scenario/edit.ts';
import type { AnalyticMetric } from '../engine/metrics.ts';
import { paramChoices } from './param-choices.ts';
import { TaskSequence } from './task-sequence.ts';
import type { ChangeKind, Workbench } from './workbench-state.ts';

/** Least time between two drawings of the run's charts while it is going. */
const RUN_CHARTS_MS = 1000;

export class ChartBook extends EventTarget {
  charts: Record<string, ChartSpec | null> = {};
  lang: Lang = 'zh';
  unit: Unit = 'wan';
  /** The sensitivity sweep's parameter (index into paramChoices) and metric. */
  sens = 0;
  sensMetric: AnalyticMetric = 'payout';

  private staticTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly densityTasks = new TaskSequence();
  private readonly runTasks = new TaskSequence();
  private sensTimer: ReturnType<typeof setTimeout> | null = null;
  private model: EngineModel | null = null;
  /** The year-by-year projection on screen (years-panel.ts), for its charts; null when none is. */
  private years: readonly YearResult[] | null = null;
  /** When the run's charts were last drawn while it was going (performance.now()). */
  private runDrawnAt = -Infinity;

  /** `list`: the charts it keeps (report/charts/all.ts CHARTS), each drawn and cleared as its entry says. */
  constructor(
    private readonly wb: Workbench,
    private readonly list: readonly ChartEntry[] = CHARTS,
  ) {
    super();
    wb.addEventListener('change', (e) => this.onChange((e as CustomEvent<ChangeKind>).detail));
  }

  private set(next: Record<string, ChartSpec | null>) {
    this.charts = { ...this.charts, ...next };
    // Which charts changed: the page frame redraws only for the severity sketches the editors show.
    this.dispatchEvent(new CustomEvent<string[]>('change', { detail: Object.keys(next) }));
  }

  private onChange(kind: ChangeKind) {
    if (kind === 'scenario' && this.wb.model !== this.model) {
      // A new file starts its sweep at the first parameter.
      if (this.model && this.wb.model && this.model.scenario.id !== this.wb.model.scenario.id) this.sens = 0;
      this.model = this.wb.model;
      // The last scenario's run and exact charts go at once; the new model's charts follow.
      this.years = null;
      this.set(Object.fromEntries(this.list.filter(resetByNewScenario).map((c) => [c.key, null])));
      this.redraw();
    }
    if (kind === 'scenario')
      this.runDrawnAt = -Infinity; // the next run's first refresh draws at once
    else if (kind === 'run' || kind === 'exact') this.drawRun();
  }

  /** Everything again (a new language or unit, a new model). */
  redraw() {
    if (this.staticTimer) clearTimeout(this.staticTimer);
    this.staticTimer = setTimeout(() => this.drawStatic(), 0);
    this.drawRun();
    this.drawYears();
    this.scheduleSensitivity();
  }

  /** A year-by-year projection of the scenario on screen arrives (or goes: null), and its charts with it. */
  setYears(years: readonly YearResult[] | null) {
    this.years = years;
    this.drawYears();
  }

  private drawYears() {
    if (!this.wb.model || !this.wb.applied) return;
    this.set(drawCharts('years', { model: this.wb.model, years: this.years }, this.context(), this.list));
  }

  setView(lang: Lang, unit: Unit) {
    this.lang = lang;
    this.unit = unit;
    this.redraw();
  }

  setSensitivity(choice: number, metric: AnalyticMetric) {
    this.sens = choice;
    this.sensMetric = metric;
    this.scheduleSensitivity();
  }

  private context(): ChartContext {
    const raw = this.wb.run.raw;
    return chartContext(this.wb.applied!, this.lang, this.unit, 600, raw ?? undefined);
  }

  private drawStatic() {
    const model = this.wb.model;
    if (!model) return;
    this.scheduleDensities(model);
    this.set(drawCharts('model', { model }, this.context(), this.list));
  }

  /** One population's severity sketch per task: sixteen small charts at once would hold the page a moment. */
  private scheduleDensities(model: EngineModel) {
    this.densityTasks.run(
      model.populations.map((_, p) => () => {
        if (this.wb.model !== model) return;
        // A severity sketch is drawn from the model alone: its footnote names no run.
        const ctx = this.context();
        this.set({ [`density${p}`]: densityChart(severityDensity(model, p), { ...ctx, footnote: ctx.modelFootnote ?? ctx.footnote }) });
      }),
    );
  }

  /** The run's charts, one per task (a dozen rulesets' histograms at once would hold the page), each from the run as it then is. */
  private drawRun() {
    if (!this.wb.run.raw || !this.wb.applied) return;
    // While the run goes on, its charts (the page's dearest repaint: histograms of every ruleset) follow it at most
    // once a second, so the workers keep the cores; the table beside them refreshes more often; the end draws at once.
    if (this.wb.run.state === 'running') {
      const now = performance.now();
      if (now - this.runDrawnAt < RUN_CHARTS_MS) return;
      this.runDrawnAt = now;
    }
    this.runTasks.run(
      this.list
        .filter((c) => drawnWith(c) === 'results')
        .map((c) => () => {
          const { raw, result, exact } = this.wb.run;
          if (!raw || !this.wb.applied) return;
          // The exact curves belong to the scenario on screen only when they are for its rulesets.
          const curves = exact && 'curves' in exact ? exact.curves : [];
          this.set({ [c.key]: drawChart(c, { model: raw.model, raw, result, exact: curves }, this.context()) });
        }),
    );
  }

  /** Off the input's frame: the sweep re-evaluates the analytic model a few dozen times. */
  private scheduleSensitivity() {
    if (this.sensTimer) clearTimeout(this.sensTimer);
    this.sensTimer = setTimeout(() => {
      const s = this.wb.applied;
      const choice = s && paramChoices(s, this.lang)[this.sens];
      if (!s || !choice) return;
      const current = (getAt(s.rulesets[choice.ruleset], choice.path) as { value: number }).value;
      const points = sweepAnalytic(s, choice.ruleset, choice.path, sweepRange(current, choice.path));
      const sweep = { points, label: choice.label, metric: this.sensMetric };
      this.set(drawCharts('sweep', { model: this.wb.model!, sweep }, this.context(), this.list));
    }, 30);
  }
}
