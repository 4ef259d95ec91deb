import type { Rng } from '../xoshiro.ts';
import { exponentialZiggurat } from '../exponential.ts';
import { expFast } from '../exp.ts';
import { fillSortedExpOf, fillSortedExponential } from '../order.ts';
import { binomial } from '../frequency.ts';
import { normalQuantileFast } from '../../math/normal.ts';
import { Lognormal } from './lognormal.ts';
import { BaseSeverity, keepAscending } from './severity.ts';

/**
 * Spliced severity: a lognormal body below the splice point s carrying probability w, and a Pareto type I tail
 * above it, S(x) = (1 − w)(s/x)^α for x > s (Loss Models, §5.2.6 "splicing"): ordinary hospital stays in the
 * body, the expensive cases in a heavier tail. With a limit L the tail is truncated there (no annual amount
 * beyond L): S(x) = c((s/x)^α − q) on s < x < L, q = (s/L)^α, c = (1 − w)/(1 − q) (Loss Models §5.2.3, a
 * truncated distribution renormalised).
 *
 * The weight w is free here, so the density may jump at s; `LognormalPareto` fixes it by continuity.
 */
export class Spliced extends BaseSeverity {
  readonly family: string = 'spliced';
  private readonly body: Lognormal;
  private readonly bodyAtSplice: number;
  /** (s/L)^α: the untruncated tail's mass beyond the limit, relative to its mass at s (0 without a limit). */
  private readonly q: number;
  /** (1 − w)/(1 − q): the tail's survival is c((s/x)^α − q). */
  private readonly c: number;

  constructor(
    readonly mu: number,
    readonly sigma: number,
    readonly splice: number,
    readonly alpha: number,
    readonly bodyWeight: number,
    readonly limit = Infinity,
  ) {
    super();
    this.body = new Lognormal(mu, sigma);
    this.bodyAtSplice = this.body.cdf(splice);
    this.invAlpha = 1 / alpha;
    this.q = Number.isFinite(limit) ? Math.pow(splice / limit, alpha) : 0;
    this.c = (1 - bodyWeight) / (1 - this.q);
  }
  cdf(x: number): number {
    if (x <= this.splice) return (this.bodyWeight * this.body.cdf(x)) / this.bodyAtSplice;
    return 1 - this.survival(x);
  }
  density(x: number): number {
    if (x <= 0) return 0;
    if (x <= this.splice) return (this.bodyWeight * this.body.density(x)) / this.bodyAtSplice;
    if (x >= this.limit) return 0;
    return (this.c * this.alpha * Math.pow(this.splice / x, this.alpha)) / x;
  }
  override survival(x: number): number {
    if (x <= this.splice) return 1 - this.cdf(x);
    if (x >= this.limit) return 0;
    return this.c * (Math.pow(this.splice / x, this.alpha) - this.q);
  }
  upperQuantile(s: number): number {
    const w = this.bodyWeight;
    if (s <= 1 - w) return this.tailAt(s);
    return this.body.quantile(((1 - s) / w) * this.bodyAtSplice);
  }
  /** The quantile bends where the body meets the tail, at survival 1 − w (random/quantile-table.ts). */
  quantileKinks(): readonly number[] {
    return [1 - this.bodyWeight];
  }
  /** The tail amount whose survival is v ≤ 1 − w: (s/x)^α = q + v/c. */
  private tailAt(v: number): number {
    return this.splice * Math.pow(this.q + v / this.c, -this.invAlpha);
  }
  override sampleAbove(rng: Rng, s: number): number {
    const tailMass = 1 - this.bodyWeight;
    if (this.q > 0) {
      const v = s * rng.uniform();
      return v <= tailMass ? this.tailAt(v) : this.bodyAt(v);
    }
    // Above the splice the tail is Pareto I, X | X > t = t·exp(E/α) with E ~ Exp(1) (Ziggurat: no logarithm).
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
    return expFast(body.mu + body.sigma * normalQuantileFast(((1 - v) / this.bodyWeight) * this.bodyAtSplice));
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
    let sTail = tailMass;
    if (s <= tailMass) {
      t = this.upperQuantile(s);
      sTail = s;
    } else nBody = n - binomial(rng, n, tailMass / s);
    const mid = from + nBody;
    if (nBody > 0) {
      // Body between the threshold and the splice: v = (1 − w) + (s − (1 − w))·U, X falls as v rises, so
      // descending uniforms U = exp(−E₍ᵢ₎) give ascending amounts.
      fillSortedExponential(rng, out, from, nBody);
      const span = s - tailMass;
      for (let i = from; i < mid; i++) out[i] = this.bodyAt(tailMass + span * expFast(-out[i]));
      keepAscending(out, from, mid);
    }
    const floor = nBody > 0 ? out[mid - 1] : 0;
    if (this.q > 0) {
      // Truncated tail: survival v = sTail·U with descending uniforms U = exp(−E₍ᵢ₎), through its quantile
      // x = s·(q + v/c)^(−1/α) = t₀·exp((E − ln(1 + k·e^E))/α), t₀ = s·(sTail/c)^(−1/α), k = q·c/sTail: two fast
      // exponentials and a log1p per person instead of a power.
      fillSortedExponential(rng, out, mid, n - nBody);
      const t0 = this.splice * Math.pow(sTail / this.c, -this.invAlpha);
      const k = (this.q * this.c) / sTail;
      for (let i = mid; i < from + n; i++) {
        const e = out[i];
        const z = k * expFast(e);
        // ln(1 + z) by its series where z < 10⁻³ (the next term, z⁵/5, is below 2·10⁻¹⁶): most draws, far below the limit.
        const lz = z < 1e-3 ? z * (1 - z * (0.5 - z * (1 / 3 - z * 0.25))) : Math.log1p(z);
        out[i] = Math.max(floor, t0 * expFast((e - lz) * this.invAlpha));
      }
      keepAscending(out, mid, from + n);
      return;
    }
    // X | X > t = t·exp(E/α) above the splice (Pareto I): ascending with E.
    fillSortedExpOf(rng, out, mid, n - nBody, this.invAlpha, t, floor);
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
    // LEV at the splice is the same for every u above it (the analytic engine and the exact aggregate ask often).
    if (Number.isNaN(this.levAtSplice)) this.levAtSplice = this.levBody(s);
    const top = Math.min(u, this.limit);
    if (!Number.isFinite(top)) return a > 1 ? this.levAtSplice + (this.c * s) / (a - 1) : Infinity;
    // ∫ₛᵘ c((s/x)^α − q) dx. 1 − (s/u)^(α−1) as −expm1((1 − α)·log1p((u − s)/s)): no cancellation just above the
    // splice, and half the time of Math.pow (the exact aggregate asks at every grid point).
    const lnRatio = Math.log1p((top - s) / s);
    const pareto = Math.abs(a - 1) < 1e-12 ? s * lnRatio : (s / (a - 1)) * -Math.expm1((1 - a) * lnRatio);
    return this.levAtSplice + this.c * (pareto - this.q * (top - s));
  }
  private levAtSplice = NaN;
  /** The limit L (Infinity without one): no annual amount beyond it. */
  supremum(): number {
    return this.limit > this.splice ? this.limit : Infinity;
  }
  /** ∫₀ᵘ F_body = u − LEV_body(u), so for u ≤ s: LEV(u) = u − k (u − LEV_body(u)), k = w / F_body(s). */
  private levBody(v: number): number {
    const k = this.bodyWeight / this.bodyAtSplice;
    return v - k * (v - this.body.lev(v));
  }
}
