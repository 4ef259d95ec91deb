/**
 * Step 4 of the exact aggregate: the figures of a payout distribution on the grid, as the Monte Carlo reports
 * them (engine/summary.ts): moments, quantiles, TVaR, the loss ratio, and how much the grid itself may have cost.
 */
import type { Severity } from '../random/severity/severity.ts';
import { firstPositive, type Piecewise } from '../rules/piecewise.ts';

export interface PayoutFigures {
  mean: number;
  sd: number;
  /** Null for a point mass (sd 0), whose skewness is undefined. */
  skewness: number | null;
  p05: number;
  p50: number;
  p95: number;
  p995: number;
  tvar995: number;
}

/** Moments, quantiles (smallest value with F ≥ p) and TVaR at 99.5% (the mean of the top 0.5% of mass). */
export function describePmf(pmf: Float64Array, lo: number, h: number): PayoutFigures {
  let m1 = 0;
  for (let i = 0; i < pmf.length; i++) m1 += pmf[i] * (lo + i * h);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < pmf.length; i++) {
    const d = lo + i * h - m1;
    m2 += pmf[i] * d * d;
    m3 += pmf[i] * d * d * d;
  }
  const sd = Math.sqrt(m2);
  // The quantile read linearly within the bucket that reaches p, its mass spread over [x − h/2, x + h/2]: the
  // smallest grid point with F ≥ p is up to a step high, 1e-4 of a large scheme's payout at 2^14 points.
  const q = (p: number) => {
    if (pmf.length === 1) return lo;
    let c = 0;
    for (let i = 0; i < pmf.length; i++) {
      if (c + pmf[i] >= p - 1e-12) return lo + (i - 0.5 + Math.min(1, Math.max(0, (p - c) / pmf[i]))) * h;
      c += pmf[i];
    }
    return lo + (pmf.length - 1) * h;
  };
  // TVaR: the top 0.5% of probability, the atom at the boundary counted in part.
  let need = 0.005;
  let s = 0;
  for (let i = pmf.length - 1; i >= 0 && need > 0; i--) {
    const take = Math.min(pmf[i], need);
    s += take * (lo + i * h);
    need -= take;
  }
  return {
    mean: m1,
    sd,
    skewness: sd > 0 ? m3 / (sd * sd * sd) : null,
    p05: q(0.05),
    p50: q(0.5),
    p95: q(0.95),
    p995: q(0.995),
    tvar995: s / (0.005 - need),
  };
}

/** The loss ratio S / premium: its mean and quantiles from the payout's, and P(S > premium) from the pmf; null without a premium. */
export function lossRatioOf(stats: PayoutFigures, pmf: Float64Array, lo: number, h: number, premium: number) {
  // No premium, no loss ratio: null (shown "—"), never NaN in JSON or a table.
  if (!(premium > 0)) return null;
  let above = 0;
  for (let i = 0; i < pmf.length; i++) if (lo + i * h > premium) above += pmf[i];
  return { mean: stats.mean / premium, p05: stats.p05 / premium, p95: stats.p95 / premium, probAbove1: above };
}

/**
 * Expected paid claimants (B > 0) at the mean cost level: Σ over populations and curves of
 * insured · incidence · P(curve) · S_X(first amount paid). With the grid step h it bounds the variance that
 * rounding benefits to the grid adds (local moment matching adds at most h²/4 per paid claimant).
 */
export function expectedPaidClaimants(
  parts: { pop: { insured: number; incidence: number; severity: Severity }; curves: { pr: number; curve: Piecewise }[] }[],
): number {
  return parts.reduce(
    (a, part) =>
      a +
      part.pop.insured *
        part.pop.incidence *
        part.curves.reduce((s, c) => s + c.pr * part.pop.severity.survival(firstPositive(c.curve)), 0),
    0,
  );
}
