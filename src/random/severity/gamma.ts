import { normalZiggurat } from '../normal.ts';
import { gammaInverse } from '../gamma-inverse.ts';
import { GammaTail } from '../gamma-tail.ts';
import { fillSortedExponential } from '../order.ts';
import { gammaP, gammaQ, gammaln } from '../../math/special.ts';
import type { Rng } from '../xoshiro.ts';
import { BaseSeverity, keepAscending } from './severity.ts';

/**
 * Gamma with shape α and scale θ. LEV(u) = αθ P(α+1, u/θ) + u Q(α, u/θ) (Loss Models, app. A.3.2.1).
 * Sampling: Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000; above a
 * threshold, the upper quantile read from a checked table (gamma-tail.ts).
 */
export class Gamma extends BaseSeverity {
  readonly family = 'gamma';
  constructor(
    readonly shape: number,
    readonly scale: number,
  ) {
    super();
  }
  cdf(x: number): number {
    return gammaP(this.shape, x / this.scale);
  }
  density(x: number): number {
    if (x <= 0) return 0;
    const y = x / this.scale;
    return Math.exp((this.shape - 1) * Math.log(y) - y - gammaln(this.shape)) / this.scale;
  }
  override survival(x: number): number {
    return gammaQ(this.shape, x / this.scale);
  }
  override quantile(p: number): number {
    return this.scale * gammaInverse(this.shape, p);
  }
  upperQuantile(s: number): number {
    return this.scale * gammaInverse(this.shape, s, true);
  }
  mean(): number {
    return this.shape * this.scale;
  }
  lev(u: number): number {
    if (u <= 0) return 0;
    if (!Number.isFinite(u)) return this.mean();
    const x = u / this.scale;
    return this.mean() * gammaP(this.shape + 1, x) + u * gammaQ(this.shape, x);
  }
  override sample(rng: Rng): number {
    return this.scale * standardGamma(rng, this.shape);
  }

  private table: GammaTail | null = null;
  private get tail(): GammaTail {
    return (this.table ??= new GammaTail(this.shape));
  }
  protected override sampledQuantile(s: number): number {
    return this.scale * this.tail.at(-Math.log(s));
  }
  /** The sorted exponentials E are the tail's y − y₀ already: x = θ·x(−ln s + E), no exp and log between. */
  override fillAbove(rng: Rng, s: number, out: Float64Array, from: number, n: number): void {
    fillSortedExponential(rng, out, from, n);
    const y0 = -Math.log(s);
    const tail = this.tail;
    for (let i = from; i < from + n; i++) out[i] = this.scale * tail.at(y0 + out[i]);
    keepAscending(out, from, from + n);
  }
}

/** One Gamma(a, 1) draw. */
export function standardGamma(rng: Rng, a: number): number {
  if (a < 1) return standardGamma(rng, a + 1) * Math.pow(rng.uniform(), 1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalZiggurat(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Beta(a, b) draw as Ga / (Ga + Gb). */
export function betaSample(rng: Rng, a: number, b: number): number {
  const x = standardGamma(rng, a);
  const y = standardGamma(rng, b);
  return x / (x + y);
}
