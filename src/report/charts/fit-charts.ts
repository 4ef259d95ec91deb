/**
 * The diagnostic charts of a severity fit (`jingsuan fit --out`): histogram with the fitted densities, Q–Q, P–P
 * and the empirical against the fitted distribution functions, as ChartSpecs like every other chart (drawn by
 * standalone.ts to SVG and PNG, their rows written as CSV). The points come from fit-data.ts.
 */
import * as Plot from '@observablehq/plot';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { plural } from '../format.ts';
import type { Lang } from '../strings.ts';
import type { ChartSpec } from './charts.ts';
import type { FitDiagnostics } from './fit-data.ts';

/** The charts' words in both languages (the fit's own; the shared table is src/report/strings.ts). */
const TEXT = {
  histogramTitle: { zh: '理赔金额直方图与拟合密度', en: 'Claim amounts: histogram and fitted densities' },
  bandsTitle: { zh: '分组理赔金额：各组经验密度与拟合密度', en: 'Grouped claim amounts: band densities and fitted densities' },
  histogramSubtitle: {
    zh: '柱：经验密度；线：拟合密度（按 AIC 排序的前几个分布）',
    en: 'Bars: empirical density; lines: fitted densities (the best families by AIC)',
  },
  bandsSubtitle: {
    zh: '各组互不重叠时，区间数据的 Turnbull 非参数估计即为此组距直方图',
    en: "Turnbull's estimate for interval data reduces to this band histogram when bands do not overlap",
  },
  beyondIndividual: {
    zh: (from: string, n: number) => `高于 ${from} 万元的 ${n.toLocaleString('en')} 件（至多 1%）未画出。`,
    en: (from: string, n: number) => `${plural(n, 'claim')} above ${from} (10k yuan), at most 1%, not drawn.`,
  },
  beyondOpen: {
    zh: (from: string, n: number) => `开放的最高组（${from} 万元以上，${n.toLocaleString('en')} 件）未画出。`,
    en: (from: string, n: number) => `The open top band (${from} and above, 10k yuan; ${plural(n, 'claim')}) not drawn.`,
  },
  amount: { zh: '金额（万元）', en: 'Amount (10k yuan)' },
  density: { zh: '密度（每万元）', en: 'Density (per 10k yuan)' },
  qqTitle: { zh: 'Q–Q 图：经验分位数与拟合分位数', en: 'Q–Q plot: empirical against fitted quantiles' },
  qqSubtitle: {
    zh: (grouped: boolean) => `对数刻度；点在对角线上即拟合与数据一致${grouped ? '；分组数据取各组上限' : ''}`,
    en: (grouped: boolean) =>
      `Log scales; points on the diagonal agree with the data${grouped ? '; grouped data: at the band limits' : ''}`,
  },
  fittedQuantile: { zh: '拟合分位数（万元）', en: 'Fitted quantile (10k yuan)' },
  empiricalQuantile: { zh: '经验分位数（万元）', en: 'Empirical quantile (10k yuan)' },
  ppTitle: { zh: 'P–P 图：经验概率与拟合概率', en: 'P–P plot: empirical against fitted probabilities' },
  ppSubtitle: {
    zh: (grouped: boolean) => `点在对角线上即拟合与数据一致${grouped ? '；分组数据取各组上限' : ''}`,
    en: (grouped: boolean) => `Points on the diagonal agree with the data${grouped ? '; grouped data: at the band limits' : ''}`,
  },
  empiricalCdf: { zh: '经验分布函数 Fn(x)', en: 'Empirical cdf Fn(x)' },
  fittedCdf: { zh: '拟合分布函数 F(x)', en: 'Fitted cdf F(x)' },
  cdfTitle: { zh: '经验分布函数与拟合分布函数', en: 'Empirical and fitted distribution functions' },
  cdfSubtitle: {
    zh: (grouped: boolean) => `黑色：经验分布函数${grouped ? '（各组上限处的点）' : ''}；彩色：拟合分布；金额为对数刻度`,
    en: (grouped: boolean) =>
      `Black: the empirical cdf${grouped ? ' (points at the band limits)' : ''}; colours: fitted; amounts on a log scale`,
  },
  cdf: { zh: '累积概率', en: 'Cumulative probability' },
  empirical: { zh: '经验', en: 'empirical' },
  truncated: {
    zh: (d: string) => `数据左截断于 ${d} 元，经验与拟合均为 X > ${d} 条件下的分布。`,
    en: (d: string) => `Data left-truncated at ${d} yuan: empirical and fitted are both conditional on X > ${d}.`,
  },
} as const;

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
  const truncated = d.truncate > 0 ? TEXT.truncated[ctx.lang](d.truncate.toLocaleString('en')) : '';
  return [beyond, truncated, ctx.footnote].filter(Boolean).join(ctx.lang === 'zh' ? '' : ' ');
}

export function fitHistogramChart(d: FitDiagnostics, ctx: FitChartContext): ChartSpec {
  const L = ctx.lang;
  const beyond = d.beyond ? (d.grouped ? TEXT.beyondOpen : TEXT.beyondIndividual)[L](wan(d.beyond.from), d.beyond.count) : '';
  const top = Math.max(...d.bars.map((b) => b.upper));
  return {
    id: 'fit-histogram',
    title: (d.grouped ? TEXT.bandsTitle : TEXT.histogramTitle)[L],
    subtitle: (d.grouped ? TEXT.bandsSubtitle : TEXT.histogramSubtitle)[L],
    footnote: footnote(d, ctx, beyond),
    rows: [
      ...d.bars.map((b) => ({ series: 'empirical', lower: b.lower, upper: b.upper, x: null, count: b.count, density: b.density })),
      ...d.densities.map((p) => ({ series: p.family, lower: null, upper: null, x: p.x, count: null, density: p.density })),
    ],
    options: {
      ...base(ctx),
      x: { label: TEXT.amount[L], grid: true, domain: [Math.min(...d.bars.map((b) => b.lower)) / WAN, top / WAN] },
      y: { label: TEXT.density[L], grid: true },
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
    title: TEXT.qqTitle[L],
    subtitle: TEXT.qqSubtitle[L](d.grouped),
    footnote: footnote(d, ctx),
    rows: d.qq.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      height: 420,
      x: { type: 'log', label: TEXT.fittedQuantile[L], grid: true, domain: [lo, hi], tickFormat: LOG_TICKS },
      y: { type: 'log', label: TEXT.empiricalQuantile[L], grid: true, domain: [lo, hi], tickFormat: LOG_TICKS },
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
    title: TEXT.ppTitle[L],
    subtitle: TEXT.ppSubtitle[L](d.grouped),
    footnote: footnote(d, ctx),
    rows: d.pp.map((p) => ({ ...p })),
    options: {
      ...base(ctx),
      height: 420,
      x: { label: TEXT.empiricalCdf[L], grid: true, domain: [0, 1] },
      y: { label: TEXT.fittedCdf[L], grid: true, domain: [0, 1] },
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
    title: TEXT.cdfTitle[L],
    subtitle: TEXT.cdfSubtitle[L](d.grouped),
    footnote: footnote(d, ctx),
    rows: [
      ...d.empiricalCdf.map((p) => ({ series: 'empirical', ...p })),
      ...d.fittedCdf.map((p) => ({ series: p.family, x: p.x, cdf: p.cdf })),
    ],
    options: {
      ...base(ctx),
      x: { type: 'log', label: TEXT.amount[L], grid: true, tickFormat: LOG_TICKS },
      y: { label: TEXT.cdf[L], grid: true, domain: [0, 1] },
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
  return lang === 'zh'
    ? `数据：${o.file}（n = ${o.n.toLocaleString('en')}，SHA-256 ${o.sha256.slice(0, 12)}…）。最大似然拟合，按 AIC 取前 ${o.families} 个分布；jingsuan fit，${o.date}。`
    : `Data: ${o.file} (n = ${o.n.toLocaleString('en')}, SHA-256 ${o.sha256.slice(0, 12)}…). Maximum-likelihood fits, the best ${o.families} by AIC; jingsuan fit, ${o.date}.`;
}
