/**
 * The claimants of one population in one trial, drawn once into flat arrays (struct of arrays) before any
 * ruleset looks at them: every ruleset then runs over the same people (common random numbers) in its own
 * pass, as a vectorised numpy version would (docs/model.md "Performance").
 *
 * The batch is laid out by tag mask, then by number of records: how many people carry each combination of
 * group tags (each tag independently with its share), how many of those have k = 1, 2, … records (1 + Poisson)
 * — both multinomial splits by successive binomials — then each group's amounts from the conditional severity
 * above the sampling threshold in ascending order (Severity.fillAbove), then per person the self-pay ratio and
 * compliant share when they are Beta. A person's amount, tags, records and shares are independent, so this
 * gives the same joint distribution as drawing each person whole. Months are drawn later,
 * and only for people whose payments a cap cuts short (trial.ts).
 */
import { binomial } from '../random/frequency.ts';
import { betaSample } from '../random/severity/gamma.ts';
import type { Rng } from '../random/xoshiro.ts';
import type { Severity } from '../random/severity/index.ts';
import type { UpperQuantileTable } from '../random/quantile-table.ts';
import {
  forgetRegion,
  freeWhenCollected,
  reserveReciprocals,
  sortedDrawsOn,
  wasmAlloc,
  wasmBuffer,
  wasmF64,
  wasmFree,
} from '../random/wasm/kernel.ts';
import type { PopulationModel } from './model.ts';

export { MAX_RECORDS, maskPmf, recordsPmf } from './claimant-pmfs.ts';
import { MAX_RECORDS } from './claimant-pmfs.ts';

/** Stride of ClaimantBatch.groupStart per tag mask. */
export const GROUPS = MAX_RECORDS + 2;

export class ClaimantBatch {
  n = 0;
  /** Annual amount on the population's basis (yuan). */
  amount = new Float64Array(0);
  /** Compliant self-pay (合规自费) of the amount (yuan). */
  compliant = new Float64Array(0);
  /** Bit g set when the person carries the population's g-th tag. */
  mask = new Uint8Array(0);
  records = new Int32Array(0);
  /**
   * People with tag mask m and k records at [groupStart[m·GROUPS + k], groupStart[m·GROUPS + k + 1]): the
   * batch is laid out mask by mask, and within a mask by number of records.
   */
  groupStart = new Int32Array(GROUPS);
  /** Largest k present, per mask. */
  maxRecords = new Int32Array(1);
  /** Per tag mask: members above the threshold counted but not drawn (DrawOptions.maskTail). */
  between = new Float64Array(1);
  /** prefix[i] = Σ amount[0..i). */
  prefix = new Float64Array(1);
  sumAmount = 0;
  sumSelfPay = 0;
  /** Amounts ascending within each record group; false when every member was drawn one by one (tests). */
  sorted = false;

  /**
   * Byte address of amount and prefix in the sorted-draw kernel's memory (random/wasm/kernel.ts: amount at it,
   * prefix after), −1 when they are plain arrays; `capacity` is amount's length there.
   */
  private region = -1;
  private capacity = 0;
  /** Whether amount and prefix were last placed for the kernel (a refused allocation is not retried until growth). */
  private placedForWasm = false;

  /**
   * Room for n people. With the kernel on, amount and prefix are views on its memory, taken afresh here after the
   * memory has grown (a grow detaches them): read them from the batch after drawClaimants, never across another
   * batch's reserve.
   */
  reserve(n: number): void {
    const wasm = sortedDrawsOn();
    // The reciprocals first: growing them may grow the memory, detaching views taken before.
    if (wasm) reserveReciprocals(n);
    // Detached views read as empty: take them afresh before asking whether the batch is long enough.
    if (this.region >= 0 && this.amount.buffer !== wasmBuffer()) this.takeViews();
    if (this.amount.length < n) {
      const size = Math.max(n, Math.ceil(this.amount.length * 1.5), 1024);
      this.compliant = new Float64Array(size);
      this.mask = new Uint8Array(size);
      this.records = new Int32Array(size);
      this.place(size, wasm);
    } else if (wasm !== this.placedForWasm) this.place(this.amount.length, wasm);
  }

  private place(size: number, wasm: boolean): void {
    if (this.region >= 0) {
      forgetRegion(this);
      wasmFree(this.region, 8 * (2 * this.capacity + 1));
      this.region = -1;
    }
    this.placedForWasm = wasm;
    const addr = wasm ? wasmAlloc(8 * (2 * size + 1)) : -1;
    if (addr < 0) {
      this.amount = new Float64Array(size);
      this.prefix = new Float64Array(size + 1);
      return;
    }
    this.region = addr;
    this.capacity = size;
    freeWhenCollected(this, addr, 8 * (2 * size + 1), this);
    this.takeViews();
    // As fresh arrays would be: the region may have held another batch's numbers.
    this.amount.fill(0);
    this.prefix.fill(0);
  }

  private takeViews(): void {
    this.amount = wasmF64(this.region, this.capacity);
    this.prefix = wasmF64(this.region + 8 * this.capacity, this.capacity + 1);
  }
}

/**
 * Splits n people over categories with probabilities pmf[from..to) by successive binomials, each of the
 * people left with the conditional probability of its category; calls fill(category, start, count) in order.
 */
function splitMultinomial(
  rng: Rng,
  n: number,
  pmf: Float64Array,
  from: number,
  to: number,
  fill: (category: number, start: number, count: number) => void,
): void {
  let left = n;
  let rest = 1;
  let at = 0;
  for (let c = from; c < to && left > 0; c++) {
    const count = c === to - 1 || pmf[c] >= rest ? left : binomial(rng, left, pmf[c] / rest);
    rest -= pmf[c];
    if (count === 0) continue;
    fill(c, at, count);
    at += count;
    left -= count;
  }
}

/**
 * How drawClaimants draws the amounts above the threshold: from the population's tabulated quantile
 * (random/quantile-table.ts) scaled by the year's cost shock, and what of each person a pass reads.
 */
export interface DrawOptions {
  table: UpperQuantileTable | null;
  scale: number;
  /**
   * Whether a pass reads the people one by one (the general pass: their tag mask, records and compliant self-pay).
   * The sorted passes read the groups' bounds, and the amount kernels fold the compliant self-pay into their slopes,
   * so without it none of the three is written per person: filling them took about a sixth of a Suzhou trial.
   */
  perPerson: boolean;
  /**
   * Thinning by tag mask (null: none): maskTail[m] = S(t_m) of `sev`, the probability that a member with mask m
   * passes the lowest amount any ruleset can pay such a member (≤ tailProb). Of the members above the threshold
   * with mask m, Binomial(count, 1 − S(t_m)/S(t)) fall between t and t_m: they are counted in batch.between[m],
   * not drawn (their totals enter through conditional expectations, trial.ts), and the rest are drawn from
   * X | X > t_m. Off in the tests that look at the batch itself.
   */
  maskTail: Float64Array | null;
}

const DEFAULT_DRAW: DrawOptions = { table: null, scale: 1, perPerson: true, maskTail: null };

/**
 * Draws n claimants of `pop` into `batch`: from the tail above the threshold (probability tailProb), or from the
 * whole severity; `sev` is the year's severity (the population's, scaled by a cost shock, `how.scale` of it).
 * With thinning (DrawOptions.maskTail) batch.n may end below n.
 */
export function drawClaimants(
  pop: PopulationModel,
  rng: Rng,
  n: number,
  sampleAll: boolean,
  batch: ClaimantBatch,
  sev: Severity = pop.severity,
  tailProb = pop.tailProb,
  how: DrawOptions = DEFAULT_DRAW,
): void {
  batch.reserve(n);
  const masks = pop.maskPmf.length;
  if (batch.groupStart.length < masks * GROUPS) {
    batch.groupStart = new Int32Array(masks * GROUPS);
    batch.maxRecords = new Int32Array(masks);
  }
  if (batch.between.length < masks) batch.between = new Float64Array(masks);
  const { amount, compliant, mask, records, groupStart, maxRecords, prefix, between } = batch;
  const pmf = pop.recordsPmf;
  groupStart.fill(0, 0, masks * GROUPS);
  maxRecords.fill(0);
  between.fill(0);

  // Tag masks, then record groups within each mask, then the amounts of each group (sorted).
  let offset = 0;
  let base = 0;
  let mk = 0;
  const table = sampleAll || !(tailProb > 0) ? null : how.table;
  const thin = sampleAll ? null : how.maskTail;
  // An unsorted batch (every member drawn) goes through the person-by-person kernel pass, which reads both.
  const perPerson = sampleAll || how.perPerson;
  let s = tailProb;
  let shift = -Math.log(s);
  const fillGroup = (k: number, at: number, count: number) => {
    const i0 = offset + at;
    // Groups are filled in the order they lie in, so prefix[i0] is already the sum of the amounts before.
    if (table) table.fillSorted(rng, amount, i0, count, shift, how.scale, prefix);
    else {
      if (sampleAll) for (let i = i0; i < i0 + count; i++) amount[i] = sev.sample(rng);
      else sev.fillAbove(rng, s, amount, i0, count);
      let sum = prefix[i0];
      for (let i = i0; i < i0 + count; i++) prefix[i + 1] = sum += amount[i];
    }
    if (perPerson) records.fill(k, i0, i0 + count);
    groupStart[base + k] = i0;
    maxRecords[mk] = k;
  };
  let at = 0;
  prefix[0] = 0;
  splitMultinomial(rng, n, pop.maskPmf, 0, masks, (m, _, count) => {
    s = tailProb;
    if (thin !== null && thin[m] < tailProb) {
      s = thin[m];
      const b = binomial(rng, count, 1 - s / tailProb);
      between[m] = b;
      count -= b;
    }
    if (count === 0) return;
    shift = -Math.log(s);
    offset = at;
    base = m * GROUPS;
    mk = m;
    if (perPerson) mask.fill(m, at, at + count);
    // Group bounds: each group contiguous, k ascending; an empty group starts where the next one does.
    groupStart.fill(-1, base + 1, base + MAX_RECORDS + 1);
    splitMultinomial(rng, count, pmf, 1, MAX_RECORDS + 1, fillGroup);
    let next = at + count;
    groupStart[base + MAX_RECORDS + 1] = next;
    for (let k = MAX_RECORDS; k >= 1; k--) {
      if (groupStart[base + k] < 0) groupStart[base + k] = next;
      else next = groupStart[base + k];
    }
    at += count;
  });
  n = at;
  batch.n = n;
  batch.sorted = !sampleAll;

  const fixedRatio = pop.selfPayRatio;
  const beta = pop.beta;
  const c = pop.compliantShare;
  const compliantBeta = pop.compliantBeta;
  const sumAmount = prefix[n];
  let sumSelfPay = 0;
  if (fixedRatio !== null && compliantBeta === null) {
    // The common case: every share fixed.
    const kappa = fixedRatio * c;
    if (how.perPerson) for (let i = 0; i < n; i++) compliant[i] = kappa * amount[i];
    sumSelfPay = fixedRatio * sumAmount;
  } else {
    for (let i = 0; i < n; i++) {
      const x = amount[i];
      const ratio = fixedRatio !== null ? fixedRatio : betaSample(rng, beta!.alpha, beta!.beta);
      const selfPay = ratio * x;
      compliant[i] = (compliantBeta === null ? c : betaSample(rng, compliantBeta.alpha, compliantBeta.beta)) * selfPay;
      sumSelfPay += selfPay;
    }
  }
  batch.sumAmount = sumAmount;
  batch.sumSelfPay = sumSelfPay;
}
