/**
 * The corridor's expected split over a distribution of the year's payout: E[g(S)] = Σᵢ wᵢ·g(sᵢ) / Σᵢ wᵢ for each
 * share g of the split (corridor.ts, floatCorridor), over weighted outcomes: the Monte Carlo's trials (each of
 * weight 1, Σ w = n) or the exact aggregate's grid points (weights their probabilities, Σ w = 1). Both engines
 * report the same figures through this one function (engine/summary.ts, aggregate/exact.ts).
 */
import { floatCorridor, type CorridorRule } from './corridor.ts';

/** Payouts with their weights. */
export interface WeightedOutcomes {
  values: ArrayLike<number>;
  /** The weight of each value; absent, every value weighs 1 (trials). Points of zero weight are skipped. */
  weights?: ArrayLike<number>;
  /** Σ weights: the number of trials, or 1 for a normalised pmf. */
  total: number;
}

export interface CorridorExpectation {
  insurerMean: number;
  fundReturnMean: number;
  fundTopUpMean: number;
  /** P(the insurer bears a loss); unknown (NaN) if any outcome's split is not finite. */
  probInsurerLoss: number;
  /** Probability that m falls in each tier (index as in the file). */
  tierProbabilities: number[];
}

/**
 * The expected split of `outcomes` under `rule` at `premium`. `insurerOut`, when given, receives each outcome's
 * insurer result (the Monte Carlo reports its distribution).
 */
export function corridorExpectation(
  rule: CorridorRule,
  premium: number,
  outcomes: WeightedOutcomes,
  insurerOut?: Float64Array,
): CorridorExpectation {
  const { values, weights, total } = outcomes;
  let ins = 0;
  let ret = 0;
  let top = 0;
  let loss = 0;
  let finite = true;
  const tiers = new Array<number>(rule.tiers.length).fill(0);
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const s = floatCorridor(rule, premium, values[i]);
    if (insurerOut) insurerOut[i] = s.insurer;
    if (!Number.isFinite(s.insurer)) finite = false;
    ins += w * s.insurer;
    ret += w * s.fundReturn;
    top += w * s.fundTopUp;
    if (s.insurer < 0) loss += w;
    if (s.tier >= 0) tiers[s.tier] += w;
  }
  return {
    insurerMean: ins / total,
    fundReturnMean: ret / total,
    fundTopUpMean: top / total,
    probInsurerLoss: finite ? loss / total : NaN,
    tierProbabilities: tiers.map((c) => c / total),
  };
}
