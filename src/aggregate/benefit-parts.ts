/**
 * Step 2 of the exact aggregate: each population's claimant benefit B = b(X) as a severity, per tag combination
 * and cost node (benefit-severity.ts), then discretised on the grid and transformed (the severity transforms φ
 * the count's pgf is applied to; compound.ts).
 */
import { scaled } from '../random/severity/scaled.ts';
import { benefitCurve } from '../rules/expectation.ts';
import { samePiecewise, type Piecewise } from '../rules/piecewise.ts';
import { maskProbabilities } from '../engine/analytic.ts';
import type { EngineModel, PopulationModel } from '../engine/model.ts';
import { benefitSeverity, discretise, type BenefitSeverity } from './benefit-severity.ts';
import { realFft } from './fft.ts';
import { chirpTransform, logMagnitude } from './band-transform.ts';
import { countLaw, countMoments } from '../random/claim-count.ts';
import type { Nodes } from '../math/quadrature.ts';

/** One population under one ruleset: its distinct benefit curves with their probabilities, and B at each cost node. */
export interface BenefitPart {
  pop: PopulationModel;
  curves: { pr: number; curve: Piecewise }[];
  /** atCost[k][i]: the benefit severity of curve i at cost node k. */
  atCost: BenefitSeverity[][];
}

/** A half spectrum (the first H points of a real sequence's transform). */
export interface Spectrum {
  re: Float64Array;
  im: Float64Array;
}

/** Per population: the benefit curve of each tag combination (annual amounts, money times the exposure). */
export function benefitParts(model: EngineModel, r: EngineModel['rulesets'][number], cost: Nodes): BenefitPart[] {
  return model.populations.map((pop, p) => {
    const kappa = pop.selfPayRatio! * pop.compliantShare;
    const probs = maskProbabilities(pop.tagShares);
    const curves: { pr: number; curve: Piecewise }[] = [];
    probs.forEach((pr, mask) => {
      if (!(pr > 0)) return;
      const curve = benefitCurve(r.schedules[p][mask], r.selfBurden, kappa);
      // Tag combinations the ruleset treats alike (groups without a modifier of their own) share one curve,
      // discretised once with their probabilities summed: compare-regions' Suzhou rules have one curve for
      // eight combinations, Jiangyin's two.
      const same = curves.find((c) => samePiecewise(c.curve, curve));
      if (same) same.pr += pr;
      else curves.push({ pr, curve });
    });
    const atCost: BenefitSeverity[][] = Array.from(cost.x, (c) =>
      curves.map((k) => benefitSeverity(k.curve, scaled(pop.severity, c), r.exposure)),
    );
    return { pop, curves, atCost };
  });
}

/** A population's severity transform at one cost node, and the variance the grid's rounding added to one claim. */
export interface NodeSpectrum extends Spectrum {
  /** E[B_h²] − E[B²] (payout-distribution.ts unblur); 0 where B reaches beyond the grid. */
  blur: number;
  /**
   * Points of the half spectrum computed (the rest 0): H on the payout's grid, fewer where the transform comes from
   * a fine discretisation at the low frequencies only (band-transform.ts), beyond which the payout's transform is
   * below e^−40 at every utilisation node.
   */
  count: number;
}

/**
 * Fine points a benefit's band transform discretises it on (at most; band-transform.ts). 512 instead of 1,024
 * halved the limited expected values and the chirp's FFTs, with the shipped scenarios' figures as close to the
 * 2^20-point reference (mean error over all figures 3.5e-6 against 3.7e-6; issue #32).
 */
const FINE_POINTS = 512;
/**
 * The fine step is at most the payout's step over this, so t·h_f ≤ π/2 at every frequency of the grid (the blur's
 * normal law holds where the transform matters, t·h_f ≪ 1 at the band's end). 8 cost Jiangyin (a narrow window:
 * h = 2,951 yuan) 4,000 fine points instead of 1,024 for no change in accuracy (worst 5.9e-6 either way).
 */
const FINE_RATIO = 2;
/** ln of the payout transform's magnitude below which the band ends (e^−40 ≈ 4e-18). */
const BAND_FLOOR = -40;

/**
 * The severity transforms φ of population p at cost node k: the curves' discretised benefits mixed by their
 * probabilities, transformed. Computed when first asked (`at`), so a grid found too coarse at its first node
 * costs one node's work (exact.ts tries the next). `outside`: the largest mass a discretisation so far left
 * beyond the grid.
 */
export function severityTransforms(parts: BenefitPart[], grid: { m: number; H: number; h: number }, util?: Nodes) {
  const { m, H, h } = grid;
  const pmf = new Float64Array(m);
  const tmp = new Float64Array(m);
  const memo = parts.map(() => [] as NodeSpectrum[]);
  // step: the largest step a benefit was rounded to (h, or a band transform's finer step).
  const state = { outside: 0, step: 0 };
  const make = (p: number, k: number): NodeSpectrum => {
    const part = parts[p];
    // One fine step for all the population's cost nodes (its largest benefit at any node), so they share the
    // chirp's kernel (band-transform.ts).
    const top = part.atCost.reduce((a, row) => row.reduce((c, b) => Math.max(c, b.max), a), 0);
    // Within the window only: a benefit reaching beyond it (a hostile cap of 10^12 yuan) would take millions of
    // fine points; the payout's own step then rounds it, and the mass beyond is reported as before.
    if (util && Number.isFinite(top) && top > 0 && top <= m * h) {
      const spectrum = band(part, k, top, grid, util);
      state.step = Math.max(state.step, spectrum.step);
      return spectrum;
    }
    state.step = Math.max(state.step, h);
    pmf.fill(0);
    let second = 0;
    let beyond = 0;
    part.atCost[k].forEach((b, i) => {
      const d = discretise(b, h, m, tmp);
      beyond = Math.max(beyond, d.beyond);
      second += part.curves[i].pr * b.secondMoment;
      const pr = part.curves[i].pr;
      for (let j = 0; j < m; j++) pmf[j] += pr * d.pmf[j];
    });
    state.outside = Math.max(state.outside, beyond);
    // E[B_h²] − E[B²]: the variance the rounding added to one claim (the means agree; payout-distribution.ts
    // unblur). Where B reaches beyond the grid's top, the grid's pmf is not B's there: nothing is taken off.
    let gridSecond = 0;
    for (let j = 1; j < m; j++) gridSecond += pmf[j] * (j * h) * (j * h);
    const re = new Float64Array(H);
    const im = new Float64Array(H);
    realFft(pmf, re, im);
    return { re, im, blur: beyond > 1e-12 ? 0 : Math.max(0, gridSecond - second), count: H };
  };
  return {
    at: (p: number, k: number): NodeSpectrum => (memo[p][k] ??= make(p, k)),
    get step() {
      return state.step;
    },
    get outside() {
      return state.outside;
    },
  };
}

export type SeverityTransforms = ReturnType<typeof severityTransforms>;

/**
 * Population `part`'s severity transform at cost node k at the payout grid's low frequencies, from B on a fine
 * step (band-transform.ts): every curve bounded (a cap, or a severity with a supremum) by `top`. The band: a
 * Gaussian guess from the smallest process variance over the utilisation nodes, doubled until the payout's
 * transform has fallen below e^BAND_FLOOR over its last tenth at every node.
 */
function band(
  part: BenefitPart,
  k: number,
  top: number,
  grid: { m: number; H: number; h: number },
  util: Nodes,
): NodeSpectrum & { step: number } {
  const { m, H, h } = grid;
  const hf = Math.min(h / FINE_RATIO, top / FINE_POINTS);
  const K = Math.ceil(top / hf) + 3;
  const pmf = new Float64Array(K);
  const tmp = new Float64Array(K);
  let second = 0;
  let mean = 0;
  part.atCost[k].forEach((b, i) => {
    const d = discretise(b, hf, K, tmp);
    const pr = part.curves[i].pr;
    second += pr * b.secondMoment;
    mean += pr * b.mean;
    for (let j = 0; j < d.used; j++) pmf[j] += pr * d.pmf[j];
  });
  let fineSecond = 0;
  for (let j = 1; j < K; j++) fineSecond += pmf[j] * (j * hf) * (j * hf);
  const laws = Array.from(util.x, (u) => countLaw(part.pop, u));
  const variance = Math.min(
    ...laws.map((law) => {
      const n = countMoments(law);
      return n.mean * Math.max(0, second - mean * mean) + n.variance * mean * mean;
    }),
  );
  const W = m * h;
  let J = Math.min(H, Math.ceil((W / (2 * Math.PI)) * Math.sqrt((2 * -BAND_FLOOR) / variance)) + 16);
  if (!(J > 0)) J = H;
  const re = new Float64Array(H);
  const im = new Float64Array(H);
  for (;;) {
    J = chirpTransform(pmf, K, hf, W, Math.min(J, H), re, im);
    if (J >= H) break;
    let loudest = -Infinity;
    for (let j = Math.floor(J * 0.9); j < J; j++) for (const law of laws) loudest = Math.max(loudest, logMagnitude(law, re[j], im[j]));
    if (loudest < BAND_FLOOR) break;
    J = Math.min(H, 2 * J);
  }
  // The chirp gives more frequencies than asked (up to its FFT's length): the compound transforms stop where the
  // payout's last one above e^BAND_FLOOR at any utilisation node is.
  // Scanned down with the law whose transform is loudest at the band's middle (the fewest claims), then checked
  // with all.
  const mid = J >> 1;
  const loud = laws.reduce((a, law) => (logMagnitude(law, re[mid], im[mid]) > logMagnitude(a, re[mid], im[mid]) ? law : a));
  let last = J - 1;
  while (last > 0 && logMagnitude(loud, re[last], im[last]) < BAND_FLOOR) last--;
  while (last < J - 1 && laws.some((law) => logMagnitude(law, re[last + 1], im[last + 1]) >= BAND_FLOOR)) last++;
  J = last + 1;
  return { re, im, blur: Math.max(0, fineSecond - second), count: J, step: hf };
}
