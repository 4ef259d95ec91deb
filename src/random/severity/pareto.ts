import { BaseSeverity } from './severity.ts';

/**
 * Pareto type II (Lomax) with shape α and scale θ: S(x) = (θ / (x + θ))^α.
 * LEV(u) = θ/(α−1) · [1 − (θ/(u+θ))^{α−1}] for α ≠ 1, −θ ln(θ/(u+θ)) for α = 1 (Loss Models, app. A.2.3.1).
 */
export class Pareto extends BaseSeverity {
  readonly family = 'pareto';
  constructor(
    readonly alpha: number,
    readonly theta: number,
  ) {
    super();
  }
  cdf(x: number): number {
    return 1 - this.survival(x);
  }
  density(x: number): number {
    return x < 0 ? 0 : (this.alpha / (x + this.theta)) * this.survival(x);
  }
  override survival(x: number): number {
    return x <= 0 ? 1 : Math.pow(this.theta / (x + this.theta), this.alpha);
  }
  upperQuantile(s: number): number {
    return this.theta * (Math.pow(s, -1 / this.alpha) - 1);
  }
  mean(): number {
    return this.alpha > 1 ? this.theta / (this.alpha - 1) : Infinity;
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    if (!Number.isFinite(u)) return this.mean();
    // θ/(α − 1)·(1 − (θ/(u + θ))^(α−1)), through log1p and expm1: exact to a few ulps also for u ≪ θ.
    const lnRatio = Math.log1p(u / this.theta);
    if (Math.abs(this.alpha - 1) < 1e-12) return this.theta * lnRatio;
    return (this.theta / (this.alpha - 1)) * -Math.expm1((1 - this.alpha) * lnRatio);
  }
}
