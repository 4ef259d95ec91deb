import { normalCdf, normalQuantile, normalQuantileFast, normalZiggurat } from '../normal.ts';
import type { Rng } from '../xoshiro.ts';
import { fillSortedExponential } from '../order.ts';
import { BaseSeverity, keepAscending } from './severity.ts';

/** Lognormal: ln X ~ N(μ, σ²). LEV(u) = e^{μ+σ²/2} Φ((ln u − μ − σ²)/σ) + u (1 − Φ((ln u − μ)/σ)) (Loss Models, app. A.4.1.1). */
export class Lognormal extends BaseSeverity {
  readonly family = 'lognormal';
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {
    super();
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : normalCdf((Math.log(x) - this.mu) / this.sigma);
  }
  override survival(x: number): number {
    return x <= 0 ? 1 : normalCdf(-(Math.log(x) - this.mu) / this.sigma);
  }
  override quantile(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }
  upperQuantile(s: number): number {
    return Math.exp(this.mu - this.sigma * normalQuantile(s));
  }
  mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    if (!Number.isFinite(u)) return this.mean();
    const z = (Math.log(u) - this.mu) / this.sigma;
    return this.mean() * normalCdf(z - this.sigma) + u * normalCdf(-z);
  }
  override sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * normalZiggurat(rng));
  }
  override sampleAbove(rng: Rng, s: number): number {
    return Math.exp(this.mu - this.sigma * normalQuantileFast(s * rng.uniform()));
  }
  override fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void {
    fillSortedExponential(rng, out, from, n);
    for (let i = from; i < from + n; i++) out[i] = Math.exp(this.mu - this.sigma * normalQuantileFast(s * Math.exp(-out[i])));
    keepAscending(out, from, from + n);
  }
}
