/**
 * The engine's float64 form of a resolved schedule: flat typed arrays, no allocation per evaluation.
 * Same formula as exact.ts; agreement to the fen on the golden cases is tested (test/golden-benefits.test.ts).
 */
import type { ResolvedSchedule } from './schedule.ts';

export const BASE_SELF_BURDEN = 0;
export const BASE_COMPLIANT = 1;
export const BASE_COMBINED = 2;

export interface FastSchedule {
  nTracks: number;
  base: Int8Array;
  deductible: Float64Array;
  trackCap: Float64Array;
  /** Band edges of track t at [offset[t], offset[t+1]); Infinity for an open band. */
  offset: Int32Array;
  edges: Float64Array;
  ratios: Float64Array;
  cap: number;
  /** Smallest deductible over tracks: an eligible base at or below it pays nothing. */
  minDeductible: number;
  /** No track cap and every ratio positive: the benefit rises strictly once any base passes its deductible. */
  linearUncapped: boolean;
}

export function compileFast(s: ResolvedSchedule): FastSchedule {
  const n = s.tracks.length;
  const offset = new Int32Array(n + 1);
  s.tracks.forEach((t, i) => (offset[i + 1] = offset[i] + t.bands.length));
  const edges = new Float64Array(offset[n]);
  const ratios = new Float64Array(offset[n]);
  s.tracks.forEach((t, i) =>
    t.bands.forEach((b, k) => {
      edges[offset[i] + k] = b.to === null ? Infinity : b.to.toNumber();
      ratios[offset[i] + k] = b.ratio.toNumber();
    }),
  );
  const deductible = Float64Array.from(s.tracks, (t) => t.deductible.toNumber());
  return {
    nTracks: n,
    base: Int8Array.from(s.tracks, (t) =>
      t.base === 'selfBurden' ? BASE_SELF_BURDEN : t.base === 'compliantSelfPay' ? BASE_COMPLIANT : BASE_COMBINED,
    ),
    deductible,
    trackCap: Float64Array.from(s.tracks, (t) => (t.cap === null ? Infinity : t.cap.toNumber())),
    offset,
    edges,
    ratios,
    cap: s.cap === null ? Infinity : s.cap.toNumber(),
    minDeductible: Math.min(...deductible),
    linearUncapped: s.tracks.every((t) => t.cap === null && t.bands.every((b) => b.ratio.gt(0))),
  };
}

/** Paid by track t for an eligible base (before caps of other tracks). */
export function fastTrackPaid(f: FastSchedule, t: number, eligible: number, capped = true): number {
  let lo = f.deductible[t];
  if (eligible <= lo) return 0;
  let paid = 0;
  for (let k = f.offset[t]; k < f.offset[t + 1]; k++) {
    const hi = f.edges[k];
    if (hi > lo) {
      paid += f.ratios[k] * ((eligible < hi ? eligible : hi) - lo);
      if (eligible <= hi) break;
      lo = hi;
    }
  }
  const cap = capped ? f.trackCap[t] : Infinity;
  return paid < cap ? paid : cap;
}

export function baseOf(kind: number, selfBurden: number, compliantSelfPay: number): number {
  return kind === BASE_SELF_BURDEN ? selfBurden : kind === BASE_COMPLIANT ? compliantSelfPay : selfBurden + compliantSelfPay;
}

/** One person's benefit in float64 (unrounded). */
export function fastBenefit(f: FastSchedule, selfBurden: number, compliantSelfPay: number): number {
  let total = 0;
  for (let t = 0; t < f.nTracks; t++) total += fastTrackPaid(f, t, baseOf(f.base[t], selfBurden, compliantSelfPay));
  return total < f.cap ? total : f.cap;
}

/** Round half-up to the fen, for comparing a float result with the exact one. */
export function roundFen(x: number): number {
  return Math.round(x * 100 + 1e-7) / 100;
}
