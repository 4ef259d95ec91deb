/**
 * The claimants of one population in one trial, drawn once into flat arrays (struct of arrays) before any
 * ruleset looks at them: every ruleset then runs over the same people (common random numbers) in its own
 * tight loop, as a vectorised numpy version would (DESIGN.md "Performance").
 *
 * Per person, in this order from the trial's stream: the annual amount (from the conditional severity above
 * the sampling threshold), the self-pay ratio and compliant share when they are Beta, the group tags, and the
 * number of records (1 + Poisson). Months are drawn later, and only for people whose payments a cap cuts short.
 */
import { betaSample } from '../random/severity/gamma.ts';
import { fillRecords, poissonFromGuide } from '../random/frequency.ts';
import type { Rng } from '../random/xoshiro.ts';
import type { PopulationModel } from './model.ts';

/** Records per claimant are capped here (Poisson with mean ≤ 30 exceeds it with probability < 1e-60). */
export const MAX_RECORDS = 255;

export class ClaimantBatch {
  n = 0;
  /** Annual amount on the population's basis (yuan). */
  amount = new Float64Array(0);
  /** Compliant self-pay (合规自费) of the amount (yuan). */
  compliant = new Float64Array(0);
  /** Bit g set when the person carries the population's g-th tag. */
  mask = new Uint8Array(0);
  records = new Int32Array(0);
  sumAmount = 0;
  sumSelfPay = 0;
  /** Amounts ascending (drawn as order statistics); false when every member was drawn one by one (tests). */
  sorted = false;

  /** Per person, for firstRecord: see there. */
  private scale = new Float64Array(0);
  private shift = new Float64Array(0);
  private row = new Int32Array(0);
  private firstRecordOf = -1;
  private firstRecordPhi = NaN;
  private batchId = 0;

  /**
   * What every amount-kernel pass needs to find a person's first paid record, computed once per batch rather
   * than once per ruleset. Records after the j-th carry the share F(j) of the year's amount: j/k when equal,
   * φ + (1 − φ)(j − 1)/(k − 1) when the first carries φ (trial.ts, cumulativeShare). The first record with a
   * payment under a schedule that starts paying at amount `start` is the smallest j with F(j)·X > start:
   *   j1 = ⌊start·scale − shift⌋ + 2, at least 1,
   * with scale = k/X, shift = 1 for equal records (or k = 1), and scale = (k − 1)/((1 − φ)X),
   * shift = (k − 1)φ/(1 − φ) otherwise. `row` − j1 indexes the distinct-months table at (k, k − j1 + 1).
   */
  firstRecord(phi: number, stride: number): { scale: Float64Array; shift: Float64Array; row: Int32Array } {
    const n = this.n;
    if (this.firstRecordOf !== this.batchId || !Object.is(this.firstRecordPhi, phi)) {
      if (this.scale.length < n) {
        this.scale = new Float64Array(this.amount.length);
        this.shift = new Float64Array(this.amount.length);
        this.row = new Int32Array(this.amount.length);
      }
      const { amount, records, scale, shift, row } = this;
      const equal = phi !== phi;
      for (let i = 0; i < n; i++) {
        const k = records[i];
        row[i] = k * stride + k + 1;
        if (equal || k === 1) {
          scale[i] = k / amount[i];
          shift[i] = 1;
        } else {
          scale[i] = (k - 1) / ((1 - phi) * amount[i]);
          shift[i] = ((k - 1) * phi) / (1 - phi);
        }
      }
      this.firstRecordOf = this.batchId;
      this.firstRecordPhi = phi;
    }
    return { scale: this.scale, shift: this.shift, row: this.row };
  }

  /** Marks the batch as holding new people (cached per-batch values are stale). */
  renew(): void {
    this.batchId++;
  }

  /** Prefix sums of the amounts and the amounts grouped by number of records, for the sorted pass. */
  private index: SortedIndex | null = null;
  private indexOf = -1;

  sortedIndex(): SortedIndex {
    if (this.index === null || this.indexOf !== this.batchId) {
      this.index = buildSortedIndex(this, this.index);
      this.indexOf = this.batchId;
    }
    return this.index;
  }

  reserve(n: number): void {
    if (this.amount.length >= n) return;
    const size = Math.max(n, Math.ceil(this.amount.length * 1.5), 1024);
    this.amount = new Float64Array(size);
    this.compliant = new Float64Array(size);
    this.mask = new Uint8Array(size);
    this.records = new Int32Array(size);
  }
}

/** Draws n claimants of `pop` into `batch`: from the tail above the threshold, or from the whole severity. */
export function drawClaimants(pop: PopulationModel, rng: Rng, n: number, sampleAll: boolean, batch: ClaimantBatch): void {
  batch.reserve(n);
  batch.n = n;
  batch.renew();
  const { amount, compliant, mask, records } = batch;
  const sev = pop.severity;
  const tailProb = pop.tailProb;
  if (sampleAll) for (let i = 0; i < n; i++) amount[i] = sev.sample(rng);
  else sev.fillAbove(rng, tailProb, amount, n);
  // The other draws of a person do not depend on the amount, so attaching them to the sorted amounts in turn
  // gives the same joint distribution as drawing each person whole.
  batch.sorted = !sampleAll;

  const fixedRatio = pop.selfPayRatio;
  const beta = pop.beta;
  const c = pop.compliantShare;
  const compliantBeta = pop.compliantBeta;
  const nTags = pop.tags.length;
  const shares = pop.tagShares;
  const cdf = pop.extraRecordsCdf;
  const guide = pop.extraRecordsGuide;
  let sumAmount = 0;
  let sumSelfPay = 0;
  if (fixedRatio !== null && compliantBeta === null && nTags === 0) {
    // The common case: every share fixed, no groups; only the records remain to draw.
    const kappa = fixedRatio * c;
    for (let i = 0; i < n; i++) {
      const x = amount[i];
      sumAmount += x;
      compliant[i] = kappa * x;
    }
    mask.fill(0, 0, n);
    fillRecords(rng, cdf, guide, records, 0, n, MAX_RECORDS);
    sumSelfPay = fixedRatio * sumAmount;
  } else {
    for (let i = 0; i < n; i++) {
      const x = amount[i];
      const ratio = fixedRatio !== null ? fixedRatio : betaSample(rng, beta!.alpha, beta!.beta);
      const selfPay = ratio * x;
      compliant[i] = (compliantBeta === null ? c : betaSample(rng, compliantBeta.alpha, compliantBeta.beta)) * selfPay;
      let m = 0;
      for (let g = 0; g < nTags; g++) if (rng.uniform() < shares[g]) m |= 1 << g;
      mask[i] = m;
      const k = 1 + poissonFromGuide(rng, cdf, guide);
      records[i] = k > MAX_RECORDS ? MAX_RECORDS : k;
      sumAmount += x;
      sumSelfPay += selfPay;
    }
  }
  batch.sumAmount = sumAmount;
  batch.sumSelfPay = sumSelfPay;
}

/**
 * The sorted batch indexed for segment sums: prefix[i] = Σ amount[0..i), and the amounts regrouped by their
 * number of records k (a stable counting sort, so each group stays ascending) at
 * byRecords[groupStart[k] .. groupStart[k + 1]).
 */
export interface SortedIndex {
  prefix: Float64Array;
  groupStart: Int32Array;
  byRecords: Float64Array;
  /** Largest k present. */
  maxRecords: number;
}

function buildSortedIndex(batch: ClaimantBatch, old: SortedIndex | null): SortedIndex {
  const n = batch.n;
  const { amount, records } = batch;
  const fits = old !== null && old.byRecords.length >= n;
  const prefix = fits ? old.prefix : new Float64Array(batch.amount.length + 1);
  const byRecords = fits ? old.byRecords : new Float64Array(batch.amount.length);
  const groupStart = old?.groupStart ?? new Int32Array(MAX_RECORDS + 2);
  groupStart.fill(0);
  let sum = 0;
  let maxRecords = 0;
  prefix[0] = 0;
  for (let i = 0; i < n; i++) {
    sum += amount[i];
    prefix[i + 1] = sum;
    const k = records[i];
    groupStart[k + 1]++;
    if (k > maxRecords) maxRecords = k;
  }
  for (let k = 1; k <= MAX_RECORDS + 1; k++) groupStart[k] += groupStart[k - 1];
  // Fill positions from each group's start (groupStart is restored by the shift below).
  for (let i = 0; i < n; i++) byRecords[groupStart[records[i]]++] = amount[i];
  for (let k = MAX_RECORDS + 1; k > 0; k--) groupStart[k] = groupStart[k - 1];
  groupStart[0] = 0;
  return { prefix, groupStart, byRecords, maxRecords };
}
