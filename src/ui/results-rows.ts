/**
 * The rows of the results table, declared once: what each row shows for a ruleset (its numbers, or a word when
 * it has none yet), their units and how several numbers read together. The screen and the CSV button both draw
 * from these declarations, so the file holds what is shown (numbers unrounded to the display, in yuan and
 * fractions).
 */
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { Comparison, RunResult } from '../engine/summary.ts';
import { csvOf, csvValue, formatValue, type ColumnUnit } from '../report/columns.ts';
import type { Unit } from '../report/format.ts';
import type { Lang } from '../report/strings.ts';
import { t } from '../report/strings.ts';
import { metricLabels } from '../engine/metrics.ts';
import type { ExactResult } from './exact-client.ts';

export interface Part {
  /** Name of this number within the row (CSV: "payout · se"); none for a row of one number. */
  label?: { zh: string; en: string };
  unit: ColumnUnit;
  /** Decimals of money in 万元. */
  digits?: number;
}

export interface ResultRow {
  label: { zh: string; en: string };
  parts: Part[];
  /** From a Monte Carlo run (pending until one arrives). */
  mc?: boolean;
  /** The row's numbers for ruleset `id` (index i), or a word (pending "…", "—", a reason). */
  cell: (id: string, i: number) => (number | null)[] | string;
  /** How the formatted numbers read together (default: joined by " / "). */
  join?: (shown: string[], values: (number | null)[]) => string;
}

export interface ResultsInput {
  analytic: AnalyticRuleset[];
  result: RunResult | null;
  comparisons: Comparison[];
  baseline: string;
  /** The baseline as the page names it (its title); its id where absent. */
  baselineName?: string;
  exact: ExactResult | { error: string } | null;
  lang: Lang;
}

const one = (unit: ColumnUnit, digits?: number): Part[] => [{ unit, digits }];
const L = (zh: string, en: string) => ({ zh, en });

export function resultRows(x: ResultsInput): ResultRow[] {
  const { analytic: a, lang } = x;
  const mc = (id: string) => x.result?.rulesets.find((r) => r.id === id);
  const exact = (id: string, f: (e: NonNullable<ExactResult['rulesets'][number]>) => (number | null)[]) => {
    const ex = x.exact;
    if (ex === null) return '…';
    if ('error' in ex) return t('cannotCompute', lang, ex.error);
    const e = ex.rulesets.find((r) => r.id === id);
    if (!e) return '…';
    return e.method !== 'fft' ? t(e.cause === 'fitDraws' ? 'monteCarloOnlyFit' : 'monteCarloOnly', lang) : f(e);
  };
  const run = (id: string, f: (m: NonNullable<ReturnType<typeof mc>>) => (number | null)[] | string) => {
    const m = mc(id);
    return m ? f(m) : '…';
  };
  return [
    { label: L('保费', 'premium'), parts: one('money'), cell: (_, i) => [a[i].premium] },
    { label: L('期望赔付（解析）', 'expected payout (analytic)'), parts: one('money'), cell: (_, i) => [a[i].payout] },
    {
      label: L('赔付均值 ± 标准误', 'payout mean ± se'),
      parts: [
        { label: L('均值', 'mean'), unit: 'money' },
        { label: L('标准误', 'se'), unit: 'money', digits: 2 },
      ],
      mc: true,
      cell: (id) => run(id, (m) => [m.payout.mean, m.payout.se]),
      join: (s) => `${s[0]} ± ${s[1]}`,
    },
    {
      label: L('赔付 P95 / P99.5', 'payout P95 / P99.5'),
      parts: [
        { label: L('P95', 'P95'), unit: 'money' },
        { label: L('P99.5', 'P99.5'), unit: 'money' },
      ],
      mc: true,
      cell: (id) => run(id, (m) => [m.payout.p95, m.payout.p995]),
    },
    {
      label: L('赔付标准差：过程 / 参数（参数风险占比）', 'payout sd: process / parameter (parameter share)'),
      parts: [
        { label: L('过程', 'process'), unit: 'money' },
        { label: L('参数', 'parameter'), unit: 'money' },
        { label: L('参数占比', 'parameter share'), unit: 'ratio' },
      ],
      mc: true,
      cell: (id) => run(id, (m) => (m.risk ? [m.risk.processSd, m.risk.parameterSd, m.risk.parameterShare] : '—')),
      join: (s) => `${s[0]} / ${s[1]} (${s[2]})`,
    },
    // The estimation risk of fitted severities (engine/summary.ts RiskSplit), once a run has drawn their parameters.
    ...(x.result?.rulesets.some((r) => (r.risk?.fitSd ?? 0) > 0)
      ? [
          {
            label: L('赔付标准差：拟合（拟合占比）', 'payout sd: fit (fit share)'),
            parts: [
              { label: L('拟合', 'fit'), unit: 'money' },
              { label: L('拟合占比', 'fit share'), unit: 'ratio' },
            ],
            mc: true,
            cell: (id: string) => run(id, (m) => (m.risk ? [m.risk.fitSd, m.risk.fitShare] : '—')),
            join: (s: string[]) => `${s[0]} (${s[1]})`,
          } satisfies ResultRow,
        ]
      : []),
    { label: metricLabels('lossRatio'), parts: one('ratio'), cell: (_, i) => [a[i].lossRatio] },
    {
      label: L('赔付率 P5–P95（精确，FFT）', 'loss ratio P5–P95 (exact, FFT)'),
      parts: [
        { label: L('P5', 'P5'), unit: 'ratio' },
        { label: L('P95', 'P95'), unit: 'ratio' },
      ],
      cell: (id) => exact(id, (e) => [e.lossRatio?.p05 ?? null, e.lossRatio?.p95 ?? null]),
      join: (s) => `${s[0]} – ${s[1]}`,
    },
    {
      label: L('亏损概率（精确）', 'probability of loss (exact)'),
      parts: one('ratio'),
      cell: (id) => exact(id, (e) => [e.lossRatio?.probAbove1 ?? null]),
    },
    {
      label: L('精确分布与蒙特卡洛（标准误之差）', 'exact vs Monte Carlo (in standard errors)'),
      parts: one('number'),
      mc: true,
      // The sampled mean should lie within 4 standard errors of the exact one; a larger gap is flagged.
      cell: (id) =>
        exact(id, (e) => (mc(id) ? [mc(id)!.payout.se > 0 ? (mc(id)!.payout.mean - e.payout!.mean) / mc(id)!.payout.se : 0] : [])),
      join: (_, v) =>
        v[0] === null || v[0] === undefined ? '…' : `${Math.abs(v[0]) > 4 ? '⚠' : '✓'} ${v[0] >= 0 ? '+' : ''}${v[0].toFixed(1)} se`,
    },
    { label: metricLabels('lossRatioP95'), parts: one('ratio'), mc: true, cell: (id) => run(id, (m) => [m.lossRatio.p95]) },
    {
      label: metricLabels('probLoss'),
      parts: one('ratio'),
      mc: true,
      cell: (id) => run(id, (m) => [m.lossRatio.probAbove1]),
    },
    { label: metricLabels('beneficiaries'), parts: one('count'), cell: (_, i) => [a[i].beneficiaries] },
    { label: metricLabels('personTimes'), parts: one('count'), mc: true, cell: (id) => run(id, (m) => [m.personTimes.mean]) },
    {
      label: L('人均补偿（元）', 'benefit per beneficiary (yuan)'),
      parts: one('number', 2),
      cell: (_, i) => [a[i].payout && a[i].beneficiaries ? Math.round((a[i].payout! / a[i].beneficiaries!) * 100) / 100 : null],
    },
    { label: metricLabels('burdenReductionRate'), parts: one('ratio'), cell: (_, i) => [a[i].burdenReductionRate] },
    { label: metricLabels('reimbursementRatio'), parts: one('ratio'), cell: (_, i) => [a[i].reimbursementRatio] },
    {
      label: metricLabels('insurerMean'),
      parts: one('money'),
      mc: true,
      cell: (id) => run(id, (m) => (m.corridor ? [m.corridor.insurerMean] : '—')),
    },
    {
      label: L('承办机构亏损概率', 'P(insurer loss)'),
      parts: one('ratio'),
      mc: true,
      cell: (id) => run(id, (m) => (m.corridor ? [m.corridor.probInsurerLoss] : '—')),
    },
    {
      label: L(
        `与基准（${x.baselineName ?? x.baseline}）赔付差及95%区间`,
        `payout vs baseline (${x.baselineName ?? x.baseline}), 95% interval`,
      ),
      parts: [
        { label: L('差', 'difference'), unit: 'money' },
        { label: L('下限', 'from'), unit: 'money' },
        { label: L('上限', 'to'), unit: 'money' },
      ],
      mc: true,
      cell: (id) => {
        if (id === x.baseline) return t('baselineWord', lang);
        const c = x.comparisons.find((k) => k.b === id);
        return c ? [c.payoutDiff.mean, c.payoutDiff.lo95, c.payoutDiff.hi95] : '…';
      },
      join: (s, v) => `${(v[0] ?? 0) >= 0 ? '+' : ''}${s[0]} [${s[1]}, ${s[2]}]`,
    },
  ];
}

/** A cell as shown. */
export function showCell(row: ResultRow, id: string, i: number, unit: Unit): string {
  const c = row.cell(id, i);
  if (typeof c === 'string') return c;
  if (!c.length) return '…';
  const shown = c.map((v, k) => formatValue(v, row.parts[k].unit, unit, row.parts[k].digits));
  return row.join ? row.join(shown, c) : shown.join(' / ');
}

const UNIT_WORD: Record<ColumnUnit, string> = {
  money: '元',
  ratio: 'ratio 比例',
  points: 'points 百分点',
  count: 'people 人',
  text: '',
  year: '',
  number: '',
};

/** The table as shown, one CSV line per number: indicator, unit, then each ruleset's value (or its word). */
/** The table as CSV: one column per ruleset, headed by its title (and its id, which the command line uses). */
export function resultsCsv(rows: ResultRow[], ids: string[], lang: Lang, titles: Record<string, string> = {}): string {
  const lines: (string | null)[][] = [];
  for (const r of rows) {
    r.parts.forEach((p, k) => {
      const name = p.label && r.parts.length > 1 ? `${r.label[lang]} · ${p.label[lang]}` : r.label[lang];
      lines.push([
        name,
        UNIT_WORD[p.unit],
        ...ids.map((id, i) => {
          const c = r.cell(id, i);
          return typeof c === 'string' ? c : csvValue(c[k], p.unit);
        }),
      ]);
    });
  }
  const heads = ids.map((id) => (titles[id] && titles[id] !== id ? `${titles[id]} (${id})` : id));
  return csvOf([t('indicator', lang), t('unitColumn', lang), ...heads], lines);
}
