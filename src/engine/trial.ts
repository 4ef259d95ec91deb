/**
 * The Monte Carlo kernel: one trial = one policy year of every population, every ruleset applied to the same
 * sampled people (common random numbers). Float64 over typed arrays, no allocation per person.
 *
 * Per population: the members whose amount exceeds the sampling threshold are counted (binomial) and drawn one
 * by one from the conditional severity; the members below it cannot be paid by any ruleset and enter the burden
 * totals through exact conditional expectations (DESIGN.md "Performance").
 * Monthly settlement (seed 000 项目实施计划): a claimant's amount arrives in 1 + Poisson(λ) records in months
 * drawn uniformly over the months in force (the first record may carry a set share, the index admission); a month
 * with a rise of the year-to-date benefit is one person-time (补偿人次).
 */
import { betaSample } from '../random/severity/gamma.ts';
import { binomial, poissonFromTable } from '../random/frequency.ts';
import { trialStream } from '../random/stream.ts';
import type { Rng } from '../random/xoshiro.ts';
import { selfBurdenOf, type BasicLayer } from '../rules/basic.ts';
import { baseOf, fastBenefit, fastTrackPaid, type FastSchedule } from '../rules/fast.ts';
import type { EngineModel } from './model.ts';
import { MAX_TABLE_RECORDS } from './distinct-months.ts';

const TABLE_STRIDE = MAX_TABLE_RECORDS + 1;

export const METRICS = ['payout', 'beneficiaries', 'personTimes', 'excess', 'selfBurden', 'selfPay', 'claimants', 'sampled'] as const;
export type Metric = (typeof METRICS)[number];
export const M = METRICS.length;
/** Records per claimant are capped here (Poisson with mean ≤ 30 exceeds it with probability < 1e-60). */
const MAX_RECORDS = 255;
export const PAYOUT = 0;
export const BENEFICIARIES = 1;
export const PERSON_TIMES = 2;
export const EXCESS = 3;
export const SELF_BURDEN = 4;
export const SELF_PAY = 5;
export const CLAIMANTS = 6;
export const SAMPLED = 7;

/** Values of trials [from, to): layout [trial][ruleset][population][metric]. */
export function trialBlockSize(model: EngineModel, trials: number): number {
  return trials * model.rulesets.length * model.populations.length * M;
}

export interface SampleOptions {
  /** Sample every member with cost, not only the tail (for testing that the shortcut changes nothing). */
  sampleAll?: boolean;
}

export function simulateTrials(model: EngineModel, seed: string | number, from: number, to: number, out: Float64Array, opts: SampleOptions = {}): void {
  const R = model.rulesets.length;
  const P = model.populations.length;
  const months = new Int32Array(12);
  const rank = new Int32Array(MAX_RECORDS + 1);
  const basics = model.rulesets.map((r) => r.basic);
  for (let trial = from; trial < to; trial++) {
    const rng = trialStream(seed, trial);
    const base = (trial - from) * R * P * M;
    for (let p = 0; p < P; p++) simulatePopulation(model, p, rng, out, base, R, P, months, rank, basics, opts.sampleAll === true);
  }
}

function simulatePopulation(
  model: EngineModel,
  p: number,
  rng: Rng,
  out: Float64Array,
  base: number,
  R: number,
  P: number,
  months: Int32Array,
  rank: Int32Array,
  basics: (BasicLayer | null)[],
  sampleAll: boolean,
): void {
  const pop = model.populations[p];
  const sev = pop.severity;
  const q = pop.incidence;
  let nTail: number;
  let nBelow: number;
  if (sampleAll) {
    nTail = binomial(rng, pop.insured, q);
    nBelow = 0;
  } else {
    const qTail = q * pop.tailProb;
    nTail = binomial(rng, pop.insured, qTail);
    nBelow = qTail < 1 ? binomial(rng, pop.insured - nTail, (q - qTail) / (1 - qTail)) : 0;
  }
  for (let r = 0; r < R; r++) {
    const o = base + (r * P + p) * M;
    out[o + SELF_BURDEN] = nBelow * pop.meanSelfBurdenBelow[r];
    out[o + SELF_PAY] = nBelow * pop.meanAmountBelow * pop.meanSelfPayRatio;
    out[o + CLAIMANTS] = nTail + nBelow;
    out[o + SAMPLED] = nTail;
  }
  const tailProb = pop.tailProb;
  const fixedRatio = pop.selfPayRatio;
  const beta = pop.beta;
  const c = pop.compliantShare;
  const compliantBeta = pop.compliantBeta;
  const nTags = pop.tags.length;
  const shares = pop.tagShares;
  const recordsCdf = pop.extraRecordsCdf;
  const nMonths = pop.months;
  const phi = pop.firstShare;
  const table = pop.distinctMonths;

  // Sums kept in locals and written once: the per-person loop touches no shared array.
  const acc = new Float64Array(R * 4);
  const schedules = model.rulesets.map((r) => r.schedules[p]);
  let sumX = 0;
  let sumSelfPay = 0;
  const sumSelfBurden = new Float64Array(R);

  for (let i = 0; i < nTail; i++) {
    const x = sampleAll ? sev.sample(rng) : sev.sampleAbove(rng, tailProb);
    const ratio = fixedRatio !== null ? fixedRatio : betaSample(rng, beta!.alpha, beta!.beta);
    const selfPay = ratio * x;
    const compliant = (compliantBeta === null ? c : betaSample(rng, compliantBeta.alpha, compliantBeta.beta)) * selfPay;
    let mask = 0;
    for (let g = 0; g < nTags; g++) if (rng.uniform() < shares[g]) mask |= 1 << g;
    let k = 1 + poissonFromTable(rng, recordsCdf);
    if (k > MAX_RECORDS) k = MAX_RECORDS;
    let monthsDrawn = false;
    sumX += x;
    sumSelfPay += selfPay;

    for (let r = 0; r < R; r++) {
      const basic = basics[r];
      let sb = x;
      if (basic !== null) {
        sb = selfBurdenOf(basic, x);
        sumSelfBurden[r] += sb;
      }
      const f = schedules[r][mask];
      const b = evaluatePerson(f, sb, compliant);
      if (b > 0) {
        const a = r * 4;
        acc[a] += b;
        acc[a + 1] += 1;
        acc[a + 2] += SIDE[0];
        const range = paymentRange(f, basic, x, compliant, b, k, phi, SIDE[1]);
        if (range.last === k && k <= MAX_TABLE_RECORDS) {
          acc[a + 3] += table[k * TABLE_STRIDE + k - range.first + 1];
        } else {
          // A cap stopped the payments before the last record: the months themselves are needed.
          if (!monthsDrawn) {
            drawMonths(rng, k, nMonths, months, rank);
            monthsDrawn = true;
          }
          acc[a + 3] += rank[range.last] - rank[range.first] + 1;
        }
      }
    }
  }
  for (let r = 0; r < R; r++) {
    const o = base + (r * P + p) * M;
    out[o + PAYOUT] += acc[r * 4];
    out[o + BENEFICIARIES] += acc[r * 4 + 1];
    out[o + EXCESS] += acc[r * 4 + 2];
    out[o + PERSON_TIMES] += acc[r * 4 + 3];
    out[o + SELF_BURDEN] += basics[r] === null ? sumX : sumSelfBurden[r];
    out[o + SELF_PAY] += sumSelfPay;
  }
}

/** Side outputs of evaluatePerson: [Σ excess, min deductible ÷ base]. A typed array, so writing them allocates
 * nothing (a module-level `let` holding a double would be re-boxed on every write). */
const SIDE = new Float64Array(2);

/**
 * One person under one schedule in a single pass over the tracks: the benefit (returned), Σ (base − deductible)⁺
 * for the reimbursement ratio, and the smallest deductible ÷ base (the share of the year after which the first
 * payment falls due when the schedule is linear).
 */
function evaluatePerson(f: FastSchedule, selfBurden: number, compliant: number): number {
  let total = 0;
  let excess = 0;
  let fmin = 1;
  for (let t = 0; t < f.nTracks; t++) {
    const base = baseOf(f.base[t], selfBurden, compliant);
    const ded = f.deductible[t];
    if (base > ded) {
      excess += base - ded;
      total += fastTrackPaid(f, t, base);
      const fr = ded / base;
      if (fr < fmin) fmin = fr;
    }
  }
  SIDE[0] = excess;
  SIDE[1] = fmin;
  return total < f.cap ? total : f.cap;
}


/**
 * Year-to-date share of the amount after record j of k (time order): j/k when all records are equal; with a
 * first-record share φ, φ + (1 − φ)(j − 1)/(k − 1).
 */
function cumulativeShare(j: number, k: number, phi: number): number {
  if (phi !== phi || k === 1) return j / k;
  return phi + ((1 - phi) * (j - 1)) / (k - 1);
}

/**
 * Records with a payment. After record j the year-to-date amounts are F(j) of the year's; the benefit rises
 * from the first record where it becomes positive (j1) to the one where it reaches the year's total (j2). The
 * distinct months holding records j1..j2 are the person-times.
 */
const RANGE = { first: 1, last: 1 };

function paymentRange(f: FastSchedule, basic: BasicLayer | null, x: number, compliant: number, total: number, k: number, phi: number, fmin: number): typeof RANGE {
  let j1: number;
  let j2 = k;
  if (basic === null && f.cap === Infinity && f.linearUncapped) {
    // Positive exactly when some track's base passes its deductible: F(j) > min_t deductible_t / base_t.
    if (phi !== phi || k === 1) j1 = Math.floor(k * fmin) + 1;
    else j1 = fmin < phi ? 1 : Math.floor(((k - 1) * (fmin - phi)) / (1 - phi)) + 2;
    if (j1 > k) j1 = k;
  } else {
    const at = (j: number) => {
      const share = cumulativeShare(j, k, phi);
      return fastBenefit(f, basic === null ? x * share : selfBurdenOf(basic, x * share), compliant * share);
    };
    let lo = 1;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(mid) > 0) hi = mid;
      else lo = mid + 1;
    }
    j1 = lo;
    hi = k;
    const full = total * (1 - 1e-12);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(mid) >= full) hi = mid;
      else lo = mid + 1;
    }
    j2 = lo;
  }
  RANGE.first = j1;
  RANGE.last = j2;
  return RANGE;
}

/** Months of the k records (uniform over the months in force) and rank[j] = distinct months among records 1..j. */
function drawMonths(rng: Rng, k: number, nMonths: number, months: Int32Array, rank: Int32Array): void {
  months.fill(0);
  // Two months from each 32-bit draw (16 bits each; bias below 12/65536, irrelevant for a record's month).
  for (let e = 0; e < k; e += 2) {
    const bits = rng.nextI32();
    months[((bits & 0xffff) * nMonths) >>> 16]++;
    if (e + 1 < k) months[((bits >>> 16) * nMonths) >>> 16]++;
  }
  for (let m = 0, j = 1, distinct = 0; m < nMonths; m++) {
    let n = months[m];
    if (n > 0) {
      distinct++;
      for (; n > 0; n--) rank[j++] = distinct;
    }
  }
}
