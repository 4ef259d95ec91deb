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
import { incomeCdf, type LognormalIncome } from '../math/income.ts';
import { normalCdf } from '../math/normal.ts';
import type { CeilingBandF } from '../rules/assistance.ts';
import type { Piecewise } from '../rules/piecewise.ts';
import { crossings } from './household-chain.ts';

/**
 * For one amount: P(oop > k·Y) for each k in `shares`, P(Y ≥ line > Y − oop) (0 without a line), and E[ceiling paid],
 * written into out[0 .. shares.length + 1]. Each interval's probability is F(b) − F(a) with F the income cdf; as F is
 * monotone, F(min(a, b)) = min(F(a), F(b)), so the cdf is taken once per distinct end and the intervals are cut in
 * probability (the household pass calls this for every quadrature node).
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
  const F = (y: number) => incomeCdf(inc, y);
  const rem = Math.max(0, o - nonc);
  const fOk = shares.map((k) => (o > 0 ? F(o / k) : 0));
  const fLine = line === null ? 0 : F(line);
  const fLineO = line === null || !(o > 0) ? 0 : F(line + o);
  const s = inc.sigma;
  // The partial mean's cdf: E[Y; Y < y] = e^{μ + σ²/2}·Φ((ln y − μ − σ²)/σ).
  const G = (y: number) => (y > 0 ? (y === Infinity ? 1 : normalCdf((Math.log(y) - inc.mu - s * s) / s)) : 0);
  const mean = Math.exp(inc.mu + (s * s) / 2);
  let lo = 0;
  let fLo = 0;
  const region = (hi: number, c: number | null) => {
    if (!(hi > lo)) return;
    const fHi = hi === Infinity ? 1 : F(hi);
    // Capped below `split`: c·y < rem.
    const split = c === null || rem <= 0 ? 0 : c > 0 ? rem / c : Infinity;
    const fSplit = split === 0 ? 0 : split === Infinity ? 1 : F(split);
    const fCapHi = Math.min(fHi, fSplit);
    const fFreeLo = Math.max(fLo, fSplit);
    const capped = c !== null && fCapHi > fLo;
    for (let i = 0; i < K; i++) {
      const k = shares[i];
      let p = o > 0 ? Math.max(0, Math.min(fHi, fOk[i]) - fFreeLo) : 0;
      if (capped) {
        if (c > k || (c === k && nonc > 0)) p += fCapHi - fLo;
        else if (c < k && nonc > 0) p += Math.max(0, Math.min(fCapHi, F(nonc / (k - c))) - fLo);
      }
      out[i] += p;
    }
    if (line !== null) {
      let p = o > 0 ? Math.max(0, Math.min(fHi, fLineO) - Math.max(fFreeLo, fLine)) : 0;
      if (capped) p += Math.max(0, Math.min(fCapHi, c < 1 ? F((line + nonc) / (1 - c)) : 1) - Math.max(fLo, fLine));
      out[K] += p;
    }
    if (capped) {
      const capHi = Math.min(hi, split);
      const partialMean = mean * (G(capHi) - G(lo));
      out[K + 1] += Math.max(0, rem * (fCapHi - fLo) - c * partialMean);
    }
    lo = hi;
    fLo = fHi;
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
  const sets: Bound[][] = [];
  for (const [rlo, rhi, c] of regions) {
    // The ends of the region, where the ceiling starts to bind, and the ends of the uncapped part's intervals …
    const ends: Bound[] = [[0, 0, rlo]];
    if (rhi < Infinity) ends.push([0, 0, rhi]);
    if (c !== null && c > 0) ends.push([1 / c, -1 / c, 0]);
    const free: Bound[] = [...ends, ...shares.map((k): Bound => [1 / k, 0, 0])];
    if (line !== null) free.push([0, 0, line], [1, 0, line]);
    sets.push(free);
    if (c === null) continue;
    // … and of the capped part's.
    const capped: Bound[] = [...ends, ...shares.filter((k) => k !== c).map((k): Bound => [0, 1 / (k - c), 0])];
    if (line !== null) capped.push([0, 0, line]);
    if (line !== null && c < 1) capped.push([0, 1 / (1 - c), line / (1 - c)]);
    sets.push(capped);
  }
  for (const bounds of sets) {
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
