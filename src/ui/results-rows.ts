/**
 * The rows of the results table, declared once: what each row shows for a ruleset (its numbers, or a word when
 * it has none yet), their units and how several numbers read together. The screen and the CSV button both draw
 * from these declarations, so the file holds what is shown (numbers unrounded to the display, in yuan and
 * fractions).
 */
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { Comparison, RunResult } from '../engine/summary.ts';
import { csvOf, csvValue, formatValue, type ColumnUnit } from '../report/columns.ts';
import { formatAmount, type Unit } from '../report/format.ts';
import type { Lang } from '../report/strings.ts';
import { both, enZh, t, whyText } from '../report/strings.ts';
import {
  analyticMetric,
  isAnalytic,
  mcValue,
  metricApplies,
  metricDef,
  metricLabels,
  metricWhy,
  type MetricName,
} from '../engine/metrics.ts';
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
  /** What the row's figure is, in plain words, shown on hover (issue #31). */
  hint?: { zh: string; en: string };
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

export function resultRows(x: ResultsInput): ResultRow[] {
  const { analytic: a, lang } = x;
  const mc = (id: string) => x.result?.rulesets.find((r) => r.id === id);
  const exact = (id: string, f: (e: NonNullable<ExactResult['rulesets'][number]>) => (number | null)[] | string) => {
    const ex = x.exact;
    if (ex === null) return t('rowPending', lang);
    if ('error' in ex) return t('cannotCompute', lang, ex.error);
    const e = ex.rulesets.find((r) => r.id === id);
    if (!e) return t('rowPending', lang);
    if (e.method === 'fft') return f(e);
    return t(e.cause === 'fitDraws' ? 'monteCarloOnlyFit' : e.cause === 'tolerance' ? 'monteCarloOnlyTolerance' : 'monteCarloOnly', lang);
  };
  const run = (id: string, f: (m: NonNullable<ReturnType<typeof mc>>) => (number | null)[] | string) => {
    const m = mc(id);
    return m ? f(m) : t('rowPending', lang);
  };
  // A metric's row, value, name and unit from the metric table (engine/metrics.ts): the analytic value where the
  // metric has one (shown at once), else the run's, pending until a run arrives and — where it does not apply.
  // A ratio to a premium of 0 is not a number: the words say why ("无保费" / "no premium"), never NaN or —.
  const noPremium = (m: MetricName, i: number) => {
    const why = a[i] ? metricWhy(m, a[i].premium) : null;
    return why ? whyText(why, lang) : null;
  };
  const metricRow = (m: MetricName): ResultRow =>
    isAnalytic(m)
      ? { label: metricLabels(m), parts: one(metricDef(m).unit), cell: (_, i) => noPremium(m, i) ?? [analyticMetric(a[i], m)] }
      : {
          label: metricLabels(m),
          parts: one(metricDef(m).unit),
          mc: true,
          cell: (id, i) => noPremium(m, i) ?? run(id, (s) => (metricApplies(s, m) ? [mcValue(s, m)] : '—')),
        };
  return [
    { label: both('colPremium'), parts: one('money'), cell: (_, i) => [a[i].premium] },
    { label: both('rowExpectedPayoutAnalytic'), parts: one('money'), cell: (_, i) => [a[i].payout] },
    {
      label: both('rowPayoutMeanPmSe'),
      parts: [
        { label: both('rowMean'), unit: 'money' },
        { label: both('rowSe'), unit: 'money', digits: 2 },
      ],
      mc: true,
      cell: (id) => run(id, (m) => [m.payout.mean, m.payout.se]),
      join: (s) => `${s[0]} ± ${s[1]}`,
    },
    {
      label: both('rowPayoutP95P995'),
      parts: [
        { label: both('rowP95'), unit: 'money' },
        { label: both('rowP995'), unit: 'money' },
      ],
      mc: true,
      cell: (id) => run(id, (m) => [m.payout.p95, m.payout.p995]),
    },
    {
      label: both('rowPayoutSdSplit'),
      parts: [
        { label: both('colProcess'), unit: 'money' },
        { label: both('colParameter'), unit: 'money' },
        { label: both('colParameterShare'), unit: 'ratio' },
      ],
      mc: true,
      cell: (id) => run(id, (m) => (m.risk ? [m.risk.processSd, m.risk.parameterSd, m.risk.parameterShare] : '—')),
      join: (s) => `${s[0]} / ${s[1]} (${s[2]})`,
    },
    // The estimation risk of fitted severities (engine/summary.ts RiskSplit), once a run has drawn their parameters.
    ...(x.result?.rulesets.some((r) => (r.risk?.fitSd ?? 0) > 0)
      ? [
          {
            label: both('rowPayoutSdFit'),
            parts: [
              { label: both('rowFit'), unit: 'money' },
              { label: both('colFitShare'), unit: 'ratio' },
            ],
            mc: true,
            cell: (id: string) => run(id, (m) => (m.risk ? [m.risk.fitSd, m.risk.fitShare] : '—')),
            join: (s: string[]) => `${s[0]} (${s[1]})`,
          } satisfies ResultRow,
        ]
      : []),
    metricRow('lossRatio'),
    {
      label: both('rowLossRatioP5P95Exact'),
      parts: [
        { label: both('rowP5'), unit: 'ratio' },
        { label: both('rowP95'), unit: 'ratio' },
      ],
      cell: (id, i) => noPremium('lossRatio', i) ?? exact(id, (e) => [e.lossRatio?.p05 ?? null, e.lossRatio?.p95 ?? null]),
      join: (s) => `${s[0]} – ${s[1]}`,
    },
    {
      label: both('rowProbabilityOfLossExact'),
      hint: both('hintProbLossExact'),
      parts: one('ratio'),
      cell: (id, i) => noPremium('probLoss', i) ?? exact(id, (e) => [e.lossRatio?.probAbove1 ?? null]),
    },
    {
      label: both('rowExactVsMonteCarlo'),
      hint: both('hintExactVsMonteCarlo'),
      parts: one('number'),
      mc: true,
      cell: (id) => exact(id, (e) => exactVsMonteCarlo(e.payout!.mean, mc(id)?.payout, lang)),
      join: (_, v) =>
        v[0] === null || v[0] === undefined
          ? t('rowPending', lang)
          : `${t(Math.abs(v[0]) > 4 ? 'rowGapLarge' : 'rowGapFine', lang)} ${t('rowGapInSe', lang, `${v[0] >= 0 ? '+' : ''}${v[0].toFixed(1)}`)}`,
    },
    metricRow('lossRatioP95'),
    { ...metricRow('probLoss'), hint: both('hintProbLossMonteCarlo') },
    metricRow('beneficiaries'),
    metricRow('personTimes'),
    {
      label: both('rowBenefitPerBeneficiaryYuan'),
      parts: one('number', 2),
      cell: (_, i) => [a[i].payout && a[i].beneficiaries ? Math.round((a[i].payout! / a[i].beneficiaries!) * 100) / 100 : null],
    },
    metricRow('burdenReductionRate'),
    metricRow('reimbursementRatio'),
    withNegativeNote(metricRow('policyRangeReimbursementRatio'), a),
    metricRow('insurerMean'),
    {
      // The insurer's expected result with its operating cost (finance/insurer-result.ts): the documents price the
      // funding 保本微利, while a corridor may let it keep less than that cost.
      label: both('rowInsurerResultAfterCost'),
      parts: [
        { label: both('rowMean'), unit: 'money' },
        { label: both('colInsurerResultRate'), unit: 'ratio' },
      ],
      mc: true,
      cell: (id) => run(id, (m) => (m.insurerResult ? [m.insurerResult.mean, m.insurerResult.meanRate] : '—')),
      // Its share of a premium of 0 is none (finance/insurer-result.ts: NaN exactly then): the words, not "—".
      join: (shown, v) => (Number.isNaN(v[1]) ? `${shown[0]} / ${whyText('no-premium', lang)}` : shown.join(' / ')),
    },
    {
      label: both('rowBreakEven'),
      parts: [
        { label: both('colKeepMax'), unit: 'ratio' },
        { label: both('colOperatingCost'), unit: 'ratio' },
      ],
      mc: true,
      // Without premium there is nothing to keep a share of: "无保费", not "否 (— < 5.0%)".
      cell: (id, i) =>
        noPremium('lossRatio', i) ??
        run(id, (m) => (m.insurerResult ? [m.insurerResult.keepMaxRate, m.insurerResult.operatingCostRate] : '—')),
      join: (shown, v) =>
        typeof v[0] === 'number' && typeof v[1] === 'number'
          ? `${t(v[0] >= v[1] ? 'yes' : 'no', lang)} (${shown[0]} ${v[0] >= v[1] ? '≥' : '<'} ${shown[1]})`
          : shown.join(' / '),
    },
    {
      label: both('colPInsurerLoss'),
      hint: both('hintProbInsurerLoss'),
      parts: one('ratio'),
      mc: true,
      cell: (id) => run(id, (m) => (m.corridor ? [m.corridor.probInsurerLoss] : '—')),
    },
    {
      label: both('rowPayoutVsBaseline', x.baselineName ?? x.baseline),
      parts: [
        { label: both('rowDifference'), unit: 'money' },
        { label: both('rowFrom'), unit: 'money' },
        { label: both('rowTo'), unit: 'money' },
      ],
      mc: true,
      cell: (id) => {
        if (id === x.baseline) return t('baselineWord', lang);
        const c = x.comparisons.find((k) => k.b === id);
        return c ? [c.payoutDiff.mean, c.payoutDiff.lo95, c.payoutDiff.hi95] : t('rowPending', lang);
      },
      join: (s, v) => `${(v[0] ?? 0) >= 0 ? '+' : ''}${s[0]} [${s[1]}, ${s[2]}]`,
    },
  ];
}

/** Money is shown and compared to the fen: less than half of one is no difference. */
const HALF_FEN = 0.005;

/**
 * The sampled mean's gap from the exact one in standard errors; it should lie within 4 (a larger gap is flagged).
 * Where the run has no standard error (every trial paid the same: no one insured, a zero cap) a gap in standard
 * errors is 0/0, so the cell says in words whether the two means agree to the fen (issue #30: it read "NaN se").
 */
export function exactVsMonteCarlo(
  exactMean: number,
  run: { mean: number; se: number } | undefined,
  lang: Lang,
): (number | null)[] | string {
  if (!run) return [];
  if (!Number.isFinite(exactMean) || !Number.isFinite(run.mean)) return '—';
  if (run.se >= HALF_FEN && Number.isFinite(run.se)) return [(run.mean - exactMean) / run.se];
  const diff = run.mean - exactMean;
  const same = Math.abs(diff) < HALF_FEN;
  // A standard error under half a fen (a cap of 1e-20 yuan): the trials agree to the fen, and a gap counted in it
  // is rounding noise over rounding noise (it read "⚠ -4256.6 se"); money is compared to the fen instead.
  if (run.se > 0 && Number.isFinite(run.se))
    return same ? t('rowGapBelowFenSame', lang) : t('rowGapBelowFenDiffer', lang, formatAmount(Math.abs(diff), 'yuan', 2));
  return same ? t('rowGapNoSpreadSame', lang) : t('rowGapNoSpreadDiffer', lang, formatAmount(Math.abs(diff), 'yuan', 2));
}

/** A cell as shown. */
export function showCell(row: ResultRow, id: string, i: number, unit: Unit): string {
  const c = row.cell(id, i);
  if (typeof c === 'string') return c;
  if (!c.length) return t('rowPending', 'zh'); // the same mark in both languages
  const shown = c.map((v, k) => formatValue(v, row.parts[k].unit, unit, row.parts[k].digits));
  return row.join ? row.join(shown, c) : shown.join(' / ');
}

// Bilingual, as the command line's CSV headers read (report/columns.ts).
const UNIT_WORD: Record<ColumnUnit, string> = {
  money: t('yuan', 'zh'),
  ratio: enZh('rowUnitRatio'),
  points: enZh('rowUnitPoints'),
  count: enZh('rowUnitCount'),
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

/**
 * Seed 000's 政策范围内报销比例 subtracts 35,000 from each beneficiary's base, and is negative on Suzhou's own figures
 * (docs/conformance.md): a row where a ruleset's value is below 0 says why on hover, lest it read as a bug.
 */
export function withNegativeNote(row: ResultRow, rulesets: readonly { id: string }[]): ResultRow {
  const negative = rulesets.some((r, i) => {
    const c = row.cell(r.id, i);
    return Array.isArray(c) && typeof c[0] === 'number' && c[0] < 0;
  });
  return negative ? { ...row, hint: both('hintPolicyRangeNegative') } : row;
}
