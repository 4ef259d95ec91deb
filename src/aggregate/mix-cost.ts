/**
 * The mixture of a year's payout over the cost-level shock. The FFT gives the exact conditional distribution
 * S | C = c at a few quadrature nodes; between nodes the conditional distribution is taken by displacement
 * (quantile) interpolation, Q_c(p) = (1 − t)·Q_{c₁}(p) + t·Q_{c₂}(p) with t linear in ln c (McCann 1997,
 * "A convexity principle for interacting gases": the interpolation that moves mass rather than mixing it, so
 * no bumps appear between nodes), shifted so its mean is the exact conditional mean E[S | c] interpolated
 * through the nodes' means (barycentric, smooth in ln c). The mixture integrates over a fine grid in ln c with
 * the shock's density. Nodes alone would leave a lumpy mixture wherever the process spread of S | c is narrower
 * than the spacing of the nodes' means, as it is for schemes with thousands of beneficiaries.
 */
import { monotoneInLnCost } from '../math/interpolate.ts';
import type { Shock } from '../random/shock.ts';
import { gammaln } from '../math/special.ts';

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
 * Adds `mass` at each interpolated quantile (1 − t)·qa[i] + t·qb[i] + shift, split linearly between the two grid
 * points around it. Kept a function of its own, outside mixOverCost's loops, so V8 compiles it once: as an
 * inner loop it is compiled on the stack and thrown away at every exit of the loop (hundreds of times a scenario).
 */
function depositBetween(
  out: Float64Array,
  qa: Float64Array,
  qb: Float64Array,
  t: number,
  shift: number,
  mass: number,
  lo: number,
  h: number,
) {
  const m = out.length;
  for (let i = 0; i < qa.length; i++) {
    const u = ((1 - t) * qa[i] + t * qb[i] + shift - lo) / h;
    const j = Math.floor(u);
    const f = u - j;
    if (j >= 0 && j < m) out[j] += mass * (1 - f);
    if (j + 1 >= 0 && j + 1 < m) out[j + 1] += mass * f;
  }
}

export function mixOverCost(
  conds: Float64Array[],
  nodes: Float64Array,
  shock: Shock,
  lo: number,
  h: number,
  probabilityPoints = 8192,
  perInterval = 48,
): Float64Array {
  const m = conds[0].length;
  const K = conds.length;
  const order = [...nodes.keys()].sort((a, b) => nodes[a] - nodes[b]);
  const z = order.map((k) => Math.log(nodes[k]));
  const q = order.map((k) => quantiles(conds[k], lo, h, probabilityPoints));
  const means = order.map((k) => conds[k].reduce((a, p, i) => a + p * (lo + i * h), 0));
  const meanAt = monotoneInLnCost(z, means);
  const density = lnDensity(shock);
  const out = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < K - 1; k++) {
    const dz = (z[k + 1] - z[k]) / perInterval;
    for (let j = 0; j < perInterval; j++) {
      const zz = z[k] + (j + 0.5) * dz;
      const w = density(zz) * dz;
      if (w < 1e-16) continue;
      const t = (zz - z[k]) / (z[k + 1] - z[k]);
      const shift = meanAt(zz) - ((1 - t) * means[k] + t * means[k + 1]);
      const mass = w / probabilityPoints;
      depositBetween(out, q[k], q[k + 1], t, shift, mass, lo, h);
      total += w;
    }
  }
  for (let i = 0; i < m; i++) out[i] /= total;
  return out;
}
