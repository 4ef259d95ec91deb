/**
 * The indicators, once: every place that names a metric (scenario targets in the schema, `solve`, `sweep`,
 * `calibrate`, tables, charts, the workbench's goal seek and sensitivity menus) reads this table.
 *
 * Names follow the bureaus' indicators (seed 000 §4 绩效目标; docs/policy.md §1): 减负率 is the cut in members'
 * cash burden, 报销比例 the share of policy-scope cost reimbursed. Which of them a scenario file may state a target
 * for is the file format's business (scenario/target-metrics.ts); this table must name each of them.
 */
import type { AnalyticValues } from './analytic.ts';
import type { MetricsSummary, RulesetSummary } from './summary-types.ts';
import { TARGET_METRICS, type TargetMetric } from '../scenario/target-metrics.ts';

export type MetricUnit = 'money' | 'ratio' | 'count';

export interface Estimate {
  value: number;
  lo95: number;
  hi95: number;
}

export interface MetricDef {
  id: string;
  label: { zh: string; en: string };
  /** The label in a table's narrow header, where it differs ("减负率" for 个人现金减负率). */
  short?: { zh: string; en: string };
  /** money: yuan (shown in 元 or 万元); ratio: a fraction (shown as %, differences in percentage points); count: people. */
  unit: MetricUnit;
  /**
   * +1: a rise means more protection for members (beneficiaries, reimbursement, burden reduction); −1: more cost
   * or risk for the fund or insurer (loss ratio, probability of loss); 0: neither on its own (payout).
   */
  direction: 1 | -1 | 0;
  /** The analytic (instant) value, or undefined when only a Monte Carlo run gives it. */
  analytic?: (v: AnalyticValues) => number | null;
  /** From a run's summary, with its 95% interval where the run gives one (NaN otherwise). */
  monteCarlo?: (r: MetricsSummary, trials: number) => Estimate;
  /** Whether a ruleset has the figure at all (the insurer's result only under a corridor); shown as — otherwise. */
  applies?: (r: MetricsSummary) => boolean;
  /** A ratio to the premium: without a premium it is not a number, and says "no premium" (issue #30). */
  perPremium?: true;
}

const ci = (mean: number, se: number): Estimate => ({ value: mean, lo95: mean - 1.96 * se, hi95: mean + 1.96 * se });
const point = (value: number): Estimate => ({ value, lo95: NaN, hi95: NaN });

export const METRICS = [
  {
    id: 'payout',
    label: { zh: '期望赔付', en: 'expected payout' },
    short: { zh: '赔付', en: 'payout' },
    unit: 'money',
    direction: 0,
    analytic: (v) => v.payout,
    monteCarlo: (r) => ci(r.payout.mean, r.payout.se),
  },
  {
    id: 'lossRatio',
    label: { zh: '期望赔付率', en: 'expected loss ratio' },
    short: { zh: '赔付率', en: 'loss ratio' },
    unit: 'ratio',
    direction: -1,
    perPremium: true,
    analytic: (v) => v.lossRatio,
    monteCarlo: (r, n) => ci(r.lossRatio.mean, r.lossRatio.sd / Math.sqrt(n)),
  },
  {
    // The project's own ratio (ratios.ts): each track's base above its own deductible. Not the document's
    // 政策范围内报销比例, which is the next row.
    id: 'reimbursementRatio',
    label: { zh: '报销比例（超各项起付线部分）', en: 'reimbursement ratio (cost above each track’s deductible)' },
    short: { zh: '报销比例', en: 'reimbursement' },
    unit: 'ratio',
    direction: 1,
    analytic: (v) => v.reimbursementRatio,
    monteCarlo: (r) => point(r.reimbursementRatio),
  },
  {
    // Seed 000 绩效目标's formula, summed over beneficiaries (ratios.ts); only where a ruleset states its deduction.
    id: 'policyRangeReimbursementRatio',
    label: { zh: '政策范围内报销比例（文件口径）', en: 'policy-range reimbursement ratio (as the Suzhou 2021 budget defines it)' },
    short: { zh: '政策范围内报销比例', en: 'policy-range reimb.' },
    unit: 'ratio',
    direction: 1,
    analytic: (v) => v.policyRangeReimbursementRatio,
    monteCarlo: (r) => point(r.policyRangeReimbursementRatio),
    applies: (r) => !Number.isNaN(r.policyRangeReimbursementRatio),
  },
  {
    id: 'burdenReductionRate',
    label: { zh: '个人现金减负率', en: 'burden reduction rate' },
    short: { zh: '减负率', en: 'burden reduction' },
    unit: 'ratio',
    direction: 1,
    analytic: (v) => v.burdenReductionRate,
    monteCarlo: (r) => point(r.burdenReductionRate),
  },
  {
    id: 'beneficiaries',
    label: { zh: '补偿人数', en: 'beneficiaries' },
    unit: 'count',
    direction: 1,
    analytic: (v) => v.beneficiaries,
    monteCarlo: (r) => point(r.beneficiaries.mean),
  },
  {
    id: 'personTimes',
    label: { zh: '补偿人次', en: 'person-times' },
    short: { zh: '人次', en: 'person-times' },
    unit: 'count',
    direction: 1,
    monteCarlo: (r) => point(r.personTimes.mean),
  },
  {
    id: 'probLoss',
    label: { zh: '亏损概率（赔付率 > 100%）', en: 'probability of loss (loss ratio > 100%)' },
    short: { zh: '亏损概率', en: 'P(loss ratio > 100%)' },
    unit: 'ratio',
    direction: -1,
    perPremium: true,
    monteCarlo: (r, n) => {
      const p = r.lossRatio.probAbove1;
      return ci(p, Math.sqrt((p * (1 - p)) / n));
    },
  },
  {
    id: 'lossRatioP95',
    label: { zh: '赔付率 P95', en: 'loss ratio P95' },
    unit: 'ratio',
    direction: -1,
    perPremium: true,
    monteCarlo: (r) => point(r.lossRatio.p95),
  },
  {
    id: 'insurerMean',
    label: { zh: '承办机构期望盈亏（风险调节后）', en: 'insurer result after the corridor' },
    short: { zh: '承办机构', en: 'insurer' },
    unit: 'money',
    direction: 0,
    monteCarlo: (r) => (r.corridor ? ci(r.corridor.insurerMean, r.corridor.insurer.se) : point(NaN)),
    applies: (r) => r.corridor !== null,
  },
  {
    // After the operating cost as well (finance/insurer-result.ts): what 保本微利 asks to be a little above zero.
    // A ruleset's figure (a population has no operating cost of its own); its interval is the corridor's, or the
    // payout's where the insurer keeps the whole result.
    id: 'insurerResult',
    label: { zh: '承办机构期望结果（风险调节与运营成本后）', en: "insurer's result after the corridor and operating cost" },
    short: { zh: '承办机构净结果', en: 'insurer net' },
    unit: 'money',
    direction: 0,
    monteCarlo: (r) => {
      const ir = (r as Partial<RulesetSummary>).insurerResult;
      if (!ir) return point(NaN);
      return ci(ir.mean, r.corridor ? r.corridor.insurer.se : r.payout.se);
    },
    applies: (r) => (r as Partial<RulesetSummary>).insurerResult !== undefined,
  },
  // A target only: the insured count a document states (checked against the file, not modelled).
  { id: 'insured', label: { zh: '参保人数', en: 'insured' }, unit: 'count', direction: 0 },
] as const satisfies readonly MetricDef[];

export type MetricName = (typeof METRICS)[number]['id'];
type Analytic = Extract<(typeof METRICS)[number], { analytic: unknown }>['id'];
export type AnalyticMetric = Analytic;

const BY_ID = new Map<string, MetricDef>(METRICS.map((m) => [m.id, m]));

export const metricDef = (id: MetricName): MetricDef => BY_ID.get(id)!;
export const isMetric = (id: string): id is MetricName => BY_ID.has(id);

/** Metrics with an analytic value, in table order (the sensitivity menu's choices). */
export const ANALYTIC_METRICS = METRICS.filter((m) => 'analytic' in m).map((m) => m.id) as AnalyticMetric[];
/** Metrics a run gives (solve, sweep). */
export const RUN_METRICS = METRICS.filter((m) => 'monteCarlo' in m).map((m) => m.id) as MetricName[];
/** Metrics a scenario's targets may name (the schema's enum). */
export { TARGET_METRICS };
// Every metric a file may target is one of this table's (a compile error otherwise).
const _targetsAreMetrics: readonly MetricName[] = TARGET_METRICS satisfies readonly TargetMetric[];
void _targetsAreMetrics;

export const isAnalytic = (id: MetricName): id is AnalyticMetric => metricDef(id).analytic !== undefined;

export function analyticMetric(v: AnalyticValues, m: MetricName): number {
  return metricDef(m).analytic?.(v) ?? NaN;
}

export function mcMetric(r: MetricsSummary, m: MetricName, trials: number): Estimate {
  return metricDef(m).monteCarlo?.(r, trials) ?? point(NaN);
}

/** The value a run gives for a ruleset or population (NaN where it gives none), as every table shows it. */
export const mcValue = (r: MetricsSummary, m: MetricName): number => mcMetric(r, m, 1).value;
/**
 * Why metric m is not a number for a ruleset or population with this premium (its run summary or analytic
 * values): 'no-premium' for a ratio to a premium of 0, else null. The words are report/strings.ts whyText.
 */
export const metricWhy = (m: MetricName, premium: number): 'no-premium' | null =>
  metricDef(m).perPremium && !(premium > 0) ? 'no-premium' : null;
/** Whether the figure exists for this ruleset (MetricDef.applies). */
export const metricApplies = (r: MetricsSummary, m: MetricName): boolean => metricDef(m).applies?.(r) ?? true;

export const metricLabel = (id: string, lang: 'zh' | 'en'): string => BY_ID.get(id)?.label[lang] ?? id;
/** Both languages of a metric's name, in full or as a narrow table header reads it. */
export const metricLabels = (id: MetricName, form: 'full' | 'short' = 'full'): { zh: string; en: string } => {
  const d = metricDef(id);
  return form === 'short' ? (d.short ?? d.label) : d.label;
};
