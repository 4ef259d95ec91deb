/**
 * The indicators that are a ratio of expected totals (the bureaus' 减负率 and 报销比例, seed 000 §4 绩效目标),
 * declared once as their two sums over the per-trial columns (trial-columns.ts): the run's summary takes the
 * columns' means (summary.ts), the analytic values the same sums in expectation (analytic.ts), and `run --json` /
 * `expect --json` carry each under its name, in this order. A new ratio of existing columns is one line here and
 * its row in the metric table (metrics.ts).
 */
import type { TrialColumn } from './trial-columns.ts';

/** Σ `of` ÷ Σ `per` (the denominator's columns summed). */
export const RATIOS = {
  /** 个人现金减负率: benefit over the members' cash burden (self-burden + compliant self-pay). */
  burdenReductionRate: { of: 'payout', per: ['selfBurden', 'selfPay'] },
  /** 政策范围内报销比例: benefit over the policy-scope cost above the deductibles, Σ (base − deductible)⁺. */
  reimbursementRatio: { of: 'payout', per: ['excess'] },
} as const satisfies Record<string, { of: TrialColumn; per: readonly TrialColumn[] }>;

export type RatioMetric = keyof typeof RATIOS;
const NAMES = Object.keys(RATIOS) as RatioMetric[];

/**
 * The ratios from a run's means: unknown (NaN) where the payout could not be computed, 0 where the denominator is
 * (nobody with cost).
 */
export function runRatios(mean: (c: TrialColumn) => number, known: boolean): Record<RatioMetric, number> {
  const out = {} as Record<RatioMetric, number>;
  for (const id of NAMES) {
    const { of, per } = RATIOS[id];
    const den = per.reduce((s, c) => s + mean(c), 0);
    out[id] = !known ? NaN : den > 0 ? mean(of) / den : 0;
  }
  return out;
}

/** The ratios from expected sums: none (null) where a sum has no analytic value or the denominator is 0. */
export function analyticRatios(sum: (c: TrialColumn) => number | null): Record<RatioMetric, number | null> {
  const out = {} as Record<RatioMetric, number | null>;
  for (const id of NAMES) {
    const { of, per } = RATIOS[id];
    const num = sum(of);
    const parts = per.map(sum);
    const den = parts.some((x) => x === null) ? null : (parts as number[]).reduce((s, x) => s + x, 0);
    out[id] = num === null || !den ? null : num / den;
  }
  return out;
}
