/**
 * The mean of a smooth function over a fit's sampling distribution, E[m(θ)] with θ ~ Normal(θ̂, L·Lᵀ), to second
 * order: m(θ̂) + ½ Σᵢ (m(θ̂ + h·Lᵢ) − 2m(θ̂) + m(θ̂ − h·Lᵢ)) / h², the delta method's bias correction
 * ½·tr(Σ·∇²m) (Klugman, Panjer & Willmot, Loss Models, 4th ed., §13.3) with the Hessian taken by central
 * differences along the Cholesky columns Lᵢ. Exact for polynomials up to degree 3 (a symmetric cubature rule with
 * a centre point, as in the unscented transform: Julier & Uhlmann 1997). h = ½ keeps every node within half a
 * standard deviation of the estimate, inside the family's valid region whenever the scenario's checks hold
 * (sd ≤ the distance to the edge, scenario/uncertainty-checks.ts). Columns of L that are zero are left out, so a
 * zero covariance gives m(θ̂) exactly.
 */
import type { FitUncertainty } from './fit-draw.ts';

export const NODE_STEP = 0.5;

/** The nodes θ̂ ± h·Lᵢ, as [plus, minus] pairs, one pair per non-zero column of L. */
export function fitNodePairs(fit: FitUncertainty): [Float64Array, Float64Array][] {
  const k = fit.names.length;
  const pairs: [Float64Array, Float64Array][] = [];
  for (let i = 0; i < k; i++) {
    let any = false;
    for (let j = i; j < k; j++) if (fit.factor[j * k + i] !== 0) any = true;
    if (!any) continue;
    const plus = Float64Array.from(fit.estimate);
    const minus = Float64Array.from(fit.estimate);
    for (let j = i; j < k; j++) {
      plus[j] += NODE_STEP * fit.factor[j * k + i];
      minus[j] -= NODE_STEP * fit.factor[j * k + i];
    }
    pairs.push([plus, minus]);
  }
  return pairs;
}

/** m(θ̂) + Σ over the pairs of (m₊ − m₀ + m₋ − m₀) / (2h²): the second-order mean from the node values. */
export function secondOrderMean(atEstimate: number, pairs: readonly [number, number][]): number {
  let correction = 0;
  for (const [plus, minus] of pairs) correction += plus - atEstimate + (minus - atEstimate);
  return pairs.length ? atEstimate + correction / (2 * NODE_STEP * NODE_STEP) : atEstimate;
}
