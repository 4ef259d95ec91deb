/**
 * One ruleset over a sorted batch (amounts ascending within each record group, claimants.ts) through its
 * amount kernel, in time that grows with the number of record groups and segments, not of people: on each
 * segment of the kernel the benefit is A + B·X, so its sum over a group is A·count + B·Σ X from the prefix
 * sums; beneficiaries are the people above the kernel's start.
 *
 * Person-times: a beneficiary with k records is paid from record j₁ = max(1, ⌊start·c_k/X − d_k⌋ + 2) on
 * (records.ts, firstPaidRecord), and contributes E[distinct months of records j₁..k]. j₁ ≥ j exactly when
 * X ≤ start·c_k/(j − 2 + d_k), so within the group of people with k records (ascending) the number at each j₁
 * is a difference of two binary searches (the bounds rise as j falls, so each search starts where the last ended).
 */
import type { AmountKernel } from './amount-kernel.ts';
import { GROUPS, type ClaimantBatch } from './claimants.ts';
import { MAX_TABLE_RECORDS, TABLE_STRIDE } from './distinct-months.ts';
import type { PopulationModel } from './model.ts';
import type { PendingMonths } from './months.ts';
import { firstPaidRecord, lastPaidRecord, lastRecordWithAmount, shareScale, shareShift } from './records.ts';
import { COL } from './trial-columns.ts';

/**
 * First index in [lo, hi) of the ascending xs with xs[i] > v (hi if none). Branch-free: each step halves the range
 * and moves its base by a mask, not by a branch that a search's unpredictable comparisons would mispredict half the
 * time (a fixed number of steps, ⌈log₂(hi − lo)⌉).
 */
export function above(xs: Float64Array, lo: number, hi: number, v: number): number {
  let base = lo;
  let len = hi - lo;
  while (len > 1) {
    const half = len >>> 1;
    // base + half − 1 is the last of the lower half: all of it is ≤ v exactly when that one is.
    base += half & -+(xs[base + half - 1] <= v);
    len -= half;
  }
  return base + +(len === 1 && xs[base] <= v);
}

/**
 * The same index, searched by galloping from lo (Bentley & Yao 1976, "An almost optimal algorithm for unbounded
 * searching"): steps of 1, 2, 4, … until an amount passes v, then bisection within the last step. The pass's
 * searches each start where the last ended and mostly end a few people on (a band's edge, the next record's bound
 * of j₁), so this reads O(log gap) amounts near lo where a bisection of the whole group read O(log n) scattered
 * ones: most of the pass's time once the draws were in WebAssembly (issue #32's profile).
 */
export function aboveFrom(xs: Float64Array, lo: number, hi: number, v: number): number {
  // None above v (a group's last bound of j₁ usually lies past its largest amount): one read, not a whole gallop.
  if (!(hi > lo && xs[hi - 1] > v)) return hi;
  let step = 1;
  let from = lo;
  while (from < hi && !(xs[from] > v)) {
    lo = from + 1;
    from = lo + step;
    step *= 2;
  }
  return above(xs, lo, from < hi ? from : hi, v);
}

/**
 * Person-times of one beneficiary paid from record j1 (amount x, k records): from the distinct-months table
 * when the payments run to the last record, else the person waits for their months (months.ts).
 */
function personTimesOf(
  kernel: AmountKernel,
  x: number,
  k: number,
  j1: number,
  phi: number,
  table: Float64Array,
  i: number,
  r: number,
  pending: PendingMonths,
): number {
  const j2 = x > kernel.capFrom ? lastPaidRecord(kernel.capFrom / x, k, phi, j1) : lastRecordWithAmount(k, phi);
  if (j2 === k && k <= MAX_TABLE_RECORDS) return table[k * TABLE_STRIDE + k - j1 + 1];
  if (j1 === j2) return 1; // one paid record: one month, nothing to draw
  pending.push(i, r, j1, j2, k);
  return 0;
}

/**
 * Adds Σ benefit, beneficiaries, Σ excess and person-times of the batch's people with tag mask `mask` under the
 * kernel (that mask's) to their slots of the accumulator at acc[a] (trial-columns.ts COL). People whose payments a cap stops early, and the (vanishingly rare) ones
 * with more records than the distinct-months table holds, are counted one by one.
 */
export function sortedPass(
  kernel: AmountKernel,
  batch: ClaimantBatch,
  mask: number,
  pop: PopulationModel,
  acc: Float64Array,
  a: number,
  r: number,
  pending: PendingMonths,
): void {
  const xs = batch.amount;
  const prefix = batch.prefix;
  const groupStart = batch.groupStart.subarray(mask * GROUPS, (mask + 1) * GROUPS);
  const maxRecords = batch.maxRecords[mask];
  const table = pop.distinctMonths;
  const phi = pop.firstShare;
  const { start, capFrom, knots, payoutA, payoutB, excessA, excessB } = kernel;
  const S = payoutA.length;
  let payout = 0;
  let excess = 0;
  let beneficiaryAmount = 0;
  let beneficiaries = 0;
  let personTimes = 0;
  for (let k = 1; k <= maxRecords; k++) {
    const g0 = groupStart[k];
    const g1 = groupStart[k + 1];
    if (g1 === g0 || xs[g1 - 1] <= start) continue;
    const first = aboveFrom(xs, g0, g1, start);
    beneficiaries += g1 - first;
    beneficiaryAmount += prefix[g1] - prefix[first];

    let lo = first;
    for (let s = 0; s < S && lo < g1; s++) {
      const hi = Number.isFinite(knots[s + 1]) ? aboveFrom(xs, lo, g1, knots[s + 1]) : g1;
      const count = hi - lo;
      if (count > 0) {
        const sum = prefix[hi] - prefix[lo];
        payout += payoutA[s] * count + payoutB[s] * sum;
        excess += excessA[s] * count + excessB[s] * sum;
      }
      lo = hi;
    }

    if (phi >= 1 && k > 1) {
      // The first record carries the whole year's amount: one payment, one person-time each.
      personTimes += g1 - first;
      continue;
    }
    const c = shareScale(k, phi);
    const d = shareShift(k, phi);
    // Paid to the last record from the table: people up to the cap (all of them when the table covers k).
    const open = k > MAX_TABLE_RECORDS ? first : capFrom < Infinity ? above(xs, first, g1, capFrom) : g1;
    // People (from `first` on) with j₁ ≥ j are those up to the bound of j; walk j down from k.
    let prevEnd = first; // end of the people with j₁ ≥ j + 1
    for (let j = k; j >= 2 && prevEnd < open; j--) {
      const denom = j - 2 + d;
      const end = denom > 0 ? aboveFrom(xs, prevEnd, open, (start * c) / denom) : open;
      const atJ = end - prevEnd;
      if (atJ > 0) personTimes += atJ * table[k * TABLE_STRIDE + k - j + 1];
      prevEnd = end;
    }
    // The rest have j₁ = 1: every record paid.
    if (open > prevEnd) personTimes += (open - prevEnd) * table[k * TABLE_STRIDE + k];
    for (let i = open; i < g1; i++)
      personTimes += personTimesOf(kernel, xs[i], k, firstPaidRecord(start / xs[i], k, phi), phi, table, i, r, pending);
  }
  acc[a + COL.payout] += payout;
  acc[a + COL.beneficiaries] += beneficiaries;
  acc[a + COL.excess] += excess;
  acc[a + COL.beneficiaryBase] += kernel.baseSlope * beneficiaryAmount;
  acc[a + COL.personTimes] += personTimes;
}

/** The same sums over an unsorted batch (every member drawn, for tests), person by person. */
export function kernelPass(
  kernels: AmountKernel[],
  batch: ClaimantBatch,
  pop: PopulationModel,
  acc: Float64Array,
  a: number,
  r: number,
  pending: PendingMonths,
): void {
  const n = batch.n;
  const { amount, mask, records } = batch;
  const table = pop.distinctMonths;
  const phi = pop.firstShare;
  let payout = 0;
  let beneficiaries = 0;
  let excessSum = 0;
  let baseSum = 0;
  let personTimes = 0;
  for (let i = 0; i < n; i++) {
    const x = amount[i];
    const kernel = kernels[mask[i]];
    const { start, knots, payoutA, payoutB, excessA, excessB } = kernel;
    if (x <= start) continue;
    let s = 0;
    while (x > knots[s + 1]) s++;
    payout += payoutA[s] + payoutB[s] * x;
    excessSum += excessA[s] + excessB[s] * x;
    baseSum += kernel.baseSlope * x;
    beneficiaries++;
    const k = records[i];
    personTimes += personTimesOf(kernel, x, k, firstPaidRecord(start / x, k, phi), phi, table, i, r, pending);
  }
  acc[a + COL.payout] += payout;
  acc[a + COL.beneficiaries] += beneficiaries;
  acc[a + COL.excess] += excessSum;
  acc[a + COL.beneficiaryBase] += baseSum;
  acc[a + COL.personTimes] += personTimes;
}
