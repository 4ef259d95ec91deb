/**
 * Risk corridor (盈亏调控): the split of one policy year's result R = premium − claims between the insurer and
 * the basic fund, by tiers on the profit/loss rate m = R / premium (docs/policy.md §5, seed 004 五(三); Jiangyin's
 * tender limits and policy-loss rule, seed 001 二(六), docs/policy.md §2).
 *
 * Tiers are walked outward from break-even. A `marginal` tier shares only the part of the result inside it; a
 * `whole` tier, once m is inside it, shares the whole result at its rate (share × R) and, once m is beyond it,
 * contributes share × its outer edge, the tiers further out adding marginally. A gap between tiers is kept by
 * the insurer. Then the policy-caused share of a loss goes to the fund, and the tender limits cap what the
 * insurer keeps or bears. Always: insurer + fundReturn − fundTopUp = R.
 */
import Decimal from 'decimal.js';
import { decimalArith, floatArith, type Arith } from './arith.ts';

export interface CorridorTier {
  from: number | null;
  to: number | null;
  insurerShare: number;
  basis: 'marginal' | 'whole';
}

export interface CorridorRule {
  tiers: readonly CorridorTier[];
  insurerGainMax?: number;
  insurerLossMax?: number;
  policyLossShare?: number;
}

export interface CorridorSplit<T> {
  result: T;
  /** Insurer's result: positive = keeps a surplus, negative = bears a loss. */
  insurer: T;
  fundReturn: T;
  fundTopUp: T;
  /** m = R / premium. */
  rate: T;
  /** Index of the tier that contains m (−1 in a gap). */
  tier: number;
}

/** Ordered pieces of one side of break-even: [inner, outer] edges on |m|, share, basis. */
interface Piece {
  inner: number;
  outer: number;
  share: number;
  basis: 'marginal' | 'whole';
  tier: number;
}

function sidePieces(tiers: readonly CorridorTier[], side: 1 | -1): Piece[] {
  const pieces: Piece[] = [];
  tiers.forEach((t, i) => {
    const lo = t.from ?? -Infinity;
    const hi = t.to ?? Infinity;
    const inner = side > 0 ? Math.max(lo, 0) : Math.max(-hi, 0);
    const outer = side > 0 ? Math.max(hi, 0) : Math.max(-lo, 0);
    if (outer > inner || (inner === 0 && outer === 0 && lo <= 0 && hi >= 0)) {
      pieces.push({ inner, outer, share: t.insurerShare, basis: t.basis, tier: i });
    }
  });
  pieces.sort((a, b) => a.inner - b.inner);
  // Gaps are kept by the insurer (validation warns about them).
  const filled: Piece[] = [];
  let edge = 0;
  for (const p of pieces) {
    if (p.inner > edge) filled.push({ inner: edge, outer: p.inner, share: 1, basis: 'marginal', tier: -1 });
    filled.push(p);
    edge = Math.max(edge, p.outer);
  }
  if (edge < Infinity) filled.push({ inner: edge, outer: Infinity, share: 1, basis: 'marginal', tier: -1 });
  return filled;
}

export function splitResult<T>(A: Arith<T>, rule: CorridorRule, premium: T, claims: T): CorridorSplit<T> {
  const zero = A.of(0);
  const result = A.sub(premium, claims);
  const rate = A.isZero(premium) ? zero : A.div(result, premium);
  const side: 1 | -1 = A.lt(result, zero) ? -1 : 1;
  const size = side > 0 ? result : A.neg(result);
  let insurer = zero;
  let tier = -1;
  for (const p of sidePieces(rule.tiers, side)) {
    const inner = A.mul(A.of(p.inner), premium);
    if (A.lte(size, inner) && !(p.inner === 0 && A.isZero(size))) break;
    const outer = p.outer === Infinity ? size : A.mul(A.of(p.outer), premium);
    const top = A.min(size, outer);
    const share = A.of(p.share);
    insurer = p.basis === 'whole' ? A.mul(share, top) : A.add(insurer, A.mul(share, A.sub(top, inner)));
    tier = p.tier;
    if (A.lte(size, outer)) break;
  }
  if (side < 0) {
    if (rule.policyLossShare !== undefined) insurer = A.mul(insurer, A.sub(A.of(1), A.of(rule.policyLossShare)));
    if (rule.insurerLossMax !== undefined) insurer = A.min(insurer, A.of(rule.insurerLossMax));
    insurer = A.neg(insurer);
  } else if (rule.insurerGainMax !== undefined) {
    insurer = A.min(insurer, A.of(rule.insurerGainMax));
  }
  const fundReturn = side > 0 ? A.sub(result, insurer) : zero;
  const fundTopUp = side < 0 ? A.sub(insurer, result) : zero;
  return { result, insurer, fundReturn, fundTopUp, rate, tier };
}

/** Exact split, insurer rounded half-up to the fen once; the fund's amounts follow from it so the parts add up. */
export function exactCorridor(rule: CorridorRule, premium: Decimal.Value, claims: Decimal.Value): CorridorSplit<Decimal> {
  const s = splitResult(decimalArith, rule, new Decimal(premium), new Decimal(claims));
  const insurer = s.insurer.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const positive = s.result.gte(0);
  return {
    ...s,
    insurer,
    fundReturn: positive ? s.result.sub(insurer) : new Decimal(0),
    fundTopUp: positive ? new Decimal(0) : insurer.sub(s.result),
  };
}

export function floatCorridor(rule: CorridorRule, premium: number, claims: number): CorridorSplit<number> {
  return splitResult(floatArith, rule, premium, claims);
}
