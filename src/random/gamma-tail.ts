/**
 * The gamma's upper quantile for sampling: x(y) = Q⁻¹(a, e^(−y)), the Gamma(a, 1) value whose upper tail holds
 * e^(−y), read from a table instead of solved for each draw. The exact inverse (gamma-inverse.ts) evaluates the
 * incomplete gamma about five times, some 2 µs a draw, two dozen times the lognormal's; the table answers in a
 * few nanoseconds more than a logarithm.
 *
 * The table is in u = ln y on steps of 1/128, where x(y) is smooth once y is away from 0 (x → 0 as the tail
 * holds everything); between nodes a cubic Hermite polynomial through the exact values and the exact slope
 * dx/du = y · e^(−y) / f(x), f the Gamma(a, 1) density (d/dx Q(a, x) = −f(x)). Intervals are filled as draws
 * reach them; each is checked against the exact inverse at a quarter, half and three quarters of its width, and
 * one that is off by more than 1e-10 relative (tiny shapes near the bulk) answers with the exact inverse instead.
 * The nodes lie on one fixed lattice u = k/128, u ∈ [U_MIN, U_MAX), whatever draw comes first: a table anchored on its
 * first draw (as it was) placed its nodes by the history of the sampler, so a worker that met another trial first
 * interpolated between other nodes and the same seed gave other last digits with another number of workers. Draws
 * beyond the lattice (a tail above e^(−e^(−12)), or below e^(−22026)) take the exact inverse too. The lognormal's
 * draws make the same trade: Acklam's Φ⁻¹ unrefined, relative error below 1.2e-9.
 */
import { gammaln } from '../math/special.ts';
import { gammaInverse } from './gamma-inverse.ts';

/** Table step in u = ln y. */
const DU = 1 / 128;
/** The lattice's reach in u = ln y: y from e^(−12) (a tail of 0.999994) to e^10 (a tail of e^(−22026)). */
const U_MIN = -12;
const U_MAX = 10;
const INTERVALS = Math.round((U_MAX - U_MIN) / DU);
/** Largest relative error an interval may have and still be read from the table. */
const TOLERANCE = 1e-10;

const UNKNOWN = 0;
const TABLE = 1;
const EXACT = 2;

export class GammaTail {
  private readonly u0 = U_MIN;
  /** Nodes filled as draws reach their intervals (NaN: not yet). */
  private readonly x = new Float64Array(INTERVALS + 1).fill(NaN);
  /** dx/du at each node. */
  private readonly d = new Float64Array(INTERVALS + 1);
  private readonly state = new Uint8Array(INTERVALS);
  private readonly gln: number;

  constructor(readonly shape: number) {
    this.gln = gammaln(shape);
  }

  /** The exact value at y (gamma-inverse.ts). */
  exact(y: number): number {
    return gammaInverse(this.shape, Math.exp(-y), true);
  }

  /** x with Q(shape, x) = e^(−y), for y > 0. */
  at(y: number): number {
    const v = (Math.log(y) - this.u0) / DU;
    const k = Math.floor(v);
    if (!(k >= 0 && k < this.state.length)) return this.exact(y);
    let st = this.state[k];
    if (st === UNKNOWN) st = this.fill(k);
    if (st === EXACT) return this.exact(y);
    return this.hermite(k, v - k);
  }

  private node(k: number) {
    if (!Number.isNaN(this.x[k])) return;
    const y = Math.exp(this.u0 + k * DU);
    const x = this.exact(y);
    this.x[k] = x;
    // dx/du = y dx/dy = y e^(−y) / f(x), f(x) = x^(a−1) e^(−x) / Γ(a), in logarithms.
    this.d[k] = y * Math.exp(-y - ((this.shape - 1) * Math.log(x) - x - this.gln));
  }

  private hermite(k: number, t: number): number {
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * this.x[k] +
      (t3 - 2 * t2 + t) * DU * this.d[k] +
      (3 * t2 - 2 * t3) * this.x[k + 1] +
      (t3 - t2) * DU * this.d[k + 1]
    );
  }

  /** Computes interval k's nodes and checks it inside; returns whether the table serves there. */
  private fill(k: number): number {
    this.node(k);
    this.node(k + 1);
    let ok = Number.isFinite(this.x[k]) && Number.isFinite(this.x[k + 1]) && this.x[k] > 0 && Number.isFinite(this.d[k] + this.d[k + 1]);
    for (const t of [0.25, 0.5, 0.75]) {
      if (!ok) break;
      const exact = this.exact(Math.exp(this.u0 + (k + t) * DU));
      ok = Math.abs(this.hermite(k, t) / exact - 1) <= TOLERANCE;
    }
    return (this.state[k] = ok ? TABLE : EXACT);
  }
}
