/**
 * A ruleset's benefit and reimbursement-ratio denominator as functions of the annual amount alone, for the
 * common case the engine spends its time on: no basic layer below, no cap on a single track (a cap on the total
 * is fine), every band ratio positive, and a fixed self-pay ratio and compliant share. Each track's base is then c·X (c = 1, κ or 1 + κ), the benefit and
 * Σ (base − deductible)⁺ are piecewise linear in X (rules/expectation.ts), and one person costs a short search
 * over the knots and two multiply-adds instead of a pass over tracks and bands.
 */
import { benefitCurve, excessCurve } from '../rules/expectation.ts';
import { BASE_COMPLIANT, BASE_SELF_BURDEN, type FastSchedule } from '../rules/fast.ts';
import { evaluate, inverse, type Piecewise } from '../rules/piecewise.ts';

export interface AmountKernel {
  /** Benefits start above this amount: min over tracks of deductible ÷ c. */
  start: number;
  /** The benefit reaches the schedule's cap at this amount (Infinity without a cap); it rises strictly below. */
  capFrom: number;
  /** Segment s is (knots[s], knots[s + 1]]; knots[0] = start, the last entry is Infinity. */
  knots: Float64Array;
  /** benefit = payoutA[s] + payoutB[s]·X on segment s; likewise the excess. */
  payoutA: Float64Array;
  payoutB: Float64Array;
  excessA: Float64Array;
  excessB: Float64Array;
  /** A beneficiary's self-burden + compliant self-pay per unit of X: 1 + κ (no basic layer in this case). */
  baseSlope: number;
}

const IDENTITY: Piecewise = { xs: [0], ys: [0], tail: 1 };

/** The kernel of a schedule with compliant self-pay κ·X, or null when a track has a cap or a band pays nothing. */
export function amountKernel(f: FastSchedule, kappa: number): AmountKernel | null {
  if (!f.linearUncapped) return null;
  let start = Infinity;
  for (let t = 0; t < f.nTracks; t++) {
    const c = f.base[t] === BASE_SELF_BURDEN ? 1 : f.base[t] === BASE_COMPLIANT ? kappa : 1 + kappa;
    if (c > 0) start = Math.min(start, f.deductible[t] / c);
  }
  const benefit = benefitCurve(f, IDENTITY, kappa);
  const excess = excessCurve(f, IDENTITY, kappa);
  const inner = [...new Set([...benefit.xs, ...excess.xs])].filter((x) => x > start && Number.isFinite(x)).sort((a, b) => a - b);
  const knots = Float64Array.from([start, ...inner, Infinity]);
  const S = knots.length - 1;
  const line = (g: Piecewise, s: number): [number, number] => {
    const x0 = knots[s];
    const x1 = Number.isFinite(knots[s + 1]) ? knots[s + 1] : Number.isFinite(x0) ? 2 * x0 + 1 : 1;
    const slope = (evaluate(g, x1) - evaluate(g, x0)) / (x1 - x0);
    return [evaluate(g, x0) - slope * x0, slope];
  };
  const kernel: AmountKernel = {
    start,
    capFrom: Number.isFinite(f.cap) ? inverse(benefit, f.cap) : Infinity,
    knots,
    payoutA: new Float64Array(S),
    payoutB: new Float64Array(S),
    excessA: new Float64Array(S),
    excessB: new Float64Array(S),
    baseSlope: 1 + kappa,
  };
  if (!Number.isFinite(start)) return kernel;
  for (let s = 0; s < S; s++) {
    [kernel.payoutA[s], kernel.payoutB[s]] = line(benefit, s);
    [kernel.excessA[s], kernel.excessB[s]] = line(excess, s);
  }
  return kernel;
}
