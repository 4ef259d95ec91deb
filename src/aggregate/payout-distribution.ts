/**
 * Step 3 of the exact aggregate: the year's payout distribution on the grid. At each cost node the populations'
 * compound transforms P_N(φ) are multiplied (independent populations given the shocks) and utilisation is mixed
 * exactly in the transform domain (a mixed count law; linear, so one inverse FFT serves every node); the cost
 * shock through these exact conditional distributions at its nodes, mixed by mix-cost.ts. With independent
 * shocks each population is mixed on its own and the mixtures convolved (transforms multiplied).
 */
import type { Shock } from '../random/shock.ts';
import { countLaw, countMoments } from '../random/claim-count.ts';
import type { BenefitPart, SeverityTransforms } from './benefit-parts.ts';
import { addCompoundTransform } from './compound.ts';
import { inverseRealFft, realFft } from './fft.ts';
import { onCircle, type PayoutGrid, type ShockNodes } from './grid.ts';
import { mixOverCost } from './mix-cost.ts';

/** What every step of the mixing reads: the populations, their transforms, the shocks and the grid. */
export interface MixingInput {
  parts: BenefitPart[];
  /** phi.at(p, k): population p's severity transform at cost node k, with the blur its rounding added. */
  phi: SeverityTransforms;
  /** Whether the blur is taken off (unblur); a conditional left with negative mass then throws GridTooCoarse. */
  unblurred: boolean;
  shocks: ShockNodes;
  /** The cost shock's law, for the mixture between its nodes (null without one). */
  costShock: Shock | null;
  grid: PayoutGrid;
}

/** Scratch spectra and one real line, allocated once per ruleset and overwritten by every step. */
interface Workspace {
  re: Float64Array;
  im: Float64Array;
  partRe: Float64Array;
  partIm: Float64Array;
  prodRe: Float64Array;
  prodIm: Float64Array;
  real: Float64Array;
}

function workspace(grid: PayoutGrid): Workspace {
  const { H, m } = grid;
  const half = () => new Float64Array(H);
  return { re: half(), im: half(), partRe: half(), partIm: half(), prodRe: half(), prodIm: half(), real: new Float64Array(m) };
}

/**
 * P(S = lo + i·h), normalised, and the mass the inverse transform held before normalising (its distance from 1
 * bounds what aliasing and rounding lost). `shared`: one pair of shocks for every population.
 */
export function payoutDistribution(input: MixingInput, shared: boolean): { pmf: Float64Array; mass: number } {
  const { parts, grid } = input;
  const { m, H, shifts, shift } = grid;
  const ws = workspace(grid);
  let dist: Float64Array;
  if (shared || parts.length === 1)
    dist = mixedOverCost(
      input,
      ws,
      parts.map((_, p) => p),
      shift,
    );
  else {
    const accRe = new Float64Array(H).fill(1);
    const accIm = new Float64Array(H);
    parts.forEach((_, p) => {
      const d = mixedOverCost(input, ws, [p], shifts[p]);
      const at = onCircle(shifts[p], m);
      for (let i = 0; i < m; i++) ws.real[at(i)] = d[i];
      realFft(ws.real, ws.partRe, ws.partIm);
      multiplyInto(accRe, accIm, ws.partRe, ws.partIm, H);
    });
    inverseRealFft(accRe, accIm, ws.real);
    const at = onCircle(shift, m);
    dist = new Float64Array(m);
    for (let i = 0; i < m; i++) dist[i] = Math.max(0, ws.real[at(i)] / m);
  }
  let mass = 0;
  for (let i = 0; i < m; i++) mass += dist[i];
  for (let i = 0; i < m; i++) dist[i] /= mass;
  return { pmf: dist, mass };
}

/** The group `ps`'s payout, its cost shock mixed over the conditional distributions at the nodes. */
function mixedOverCost(input: MixingInput, ws: Workspace, ps: number[], groupShift: number): Float64Array {
  const { cost } = input.shocks;
  // The highest cost node first: the most claims, the most blur, where a grid too coarse for it shows first.
  const conds: Float64Array[] = [];
  const order = [...cost.x.keys()].sort((a, b) => cost.x[b] - cost.x[a]);
  for (const k of order) conds[k] = conditionalAtCost(input, ws, ps, k, groupShift);
  return conds.length > 1 ? mixOverCost(conds, cost.x, input.costShock!, groupShift * input.grid.h, input.grid.h) : conds[0];
}

/** P(S_group = lo_group + i·h) for the populations `ps` at cost node k (utilisation mixed in), normalised. */
function conditionalAtCost(input: MixingInput, ws: Workspace, ps: number[], k: number, groupShift: number): Float64Array {
  const { parts, phi } = input;
  const { util } = input.shocks;
  const { m, H } = input.grid;
  const { re, im, partRe, partIm, prodRe, prodIm, real } = ws;
  re.fill(0);
  im.fill(0);
  // The points where every population's transform was computed (a band transform's are fewer than H; the
  // payout's transform beyond them is below e^−40, left 0).
  const count = Math.min(H, ...ps.map((p) => phi.at(p, k).count));
  util.x.forEach((u, l) => {
    if (ps.length === 1) {
      const p = ps[0];
      addCompoundTransform(countLaw(parts[p].pop, u), phi.at(p, k).re, phi.at(p, k).im, util.w[l], re, im, count);
      return;
    }
    // Π over the group's populations of P_N(φ) at this utilisation node.
    prodRe.fill(1, 0, count);
    prodIm.fill(0, 0, count);
    for (const p of ps) {
      partRe.fill(0, 0, count);
      partIm.fill(0, 0, count);
      addCompoundTransform(countLaw(parts[p].pop, u), phi.at(p, k).re, phi.at(p, k).im, 1, partRe, partIm, count);
      multiplyInto(prodRe, prodIm, partRe, partIm, count);
    }
    for (let j = 0; j < count; j++) {
      re[j] += util.w[l] * prodRe[j];
      im[j] += util.w[l] * prodIm[j];
    }
  });
  unblur(input, ps, k, re, im);
  inverseRealFft(re, im, real);
  // Index j holds S ≡ j·h (mod m·h); the value (groupShift + i)·h sits at j = (groupShift + i) mod m: the circle
  // read from `base` to its end, then from its start (onCircle, without a call per point).
  const base = (((groupShift % m) + m) % m) | 0;
  const out = new Float64Array(m);
  let mass = 0;
  let negative = 0;
  for (let i = 0, j = base; i < m; i++, j = (j + 1) & (m - 1)) {
    const x = real[j] / m;
    if (x < 0) negative -= x;
    else {
      out[i] = x;
      mass += x;
    }
  }
  if (input.unblurred && negative > BLUR_NEGATIVE) throw new GridTooCoarse(negative);
  const scale = 1 / mass;
  for (let i = 0; i < m; i++) out[i] *= scale;
  return out;
}

/**
 * The negative mass a conditional distribution may carry after the blur is taken off: a grid fine enough for the
 * normal law of Σ ε leaves below 2e-6 (the shipped scenarios at 2^16 points, Jilin's highest cost node the most);
 * a coarser one rings (10% at 2^14 points for Jilin when its benefits were rounded to the payout's step; a bounded
 * benefit is now rounded to its own fine step, band-transform.ts), and exact.ts tries the next finer grid.
 */
export const BLUR_NEGATIVE = 1e-5;

/** Thrown when taking the blur off leaves more negative mass than BLUR_NEGATIVE: the grid is too coarse for it. */
export class GridTooCoarse extends Error {
  constructor(readonly negative: number) {
    super(`the grid is too coarse to take its rounding's blur off (negative mass ${negative})`);
  }
}

/**
 * Takes off the blur the grid's rounding adds (issue #32). Local moment matching moves each benefit b to its two
 * neighbouring grid points keeping its mean, so a rounded claim is b + ε with E[ε | b] = 0 and a variance of up to
 * h²/4; over N claims the payout carries Σ ε, nearly normal (hundreds of thousands of paid claims in a large
 * scheme), of variance V = E[N]·(E[B_h²] − E[B²]): at 2^16 points a blur that moved the payout's sd by 4e-4 of
 * itself (Jilin) against 2^20 points. Its transform is exp(−V t²/2), so the compound transform is multiplied by
 * exp(+V t²/2) at t = 2πj/(m·h): exact in the second cumulant, and stable since V is a small part of Var S (the
 * transform falls as exp(−Var S·t²/2) faster than the factor rises).
 */
function unblur(input: MixingInput, ps: number[], k: number, re: Float64Array, im: Float64Array) {
  const { phi, parts, shocks } = input;
  if (!input.unblurred) return;
  let v = 0;
  for (const p of ps) {
    let n = 0;
    shocks.util.x.forEach((u, l) => (n += shocks.util.w[l] * countMoments(countLaw(parts[p].pop, u)).mean));
    v += n * phi.at(p, k).blur;
  }
  if (!(v > 0)) return;
  const { m, h } = input.grid;
  const c = (v / 2) * ((2 * Math.PI) / (m * h)) ** 2;
  // Only while the factor is below e²: beyond, the compound transform has fallen by exp(−Var S·t²/2), e^−2 to the
  // power Var S / V, to nothing, and the normal law of Σ ε is no longer what the grid's rounding holds there.
  const top = Math.min(re.length, Math.ceil(Math.sqrt(2 / c)) + 1);
  for (let j = 1; j < top; j++) {
    const g = Math.exp(c * j * j);
    re[j] *= g;
    im[j] *= g;
  }
}

/** acc ×= part over the first `count` complex points. */
function multiplyInto(accRe: Float64Array, accIm: Float64Array, partRe: Float64Array, partIm: Float64Array, count: number) {
  for (let j = 0; j < count; j++) {
    const x = accRe[j] * partRe[j] - accIm[j] * partIm[j];
    accIm[j] = accRe[j] * partIm[j] + accIm[j] * partRe[j];
    accRe[j] = x;
  }
}
