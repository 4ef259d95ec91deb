/**
 * Analytic expectation of one person's benefit when the self-pay ratio is fixed: every eligible base is then a
 * piecewise-linear function of the annual amount X, so is the benefit, and its expectation follows from the
 * severity's limited expected values (piecewise.ts).
 */
import type { Severity } from '../random/severity/severity.ts';
import { BASE_COMBINED, BASE_COMPLIANT, BASE_SELF_BURDEN, fastTrackPaid, type FastSchedule } from './fast.ts';
import { capAt, evaluate, expectation, firstPositive, fromKinks, inverse, type Piecewise } from './piecewise.ts';

/** Eligible base of a track as a function of X: self-burden curve, κX (κ = self-pay ratio × compliant share), or both. */
export function baseCurve(kind: number, selfBurden: Piecewise, kappa: number): Piecewise {
  if (kind === BASE_COMPLIANT) return { xs: [0], ys: [0], tail: kappa };
  if (kind === BASE_SELF_BURDEN) return selfBurden;
  return { xs: selfBurden.xs, ys: selfBurden.xs.map((x, i) => selfBurden.ys[i] + kappa * x), tail: selfBurden.tail + kappa };
}

function addCurves(curves: Piecewise[]): Piecewise {
  const kinks = new Set<number>();
  for (const c of curves) c.xs.forEach((x) => kinks.add(x));
  return fromKinks((x) => curves.reduce((s, c) => s + evaluate(c, x), 0), kinks);
}

/** Benefit as a piecewise-linear function of the annual amount X. */
export function benefitCurve(f: FastSchedule, selfBurden: Piecewise, kappa: number): Piecewise {
  const tracks: Piecewise[] = [];
  for (let t = 0; t < f.nTracks; t++) {
    const base = baseCurve(f.base[t], selfBurden, kappa);
    const kinks = [...base.xs, inverse(base, f.deductible[t])];
    for (let k = f.offset[t]; k < f.offset[t + 1]; k++) if (Number.isFinite(f.edges[k])) kinks.push(inverse(base, f.edges[k]));
    const uncapped = fromKinks((x) => fastTrackPaid(f, t, evaluate(base, x), false), kinks);
    tracks.push(capAt(uncapped, f.trackCap[t]));
  }
  return capAt(tracks.length === 1 ? tracks[0] : addCurves(tracks), f.cap);
}

/** Σ over tracks of (eligible base − deductible)⁺: the denominator of the policy-range reimbursement ratio. */
export function excessCurve(f: FastSchedule, selfBurden: Piecewise, kappa: number): Piecewise {
  const parts: Piecewise[] = [];
  for (let t = 0; t < f.nTracks; t++) {
    const base = baseCurve(f.base[t], selfBurden, kappa);
    const d = f.deductible[t];
    parts.push(fromKinks((x) => Math.max(0, evaluate(base, x) - d), [...base.xs, inverse(base, d)]));
  }
  return parts.length === 1 ? parts[0] : addCurves(parts);
}

export interface PersonExpectation {
  /** E[benefit] per person with eligible cost. */
  benefit: number;
  /** P(benefit > 0). */
  beneficiary: number;
  /** E[(base − deductible)⁺ summed over tracks]. */
  excess: number;
  /** E[(self-burden + compliant self-pay) · 1{benefit > 0}]: a beneficiary's base for seed 000's indicator. */
  beneficiaryBase: number;
  /** The amount X above which benefits start. */
  threshold: number;
}

export function expectPerson(f: FastSchedule, selfBurden: Piecewise, kappa: number, sev: Severity): PersonExpectation {
  const curve = benefitCurve(f, selfBurden, kappa);
  const lev = (u: number) => sev.lev(u);
  const mean = sev.mean();
  const threshold = firstPositive(curve);
  const beneficiary = Number.isFinite(threshold) ? sev.survival(threshold) : 0;
  // E[h(X)·1{X > t}] = E[h(X) − h(min(X, t))] + h(t)·P(X > t), h = self-burden + κX: the first term's curve is
  // continuous and piecewise linear (zero up to t), so the limited expected values give it like the others.
  let beneficiaryBase = 0;
  if (Number.isFinite(threshold)) {
    const h = baseCurve(BASE_COMBINED, selfBurden, kappa);
    const ht = evaluate(h, threshold);
    const above = fromKinks((x) => evaluate(h, x) - evaluate(h, Math.min(x, threshold)), [...h.xs, threshold]);
    beneficiaryBase = expectation(above, lev, mean) + ht * beneficiary;
  }
  return {
    benefit: expectation(curve, lev, mean),
    beneficiary,
    excess: expectation(excessCurve(f, selfBurden, kappa), lev, mean),
    beneficiaryBase,
    threshold,
  };
}
