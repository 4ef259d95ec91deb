/**
 * One person's annual benefit, exact: decimal arithmetic throughout, rounded half-up to the fen (0.01 yuan) once,
 * at the end (docs/model.md "Ruleset"). Benefit of a track = Σ over bands of ratio × (part of the eligible base inside
 * the band above the deductible), then the track cap; the person's benefit = Σ tracks, then the overall cap.
 * Worked examples: docs/policy.md §2 (Jiangyin: 150,000 → 89,200).
 */
import Decimal from 'decimal.js';
import type { ResolvedSchedule, ResolvedTrack, TrackBase } from './schedule.ts';

export interface EligibleAmounts {
  /** In-policy self-burden 自负 (yuan). */
  selfBurden: Decimal.Value;
  /** Compliant self-pay 合规自费 (yuan). */
  compliantSelfPay?: Decimal.Value;
}

export interface TrackResult {
  id: string;
  base: TrackBase;
  eligible: string;
  deductible: string;
  /** Paid by this track after its cap, before the overall cap; shown to the fen. */
  paid: string;
}

export interface ExactBenefit {
  benefit: string;
  tracks: TrackResult[];
  capped: boolean;
}

export function eligibleBase(base: TrackBase, amounts: { selfBurden: Decimal; compliantSelfPay: Decimal }): Decimal {
  if (base === 'selfBurden') return amounts.selfBurden;
  if (base === 'compliantSelfPay') return amounts.compliantSelfPay;
  return amounts.selfBurden.add(amounts.compliantSelfPay);
}

export function exactTrackPaid(track: ResolvedTrack, eligible: Decimal): Decimal {
  let paid = new Decimal(0);
  for (const band of track.bands) {
    const lo = band.from === null ? track.deductible : Decimal.max(band.from, track.deductible);
    const hi = band.to === null ? eligible : Decimal.min(band.to, eligible);
    if (hi.gt(lo)) paid = paid.add(hi.sub(lo).mul(band.ratio));
  }
  return track.cap !== null ? Decimal.min(paid, track.cap) : paid;
}

export function exactBenefit(schedule: ResolvedSchedule, input: EligibleAmounts): ExactBenefit {
  const amounts = { selfBurden: new Decimal(input.selfBurden), compliantSelfPay: new Decimal(input.compliantSelfPay ?? 0) };
  let total = new Decimal(0);
  const tracks = schedule.tracks.map((t) => {
    const eligible = eligibleBase(t.base, amounts);
    const paid = exactTrackPaid(t, eligible);
    total = total.add(paid);
    return {
      id: t.id,
      base: t.base,
      eligible: eligible.toFixed(2, Decimal.ROUND_HALF_UP),
      deductible: t.deductible.toFixed(2),
      paid: paid.toFixed(2, Decimal.ROUND_HALF_UP),
    };
  });
  const capped = schedule.cap !== null && total.gt(schedule.cap);
  if (capped) total = schedule.cap!;
  return { benefit: total.toFixed(2, Decimal.ROUND_HALF_UP), tracks, capped };
}
