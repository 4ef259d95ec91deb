/**
 * The household figures of one member with cost, integrated over income, where an out-of-pocket ceiling by income
 * band applies (assistance.ceiling; rules/assistance.ts): out-of-pocket then depends on income, so the probability
 * that it exceeds a share k of income is no longer F_Y(o/k).
 *
 * For an amount whose out-of-pocket before the ceiling is o, of which nonc is non-compliant self-pay (never capped)
 * and rem = o − nonc the in-policy remainder, a member in a band with share c pays nonc + min(rem, c·y). So each
 * band [lo, hi) splits at y = rem/c: above it the ceiling does not bind (catastrophic iff y < o/k, impoverished iff
 * z ≤ y < z + o); below it out-of-pocket is nonc + c·y (catastrophic iff (k − c)·y < nonc: every y when c > k, so
 * a member capped at c ≤ k without non-compliant self-pay is never catastrophic at k; impoverished iff z ≤ y and
 * (1 − c)·y < z + nonc), and the ceiling pays rem − c·y, whose mean is rem·P − c·E[Y; band] (the lognormal's partial
 * expectation). Every piece is an interval of y, so each figure is a sum of lognormal probabilities: exact given
 * the amount; the amount is integrated by the caller's quadrature.
 */
import { incomeBetween, type LognormalIncome } from '../math/income.ts';
import type { CeilingBandF } from '../rules/assistance.ts';
import type { Piecewise } from '../rules/piecewise.ts';
import { crossings } from './household-chain.ts';

const prob = (inc: LognormalIncome, a: number, b: number) => incomeBetween(inc, a, b).p;

/**
 * For one amount: P(oop > k·Y) for each k in `shares`, P(Y ≥ line > Y − oop) (0 without a line), and E[ceiling paid],
 * written into out[0 .. shares.length + 1].
 */
export function ceilingMember(
  o: number,
  nonc: number,
  bands: readonly CeilingBandF[],
  inc: LognormalIncome,
  shares: readonly number[],
  line: number | null,
  out: Float64Array,
): void {
  const K = shares.length;
  out.fill(0, 0, K + 2);
  const rem = Math.max(0, o - nonc);
  let lo = 0;
  const region = (hi: number, c: number | null) => {
    if (!(hi > lo)) return;
    // Capped below `split`: c·y < rem.
    const split = c === null || rem <= 0 ? 0 : c > 0 ? rem / c : Infinity;
    const capHi = Math.min(hi, split);
    const freeLo = Math.max(lo, split);
    for (let i = 0; i < K; i++) {
      const k = shares[i];
      let p = o > 0 ? prob(inc, freeLo, Math.min(hi, o / k)) : 0;
      if (capHi > lo && c !== null) {
        if (c > k || (c === k && nonc > 0)) p += prob(inc, lo, capHi);
        else if (c < k && nonc > 0) p += prob(inc, lo, Math.min(capHi, nonc / (k - c)));
      }
      out[i] += p;
    }
    if (line !== null) {
      let p = o > 0 ? prob(inc, Math.max(freeLo, line), Math.min(hi, line + o)) : 0;
      if (capHi > lo && c !== null) p += prob(inc, Math.max(lo, line), c < 1 ? Math.min(capHi, (line + nonc) / (1 - c)) : capHi);
      out[K] += p;
    }
    if (capHi > lo && c !== null) {
      const { p, partialMean } = incomeBetween(inc, lo, capHi);
      out[K + 1] += Math.max(0, rem * p - c * partialMean);
    }
    lo = hi;
  };
  for (const b of bands) {
    region(b.edge, b.share);
    if (b.edge === Infinity) return;
  }
  region(Infinity, null);
}

/** A boundary of an income interval as a function of the amount: a·o(x) + b·nonc(x) + g. */
type Bound = [a: number, b: number, g: number];

/**
 * The amounts where the figures above, as functions of the amount, have a kink: where two of a region's income
 * boundaries (band edges, the split rem/c, o/k, nonc/(k − c), the poverty line, line + o, (line + nonc)/(1 − c))
 * meet. The quadrature breaks its panels there (engine/household.ts severityNodes), as it does at the chains' kinks,
 * so each panel integrates a smooth function.
 */
export function ceilingKinks(
  oop: Piecewise,
  noncRate: number,
  bands: readonly CeilingBandF[],
  shares: readonly number[],
  line: number | null,
): number[] {
  const out: number[] = [];
  let lo = 0;
  const regions: [lo: number, hi: number, c: number | null][] = [];
  for (const b of bands) {
    if (b.edge > lo) regions.push([lo, b.edge, b.share]);
    lo = Math.max(lo, b.edge);
    if (b.edge === Infinity) break;
  }
  if (lo < Infinity) regions.push([lo, Infinity, null]);
  for (const [rlo, rhi, c] of regions) {
    const bounds: Bound[] = [[0, 0, rlo]];
    if (rhi < Infinity) bounds.push([0, 0, rhi]);
    for (const k of shares) bounds.push([1 / k, 0, 0]);
    if (line !== null) bounds.push([0, 0, line], [1, 0, line]);
    if (c !== null) {
      if (c > 0) bounds.push([1 / c, -1 / c, 0]);
      for (const k of shares) if (k !== c) bounds.push([0, 1 / (k - c), 0]);
      if (line !== null && c < 1) bounds.push([0, 1 / (1 - c), line / (1 - c)]);
    }
    for (let i = 0; i < bounds.length; i++)
      for (let j = i + 1; j < bounds.length; j++) {
        const [a, b, g] = [bounds[i][0] - bounds[j][0], bounds[i][1] - bounds[j][1], bounds[i][2] - bounds[j][2]];
        if (a === 0 && b === 0) continue;
        const f: Piecewise = {
          xs: oop.xs,
          ys: oop.xs.map((x, n) => a * oop.ys[n] + b * noncRate * x + g),
          tail: a * oop.tail + b * noncRate,
        };
        for (const x of crossings(f, 0)) if (x > 0 && Number.isFinite(x)) out.push(x);
      }
  }
  return out;
}
