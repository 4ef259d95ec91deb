/**
 * One ruleset over a sorted batch (amounts ascending within each record group, claimants.ts) through its
 * amount kernel, in time that grows with the number of record groups and segments, not of people: on each
 * segment of the kernel the benefit is A + B·X, so its sum over a group is A·count + B·Σ X from the prefix
 * sums; beneficiaries are the people above the kernel's start.
 *
 * Person-times: a beneficiary with k records is paid from record j₁ = max(1, ⌊start·c_k/X − d_k⌋ + 2) on
 * (ClaimantBatch.firstRecord: c_k = k, d_k = 1 for equal records; c_k = (k − 1)/(1 − φ), d_k = (k − 1)φ/(1 − φ)
 * when the first carries φ), and contributes E[distinct months of records j₁..k]. j₁ ≥ j exactly when
 * X ≤ start·c_k/(j − 2 + d_k), so within the group of people with k records (ascending) the number at each j₁
 * is a difference of two binary searches (the bounds rise as j falls, so each search starts where the last ended).
 */
import type { AmountKernel } from './amount-kernel.ts';
import { GROUPS, type ClaimantBatch } from './claimants.ts';

/** First index in [lo, hi) of the ascending xs with xs[i] > v (hi if none). */
function above(xs: Float64Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Adds [Σ benefit, beneficiaries, Σ excess, person-times] of the batch's people with tag mask `mask` under the
 * kernel (that mask's) to acc[a..a+4).
 * `table` holds E[distinct months among the last m of k records] at [k·stride + m]; phi is the first record's
 * share (NaN: all records equal).
 */
export function sortedPass(kernel: AmountKernel, batch: ClaimantBatch, mask: number, table: Float64Array, stride: number, phi: number, acc: Float64Array, a: number): void {
  const xs = batch.amount;
  const prefix = batch.prefix;
  const groupStart = batch.groupStart.subarray(mask * GROUPS, (mask + 1) * GROUPS);
  const maxRecords = batch.maxRecords[mask];
  const { start, knots, payoutA, payoutB, excessA, excessB } = kernel;
  const S = payoutA.length;
  const equal = phi !== phi;
  let payout = 0;
  let excess = 0;
  let beneficiaries = 0;
  let personTimes = 0;
  for (let k = 1; k <= maxRecords; k++) {
    const g0 = groupStart[k];
    const g1 = groupStart[k + 1];
    if (g1 === g0 || xs[g1 - 1] <= start) continue;
    const first = above(xs, g0, g1, start);
    beneficiaries += g1 - first;

    let lo = first;
    for (let s = 0; s < S && lo < g1; s++) {
      const hi = Number.isFinite(knots[s + 1]) ? above(xs, lo, g1, knots[s + 1]) : g1;
      const count = hi - lo;
      if (count > 0) {
        const sum = prefix[hi] - prefix[lo];
        payout += payoutA[s] * count + payoutB[s] * sum;
        excess += excessA[s] * count + excessB[s] * sum;
      }
      lo = hi;
    }

    const c = equal || k === 1 ? k : (k - 1) / (1 - phi);
    const d = equal || k === 1 ? 1 : ((k - 1) * phi) / (1 - phi);
    // People (from `first` on) with j₁ ≥ j are those up to the bound of j; walk j down from k.
    let prevEnd = first; // end of the people with j₁ ≥ j + 1
    for (let j = k; j >= 2; j--) {
      const denom = j - 2 + d;
      const end = denom > 0 ? above(xs, prevEnd, g1, (start * c) / denom) : g1;
      const atJ = end - prevEnd;
      if (atJ > 0) personTimes += atJ * table[k * stride + k - j + 1];
      prevEnd = end;
      if (end === g1) break;
    }
    // The rest have j₁ = 1: every record paid.
    if (g1 > prevEnd) personTimes += (g1 - prevEnd) * table[k * stride + k];
  }
  acc[a] += payout;
  acc[a + 1] += beneficiaries;
  acc[a + 2] += excess;
  acc[a + 3] += personTimes;
}
