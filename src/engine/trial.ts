/**
 * The Monte Carlo kernel: one trial = one policy year of every population, every ruleset applied to the same
 * sampled people (common random numbers). Float64 over typed arrays, no allocation per person.
 *
 * Per population: the members whose amount exceeds the sampling threshold are counted (binomial) and drawn one
 * by one from the conditional severity into a batch (claimants.ts, amounts in ascending order, from the
 * severity's tabulated quantile: random/quantile-table.ts); the members below it cannot be paid by any ruleset
 * and enter the burden totals through exact conditional expectations (docs/model.md "Performance"), as do those
 * between it and the lowest amount payable to their own tag combination (thinning.ts). Each ruleset then passes over the batch by the cheapest exact route:
 *  - fixed shares, no basic layer, no cap on a single track: segment sums over the sorted amounts
 *    (sorted-pass.ts), or the same amount kernel person by person when every member was drawn unsorted (tests);
 *  - anything else (Beta shares, basic layer, track caps, zero-ratio bands): track by track, person by person
 *    (generalPass).
 * Where a cap stops a person's payments before the last record, the months are drawn (months.ts).
 * Monthly settlement (seed 000 项目实施计划): a claimant's amount arrives in 1 + Poisson(λ) records in months
 * drawn uniformly over the months in force (the first record may carry a set share, the index admission); a month
 * with a rise of the year-to-date benefit is one person-time (补偿人次).
 */
import { countLaw, drawClaimantCounts } from '../random/claim-count.ts';
import { scaled } from '../random/severity/scaled.ts';
import { drawShock } from '../random/shock.ts';
import { normalZiggurat } from '../random/normal.ts';
import { trialStream } from '../random/stream.ts';
import type { Rng } from '../random/xoshiro.ts';
import { selfBurdenOf, type BasicLayer } from '../rules/basic.ts';
import { baseOf, fastBenefit, fastTrackPaid, type FastSchedule } from '../rules/fast.ts';
import type { Piecewise } from '../rules/piecewise.ts';
import { kernelPass, sortedPass } from './sorted-pass.ts';
import { PendingMonths, settlePending } from './months.ts';
import { ClaimantBatch, drawClaimants, MAX_RECORDS, type DrawOptions } from './claimants.ts';
import { UpperQuantileTable } from '../random/quantile-table.ts';
import { MaskThinning } from './thinning.ts';
import { belowThreshold, type BelowThreshold, type EngineModel, type PopulationModel } from './model.ts';
import { cumulativeShare, firstPaidRecord, lastRecordWithAmount } from './records.ts';
import { MAX_TABLE_RECORDS, TABLE_STRIDE } from './distinct-months.ts';
import { drawFitParameters, severityAt } from './fit-draw.ts';
import { conditionalPayout } from './conditional-payout.ts';
import type { Severity } from '../random/severity/index.ts';
import { ACC_WIDTH as ACC, ALL_COLUMNS, BASE_COLUMNS, COL } from './trial-columns.ts';

/** Column indices under their former names, which the engine's tests index the stored block with; code uses COL. */
export const M = ALL_COLUMNS;
export const PAYOUT = COL.payout;
export const BENEFICIARIES = COL.beneficiaries;
export const PERSON_TIMES = COL.personTimes;
export const CLAIMANTS = COL.claimants;
export const SAMPLED = COL.sampled;
export const FIT_PAYOUT = COL.fitPayout;
export const FIT_CLAMPED = COL.fitClamped;
export const BASE_METRICS = BASE_COLUMNS;

/**
 * Figures stored per (trial, ruleset, row): every column where some population's fitted parameters are drawn,
 * else the first BASE_COLUMNS (trial-columns.ts): a model without a drawn fit stores no fit columns, so its memory
 * per trial, and the workbench's trial budget, do not pay for them.
 */
export function metricsOf(model: EngineModel): number {
  return model.populations.some((p) => p.fit !== null) ? ALL_COLUMNS : BASE_COLUMNS;
}

/**
 * Values of trials [from, to): layout [trial][ruleset][row][metric], rows 0..P−1 the populations and row P their
 * sum (written once per trial, so a summary of the totals reads P + 1 times less than summing every time).
 */
export function trialBlockSize(model: EngineModel, trials: number): number {
  return trials * model.rulesets.length * (model.populations.length + 1) * metricsOf(model);
}

/** Offset of (trial within the block, ruleset r, row p; p = P or −1 for the total row). */
export function rowOffset(model: EngineModel, t: number, r: number, p: number): number {
  const P = model.populations.length;
  return ((t * model.rulesets.length + r) * (P + 1) + (p < 0 ? P : p)) * metricsOf(model);
}

export interface SampleOptions {
  /** Sample every member with cost, not only the tail (for testing that the shortcut changes nothing). */
  sampleAll?: boolean;
  /**
   * Called after each population of each trial: a worker says from here that it is computing (engine/run.ts's
   * watchdog tells a slow trial from a worker that is gone by the time since it last heard from it).
   */
  onBeat?: () => void;
}

export function simulateTrials(
  model: EngineModel,
  seed: string | number,
  from: number,
  to: number,
  out: Float64Array,
  opts: SampleOptions = {},
): void {
  const R = model.rulesets.length;
  const P = model.populations.length;
  let scratch = scratches.get(model);
  if (!scratch) {
    scratches.set(
      model,
      (scratch = new Scratch(
        R,
        model.populations,
        model.rulesets.map((r) => r.selfBurden),
      )),
    );
    // Every population's table before the first draw: each warms the sampler up on its own severity
    // (quantile-table.ts warmUp), which it must do before the loop is optimised, not after a first population's.
    for (let p = 0; p < P; p++) drawOptions(scratch, model, p);
  }
  const pr = model.parameterRisk;
  const W = metricsOf(model);
  for (let trial = from; trial < to; trial++) {
    const rng = trialStream(seed, trial);
    const base = (trial - from) * R * (P + 1) * W;
    // Parameter risk: the year's cost-level and utilisation shocks, first from the trial's stream (none drawn
    // when the scenario has none, so such files give the same numbers as before), the same for every ruleset.
    if (pr) {
      for (let p = 0; p < P; p++) {
        const fresh = p === 0 || !pr.shared;
        scratch.cost[p] = fresh ? (pr.cost ? drawShock(rng, pr.cost) : 1) : scratch.cost[0];
        scratch.utilisation[p] = fresh ? (pr.utilisation ? drawShock(rng, pr.utilisation) : 1) : scratch.utilisation[0];
      }
    }
    if (model.trend) {
      const index = costIndex(model.trend.pathSeed, trial, model.trend);
      for (let p = 0; p < P; p++) scratch.cost[p] = (pr ? scratch.cost[p] : 1) * index;
    }
    // Estimation risk: each fitted severity's parameters drawn from their own stream (trial, 'fit'), so the main
    // stream, and with it every other draw of the trial, is the same as without it. The estimates' error belongs
    // to the data, not the year: along a multi-year path every year draws the same parameters (the path's seed).
    if (scratch.anyFit) {
      const fitRng = trialStream(model.trend ? model.trend.pathSeed : seed, trial, 'fit');
      for (let p = 0; p < P; p++) {
        const fit = model.populations[p].fit;
        if (!fit) continue;
        scratch.fitClamped[p] = drawFitParameters(fitRng, fit, scratch.theta[p]) ? 1 : 0;
        scratch.fitSeverity[p] = scaled(severityAt(fit, scratch.theta[p]), model.populations[p].costLevel);
        // At the estimates (a zero covariance) the drawn severity is the population's: its amounts are drawn as
        // the population's are (its table), so such a run gives the numbers of a run without the fit.
        scratch.fitAtEstimate[p] = scratch.theta[p].every((x, i) => x === fit.estimate[i]) ? 1 : 0;
      }
    }
    for (let p = 0; p < P; p++) {
      simulatePopulation(model, p, rng, out, base, W, scratch, opts.sampleAll === true);
      opts.onBeat?.();
    }
    // The total row of each ruleset: every figure summed over the populations (the shocks too, as a sum).
    for (let r = 0; r < R; r++) {
      const row = base + (r * (P + 1) + P) * W;
      for (let k = 0; k < W; k++) {
        let sum = 0;
        for (let p = 0; p < P; p++) sum += out[base + (r * (P + 1) + p) * W + k];
        out[row + k] = sum;
      }
    }
  }
}

/**
 * Buffers reused by every trial of a model, across calls: a worker is handed its trials in chunks (ten at a time
 * in the workbench), and a fresh batch grew again to the population's size in each (Jilin's 16 million insured:
 * about 6 ms a chunk). Every trial writes what it reads, so the buffers carry nothing from one trial to the next.
 */
const scratches = new WeakMap<EngineModel, Scratch>();

/** Buffers reused by every trial. */
class Scratch {
  readonly batch = new ClaimantBatch();
  readonly months = new Int32Array(12);
  readonly rank = new Int32Array(MAX_RECORDS + 1);
  /** Per ruleset, ACC slots named as their columns (trial-columns.ts): Σ payout, beneficiaries, person-times, Σ excess, Σ beneficiaries' base, Σ self-burden. */
  readonly acc: Float64Array;
  readonly pending = new PendingMonths();
  /** The trial's shocks per population (1 without parameter risk). */
  readonly cost: Float64Array;
  readonly utilisation: Float64Array;
  /** Every ruleset's self-burden curve, for the members below the threshold under a cost shock. */
  readonly selfBurdenCurves: Piecewise[];
  /** Fitted severities drawn per trial: the trial's parameters, severity (cost level applied) and clamp flag. */
  readonly anyFit: boolean;
  readonly theta: Float64Array[];
  readonly fitSeverity: (Severity | null)[];
  readonly fitClamped: Uint8Array;
  readonly fitAtEstimate: Uint8Array;
  /** Per population: its amounts' tabulated quantile (built on first use) and the rest of drawClaimants' options. */
  readonly draw: (DrawOptions | undefined)[];
  /** Per population: the thinning by tag mask for the unshocked severity (fixed) and for the year's (per trial). */
  readonly thinning: { fixed: MaskThinning; year: MaskThinning }[];
  constructor(R: number, pops: readonly PopulationModel[], curves: Piecewise[]) {
    const P = pops.length;
    this.selfBurdenCurves = curves;
    this.acc = new Float64Array(R * ACC);
    this.cost = new Float64Array(P).fill(1);
    this.utilisation = new Float64Array(P).fill(1);
    this.anyFit = pops.some((p) => p.fit !== null);
    this.theta = pops.map((p) => new Float64Array(p.fit?.names.length ?? 0));
    this.fitSeverity = pops.map(() => null);
    this.fitClamped = new Uint8Array(P);
    this.fitAtEstimate = new Uint8Array(P);
    this.draw = pops.map(() => undefined);
    this.thinning = pops.map((p) => ({ fixed: new MaskThinning(p, curves).update(p.severity, p), year: new MaskThinning(p, curves) }));
  }
}

/** L = −ln S(t) above the unshocked threshold's level that the table covers: shocks move it by far less. */
const TABLE_BELOW = 1;
/**
 * A share e^{−16} ≈ 1e-7 of the draws falls beyond L₀ + 16 (L − L₀ is Exp(1) for a draw above the threshold): they
 * take the exact quantile, and the table (built per population in each worker) stays small.
 */
const TABLE_ABOVE = 16;

/**
 * The table of a severity's upper quantile the engine draws from, for a threshold at L = l0 (−ln of its tail
 * probability) and thinned thresholds up to `top`: from a little below l0 to TABLE_ABOVE past `top`.
 */
export function severityTable(severity: Severity, l0: number, top = l0): UpperQuantileTable | null {
  return UpperQuantileTable.build(
    severity,
    Math.max(1 / 256, l0 - TABLE_BELOW),
    top + TABLE_ABOVE,
    Math.max(1 / 256, l0 - TABLE_BELOW / 4),
  );
}

/**
 * A population's draw options: the table of its severity's upper quantile (random/quantile-table.ts), built once
 * per model in each worker (a few milliseconds), and whether any ruleset's pass reads the people one by one.
 */
function drawOptions(scratch: Scratch, model: EngineModel, p: number): DrawOptions {
  let how = scratch.draw[p];
  if (how) return how;
  const pop = model.populations[p];
  const l0 = -Math.log(pop.tailProb);
  // Thinned masks draw above their own thresholds: the table reaches past the highest finite one.
  const top = Math.max(l0, ...Array.from(scratch.thinning[p].fixed.tail, (s) => (s > 0 ? -Math.log(s) : l0)));
  const table = Number.isFinite(l0) ? severityTable(pop.severity, l0, top) : null;
  how = { table, scale: 1, perPerson: model.rulesets.some((r) => r.kernels[p] === null), maskTail: null };
  scratch.draw[p] = how;
  return how;
}
function simulatePopulation(
  model: EngineModel,
  p: number,
  rng: Rng,
  out: Float64Array,
  base: number,
  W: number,
  scratch: Scratch,
  sampleAll: boolean,
): void {
  const R = model.rulesets.length;
  const P = model.populations.length;
  const pop = model.populations[p];
  // A cost shock c scales every amount: the members above the (fixed) threshold t are those with X > t/c.
  const c = scratch.cost[p];
  const drawn = scratch.fitSeverity[p];
  const own = drawn === null || scratch.fitAtEstimate[p] === 1 ? null : drawn;
  const sev = scaled(own ?? pop.severity, c);
  const tail: BelowThreshold = c === 1 && own === null ? pop : belowThreshold(sev, pop.threshold, scratch.selfBurdenCurves);
  // Members with cost in the year, above and below the sampling threshold (random/claim-count.ts).
  const [nTail, nBelow] = drawClaimantCounts(rng, countLaw(pop, scratch.utilisation[p]), tail.tailProb, sampleAll);
  const batch = scratch.batch;
  // The population's table serves a cost shock (scale c), not a severity drawn for the trial (estimation risk).
  const how = drawOptions(scratch, model, p);
  how.scale = c;
  const thinning = tail === pop ? scratch.thinning[p].fixed : scratch.thinning[p].year.update(sev, tail);
  how.maskTail = thinning.tail;
  drawClaimants(pop, rng, nTail, sampleAll, batch, sev, tail.tailProb, own === null ? how : { ...how, table: null });
  // The members counted between the threshold and their mask's own (thinning.ts): amounts by expectation.
  let betweenAmount = 0;
  for (let m = 0; m < pop.maskPmf.length; m++) betweenAmount += batch.between[m] * thinning.amount[m];

  const acc = scratch.acc;
  acc.fill(0);
  const pending = scratch.pending;
  pending.clear();
  for (let r = 0; r < R; r++) {
    const ruleset = model.rulesets[r];
    const schedules = ruleset.schedules[p];
    const kernels = ruleset.kernels[p];
    if (kernels !== null && batch.sorted) {
      for (let m = 0; m < kernels.length; m++) sortedPass(kernels[m], batch, m, pop, acc, r * ACC, r, pending);
    } else if (kernels !== null) kernelPass(kernels, batch, pop, acc, r * ACC, r, pending);
    else generalPass(schedules, ruleset.basic, pop, batch, acc, r * ACC, r, pending);
  }
  if (pending.n > 0) settlePending(pending, pop.months, rng, scratch.months, scratch.rank, acc);

  for (let r = 0; r < R; r++) {
    const o = base + (r * (P + 1) + p) * W;
    const a = r * ACC;
    // Money is summed on annual amounts; the months in force see `exposure` of it (rules/exposure.ts).
    const e = model.rulesets[r].exposure;
    out[o + COL.payout] = e * acc[a + COL.payout];
    out[o + COL.beneficiaries] = acc[a + COL.beneficiaries];
    out[o + COL.excess] = e * acc[a + COL.excess];
    out[o + COL.beneficiaryBase] = e * acc[a + COL.beneficiaryBase];
    out[o + COL.personTimes] = acc[a + COL.personTimes];
    let betweenSelfBurden = 0;
    for (let m = 0; m < pop.maskPmf.length; m++) betweenSelfBurden += batch.between[m] * thinning.selfBurden[m * R + r];
    out[o + COL.selfBurden] =
      e *
      (nBelow * tail.meanSelfBurdenBelow[r] +
        betweenSelfBurden +
        (model.rulesets[r].basic === null ? batch.sumAmount : acc[a + COL.selfBurden]));
    out[o + COL.selfPay] = e * ((nBelow * tail.meanAmountBelow + betweenAmount) * pop.meanSelfPayRatio + batch.sumSelfPay);
    out[o + COL.claimants] = nTail + nBelow;
    out[o + COL.sampled] = batch.n;
    out[o + COL.costShock] = c;
    out[o + COL.utilisationShock] = scratch.utilisation[p];
    if (W > COL.fitPayout) {
      out[o + COL.fitPayout] = drawn === null ? 0 : scratch.utilisation[p] * conditionalPayout(model, r, p, sev);
      out[o + COL.fitClamped] = drawn === null ? 0 : scratch.fitClamped[p];
    }
  }
}

/**
 * The cost index of a trial's path in year 1 + yearsAhead: Π (1 + gᵢ), gᵢ ~ Normal(mean, sd), from the trial's
 * own trend stream, so year y and year y + 1 of the same trial share their first y − 1 growth draws.
 */
export function costIndex(seed: string | number, trial: number, t: { yearsAhead: number; mean: number; sd: number }): number {
  const rng = trialStream(seed, trial, 'trend');
  let index = 1;
  for (let i = 0; i < t.yearsAhead; i++) index *= Math.max(0, 1 + t.mean + t.sd * normalZiggurat(rng));
  return index;
}

/** Any ruleset: basic layer below, caps, zero-ratio bands. Months cut short by a cap are settled afterwards. */
function generalPass(
  schedules: FastSchedule[],
  basic: BasicLayer | null,
  pop: PopulationModel,
  batch: ClaimantBatch,
  acc: Float64Array,
  a: number,
  r: number,
  pending: PendingMonths,
): void {
  const n = batch.n;
  const { amount, compliant, mask, records } = batch;
  const table = pop.distinctMonths;
  const phi = pop.firstShare;
  const tagged = schedules.length > 1;
  let f = schedules[0];
  for (let i = 0; i < n; i++) {
    if (tagged) f = schedules[mask[i]];
    const x = amount[i];
    const c = compliant[i];
    let sb = x;
    if (basic !== null) {
      sb = selfBurdenOf(basic, x);
      acc[a + COL.selfBurden] += sb;
    }
    const b = evaluatePerson(f, sb, c);
    if (b > 0) {
      acc[a + COL.payout] += b;
      acc[a + COL.beneficiaries] += 1;
      acc[a + COL.excess] += SIDE[0];
      acc[a + COL.beneficiaryBase] += sb + c;
      const k = records[i];
      const range = paymentRange(f, basic, x, c, b, k, phi, SIDE[1]);
      if (range.last === k && k <= MAX_TABLE_RECORDS) acc[a + COL.personTimes] += table[k * TABLE_STRIDE + k - range.first + 1];
      else if (range.first === range.last)
        acc[a + COL.personTimes] += 1; // one paid record: one month, nothing to draw
      else pending.push(i, r, range.first, range.last, k);
    }
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

/** Year-to-date benefit after record j of k (a plain function: a closure per person would allocate). */
function benefitAfter(f: FastSchedule, basic: BasicLayer | null, x: number, compliant: number, j: number, k: number, phi: number): number {
  const share = cumulativeShare(j, k, phi);
  return fastBenefit(f, basic === null ? x * share : selfBurdenOf(basic, x * share), compliant * share);
}

/**
 * Records with a payment. After record j the year-to-date amounts are F(j) of the year's; the benefit rises
 * from the first record where it becomes positive (j1) to the one where it reaches the year's total (j2). The
 * distinct months holding records j1..j2 are the person-times.
 */
const RANGE = { first: 1, last: 1 };

function paymentRange(
  f: FastSchedule,
  basic: BasicLayer | null,
  x: number,
  compliant: number,
  total: number,
  k: number,
  phi: number,
  fmin: number,
): typeof RANGE {
  let j1: number;
  let j2 = k;
  if (basic === null && f.cap === Infinity && f.linearUncapped) {
    // Positive exactly when some track's base passes its deductible: F(j) > min_t deductible_t / base_t.
    j1 = firstPaidRecord(fmin, k, phi);
    j2 = lastRecordWithAmount(k, phi);
  } else {
    let lo = 1;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (benefitAfter(f, basic, x, compliant, mid, k, phi) > 0) hi = mid;
      else lo = mid + 1;
    }
    j1 = lo;
    hi = k;
    const full = total * (1 - 1e-12);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (benefitAfter(f, basic, x, compliant, mid, k, phi) >= full) hi = mid;
      else lo = mid + 1;
    }
    j2 = lo;
  }
  RANGE.first = j1;
  RANGE.last = j2;
  return RANGE;
}
