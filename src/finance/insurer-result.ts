/**
 * The insurer's expected result per ruleset after the corridor and its operating cost: premium − claims − what the
 * corridor returns to the fund + what the fund makes up − operating cost.
 *
 * The documents ask the funding to let the insurer break even with a thin margin (保本微利: seed 001 二(六): 遵循收支平衡、
 * 保本微利的原则; seed 004 五(三): 按照收支平衡、保本微利和共担风险、持续发展原则), and the shipped standards are priced
 * so (expected claims ÷ 0.95). But the corridor reads its result on premium less claims, before the operating cost
 * (seed 001 二(六): 盈亏为当年总保费减去当年大病保险赔付总支出; the surplus kept 可用于支付运营成本, 运营成本由承办机构
 * 自行承担), and lets the insurer keep at most a few percent of premium (Jilin: 3% + 30% × 2% = 3.6%): where
 * that is less than the operating cost the insurer's result is negative whatever the claims, and 保本微利 is not
 * possible under the corridor as written. Both facts are reported, so a planner sees it per ruleset.
 */
import { floatCorridor, type CorridorRule } from './corridor.ts';

export interface InsurerResult {
  /** Expected result: afterCorridor − operatingCost (yuan). */
  mean: number;
  premium: number;
  /** Expected claims (the payout's mean). */
  claims: number;
  fundReturn: number;
  fundTopUp: number;
  /** premium − claims − fundReturn + fundTopUp: what the insurer keeps before its own cost. */
  afterCorridor: number;
  operatingCostRate: number;
  operatingCost: number;
  /** mean ÷ premium. */
  meanRate: number;
  /** The most the corridor lets the insurer keep, as a share of premium (at no claims); 1 without a corridor. */
  keepMaxRate: number;
  /** 保本微利 is possible under the corridor: the most it lets the insurer keep covers the operating cost. */
  breakEvenPossible: boolean;
}

export interface InsurerInputs {
  premium: number;
  claims: number;
  /** The corridor's expected split, or null without a corridor (the insurer keeps the whole result). */
  split: { fundReturnMean: number; fundTopUpMean: number } | null;
  rule: CorridorRule | null;
  operatingCostRate: number;
}

export function insurerResult({ premium, claims, split, rule, operatingCostRate }: InsurerInputs): InsurerResult {
  const fundReturn = split?.fundReturnMean ?? 0;
  const fundTopUp = split?.fundTopUpMean ?? 0;
  const afterCorridor = premium - claims - fundReturn + fundTopUp;
  const operatingCost = operatingCostRate * premium;
  const mean = afterCorridor - operatingCost;
  // The insurer's share rises with the result (every tier's share is in [0, 1]), so no claims is its best year.
  const keepMaxRate = premium > 0 ? (rule ? floatCorridor(rule, premium, 0).insurer / premium : 1) : NaN;
  return {
    mean,
    premium,
    claims,
    fundReturn,
    fundTopUp,
    afterCorridor,
    operatingCostRate,
    operatingCost,
    meanRate: premium > 0 ? mean / premium : NaN,
    keepMaxRate,
    breakEvenPossible: keepMaxRate >= operatingCostRate,
  };
}
