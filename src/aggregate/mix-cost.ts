/**
 * The mixture of a year's payout over the cost-level shock. The FFT gives the exact conditional distribution
 * S | C = c at a few quadrature nodes; between nodes the conditional distribution is taken by displacement
 * (quantile) interpolation, Q_c(p) = (1 − t)·Q_{c₁}(p) + t·Q_{c₂}(p) with t linear in ln c (McCann 1997,
 * "A convexity principle for interacting gases": the interpolation that moves mass rather than mixing it, so
 * no bumps appear between nodes), scaled so its mean is the exact conditional mean E[S | c] interpolated
 * through the nodes' means (math/interpolate.ts monotoneInLnCost). Scaled, not shifted: a payout is not negative,
 * and the shift of a convex E[S | c] below the chord had pushed the lowest quantiles off the grid (issue #30). The
 * mixture integrates over a fine grid in ln c with the shock's density, and the shock's tails beyond the outer
 * nodes as scaled copies of the end nodes' distributions. Nodes alone would leave a lumpy mixture wherever the process spread of S | c is narrower
 * than the spacing of the nodes' means, as it is for schemes with thousands of beneficiaries.
 */
import { monotoneInLnCost } from '../math/interpolate.ts';
import type { Shock } from '../random/shock.ts';
import { gammaln, gammaP } from '../math/special.ts';
import { normalCdf } from '../math/normal.ts';

/** Density of ln C for a mean-one shock C. */
function lnDensity(s: Shock): (z: number) => number {
  if (s.family === 'gamma') {
    const k = 1 / (s.cv * s.cv);
    const c0 = k * Math.log(k) - gammaln(k);
    // C ~ Gamma(k, 1/k): f_lnC(z) = f_C(e^z)·e^z = exp(c0 + k z − k e^z).
    return (z) => Math.exp(c0 + k * z - k * Math.exp(z));
  }
  const sigma = Math.sqrt(Math.log1p(s.cv * s.cv));
  const mu = -0.5 * sigma * sigma;
  return (z) => Math.exp(-0.5 * ((z - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
}

/** Σ p_i (lo + i·h), by a plain loop (a reduce with a closure over every point cost as much as the deposits). */
function meanOf(pmf: Float64Array, lo: number, h: number): number {
  let a = 0;
  for (let i = 0; i < pmf.length; i++) a += pmf[i] * (lo + i * h);
  return a;
}

/** Quantiles of a grid distribution at probabilities (i + ½)/n, linear within each bucket of width h. */
function quantiles(pmf: Float64Array, lo: number, h: number, n: number): Float64Array {
  const q = new Float64Array(n);
  let c = 0;
  let i = 0;
  for (let k = 0; k < n; k++) {
    const p = (k + 0.5) / n;
    while (i < pmf.length - 1 && c + pmf[i] < p) c += pmf[i++];
    // Inside bucket i: mass pmf[i] spread over [x − h/2, x + h/2].
    const frac = pmf[i] > 0 ? (p - c) / pmf[i] : 0.5;
    q[k] = lo + (i - 0.5 + Math.min(1, Math.max(0, frac))) * h;
  }
  return q;
}

/**
 * Adds `mass` at each interpolated quantile ((1 − t)·qa[i] + t·qb[i])·scale, split linearly between the two grid
 * points around it. Kept a function of its own, outside mixOverCost's loops, so V8 compiles it once: as an
 * inner loop it is compiled on the stack and thrown away at every exit of the loop (hundreds of times a scenario).
 */
function depositBetween(pair: QuantilePair, t: number, scale: number, mass: number, out: Float64Array, lo: number, h: number) {
  // u = (((1 − t)·a + t·b)·scale − lo) / h with the factors taken out of the loop; the two neighbours both on the
  // grid in the common case, the edges apart (the deposits are the exact aggregate's largest cost, issue #32).
  const { a, b, count, n } = pair;
  const top = out.length - 1;
  const ca = ((1 - t) * scale) / h;
  const cb = (t * scale) / h;
  const off = lo / h;
  for (let i = 0; i < n; i++) {
    const u = ca * a[i] + cb * b[i] - off;
    const w = mass * count[i];
    if (u >= 0 && u < top) {
      const j = u | 0;
      const g = w * (u - j);
      out[j] += w - g;
      out[j + 1] += g;
    } else depositAtEdge(out, u, w);
  }
}

/**
 * Two nodes' quantiles at the same probabilities, consecutive ones merged into their centroid (with their count)
 * while they lie within MERGE_SPAN grid steps of each other at both nodes: a deposit split linearly between its two
 * neighbouring grid points is linear in its position, so merged points deposit what they did apart wherever they
 * share a bucket, and at most MERGE_SPAN²/4 of a step's variance where they straddle a grid point. In the
 * conditionals' bulk 8,192 quantiles lie a few hundredths of a step apart; their tails, where the mixture's upper
 * quantiles are read, are left as they are (issue #32).
 */
interface QuantilePair {
  a: Float64Array;
  b: Float64Array;
  count: Float64Array;
  n: number;
}

const MERGE_SPAN = 0.25;

/** The merged pair's lines, kept for the next pair (each pair is deposited before the next is merged). */
let scratch: QuantilePair = { a: new Float64Array(0), b: new Float64Array(0), count: new Float64Array(0), n: 0 };

function mergedPair(qa: Float64Array, qb: Float64Array, h: number): QuantilePair {
  const N = qa.length;
  if (scratch.a.length < N) scratch = { a: new Float64Array(N), b: new Float64Array(N), count: new Float64Array(N), n: 0 };
  const { a, b, count } = scratch;
  const span = MERGE_SPAN * h;
  let n = 0;
  for (let i = 0; i < N;) {
    let j = i + 1;
    while (j < N && qa[j] - qa[i] <= span && qb[j] - qb[i] <= span) j++;
    let sa = 0;
    let sb = 0;
    for (let k = i; k < j; k++) {
      sa += qa[k];
      sb += qb[k];
    }
    a[n] = sa / (j - i);
    b[n] = sb / (j - i);
    count[n++] = j - i;
    i = j;
  }
  scratch.n = n;
  return scratch;
}

/** One deposit at u with a neighbour off the grid (or both): the part on it kept. */
function depositAtEdge(out: Float64Array, u: number, mass: number) {
  const m = out.length;
  const j = Math.floor(u);
  const f = u - j;
  if (j >= 0 && j < m) out[j] += mass * (1 - f);
  if (j + 1 >= 0 && j + 1 < m) out[j + 1] += mass * f;
}

export function mixOverCost(
  conds: Float64Array[],
  nodes: Float64Array,
  shock: Shock,
  lo: number,
  h: number,
  probabilityPoints = 8192,
  // 12 steps between nodes: 48 changed the shipped scenarios' mean and quantiles by under 1.3e-5 against a
  // 2^20-point reference (issue #32) at four times the deposits, the exact aggregate's largest cost at 2^14 points.
  perInterval = 12,
): Float64Array {
  const m = conds[0].length;
  const K = conds.length;
  const order = [...nodes.keys()].sort((a, b) => nodes[a] - nodes[b]);
  const z = order.map((k) => Math.log(nodes[k]));
  const q = order.map((k) => quantiles(conds[k], lo, h, probabilityPoints));
  const means = order.map((k) => meanOf(conds[k], lo, h));
  // E[S | c] between the nodes through ln E[S | c], nearly linear in ln c where E[S | c] itself spans four orders
  // of magnitude across a wide shock's nodes (a gamma of cv 0.5: 1.3e5 to 8.7e8 yuan), which the polynomial through
  // the means themselves missed by 2.5% of the mean; beyond the outer nodes linear in c (monotoneInLnCost).
  const linearOutside = monotoneInLnCost(z, means);
  const logInside = means.every((x) => x > 0) ? monotoneInLnCost(z, means.map(Math.log)) : null;
  const meanAt = (zz: number) => (logInside && zz > z[0] && zz < z[K - 1] ? Math.exp(logInside(zz)) : linearOutside(zz));
  // The quantile samples' own means: 8192 quantiles of a heavy-tailed conditional miss the top of its tail (the
  // mean of the samples falls short of the distribution's), so the scale that gives E[S | c] is taken against them.
  const sampled = q.map((qk) => {
    let sum = 0;
    for (let i = 0; i < qk.length; i++) sum += qk[i];
    return sum / probabilityPoints;
  });
  const density = lnDensity(shock);
  const out = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < K - 1; k++) {
    const pair = mergedPair(q[k], q[k + 1], h);
    const dz = (z[k + 1] - z[k]) / perInterval;
    for (let j = 0; j < perInterval; j++) {
      const zz = z[k] + (j + 0.5) * dz;
      const w = density(zz) * dz;
      if (w < 1e-16) continue;
      const t = (zz - z[k]) / (z[k + 1] - z[k]);
      const linear = (1 - t) * sampled[k] + t * sampled[k + 1];
      const scale = linear > 0 ? meanAt(zz) / linear : 1;
      const mass = w / probabilityPoints;
      depositBetween(pair, t, scale, mass, out, lo, h);
      total += w;
    }
  }
  // Beyond the outer nodes: the shock's tails, each as the end node's distribution scaled by E[C | tail] / c_end
  // (E[S | c] linear in c there, as monotoneInLnCost extrapolates). Integrating only between the nodes and
  // renormalising had dropped P(C < c₁), 0.7% for a gamma of cv 0.5 and 11% for cv 1, and raised the mean by as much.
  const last = K - 1;
  const below = shockTail(shock, Math.exp(z[0]), 'below');
  const above = shockTail(shock, Math.exp(z[last]), 'above');
  for (const [tail, k] of [
    [below, 0],
    [above, last],
  ] as const) {
    if (!(tail.mass > 1e-16) || !(sampled[k] > 0)) continue;
    const scale = meanAt(Math.log(tail.mean)) / sampled[k];
    depositBetween(mergedPair(q[k], q[k], h), 0, scale, tail.mass / probabilityPoints, out, lo, h);
    total += tail.mass;
  }
  for (let i = 0; i < m; i++) out[i] /= total;
  return out;
}

/** P(C < c) and E[C | C < c] (or above c) of a mean-one shock (Loss Models §3.1: limited moments). */
function shockTail(s: Shock, c: number, side: 'below' | 'above'): { mass: number; mean: number } {
  let p: number;
  let partial: number; // E[C; C < c]
  if (s.family === 'gamma') {
    const k = 1 / (s.cv * s.cv);
    p = gammaP(k, k * c);
    partial = gammaP(k + 1, k * c);
  } else {
    const sigma = Math.sqrt(Math.log1p(s.cv * s.cv));
    p = normalCdf((Math.log(c) + 0.5 * sigma * sigma) / sigma);
    partial = normalCdf((Math.log(c) - 0.5 * sigma * sigma) / sigma);
  }
  const mass = side === 'below' ? p : 1 - p;
  const mean = mass > 0 ? (side === 'below' ? partial : 1 - partial) / mass : c;
  return { mass, mean };
}
