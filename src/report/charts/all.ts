/**
 * Every chart, in one list: `run --out`, the workbench's chart panel and its export read it. A chart says what
 * it depends on — the compiled model, a run, the exact aggregate, a sweep — and how it is drawn; the workbench
 * draws and clears it from that (ui/chart-book.ts). Adding a chart is adding an entry here.
 */
import { breakdown } from '../../analysis/breakdown.ts';
import { benefitCurves, type CurvePoint } from '../../analysis/curves.ts';
import { corridorSplits, exactDensity, premiumMarkers, trialValues } from '../../analysis/run-series.ts';
import { sweepAnalytic, sweepValues, type SweepPoint } from '../../analysis/sweep.ts';
import type { ExactCurve } from '../../aggregate/summary.ts';
import type { EngineModel } from '../../engine/model.ts';
import type { RawRun } from '../../engine/run.ts';
import type { RunResult } from '../../engine/summary.ts';
import type { YearResult } from '../../engine/years.ts';
import type { AnalyticMetric } from '../../engine/metrics.ts';
import { assumptions } from '../../scenario/provenance.ts';
import type { Path } from '../../scenario/edit.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Unit } from '../format.ts';
import { t, type Lang } from '../strings.ts';
import {
  benefitCurveChart,
  breakdownChart,
  corridorChart,
  distributionChart,
  sensitivityChart,
  yearsChart,
  type ChartContext,
  type ChartSpec,
} from './charts.ts';
import { fieldName } from '../field-names.ts';
import { AS_WRITTEN } from '../../analysis/run-series.ts';
import { scenarioNames } from '../scenario-names.ts';

/** The footnote every chart carries: the scenario, the run, and the assumptions it rests on, named as on screen. */
export function footnoteFor(s: Scenario, lang: Lang, trials?: number, seed?: string | number): string {
  const list = assumptions(s);
  const shown = list
    .slice(0, 6)
    .map((a) => fieldName(a.path, s, lang))
    .join(t('listSeparator', lang));
  const more = list.length > 6 ? t('andMore', lang) : '';
  const run = trials ? t('footnoteRun', lang, trials, String(seed)) : '';
  return t('footnote', lang, s.title[lang], s.id, run, list.length, `${shown}${more}`);
}

/** What the charts are drawn from; `curves` and `sweep` are computed once for the charts that share them. */
export interface ChartInput {
  model: EngineModel;
  raw?: RawRun | null;
  result?: RunResult | null;
  exact?: readonly ExactCurve[];
  sweep?: { points: SweepPoint[]; label: string; metric: AnalyticMetric } | null;
  curves?: CurvePoint[];
  /** A year-by-year projection (engine/years.ts), when one was run. */
  years?: readonly YearResult[] | null;
}

/**
 * What a chart is drawn from, besides the scenario every chart names: the compiled model (the scenario's figures
 * without sampling), the Monte Carlo run (its trials or summary), the exact aggregate's curves, the sensitivity
 * sweep. A run and an exact aggregate belong to the scenario they were computed for and go when it changes.
 */
export type ChartDependency = 'model' | 'run' | 'exact' | 'sweep' | 'years';

export interface ChartEntry {
  key: string;
  dependsOn: readonly ChartDependency[];
  draw: (x: ChartInput, ctx: ChartContext) => ChartSpec | null;
}

/** When a chart is drawn: with the sweep, with the run's results (as trials and the exact aggregate arrive), or with the model. */
export type DrawnWith = 'model' | 'results' | 'sweep' | 'years';

export function drawnWith(c: ChartEntry): DrawnWith {
  if (c.dependsOn.includes('sweep')) return 'sweep';
  if (c.dependsOn.includes('years')) return 'years';
  return resetByNewScenario(c) ? 'results' : 'model';
}

/**
 * A chart drawn from a run or an exact aggregate shows nothing once a new scenario is on screen until its own
 * come (a chart of the last run beside the new scenario's figures would read as this one's).
 */
export function resetByNewScenario(c: ChartEntry): boolean {
  return c.dependsOn.includes('run') || c.dependsOn.includes('exact') || c.dependsOn.includes('years');
}

const curvesOf = (x: ChartInput) => (x.curves ??= benefitCurves(x.model));

export const CHARTS: ChartEntry[] = [
  { key: 'benefit', dependsOn: ['model'], draw: (x, ctx) => benefitCurveChart(curvesOf(x), ctx, 'benefit') },
  { key: 'ratio', dependsOn: ['model'], draw: (x, ctx) => benefitCurveChart(curvesOf(x), ctx, 'ratio') },
  {
    key: 'payout',
    dependsOn: ['run', 'exact'],
    draw: (x, ctx) =>
      x.raw
        ? distributionChart(
            trialValues(x.raw, 'payout'),
            premiumMarkers(x.raw.model),
            ctx,
            'payout',
            exactDensity(x.exact ?? [], x.raw.model, 'payout'),
          )
        : null,
  },
  {
    key: 'lossRatio',
    dependsOn: ['run', 'exact'],
    // Only rulesets with a premium have a loss ratio; without any, there is no chart.
    draw: (x, ctx) =>
      x.raw && x.raw.model.rulesets.some((r) => r.premium > 0)
        ? distributionChart(trialValues(x.raw, 'lossRatio'), [], ctx, 'lossRatio', exactDensity(x.exact ?? [], x.raw.model, 'lossRatio'))
        : null,
  },
  {
    key: 'corridor',
    dependsOn: ['run'],
    draw: (x, ctx) => (x.result && x.model.rulesets.some((r) => r.corridor) ? corridorChart(corridorSplits(x.result), ctx) : null),
  },
  {
    key: 'sensPayout',
    dependsOn: ['sweep'],
    draw: (x, ctx) => (x.sweep ? sensitivityChart(x.sweep.points, x.sweep.label, ctx, x.sweep.metric) : null),
  },
  {
    key: 'sensLoss',
    dependsOn: ['sweep'],
    draw: (x, ctx) =>
      x.sweep && x.sweep.points.some((p) => Number.isFinite(p.lossRatio))
        ? sensitivityChart(x.sweep.points, x.sweep.label, ctx, 'lossRatio')
        : null,
  },
  { key: 'breakdown', dependsOn: ['model'], draw: (x, ctx) => breakdownChart(breakdown(x.model), ctx) },
  // The year-by-year projection: drawn when one is run (the workbench's 逐年推算; `run --years`).
  { key: 'yearsPayout', dependsOn: ['years'], draw: (x, ctx) => (x.years?.length ? yearsChart(x.years, ctx, 'payout') : null) },
  { key: 'yearsLossRatio', dependsOn: ['years'], draw: (x, ctx) => (x.years?.length ? yearsChart(x.years, ctx, 'lossRatio') : null) },
  { key: 'yearsFund', dependsOn: ['years'], draw: (x, ctx) => (x.years?.length ? yearsChart(x.years, ctx, 'fund') : null) },
];

/** A chart with the language and names it was drawn in, for its data (chart-table.ts). */
const drawnIn = (spec: ChartSpec | null, ctx: ChartContext): ChartSpec | null =>
  spec && { ...spec, drawnIn: { lang: ctx.lang, names: ctx.names, populationNames: ctx.populationNames, groupNames: ctx.groupNames } };

/** One chart drawn, its data to read in the language and names it was drawn with. */
export const drawChart = (c: ChartEntry, x: ChartInput, ctx: ChartContext): ChartSpec | null => {
  const own = contextFor(c, ctx);
  return drawnIn(c.draw(x, own), own);
};

/** The charts of `charts` drawn with `when`, by key. */
export function drawCharts(
  when: DrawnWith,
  x: ChartInput,
  ctx: ChartContext,
  charts: readonly ChartEntry[] = CHARTS,
): Record<string, ChartSpec | null> {
  return Object.fromEntries(charts.filter((c) => drawnWith(c) === when).map((c) => [c.key, drawChart(c, x, ctx)]));
}

/**
 * A sensitivity sweep's values of a parameter (a path inside a ruleset) now at `current`: 25 from 0 to twice it,
 * at least to 20,000 yuan for a deductible or cap, to 100 yuan for a funding standard per insured.
 */
export function sweepRange(current: number, path: Path): number[] {
  return sweepValues(0, Math.max(current * 2, path[0] === 'funding' ? 100 : 20000), 25);
}

/** The default sweep of a report: the first ruleset's first deductible from 0 to twice its value. */
export function defaultSweep(s: Scenario, lang: Lang): NonNullable<ChartInput['sweep']> {
  const path = ['tracks', 0, 'deductible'];
  const points = sweepAnalytic(s, 0, path, sweepRange(s.rulesets[0].tracks[0].deductible.value, path));
  const label = `${s.rulesets[0].title?.[lang] ?? s.rulesets[0].id} · ${t('deductible', lang)}（${t('yuanWord', lang)}）`;
  return { points, label, metric: 'payout' };
}

/**
 * What every chart of a scenario shares: its rulesets in order (one colour each), the names a person reads for
 * rulesets, corridor readings, populations and groups, and the footnote (with the run's trials and seed when there is a run).
 */
export function chartContext(
  s: Scenario,
  lang: Lang,
  unit: Unit,
  width: number,
  run?: { trials: number; seed: string | number },
): ChartContext {
  const named = scenarioNames(s, lang);
  return {
    lang,
    unit,
    rulesets: s.rulesets.map((r) => r.id),
    names: { [AS_WRITTEN]: t('readingAsWritten', lang), ...named.rulesets, ...named.readings },
    populationNames: named.populations,
    groupNames: named.groups,
    footnote: footnoteFor(s, lang, run?.trials, run?.seed),
    modelFootnote: footnoteFor(s, lang),
    width,
  };
}

/** The context a chart is drawn in: a chart drawn without the run names no run in its footnote. */
export function contextFor(c: ChartEntry, ctx: ChartContext): ChartContext {
  return c.dependsOn.includes('run') ? ctx : { ...ctx, footnote: ctx.modelFootnote ?? ctx.footnote };
}

/** Every chart of a run, for `run --out`. */
export function allCharts(s: Scenario, raw: RawRun, result: RunResult, lang: Lang = 'zh', unit: Unit = 'wan'): ChartSpec[] {
  const ctx = chartContext(s, lang, unit, 640, raw);
  const input: ChartInput = { model: raw.model, raw, result, sweep: defaultSweep(s, lang) };
  return CHARTS.map((c) => drawChart(c, input, ctx)).filter((c): c is ChartSpec => c !== null);
}
