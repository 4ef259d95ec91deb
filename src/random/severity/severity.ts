import { fillSortedExponential } from '../order.ts';
import type { Rng } from '../xoshiro.ts';

/**
 * A quantile computed to a few ulps (or an approximation) need not be exactly monotone; the engine's segment
 * sums rely on order, so any step down of that size is levelled to the previous value.
 */
export function keepAscending(out: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) if (out[i] < out[i - 1]) out[i] = out[i - 1];
}

/**
 * A severity distribution of one person's annual amount (yuan). Every family gives the pieces the engine and
 * the analytic expectation need: sampling (also conditional on exceeding a threshold), cdf, quantiles, mean and
 * the limited expected value E[min(X, u)] (Klugman, Panjer & Willmot, Loss Models, 4th ed., §3.1 and app. A).
 */
export interface Severity {
  readonly family: string;
  cdf(x: number): number;
  /** f(x) = F'(x); 0 for a discrete table (its atoms carry mass, not density). The fit's likelihood and its charts use it. */
  density(x: number): number;
  /** S(x) = 1 − F(x), computed without cancellation in the tail. */
  survival(x: number): number;
  quantile(p: number): number;
  /** The x with S(x) = s: the upper-tail quantile, precise for tiny s. */
  upperQuantile(s: number): number;
  mean(): number;
  /** Limited expected value E[min(X, u)] = ∫₀ᵘ S(x) dx. */
  lev(u: number): number;
  sample(rng: Rng): number;
  /** One draw from X | X > t, given s = S(t) (the engine samples only people who can reach a deductible). */
  sampleAbove(rng: Rng, s: number): number;
  /**
   * n draws of X | X > t into out[from..from + n), in ascending order (their order statistics, generated in
   * order: the engine sums benefits over sorted amounts by segments, engine/sorted-pass.ts).
   */
  fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void;
  /**
   * Survival levels where the upper quantile has a kink, for a family whose quantile is otherwise smooth (it may be
   * tabulated: random/quantile-table.ts); absent or undefined where that is not known (a discrete table's quantile jumps).
   */
  quantileKinks?(): readonly number[] | undefined;
  /**
   * P(X ≥ x), for a family with atoms (an empirical table), where it differs from S(x) = P(X > x) by the atom's mass;
   * absent for a continuous family. The copula's distributional transform spreads the members of one atom over
   * its mass (engine/rank-score.ts), asked of the unscaled table with its own draw (scaled.ts unscaled).
   */
  atLeast?(x: number): number;
  /**
   * Survival levels where the upper quantile jumps from one atom to the next (a discrete table): P(X ≥ xᵢ) of each
   * atom but the lowest. Absent for a continuous family. Quadratures over the quantile break there
   * (engine/household.ts severityNodes): the integrand jumps with the amount.
   */
  quantileJumps?(): readonly number[];
  /**
   * The largest amount X takes, where the family knows it is bounded (a tail truncated at a limit); absent or
   * Infinity otherwise. The exact aggregate stops its grid of limited expected values there (E[X ∧ u] is the mean
   * above it): a limit of 3.3 million yuan ends Suzhou's benefit a hundred grid points up a grid of 16,384.
   */
  supremum?(): number;
}

/** Shared default: inverse transform on the upper tail. */
export abstract class BaseSeverity implements Severity {
  abstract readonly family: string;
  abstract cdf(x: number): number;
  abstract density(x: number): number;
  abstract upperQuantile(s: number): number;
  abstract mean(): number;
  abstract lev(u: number): number;

  survival(x: number): number {
    return 1 - this.cdf(x);
  }

  quantile(p: number): number {
    return this.upperQuantile(1 - p);
  }

  sample(rng: Rng): number {
    return this.upperQuantile(rng.uniform());
  }

  /** The upper quantile the samplers use: a family may trade the last digits for speed (lognormal). */
  protected sampledQuantile(s: number): number {
    return this.upperQuantile(s);
  }

  sampleAbove(rng: Rng, s: number): number {
    return this.sampledQuantile(s * rng.uniform());
  }

  /** Sorted uniforms V (descending) through the upper quantile: x = Q(s·V) ascending. */
  fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void {
    fillSortedExponential(rng, out, from, n);
    for (let i = from; i < from + n; i++) out[i] = this.sampledQuantile(s * Math.exp(-out[i]));
    keepAscending(out, from, from + n);
  }
}
