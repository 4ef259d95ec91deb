import { normalPdfOverCdf } from '../../math/normal.ts';
import { Spliced } from './spliced.ts';

/**
 * Composite lognormal–Pareto: a lognormal body up to the splice θ and a Pareto I tail above it (optionally
 * truncated at a limit L), with the body's weight r fixed so the density is continuous at θ (Scollnik, "On
 * composite lognormal-Pareto models", Scand. Actuarial J. 2007(1), §2; Cooray & Ananda, Scand. Actuarial J. 2005(5)).
 * Continuity r·f_LN(θ)/F_LN(θ) = (1 − r)·α/(θ(1 − (θ/L)^α)) gives r = B/(A + B), A = θ f_LN(θ)/F_LN(θ) =
 * φ(z)/(σΦ(z)), B = α/(1 − (θ/L)^α), z = (ln θ − μ)/σ. The density is also smooth at θ when ln θ − μ = ασ²
 * (Cooray & Ananda's one-parameter-fewer model); this family leaves μ free.
 *
 * The point: no cliff of the model's making at a deductible (a spliced fit whose density jumps ×100 at the splice
 * answers "lower the deductible" from that jump).
 */
export class LognormalPareto extends Spliced {
  override readonly family = 'lognormalPareto';
  constructor(mu: number, sigma: number, splice: number, alpha: number, limit = Infinity) {
    super(mu, sigma, splice, alpha, continuousBodyWeight(mu, sigma, splice, alpha, limit), limit);
  }
}

/** r = B/(A + B) of the class comment. */
export function continuousBodyWeight(mu: number, sigma: number, splice: number, alpha: number, limit = Infinity): number {
  const a = normalPdfOverCdf((Math.log(splice) - mu) / sigma) / sigma;
  const b = alpha / (Number.isFinite(limit) ? -Math.expm1(alpha * Math.log(splice / limit)) : 1);
  return b / (a + b);
}
