import { BaseSeverity } from './severity.ts';

/**
 * Empirical severity: atoms (amounts) with weights, e.g. a bureau's table of annual amounts per claimant.
 * Discrete: F is a step function, LEV(u) = Σ wᵢ min(xᵢ, u).
 */
export class Empirical extends BaseSeverity {
  readonly family = 'empirical';
  private readonly xs: Float64Array;
  /** upper[i] = P(X ≥ xs[i]) */
  private readonly upper: Float64Array;
  private readonly ws: Float64Array;

  constructor(amounts: readonly number[], weights: readonly number[]) {
    super();
    const order = amounts.map((_, i) => i).sort((a, b) => amounts[a] - amounts[b]);
    const total = weights.reduce((s, w) => s + w, 0);
    this.xs = Float64Array.from(order, (i) => amounts[i]);
    this.ws = Float64Array.from(order, (i) => weights[i] / total);
    this.upper = new Float64Array(order.length);
    let acc = 0;
    for (let i = order.length - 1; i >= 0; i--) {
      acc += this.ws[i];
      this.upper[i] = acc;
    }
  }
  density(): number {
    return 0;
  }
  cdf(x: number): number {
    return 1 - this.survival(x);
  }
  override survival(x: number): number {
    const i = this.firstAbove(x);
    return i < this.xs.length ? this.upper[i] : 0;
  }
  quantileJumps(): readonly number[] {
    return Array.from(this.upper.subarray(1));
  }
  /** P(X ≥ x): S(x) plus the mass of an atom at x. */
  atLeast(x: number): number {
    const i = this.firstAbove(x);
    return i > 0 && this.xs[i - 1] === x ? this.upper[i - 1] : i < this.xs.length ? this.upper[i] : 0;
  }
  /** Index of the first atom strictly greater than x. */
  private firstAbove(x: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  upperQuantile(s: number): number {
    // The largest atom whose P(X ≥ x) still covers s: inverse transform on the upper tail.
    let lo = 0;
    let hi = this.xs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.upper[mid] >= s) lo = mid;
      else hi = mid - 1;
    }
    return this.xs[lo];
  }
  mean(): number {
    let m = 0;
    for (let i = 0; i < this.xs.length; i++) m += this.ws[i] * this.xs[i];
    return m;
  }
  lev(u: number): number {
    let m = 0;
    for (let i = 0; i < this.xs.length; i++) m += this.ws[i] * Math.min(this.xs[i], u);
    return m;
  }
}
