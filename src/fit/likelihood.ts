/**
 * Log-likelihoods (Klugman, Panjer & Willmot, Loss Models, 4th ed., §11.2–11.3 and §13.3):
 * individual amounts with weights, ℓ = Σ wᵢ [ln f(xᵢ) − ln S(d)];
 * grouped (interval-censored) counts, ℓ = Σ nᵢ ln(F(uᵢ) − F(lᵢ)) − n ln S(d), the open top band's u = ∞;
 * d the left-truncation point (0: none, S(0) = 1).
 * Returns −∞ where the parameters are outside the family's range or the likelihood is zero, never NaN.
 */
import type { FitFamily } from './families.ts';
import type { GroupedSample, IndividualSample, Sample } from './likelihood-data.ts';

export function logLikelihood(family: FitFamily, p: readonly number[], sample: Sample): number {
  if (!withinRange(family, p)) return -Infinity;
  const ll = sample.kind === 'individual' ? individual(family, p, sample) : grouped(family, p, sample);
  return Number.isNaN(ll) ? -Infinity : ll;
}

/**
 * The range searched for a positive parameter. Below 1e-4 the incomplete gamma loses digits (simple-statistics'
 * ln Γ is off by 5e-9 at 1e-8), and no severity in yuan has a shape, scale or tail index outside it; an estimate
 * that runs to either end is reported as not converged (fit.ts).
 */
export const POSITIVE_RANGE: readonly [number, number] = [1e-4, 1e12];

function withinRange(family: FitFamily, p: readonly number[]): boolean {
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!Number.isFinite(v)) return false;
    const scale = family.scales[i];
    if (scale === 'log' && !(v >= POSITIVE_RANGE[0] && v <= POSITIVE_RANGE[1])) return false;
    if (scale === 'logit' && !(v > 0 && v < 1)) return false;
  }
  return true;
}

function individual(family: FitFamily, p: readonly number[], s: IndividualSample): number {
  let ll: number;
  if (family.sumLogDensity) ll = family.sumLogDensity(p, s);
  else {
    const f = family.logDensity(p);
    const { x, lnx, w } = s;
    ll = 0;
    for (let i = 0; i < x.length; i++) ll += w[i] * f(x[i], lnx[i]);
  }
  if (s.truncate > 0) ll -= s.n * Math.log(family.distribution(p).survival(s.truncate));
  return ll;
}

function grouped(family: FitFamily, p: readonly number[], s: GroupedSample): number {
  const dist = family.distribution(p);
  let ll = 0;
  for (let i = 0; i < s.lower.length; i++) {
    const c = s.counts[i];
    if (c === 0) continue;
    ll += c * Math.log(bandProbability(dist, s.lower[i], s.upper[i]));
  }
  if (s.truncate > 0) ll -= s.n * Math.log(dist.survival(s.truncate));
  return ll;
}

/** P(l < X ≤ u), from the survival function above the median (no cancellation in the tail). */
export function bandProbability(dist: { cdf(x: number): number; survival(x: number): number }, l: number, u: number): number {
  const sl = dist.survival(l);
  if (sl < 0.5) return sl - (Number.isFinite(u) ? dist.survival(u) : 0);
  return (Number.isFinite(u) ? dist.cdf(u) : 1) - dist.cdf(l);
}
