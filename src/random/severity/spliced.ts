import type { Rng } from '../xoshiro.ts';
import { exponentialZiggurat } from '../exponential.ts';
import { fillSortedExpOf, fillSortedExponential } from '../order.ts';
import { binomial } from '../frequency.ts';
import { normalQuantileFast } from '../../math/normal.ts';
import { Lognormal } from './lognormal.ts';
import { BaseSeverity, keepAscending } from './severity.ts';

/**
 * Spliced severity: a lognormal body below the splice point s carrying probability w, and a Pareto type I tail
 * above it, S(x) = (1 − w)(s/x)^α for x > s (Loss Models, §5.2.6 "splicing"): ordinary hospital stays in the
 * body, the expensive cases in a heavier tail.
 */
export class Spliced extends BaseSeverity {
  readonly family = 'spliced';
  private readonly body: Lognormal;
  private readonly bodyAtSplice: number;

  constructor(
    mu: number,
    sigma: number,
    readonly splice: number,
    readonly alpha: number,
    readonly bodyWeight: number,
  ) {
    super();
    this.body = new Lognormal(mu, sigma);
    this.bodyAtSplice = this.body.cdf(splice);
    this.invAlpha = 1 / alpha;
  }
  cdf(x: number): number {
    if (x <= this.splice) return (this.bodyWeight * this.body.cdf(x)) / this.bodyAtSplice;
    return 1 - this.survival(x);
  }
  override survival(x: number): number {
    if (x <= this.splice) return 1 - this.cdf(x);
    return (1 - this.bodyWeight) * Math.pow(this.splice / x, this.alpha);
  }
  upperQuantile(s: number): number {
    const w = this.bodyWeight;
    if (s <= 1 - w) return this.splice * Math.pow((1 - w) / s, 1 / this.alpha);
    return this.body.quantile(((1 - s) / w) * this.bodyAtSplice);
  }
  override sampleAbove(rng: Rng, s: number): number {
    // Above the splice the tail is Pareto I, X | X > t = t·exp(E/α) with E ~ Exp(1) (Ziggurat: no logarithm).
    const tailMass = 1 - this.bodyWeight;
    if (s <= tailMass) {
      if (s !== this.cachedS) {
        this.cachedS = s;
        this.cachedT = this.upperQuantile(s);
      }
      return this.cachedT * Math.exp(exponentialZiggurat(rng) * this.invAlpha);
    }
    // The threshold lies in the body: the tail with probability (1 − w)/s, else the body by its quantile.
    const v = s * rng.uniform();
    if (v <= tailMass) return this.splice * Math.exp(exponentialZiggurat(rng) * this.invAlpha);
    return this.bodyAt(v);
  }
  /** The body amount whose upper-tail probability is v (1 − w < v ≤ 1), by the fast Φ⁻¹. */
  private bodyAt(v: number): number {
    const body = this.body;
    return Math.exp(body.mu + body.sigma * normalQuantileFast(((1 - v) / this.bodyWeight) * this.bodyAtSplice));
  }
  /**
   * Sorted batch (Severity.fillAbove). With the threshold in the body, the number of people in the Pareto tail
   * is Binomial(n, (1 − w)/s); the body's people come first (every body amount is below the splice), each part
   * in ascending order.
   */
  override fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void {
    const tailMass = 1 - this.bodyWeight;
    let nBody = 0;
    let t = this.splice;
    if (s <= tailMass) t = this.upperQuantile(s);
    else nBody = n - binomial(rng, n, tailMass / s);
    const mid = from + nBody;
    if (nBody > 0) {
      // Body between the threshold and the splice: v = (1 − w) + (s − (1 − w))·U, X falls as v rises, so
      // descending uniforms U = exp(−E₍ᵢ₎) give ascending amounts.
      fillSortedExponential(rng, out, from, nBody);
      const span = s - tailMass;
      for (let i = from; i < mid; i++) out[i] = this.bodyAt(tailMass + span * Math.exp(-out[i]));
      keepAscending(out, from, mid);
    }
    // X | X > t = t·exp(E/α) above the splice (Pareto I): ascending with E.
    fillSortedExpOf(rng, out, mid, n - nBody, this.invAlpha, t, nBody > 0 ? out[mid - 1] : 0);
  }
  private cachedS = NaN;
  private cachedT = NaN;
  private readonly invAlpha: number;
  mean(): number {
    return this.lev(Infinity);
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    const s = this.splice;
    if (u <= s) return this.levBody(u);
    const a = this.alpha;
    const w = this.bodyWeight;
    // LEV at the splice is the same for every u above it (the analytic engine and the exact aggregate ask often).
    if (Number.isNaN(this.levAtSplice)) this.levAtSplice = this.levBody(s);
    if (!Number.isFinite(u)) return a > 1 ? this.levAtSplice + ((1 - w) * s) / (a - 1) : Infinity;
    // ∫ₛᵘ (1 − w)(s/x)^α dx. 1 − (s/u)^(α−1) as −expm1((1 − α)·log1p((u − s)/s)): no cancellation just above the
    // splice, and half the time of Math.pow (the exact aggregate asks at every grid point).
    const lnRatio = Math.log1p((u - s) / s);
    const tail = Math.abs(a - 1) < 1e-12 ? (1 - w) * s * lnRatio : (((1 - w) * s) / (a - 1)) * -Math.expm1((1 - a) * lnRatio);
    return this.levAtSplice + tail;
  }
  private levAtSplice = NaN;
  /** ∫₀ᵘ F_body = u − LEV_body(u), so for u ≤ s: LEV(u) = u − k (u − LEV_body(u)), k = w / F_body(s). */
  private levBody(v: number): number {
    const k = this.bodyWeight / this.bodyAtSplice;
    return v - k * (v - this.body.lev(v));
  }
}
