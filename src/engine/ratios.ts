/**
 * The indicators that are a ratio of expected totals (the bureaus' 减负率 and 报销比例, seed 000 §4 绩效目标),
 * declared once as their two sums over the per-trial columns (trial-columns.ts): the run's summary takes the
 * columns' means (summary.ts), the analytic values the same sums in expectation (analytic.ts), and `run --json` /
 * `expect --json` carry each under its name, in this order. A new ratio of existing columns is one line here and
 * its row in the metric table (metrics.ts).
 */
import type { TrialColumn } from './trial-columns.ts';

/** A ratio of expected totals: Σ `of` over Σ `per`, less the ruleset's deduction per `less` where it has one. */
type Ratio = { of: TrialColumn; per: readonly TrialColumn[]; less?: TrialColumn };

/**
 * Σ `of` ÷ (Σ `per` − deduction × Σ `less`): the denominator's columns summed, less a ruleset's stated deduction
 * per counted person where the document writes one (Ruleset.policyRangeDeduction; a ruleset without it has no value).
 */
export const RATIOS = {
  /** 个人现金减负率: benefit over the members' cash burden (self-burden + compliant self-pay). */
  burdenReductionRate: { of: 'payout', per: ['selfBurden', 'selfPay'] },
  /**
   * The project's reimbursement ratio (not the document's 政策范围内报销比例): benefit over the cost above each
   * track's own deductible, Σ (base − deductible)⁺ over members and tracks. Well defined for any schedule.
   */
  reimbursementRatio: { of: 'payout', per: ['excess'] },
  /**
   * 政策范围内报销比例 as seed 000 (绩效目标) writes it: 大病保险补偿金额 / （自负医疗费用 + 合规自费医疗费用 − 35000）,
   * taken summed over the beneficiaries, Σ comp ÷ Σ (self-burden + compliant self-pay − 35,000): the report
   * (苏州市（区）大病保险报表) counts the compensated persons, and the 35,000 is a per-person deduction (subtracted
   * once from the city's total it would change nothing). Negative where beneficiaries' costs lie mostly below it.
   */
  policyRangeReimbursementRatio: { of: 'payout', per: ['beneficiaryBase'], less: 'beneficiaries' },
} as const satisfies Record<string, Ratio>;

export type RatioMetric = keyof typeof RATIOS;
const NAMES = Object.keys(RATIOS) as RatioMetric[];

/**
 * The ratios from a run's means: unknown (NaN) where the payout could not be computed, 0 where the denominator is
 * (nobody with cost).
 */
export function runRatios(mean: (c: TrialColumn) => number, known: boolean, deduction: number | null = null): Record<RatioMetric, number> {
  const out = {} as Record<RatioMetric, number>;
  for (const id of NAMES) {
    const r: Ratio = RATIOS[id];
    if (r.less && deduction === null) {
      out[id] = NaN;
      continue;
    }
    const den = r.per.reduce((s, c) => s + mean(c), 0) - (r.less ? deduction! * mean(r.less) : 0);
    // A deduction can make the denominator negative (the document's formula): the ratio is then reported as it falls.
    out[id] = !known ? NaN : den !== 0 ? mean(r.of) / den : 0;
  }
  return out;
}

/** The ratios from expected sums: none (null) where a sum has no analytic value or the denominator is 0. */
export function analyticRatios(
  sum: (c: TrialColumn) => number | null,
  deduction: number | null = null,
): Record<RatioMetric, number | null> {
  const out = {} as Record<RatioMetric, number | null>;
  for (const id of NAMES) {
    const r: Ratio = RATIOS[id];
    const num = sum(r.of);
    const parts = r.per.map(sum);
    if (r.less) parts.push(deduction === null ? null : -deduction * (sum(r.less) ?? NaN));
    const den = parts.some((x) => x === null || Number.isNaN(x)) ? null : (parts as number[]).reduce((s, x) => s + x, 0);
    out[id] = num === null || !den ? null : num / den;
  }
  return out;
}
