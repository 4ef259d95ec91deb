/**
 * Chart definitions (Observable Plot options), shared by the workbench and `run --out`. Each returns a spec with
 * its title, units and footnote; `renderChart` draws it with whatever `document` is given (the browser's, or a
 * DOM implementation in Node).
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, unitText, withoutUnit, type Unit } from '../format.ts';
import { extent, tickIncrement, ticks } from 'd3-array';
import type { YearResult } from '../../engine/years.ts';
import { schemeSet2, schemeTableau10 } from 'd3-scale-chromatic';
import type { BreakdownPoint } from '../../analysis/breakdown.ts';
import type { CurvePoint } from '../../analysis/curves.ts';
import type { ExactPoint, Marker, SplitPoint, ValuePoint } from '../../analysis/run-series.ts';
import type { SweepPoint } from '../../analysis/sweep.ts';
import { metricDef, metricLabel, type MetricName } from '../../engine/metrics.ts';
import { t, type Lang } from '../strings.ts';
import { textWidth, wrapText } from './text-width.ts';

export interface ChartSpec {
  id: string;
  title: string;
  subtitle?: string;
  footnote: string;
  options: Plot.PlotOptions;
  /** The data behind the chart, for CSV export. */
  rows: Record<string, unknown>[];
  /** The language and names it was drawn with (all.ts drawCharts), so its data read as it does (chart-table.ts). */
  drawnIn?: { lang: Lang; names?: Record<string, string>; populationNames?: Record<string, string>; groupNames?: Record<string, string> };
}

export interface ChartContext {
  lang: Lang;
  unit: Unit;
  /** Ruleset ids in scenario order: one colour each, the same in every chart. */
  rulesets: string[];
  /** Names a person reads, by ruleset id and corridor reading id (all.ts chartContext); ids where absent. */
  names?: Record<string, string>;
  /** Population titles by id, and group titles by tag, in the chart's language; ids where absent. */
  populationNames?: Record<string, string>;
  groupNames?: Record<string, string>;
  footnote: string;
  /**
   * The footnote without the run's trials and seed, for charts drawn without sampling (benefit curves, the
   * severity sketches, the analytic sweep): they said "100 trials" of a run they do not use (issue #31).
   */
  modelFootnote?: string;
  width?: number;
}

const div = (unit: Unit) => (unit === 'wan' ? 1e4 : 1);
/**
 * Ruleset colours: Tableau 10 by the ruleset's place in the scenario, so a ruleset keeps its colour in every chart
 * and language; the legend lists only the rulesets a chart draws.
 */
export const rulesetColors = (ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id, i) => [id, schemeTableau10[i % 10]]));
const color = (ctx: ChartContext, drawn: Iterable<string> = ctx.rulesets) => {
  const ids = new Set(drawn);
  const all = rulesetColors(ctx.rulesets);
  const domain = ctx.rulesets.filter((id) => ids.has(id));
  // The legend names each ruleset as the results table heads it (a briefing reads 苏州：合并口径起付线3.5万, not
  // suzhou-2021-combined-35k); the scale keeps the ids, so the CSV and the colours do not change with the language.
  return { domain, range: domain.map((id) => all[id]), legend: true, tickFormat: (id: string) => ctx.names?.[id] ?? id };
};
const rulesetsOf = (rows: { ruleset: string }[]) => rows.map((r) => r.ruleset);
/** A percent axis says so in its label. */
const percentLabel = (name: string) => `${name} (%)`;
const font = 'system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/**
 * A left margin that holds the longest of a band axis's labels at 12 px (the corridor chart's "苏州 2021 大病保险
 * （假设方案） · 按文件" was cut at a fixed 190 px), at most 45% of the width so the bars keep the rest.
 */
export function labelMargin(labels: Iterable<string>, width: number, min = 64): number {
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, textWidth(label, 12));
  // Up, never down: a margin rounded below the widest label broke it onto a second line for a fraction of a pixel.
  return Math.ceil(Math.min(0.45 * width, Math.max(min, widest + 14)));
}

/**
 * A band label broken into lines no wider than `px` (Plot draws each line of a tick label): labels wider than
 * labelMargin's cap ("Suzhou critical-illness insurance 2021 (assumed schedule) · as written") take two or three
 * lines instead of losing their start.
 */
export const wrapLabel = (label: string, px: number): string => wrapText(label, 12, px).join('\n');

/**
 * A horizontal-bar chart's band axis: the left margin for its labels (named by `name`), each label in lines that
 * fit it, and a band height that holds the most lines (15 px a line, never under `minBand`).
 */
function bandAxis(domain: string[], name: (d: string) => string, width: number, minBand: number) {
  const marginLeft = labelMargin(domain.map(name), width);
  const tickFormat = (d: string) => wrapLabel(name(d), marginLeft - 14);
  const lines = Math.max(1, ...domain.map((d) => tickFormat(d).split('\n').length));
  return { marginLeft, tickFormat, band: Math.max(minBand, 15 * lines + 8) };
}
/** A group's name: the general members, members of several groups, or the group's title. */
const groupLabel = (g: string, ctx: ChartContext) =>
  g === 'general' ? t('general', ctx.lang) : g === 'multiple' ? t('multiple', ctx.lang) : (ctx.groupNames?.[g] ?? g);
const base = (ctx: ChartContext) => ({
  width: ctx.width ?? 640,
  height: 320,
  marginLeft: 64,
  style: { fontFamily: font, fontSize: '12px', background: 'white', color: '#1f2937' },
});

export function benefitCurveChart(points: CurvePoint[], ctx: ChartContext, kind: 'benefit' | 'ratio' = 'benefit'): ChartSpec {
  const d = div(ctx.unit);
  const y = kind === 'benefit' ? (p: CurvePoint) => p.benefit / d : (p: CurvePoint) => p.ratio;
  return {
    id: kind === 'benefit' ? 'benefit-curve' : 'ratio-curve',
    title: t(kind === 'benefit' ? 'benefitTitle' : 'ratioTitle', ctx.lang),
    subtitle: t('solidGeneralMembersDashed', ctx.lang),
    footnote: ctx.footnote,
    rows: points.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      x: { label: `${t('burden', ctx.lang)} (${unitText(ctx.unit, ctx.lang)})`, transform: (x: number) => x / d, grid: true },
      y:
        kind === 'benefit'
          ? { label: `${t('benefit', ctx.lang)} (${unitText(ctx.unit, ctx.lang)})`, grid: true }
          : { label: percentLabel(t('ratio', ctx.lang)), percent: true, domain: [0, 100], grid: true },
      color: color(ctx, rulesetsOf(points)),
      marks: [
        Plot.ruleY([0]),
        ...(['general', 'groups'] as const).map((which) =>
          Plot.line(
            points.filter((p) => (which === 'general') === (p.group === 'general')),
            {
              x: 'burden',
              y,
              z: (p: CurvePoint) => `${p.ruleset}/${p.group}`,
              stroke: 'ruleset',
              strokeWidth: 2,
              strokeDasharray: which === 'general' ? undefined : '5,4',
              tip: {
                format: {
                  x: (v: number) => v.toLocaleString('zh-CN'),
                  y: kind === 'benefit' ? (v: number) => formatNumber(v, 'zh-CN', undefined, 2) : (v: number) => `${v.toFixed(1)}%`,
                },
              },
              title: (p: CurvePoint) => `${ctx.names?.[p.ruleset] ?? p.ruleset} · ${groupLabel(p.group, ctx)}`,
            },
          ),
        ),
      ],
    },
  };
}

/**
 * Histogram of a run's per-trial payouts (or loss ratios), one colour per ruleset, overlaid, not stacked (y2, so
 * each ruleset's counts read from zero), on bins shared by every ruleset; where the exact distribution is given
 * (aggregate/exact.ts), its expected count per bin is drawn over each ruleset's bars as a line.
 */
export function distributionChart(
  values: ValuePoint[],
  markers: Marker[],
  ctx: ChartContext,
  kind: 'payout' | 'lossRatio',
  exact: ExactPoint[] = [],
): ChartSpec {
  const d = kind === 'payout' ? div(ctx.unit) : 1;
  const xLabel = kind === 'payout' ? `${t('payout', ctx.lang)} (${unitText(ctx.unit, ctx.lang)})` : t('lossRatio', ctx.lang);
  const [lo, hi] = extent(values, (v) => v.value / d) as [number, number];
  const thresholds = lo === undefined ? [0, 1] : ticks(lo, hi > lo ? hi : lo + 1, 40);
  if (thresholds.length < 2) thresholds.push(thresholds[0] + 1);
  const binWidth = thresholds[1] - thresholds[0];
  // Nice edges that cover every value: one more edge below or above where the ticks stop inside the range.
  if (lo !== undefined) {
    if (thresholds[0] > lo) thresholds.unshift(thresholds[0] - binWidth);
    while (thresholds[thresholds.length - 1] <= hi) thresholds.push(thresholds[thresholds.length - 1] + binWidth);
  }
  const bins = histogram(values, d, thresholds);
  const premiums = kind === 'payout' ? markers.filter((m) => m.label.startsWith('premium')) : [];
  const marks: Plot.Markish[] = [
    // Bins counted here (one pass over the trials) rather than by Plot's bin transform: the same bars, a fraction
    // of the work for a large run; y from zero for each ruleset (overlaid, not stacked).
    Plot.rectY(bins, { x1: 'x1', x2: 'x2', y1: 0, y2: 'count', fill: 'ruleset', fillOpacity: 0.35, tip: true }),
    Plot.ruleY([0]),
  ];
  let exactTop = 0;
  if (exact.length && binWidth > 0) {
    const trials = new Map<string, number>();
    for (const v of values) trials.set(v.ruleset, (trials.get(v.ruleset) ?? 0) + 1);
    const lines = exact
      .filter((e) => trials.has(e.ruleset) && e.value / d >= lo - binWidth && e.value / d <= hi + binWidth)
      .map((e) => ({ ruleset: e.ruleset, x: e.value / d, y: trials.get(e.ruleset)! * e.density * binWidth * d }));
    marks.push(Plot.line(lines, { x: 'x', y: 'y', stroke: 'ruleset', strokeWidth: 2, curve: 'monotone-x' }));
    exactTop = Math.max(0, ...lines.map((l) => l.y));
  }
  if (kind === 'payout') {
    marks.push(
      Plot.ruleX(
        markers.filter((m) => m.label.startsWith('premium')),
        { x: (m: Marker) => m.value / d, stroke: 'ruleset', strokeWidth: 2 },
      ),
    );
    marks.push(
      Plot.ruleX(
        markers.filter((m) => !m.label.startsWith('premium')),
        { x: (m: Marker) => m.value / d, stroke: 'ruleset', strokeDasharray: '3,3', strokeOpacity: 0.7 },
      ),
    );
    // One label per ruleset's premium line, each on its own row above the plot (in the top margin, which grows
    // by a row per label), so coinciding premiums neither print over each other nor over the tallest bars.
    premiums.forEach((m, i) =>
      marks.push(
        Plot.text([m], {
          x: (k: Marker) => k.value / d,
          text: () => t('premium2', ctx.lang),
          frameAnchor: 'top',
          dy: -6 - LABEL_ROW * (premiums.length - 1 - i),
          fill: 'ruleset',
          textAnchor: 'end',
          dx: -3,
        }),
      ),
    );
  } else {
    marks.push(Plot.ruleX([1], { stroke: '#b91c1c', strokeWidth: 1.5 }));
  }
  const yTop = tickAbove(Math.max(1, exactTop, ...bins.map((b) => b.count)));
  const exactNote = exact.length ? t('linesTheExactDistribution', ctx.lang) : '';
  return {
    id: kind === 'payout' ? 'payout-distribution' : 'loss-ratio-distribution',
    title: t(kind === 'payout' ? 'payoutTitle' : 'lossRatioTitle', ctx.lang),
    subtitle: (kind === 'payout' ? t('solidPremiumDashedCorridor', ctx.lang) : t('redLossRatio100', ctx.lang)) + exactNote,
    footnote: ctx.footnote,
    rows: values.map((v) => ({ ...v })),
    options: {
      ...base(ctx),
      x: kind === 'lossRatio' ? { label: percentLabel(xLabel), grid: true, percent: true } : { label: xLabel, grid: true },
      // Above the premium labels' rows (none for the loss ratio: Plot's own top margin).
      ...(premiums.length ? { marginTop: 20 + LABEL_ROW * premiums.length } : {}),
      // Counts are whole trials: only whole-number ticks (a run of a few trials would otherwise read 0.5, 1.5). The
      // axis runs to the tick above the tallest bar or exact curve, so neither passes the axis (issue #31).
      y: { label: t('trials', ctx.lang), grid: true, domain: [0, yTop], ticks: wholeTicks(yTop) },
      color: color(ctx, rulesetsOf(values)),
      marks,
    },
  };
}

/**
 * Height of a row of labels above a plot (12-px text). 12-px text takes 14 px from ascent to descent: rows of 13
 * px had three rulesets' coinciding "保费" labels touch and read as one pile (#ui-review).
 */
const LABEL_ROW = 15;

/** The first tick of about five from 0 at or above `max` (a whole number): where a count axis ends. */
export function tickAbove(max: number): number {
  const step = Math.max(1, tickIncrement(0, max, 5));
  return Math.ceil(max / step) * step;
}

/** About five ticks from 0 to `max`, whole numbers only. */
export const wholeTicks = (max: number) => ticks(0, max, Math.min(5, Math.ceil(max))).filter(Number.isInteger);

/** Counts per ruleset and bin [thresholds[i], thresholds[i+1]); values beyond the last edge go to the last bin. */
function histogram(values: ValuePoint[], d: number, thresholds: number[]): { ruleset: string; x1: number; x2: number; count: number }[] {
  const n = thresholds.length - 1;
  const counts = new Map<string, Float64Array>();
  const lo = thresholds[0];
  const w = thresholds[1] - thresholds[0];
  for (const v of values) {
    let c = counts.get(v.ruleset);
    if (!c) counts.set(v.ruleset, (c = new Float64Array(n)));
    const i = Math.min(n - 1, Math.max(0, Math.floor((v.value / d - lo) / w)));
    c[i]++;
  }
  const out: { ruleset: string; x1: number; x2: number; count: number }[] = [];
  for (const [ruleset, c] of counts)
    c.forEach((count, i) => count > 0 && out.push({ ruleset, x1: thresholds[i], x2: thresholds[i + 1], count }));
  return out;
}

export function corridorChart(splits: SplitPoint[], ctx: ChartContext): ChartSpec {
  const d = div(ctx.unit);
  const partName = (p: SplitPoint['part']) => t(p, ctx.lang);
  const data = splits.map((s) => ({
    ...s,
    key: `${ctx.names?.[s.ruleset] ?? s.ruleset} · ${ctx.names?.[s.reading] ?? s.reading}`,
    partName: partName(s.part),
    v: s.value / d,
  }));
  const keys = [...new Set(data.map((x) => x.key))];
  const axis = bandAxis(keys, (k) => k, ctx.width ?? 640, 34);
  return {
    id: 'corridor-split',
    title: t('corridorTitle', ctx.lang),
    subtitle: t('insurerResultAmountReturned', ctx.lang),
    footnote: ctx.footnote,
    rows: splits.map((s) => ({ ...s })),
    options: {
      ...base(ctx),
      height: Math.max(200, 60 + axis.band * keys.length),
      marginLeft: axis.marginLeft,
      x: { label: `${t('amount', ctx.lang)} (${unitText(ctx.unit, ctx.lang)})`, grid: true },
      // Rulesets in the scenario’s order, each reading under its ruleset: the same order in either language.
      y: { label: null, tickFormat: axis.tickFormat, domain: keys },
      color: {
        domain: [partName('insurer'), partName('fundReturn'), partName('fundTopUp')],
        range: ['#2563eb', '#16a34a', '#dc2626'],
        legend: true,
      },
      marks: [
        Plot.barX(data, {
          x: 'v',
          y: 'key',
          fy: undefined,
          fill: 'partName',
          tip: { format: { x: (v: number) => formatNumber(v, 'zh-CN', undefined, 2) } },
        }),
        Plot.ruleX([0]),
      ],
    },
  };
}

export function sensitivityChart(points: SweepPoint[], paramLabel: string, ctx: ChartContext, kind: MetricName = 'payout'): ChartSpec {
  const d = div(ctx.unit);
  const isRate = metricDef(kind).unit === 'ratio';
  const scale = metricDef(kind).unit === 'money' ? d : 1;
  const y = (p: SweepPoint) => (p[kind] as number) / scale;
  const name = metricLabel(kind, ctx.lang);
  return {
    id: `sensitivity-${kind === 'lossRatio' ? 'loss-ratio' : kind === 'payout' ? 'payout' : kind}`,
    title: `${t('sensitivityTitle', ctx.lang).split('：')[0].split(':')[0]}${t('colon', ctx.lang)}${name}`,
    subtitle: `${paramLabel} · ${t('dotCurrentValue', ctx.lang)}`,
    footnote: ctx.footnote,
    rows: points.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      // Every parameter swept (a deductible, a cap, a funding standard per insured) is in yuan; a label that
      // says so already (defaultSweep's) is left as it is.
      x: {
        label: withoutUnit(paramLabel) !== paramLabel ? paramLabel : `${paramLabel}${ctx.lang === 'zh' ? '（元）' : ' (yuan)'}`,
        grid: true,
      },
      y:
        scale !== 1
          ? { label: `${name} (${unitText(ctx.unit, ctx.lang)})`, grid: true }
          : isRate
            ? { label: percentLabel(name), percent: true, grid: true }
            : { label: name, grid: true },
      color: color(ctx, rulesetsOf(points)),
      marks: [
        Plot.line(points, { x: 'x', y, stroke: 'ruleset', strokeWidth: 2, tip: true }),
        Plot.dot(
          points.filter((p) => p.current),
          { x: 'x', y, fill: 'ruleset', r: 5, stroke: 'white' },
        ),
        ...(kind === 'lossRatio' ? [Plot.ruleY([1], { stroke: '#b91c1c', strokeDasharray: '4,3' })] : [Plot.ruleY([0])]),
      ],
    },
  };
}

export function breakdownChart(points: BreakdownPoint[], ctx: ChartContext): ChartSpec {
  const d = div(ctx.unit);
  // The population is named only where there are several.
  const several = new Set(points.map((p) => p.population)).size > 1;
  const partOf = (p: BreakdownPoint) =>
    several ? `${ctx.populationNames?.[p.population] ?? p.population} · ${groupLabel(p.group, ctx)}` : groupLabel(p.group, ctx);
  const data = points.map((p) => ({ ...p, v: p.payout / d, part: partOf(p) }));
  // Parts in the order they first appear (populations, then general, groups, several): the same colour for the
  // same part in either language.
  const parts = [...new Set(data.map((p) => p.part))];
  const axis = bandAxis(ctx.rulesets, (id) => ctx.names?.[id] ?? id, ctx.width ?? 640, 36);
  return {
    id: 'breakdown',
    title: t('breakdownTitle', ctx.lang),
    subtitle: t('analyticExpectedValues', ctx.lang),
    footnote: ctx.footnote,
    rows: points.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      height: Math.max(180, 70 + axis.band * ctx.rulesets.length),
      marginLeft: axis.marginLeft,
      x: { label: `${t('expectedPayout', ctx.lang)} (${unitText(ctx.unit, ctx.lang)})`, grid: true },
      // Rulesets named as the results table heads them.
      y: { label: null, domain: ctx.rulesets, tickFormat: axis.tickFormat },
      color: { legend: true, domain: parts, range: parts.map((_, i) => schemeSet2[i % 8]) },
      marks: [Plot.barX(data, Plot.stackX({ x: 'v', y: 'ruleset', fill: 'part', tip: true })), Plot.ruleX([0])],
    },
  };
}

export function densityChart(points: { x: number; density: number }[], ctx: ChartContext): ChartSpec {
  return {
    id: 'severity-density',
    title: t('densityTitle', ctx.lang),
    footnote: '',
    rows: points,
    options: {
      width: 220,
      height: 70,
      marginLeft: 8,
      marginRight: 8,
      marginBottom: 20,
      marginTop: 4,
      style: { fontFamily: font, fontSize: '9px', background: 'transparent' },
      x: { type: 'log', label: null, ticks: 3, tickFormat: '~s' },
      y: { axis: null },
      marks: [Plot.areaY(points, { x: 'x', y: 'density', fill: '#93c5fd', stroke: '#2563eb' })],
    },
  };
}

/** One year of the city's pooled funds (seed 003): reserve months across trials and the alarm's probability. */
export interface ReservePoint {
  year: number;
  mean: number;
  p05: number;
  p95: number;
  probAlarm: number;
}

/** Reserve months of the pooled funds year by year: mean, 5–95% band and the alarm line (seed 003, 备付期 6 个月). */
export function reserveMonthsChart(points: ReservePoint[], alarmMonths: number, ctx: ChartContext): ChartSpec {
  return {
    id: 'reserve-months',
    title: t('reserveTitle', ctx.lang),
    subtitle: t('reserveSubtitle', ctx.lang, alarmMonths),
    footnote: ctx.footnote,
    rows: points.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      x: { label: t('year', ctx.lang), tickFormat: 'd', ticks: points.length },
      y: { label: t('reserveMonthsAxis', ctx.lang), grid: true, zero: true },
      marks: [
        Plot.areaY(points, { x: 'year', y1: 'p05', y2: 'p95', fill: '#93c5fd', fillOpacity: 0.5 }),
        Plot.lineY(points, { x: 'year', y: 'mean', stroke: '#2563eb', strokeWidth: 2, marker: 'circle' }),
        Plot.ruleY([alarmMonths], { stroke: '#dc2626', strokeDasharray: '4,3' }),
        Plot.tip(
          points,
          Plot.pointerX({
            x: 'year',
            y: 'mean',
            title: (p: ReservePoint) =>
              `${p.year}: ${p.mean.toFixed(2)} (${p.p05.toFixed(2)} – ${p.p95.toFixed(2)}); P(<${alarmMonths}) ${(p.probAlarm * 100).toFixed(1)}%`,
          }),
        ),
      ],
    },
  };
}

/**
 * The x axis's title centred under the axis, below its tick labels (Plot puts it at the right end, where it
 * covered the last tick labels), with the room it needs.
 */
export function readableAxes(options: Plot.PlotOptions): Plot.PlotOptions {
  const x = options.x as (Plot.ScaleOptions & { label?: string | null }) | undefined;
  if (!x || x.label === null || x.label === undefined || x.axis === null) return options;
  return {
    ...options,
    marginBottom: Math.max(options.marginBottom ?? 0, 44),
    x: { labelAnchor: 'center', labelArrow: 'none', labelOffset: 36, ...x },
  };
}

/** Draws a spec: Plot's own figure with title, subtitle and footnote (caption). */
export function renderChart(spec: ChartSpec, document?: Document): HTMLElement | SVGSVGElement {
  return Plot.plot({
    ...readableAxes(spec.options),
    title: spec.title,
    subtitle: spec.subtitle,
    caption: spec.footnote || undefined,
    ...(document ? { document } : {}),
  });
}

/**
 * The year-by-year projection (engine/years.ts, `run --years`): per ruleset, the expected payout or loss ratio with
 * its P5–P95 band, or the fund's cumulative corridor result (mean, band from its P5), year by year.
 */
export function yearsChart(years: readonly YearResult[], ctx: ChartContext, kind: 'payout' | 'lossRatio' | 'fund'): ChartSpec | null {
  const d = kind === 'lossRatio' ? 1 : div(ctx.unit);
  const rows = years.flatMap((y) =>
    y.rulesets.flatMap((r) => {
      const v =
        kind === 'payout'
          ? { mean: r.payout.mean, lo: r.payout.p05, hi: r.payout.p95 }
          : kind === 'lossRatio'
            ? r.lossRatioReason
              ? null
              : { mean: r.lossRatio.mean, lo: r.lossRatio.p05, hi: r.lossRatio.p95 }
            : r.fundCumulative
              ? { mean: r.fundCumulative.mean, lo: r.fundCumulative.p05, hi: r.fundCumulative.mean }
              : null;
      return v && Number.isFinite(v.mean) ? [{ ruleset: r.id, year: y.year, mean: v.mean / d, lo: v.lo / d, hi: v.hi / d }] : [];
    }),
  );
  if (!rows.length) return null;
  const name = t(kind === 'payout' ? 'payout' : kind === 'lossRatio' ? 'lossRatio' : 'colFundCumulative', ctx.lang);
  const yearTicks = [...new Set(rows.map((r) => r.year))];
  return {
    id: `years-${kind === 'lossRatio' ? 'loss-ratio' : kind}`,
    title: t(kind === 'payout' ? 'yearsPayoutTitle' : kind === 'lossRatio' ? 'yearsLossRatioTitle' : 'yearsFundTitle', ctx.lang),
    footnote: ctx.footnote,
    rows: rows.map((r) => ({ ...r })),
    options: {
      ...base(ctx),
      x: { label: t('yearsAxis', ctx.lang), ticks: yearTicks, tickFormat: (y: number) => String(y) },
      y:
        kind === 'lossRatio'
          ? { label: percentLabel(name), percent: true, grid: true }
          : { label: `${name} (${unitText(ctx.unit, ctx.lang)})`, grid: true },
      color: color(ctx, rulesetsOf(rows)),
      marks: [
        Plot.areaY(rows, { x: 'year', y1: 'lo', y2: 'hi', fill: 'ruleset', fillOpacity: 0.15 }),
        Plot.line(rows, { x: 'year', y: 'mean', stroke: 'ruleset', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'year', y: 'mean', fill: 'ruleset', r: 3, tip: true }),
        ...(kind === 'lossRatio' ? [Plot.ruleY([1], { stroke: '#b91c1c', strokeDasharray: '4,3' })] : [Plot.ruleY([0])]),
      ],
    },
  };
}
