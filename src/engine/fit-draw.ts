/**
 * Estimation risk of a fitted severity: each trial draws the parameters from the estimates' asymptotic sampling
 * distribution, θ ~ Normal(θ̂, Σ) with Σ the inverse observed information (Klugman, Panjer & Willmot, Loss
 * Models, 4th ed., §13.3, the asymptotic normality of maximum-likelihood estimators), as θ = θ̂ + L·z with
 * Σ = L·Lᵀ (math/cholesky.ts) and z ~ Normal(0, I). A draw outside the family's valid region
 * (scenario/severity-parameters.ts) is redrawn, at most MAX_REDRAWS times, then clamped into the region and
 * counted, so a run reports how often that happened (engine/summary.ts). The scenario's checks hold each sd
 * within the distance to the region's edge (scenario/uncertainty-checks.ts), so a redraw is rare and a clamp
 * practically never happens.
 */
import { cholesky } from '../math/cholesky.ts';
import { normalZiggurat } from '../random/normal.ts';
import { severityOf, type Severity } from '../random/severity/index.ts';
import type { Rng } from '../random/xoshiro.ts';
import type { SeveritySpec } from '../scenario/schema.ts';
import { isParametricFamily, parameterRegion } from '../scenario/severity-parameters.ts';

export const MAX_REDRAWS = 100;

/** A clamped coordinate sits this share of the estimate's distance inside the region's edge. */
const CLAMP_INSET = 0.01;

export interface FitUncertainty {
  spec: SeveritySpec;
  names: string[];
  estimate: Float64Array;
  /** Row-major lower-triangular L with Σ = L·Lᵀ. */
  factor: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/** The fit's draw plan for a severity, or null when it carries no uncertainty (or is not parametric). */
export function compileFit(spec: SeveritySpec): FitUncertainty | null {
  const family = spec.family;
  if (spec.family === 'empirical' || !spec.uncertainty || !isParametricFamily(family)) return null;
  const { parameters, covariance } = spec.uncertainty;
  const factor = cholesky(covariance).factor;
  // The scenario's checks refuse a matrix that does not factor (scenario/uncertainty-checks.ts).
  if (!factor) throw new Error(`severity uncertainty: the covariance of ${parameters.join(', ')} is not positive semi-definite`);
  const value = (n: string) => (spec as unknown as Record<string, { value: number }>)[n].value;
  const estimate = Float64Array.from(parameters, value);
  const regions = parameters.map((n, i) => parameterRegion(family, n, estimate[i]));
  return {
    spec,
    names: [...parameters],
    estimate,
    factor,
    lower: Float64Array.from(regions, (r) => r.lower),
    upper: Float64Array.from(regions, (r) => r.upper),
  };
}

/**
 * One draw of the parameters into `out` (in the order of `fit.names`), from `rng` (the trial's fit stream).
 * Returns true when MAX_REDRAWS draws all left the region and the last one was clamped into it.
 */
export function drawFitParameters(rng: Rng, fit: FitUncertainty, out: Float64Array, z = new Float64Array(fit.names.length)): boolean {
  const k = fit.names.length;
  const L = fit.factor;
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    for (let j = 0; j < k; j++) z[j] = normalZiggurat(rng);
    let inside = true;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += L[i * k + j] * z[j];
      const theta = fit.estimate[i] + s;
      out[i] = theta;
      if (!(theta > fit.lower[i] && theta < fit.upper[i])) inside = false;
    }
    if (inside) return false;
  }
  for (let i = 0; i < k; i++) {
    const e = fit.estimate[i];
    const lo = Number.isFinite(fit.lower[i]) ? fit.lower[i] + CLAMP_INSET * (e - fit.lower[i]) : -Infinity;
    const hi = Number.isFinite(fit.upper[i]) ? fit.upper[i] - CLAMP_INSET * (fit.upper[i] - e) : Infinity;
    out[i] = Math.min(hi, Math.max(lo, out[i]));
  }
  return true;
}

/** The severity (before any cost level) at parameters θ, the names not listed kept at their estimates. */
export function severityAt(fit: FitUncertainty, theta: ArrayLike<number>): Severity {
  const spec = { ...fit.spec } as unknown as Record<string, unknown>;
  fit.names.forEach((n, i) => (spec[n] = { value: theta[i] }));
  return severityOf(spec as unknown as SeveritySpec);
}
