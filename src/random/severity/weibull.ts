import { gammaP, gammaln } from '../../math/special.ts';
import { BaseSeverity } from './severity.ts';

/**
 * Weibull with shape k and scale λ: S(x) = exp(−(x/λ)^k).
 * LEV(u) = λ Γ(1 + 1/k) P(1 + 1/k, (u/λ)^k) + u S(u) (Loss Models, app. A.3.2.3).
 */
export class Weibull extends BaseSeverity {
  readonly family = 'weibull';
  constructor(
    readonly shape: number,
    readonly scale: number,
  ) {
    super();
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : -Math.expm1(-Math.pow(x / this.scale, this.shape));
  }
  density(x: number): number {
    if (x <= 0) return 0;
    const r = Math.pow(x / this.scale, this.shape);
    return (this.shape * r * Math.exp(-r)) / x;
  }
  override survival(x: number): number {
    return x <= 0 ? 1 : Math.exp(-Math.pow(x / this.scale, this.shape));
  }
  upperQuantile(s: number): number {
    return this.scale * Math.pow(-Math.log(s), 1 / this.shape);
  }
  override quantile(p: number): number {
    return this.scale * Math.pow(-Math.log1p(-p), 1 / this.shape);
  }
  mean(): number {
    return this.scale * Math.exp(gammaln(1 + 1 / this.shape));
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    if (!Number.isFinite(u)) return this.mean();
    return this.mean() * gammaP(1 + 1 / this.shape, Math.pow(u / this.scale, this.shape)) + u * this.survival(u);
  }
}
