/**
 * The diagnostic charts of a severity fit (`jingsuan fit --out`): histogram with the fitted densities, Q–Q, P–P
 * and the empirical against the fitted distribution functions, as ChartSpecs like every other chart (drawn by
 * standalone.ts to SVG and PNG, their rows written as CSV). The points come from fit-data.ts.
 */
import * as Plot from '@observablehq/plot';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { printable } from '../../scenario/characters.ts';
import { t, type Lang } from '../strings.ts';
import type { ChartSpec } from './charts.ts';
import type { FitDiagnostics } from './fit-data.ts';

export interface FitChartContext {
  lang: Lang;
  footnote: string;
  /** Every family the fit knows, in its order: one colour each, the same in every chart. */
  families: readonly string[];
  width?: number;
}

const WAN = 1e4;
/** Log-axis labels as plain numbers (0.3, not Plot's SI 300m), on the ticks d3 labels (1, 2, 5 of each decade). */
const LOG_TICKS = ',~g';
const font = 'system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const base = (ctx: FitChartContext) => ({
  width: ctx.width ?? 640,
  height: 340,
  marginLeft: 64,
  style: { fontFamily: font, fontSize: '12px', background: 'white', color: '#1f2937' },
});
const EMPIRICAL = '#111827';
const wan = (x: number) => Number((x / WAN).toPrecision(4)).toLocaleString('en');

/** Families drawn (those in the diagnostics), coloured by their place among all the fit's families. */
function familyColor(d: FitDiagnostics, ctx: FitChartContext) {
  const drawn = [...new Set(d.fittedCdf.map((p) => p.family))];
  const domain = ctx.families.filter((f) => drawn.includes(f));
  return { domain, range: domain.map((f) => schemeTableau10[ctx.families.indexOf(f) % 10]), legend: true };
}

/** The footnote: the truncation (and, for the histogram, what it leaves out) before the data's own line. */
function footnote(d: FitDiagnostics, ctx: FitChartContext, beyond = ''): string {
  const truncated = d.truncate > 0 ? t('fitChartTruncated', ctx.lang, d.truncate.toLocaleString('en')) : '';
  return [beyond, truncated, ctx.footnote].filter(Boolean).join(ctx.lang === 'zh' ? '' : ' ');
}

export function fitHistogramChart(d: FitDiagnostics, ctx: FitChartContext): ChartSpec {
  const L = ctx.lang;
  const beyond = d.beyond ? t(d.grouped ? 'fitChartBeyondOpen' : 'fitChartBeyondIndividual', L, wan(d.beyond.from), d.beyond.count) : '';
  const top = Math.max(...d.bars.map((b) => b.upper));
  return {
    id: 'fit-histogram',
    title: t(d.grouped ? 'fitChartBandsTitle' : 'fitChartHistogramTitle', L),
    subtitle: t(d.grouped ? 'fitChartBandsSubtitle' : 'fitChartHistogramSubtitle', L),
    footnote: footnote(d, ctx, beyond),
    rows: [
      ...d.bars.map((b) => ({ series: 'empirical', lower: b.lower, upper: b.upper, x: null, count: b.count, density: b.density })),
      ...d.densities.map((p) => ({ series: p.family, lower: null, upper: null, x: p.x, count: null, density: p.density })),
    ],
    options: {
      ...base(ctx),
      x: { label: t('fitChartAmount', L), grid: true, domain: [Math.min(...d.bars.map((b) => b.lower)) / WAN, top / WAN] },
      y: { label: t('fitChartDensity', L), grid: true },
      color: familyColor(d, ctx),
      marks: [
        Plot.rectY(d.bars, {
          x1: (b) => b.lower / WAN,
          x2: (b) => b.upper / WAN,
          y: (b) => b.density * WAN,
          fill: '#cbd5e1',
          stroke: 'white',
          inset: 0.5,
        }),
        Plot.line(
          d.densities.filter((p) => Number.isFinite(p.density)),
          { x: (p) => p.x / WAN, y: (p) => p.density * WAN, stroke: 'family', strokeWidth: 2, clip: true },
        ),
        Plot.ruleY([0]),
      ],
    },
  };
}

export function fitQqChart(d: FitDiagnostics, ctx: FitChartContext): ChartSpec {
  const L = ctx.lang;
  // Axes over the data's range (a factor of 2 either side): a poorly fitting family's extreme quantiles (a
  // loglogistic's 0.0003 and 13,000 万 against data from 0.01 to 350 万) would squeeze the others onto the diagonal.
  const data = d.qq.map((p) => p.empirical).filter((v) => v > 0);
  const lo = Math.min(...data) / WAN / 2;
  const hi = (Math.max(...data) / WAN) * 2;
  return {
    id: 'fit-qq',
    title: t('fitChartQqTitle', L),
    subtitle: t('fitChartQqSubtitle', L, d.grouped),
    footnote: footnote(d, ctx),
    rows: d.qq.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      height: 420,
      x: { type: 'log', label: t('fitChartFittedQuantile', L), grid: true, domain: [lo, hi], tickFormat: LOG_TICKS },
      y: { type: 'log', label: t('fitChartEmpiricalQuantile', L), grid: true, domain: [lo, hi], tickFormat: LOG_TICKS },
      color: familyColor(d, ctx),
      marks: [
        Plot.line(
          [
            [lo, lo],
            [hi, hi],
          ],
          { stroke: '#9ca3af', strokeDasharray: '4,3' },
        ),
        Plot.dot(
          d.qq.filter((p) => p.fitted > 0 && Number.isFinite(p.fitted)),
          { x: (p) => p.fitted / WAN, y: (p) => p.empirical / WAN, stroke: 'family', r: 2.2, strokeOpacity: 0.8, clip: true },
        ),
      ],
    },
  };
}

export function fitPpChart(d: FitDiagnostics, ctx: FitChartContext): ChartSpec {
  const L = ctx.lang;
  return {
    id: 'fit-pp',
    title: t('fitChartPpTitle', L),
    subtitle: t('fitChartPpSubtitle', L, d.grouped),
    footnote: footnote(d, ctx),
    rows: d.pp.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      height: 420,
      x: { label: t('fitChartEmpiricalCdf', L), grid: true, domain: [0, 1] },
      y: { label: t('fitChartFittedCdf', L), grid: true, domain: [0, 1] },
      color: familyColor(d, ctx),
      marks: [
        Plot.line(
          [
            [0, 0],
            [1, 1],
          ],
          { stroke: '#9ca3af', strokeDasharray: '4,3' },
        ),
        Plot.dot(d.pp, { x: 'empirical', y: 'fitted', stroke: 'family', r: 2.2, strokeOpacity: 0.8 }),
      ],
    },
  };
}

export function fitCdfChart(d: FitDiagnostics, ctx: FitChartContext): ChartSpec {
  const L = ctx.lang;
  const empirical = d.empiricalCdf.filter((p) => p.x > 0);
  return {
    id: 'fit-cdf',
    title: t('fitChartCdfTitle', L),
    subtitle: t('fitChartCdfSubtitle', L, d.grouped),
    footnote: footnote(d, ctx),
    rows: [
      ...d.empiricalCdf.map((p) => ({ series: 'empirical', ...p })),
      ...d.fittedCdf.map((p) => ({ series: p.family, x: p.x, cdf: p.cdf })),
    ],
    options: {
      ...base(ctx),
      x: { type: 'log', label: t('fitChartAmount', L), grid: true, tickFormat: LOG_TICKS },
      y: { label: t('fitChartCdf', L), grid: true, domain: [0, 1] },
      color: familyColor(d, ctx),
      marks: [
        Plot.line(d.fittedCdf, { x: (p) => p.x / WAN, y: 'cdf', stroke: 'family', strokeWidth: 2 }),
        d.grouped
          ? Plot.dot(empirical, { x: (p) => p.x / WAN, y: 'cdf', fill: EMPIRICAL, r: 3.5 })
          : Plot.line(empirical, { x: (p) => p.x / WAN, y: 'cdf', stroke: EMPIRICAL, strokeWidth: 1.5, curve: 'step-after' }),
        Plot.ruleY([0, 1], { stroke: '#9ca3af' }),
      ],
    },
  };
}

/** The four diagnostic charts, in the order a reader checks a fit. */
export const fitCharts = (d: FitDiagnostics, ctx: FitChartContext): ChartSpec[] => [
  fitHistogramChart(d, ctx),
  fitQqChart(d, ctx),
  fitPpChart(d, ctx),
  fitCdfChart(d, ctx),
];

/** The footnote under every fit chart: the data (file, n, digest) and the method. */
export function fitFootnote(lang: Lang, o: { file: string; n: number; sha256: string; date: string; families: number }): string {
  // The file's name as the fit's source writes it (fit/into-scenario.ts): an ESC in a name made the chart's SVG
  // unreadable to resvg and `fit --out` stopped.
  const file = printable(o.file);
  return lang === 'zh'
    ? `数据：${file}（n = ${o.n.toLocaleString('en')}，SHA-256 ${o.sha256.slice(0, 12)}…）。最大似然拟合，按 AIC 取前 ${o.families} 个分布；jingsuan fit，${o.date}。`
    : `Data: ${file} (n = ${o.n.toLocaleString('en')}, SHA-256 ${o.sha256.slice(0, 12)}…). Maximum-likelihood fits, the best ${o.families} by AIC; jingsuan fit, ${o.date}.`;
}
