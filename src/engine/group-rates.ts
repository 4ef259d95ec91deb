/**
 * A rate over a group's members only: seed 000 (年度绩效目标) sets 实时救助人员个人现金减负率 = 19%, defined as
 * 实时救助人员大病保险补偿金额 / （实时救助人员自负医疗费用 + 自费医疗费用）, the burden-reduction rate of ratios.ts
 * taken over the members who carry the group's tag (populations[].groups[]).
 *
 * A member's tags are drawn independently of the member's cost (engine/claimants.ts), so the group's expected cash
 * burden is its share of the population's, and its expected payout the tag's tag combinations' (analytic.ts
 * groupExpectations). The figure is a ratio of expected totals, as every rate of ratios.ts is; it is taken from the
 * analytic expectation, which a Monte Carlo run converges to (test/group-target.test.ts checks it against a run
 * whose members all carry the tag).
 */
import type { AnalyticRuleset } from './analytic.ts';

/**
 * Σ payout ÷ Σ (self-burden + compliant self-pay) over the members carrying `tag`, in `population` or (absent) in
 * every population that declares it; null where the payout has no analytic value, the group is unknown or its
 * burden is 0.
 */
export function groupBurdenReductionRate(a: AnalyticRuleset, tag: string, population: string | null = null): number | null {
  const rows = a.groups.filter((g) => g.tag === tag && (population === null || g.population === population));
  if (!rows.length || rows.some((g) => g.payout === null)) return null;
  const burden = rows.reduce((s, g) => s + g.selfBurden + g.selfPay, 0);
  return burden > 0 ? rows.reduce((s, g) => s + (g.payout as number), 0) / burden : null;
}
