import { betaInc } from '../../math/special.ts';
import { BaseSeverity } from './severity.ts';

/**
 * Log-logistic (Fisk) with scale α and shape β: F(x) = (x/α)^β / (1 + (x/α)^β).
 * E[X ∧ u] = α Γ(1+1/β) Γ(1−1/β) I_τ(1+1/β, 1−1/β) + u (1 − τ), τ = F(u) (Loss Models, app. A.2.6.1); needs β > 1.
 */
export class LogLogistic extends BaseSeverity {
  readonly family = 'loglogistic';
  constructor(
    readonly scale: number,
    readonly shape: number,
  ) {
    super();
  }
  cdf(x: number): number {
    if (x <= 0) return 0;
    const r = Math.pow(x / this.scale, this.shape);
    return r / (1 + r);
  }
  density(x: number): number {
    if (x <= 0) return 0;
    const r = Math.pow(x / this.scale, this.shape);
    return (this.shape * r) / (x * (1 + r) * (1 + r));
  }
  override survival(x: number): number {
    if (x <= 0) return 1;
    return 1 / (1 + Math.pow(x / this.scale, this.shape));
  }
  upperQuantile(s: number): number {
    return this.scale * Math.pow((1 - s) / s, 1 / this.shape);
  }
  mean(): number {
    if (this.shape <= 1) return Infinity;
    const b = Math.PI / this.shape;
    return (this.scale * b) / Math.sin(b);
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    if (!Number.isFinite(u)) return this.mean();
    const tau = this.cdf(u);
    const k = 1 / this.shape;
    return this.mean() * betaInc(tau, 1 + k, 1 - k) + u * (1 - tau);
  }
}
