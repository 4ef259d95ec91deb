/**
 * The severity fit's diagnostic charts (analysis/fit-diagnostics.ts has the figures): the data's bars under the
 * fitted density, and the empirical cdf against the fitted one, both over amounts on a log axis.
 */
import * as Plot from '@observablehq/plot';
import type { CdfPoint, DensityBar, DensityPoint } from '../analysis/fit-diagnostics.ts';
import { formatNumber } from '../report/format.ts';
import { t, type Lang } from '../report/strings.ts';
import type { ChartSpec } from '../report/charts/charts.ts';

const font = 'system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const frame = (width: number) => ({
  width,
  height: 260,
  marginLeft: 56,
  marginRight: 16,
  style: { fontFamily: font, fontSize: '12px', background: 'white', color: '#1f2937' },
});
const truncated = (truncate: number, lang: Lang) =>
  truncate > 0 ? t('fitTruncatedNote', lang, formatNumber(truncate, t('locale', lang), 0, 0)) : '';

export function fitDensityChart(
  bars: DensityBar[],
  curve: DensityPoint[],
  family: string,
  opts: { lang: Lang; width: number; grouped: boolean; truncate: number },
): ChartSpec {
  const L = opts.lang;
  return {
    id: 'fit-density',
    title: t('fitDensityTitle', L),
    subtitle: t('fitDensitySubtitle', L, family),
    footnote: [opts.grouped ? t('fitDensityNote', L) : '', truncated(opts.truncate, L)].filter(Boolean).join(' '),
    rows: bars.map((b) => ({ ...b })),
    options: {
      ...frame(opts.width),
      x: { type: 'log', label: t('fitAmountAxis', L), tickFormat: '~s', grid: true },
      y: { label: t('fitDensityAxis', L), grid: true },
      marks: [
        Plot.rectY(bars, { x1: 'lower', x2: 'upper', y: 'observed', fill: '#cbd5e1', stroke: 'white', tip: true }),
        Plot.lineY(curve, { x: 'x', y: 'density', stroke: '#1d4ed8', strokeWidth: 2 }),
        Plot.ruleY([0]),
      ],
    },
  };
}

export function fitCdfChart(points: CdfPoint[], opts: { lang: Lang; width: number; truncate: number }): ChartSpec {
  const L = opts.lang;
  return {
    id: 'fit-cdf',
    title: t('fitCdfTitle', L),
    subtitle: t('fitCdfSubtitle', L),
    footnote: truncated(opts.truncate, L),
    rows: points.map((p) => ({ ...p })),
    options: {
      ...frame(opts.width),
      x: { type: 'log', label: t('fitAmountAxis', L), tickFormat: '~s', grid: true },
      y: { label: t('fitCdfAxis', L), domain: [0, 1], percent: false, grid: true },
      marks: [
        Plot.lineY(points, { x: 'x', y: 'fitted', stroke: '#1d4ed8', strokeWidth: 2 }),
        Plot.dot(points, { x: 'x', y: 'empirical', r: 2.5, fill: '#475569', tip: true }),
      ],
    },
  };
}
