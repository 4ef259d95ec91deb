/**
 * X' = c·X for a severity X and a factor c > 0, as a Severity: a population's regional cost level and a year's
 * cost-level shock (random/shock.ts) applied to any family without rebuilding it. F'(x) = F(x/c), Q'(p) = c·Q(p), E[min(X', u)] = c·E[min(X, u/c)]
 * (Klugman, Panjer & Willmot, Loss Models, §5.2.1).
 */
import type { Rng } from '../xoshiro.ts';
import type { Severity } from './severity.ts';

export class ScaledSeverity implements Severity {
  readonly family: string;
  constructor(
    readonly base: Severity,
    readonly c: number,
  ) {
    this.family = base.family;
  }
  cdf(x: number): number {
    return this.base.cdf(x / this.c);
  }
  density(x: number): number {
    return this.base.density(x / this.c) / this.c;
  }
  survival(x: number): number {
    return this.base.survival(x / this.c);
  }
  quantile(p: number): number {
    return this.c * this.base.quantile(p);
  }
  upperQuantile(s: number): number {
    return this.c * this.base.upperQuantile(s);
  }
  mean(): number {
    return this.c * this.base.mean();
  }
  lev(u: number): number {
    return this.c * this.base.lev(u / this.c);
  }
  sample(rng: Rng): number {
    return this.c * this.base.sample(rng);
  }
  sampleAbove(rng: Rng, s: number): number {
    return this.c * this.base.sampleAbove(rng, s);
  }
  /**
   * Scaling moves no jump either. (No atLeast: a rank is asked of the unscaled severity, unscaled() below, since
   * (c·x)/c can miss the atom x.)
   */
  get quantileJumps(): (() => readonly number[]) | undefined {
    return this.base.quantileJumps?.bind(this.base);
  }
  /** Scaling moves no kink: Q'(s) = c·Q(s) at the same survival levels. */
  quantileKinks(): readonly number[] | undefined {
    return this.base.quantileKinks?.();
  }
  supremum(): number {
    return this.c * (this.base.supremum?.() ?? Infinity);
  }
  fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void {
    this.base.fillAbove(rng, s, out, from, n);
    for (let i = from; i < from + n; i++) out[i] *= this.c;
  }
}

/**
 * The severity scaled by c: the same object when c = 1, and one wrapper for scales that compose (a population's
 * regional cost level times a year's cost shock).
 */
export function scaled(sev: Severity, c: number): Severity {
  if (c === 1) return sev;
  return sev instanceof ScaledSeverity ? new ScaledSeverity(sev.base, sev.c * c) : new ScaledSeverity(sev, c);
}

/**
 * The severity a scaled one scales and its factor (itself and 1 when not scaled): a rank is the base's, as scaling
 * keeps order, and looking a drawn c·x up again as (c·x)/c can miss x by an ulp, an empirical table's atom with it.
 */
export function unscaled(sev: Severity): { base: Severity; c: number } {
  return sev instanceof ScaledSeverity ? { base: sev.base, c: sev.c } : { base: sev, c: 1 };
}
