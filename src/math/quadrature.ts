/**
 * Gauss quadrature nodes for expectations over a parameter shock (the analytic mean under parameter risk, the
 * exact aggregate's mixing): Gauss–Hermite for a lognormal (E[g(e^{μ+σZ})] = Σ wᵢ g(e^{μ+σ√2 xᵢ}) / √π) and
 * generalised Gauss–Laguerre for a gamma (E[g(G)] = Σ wᵢ g(θ xᵢ) / Γ(k)). Hermite nodes by Newton's method on
 * the polynomials' three-term recurrence (Press et al., Numerical Recipes, 3rd ed., §4.6, gauher); Laguerre nodes
 * by Golub–Welsch (below); weights normalised to sum to one.
 */
/** A mean-one multiplier's law (random/shock.ts draws it): lognormal or gamma with the stated cv. */
export interface MeanOneShock {
  family: 'lognormal' | 'gamma';
  cv: number;
}

export interface Nodes {
  x: Float64Array;
  w: Float64Array;
}

/** n-point Gauss–Hermite rule for ∫ e^{−x²} f(x) dx, weights divided by √π (a probability rule for Z/√2). */
export function gaussHermite(n: number): Nodes {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const m = Math.floor((n + 1) / 2);
  const PIM4 = Math.pow(Math.PI, -0.25);
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2 / (pp * pp);
  }
  return normalise({ x, w });
}

/**
 * n-point generalised Gauss–Laguerre rule for ∫ x^α e^{−x} f(x) dx (α > −1), weights normalised, nodes divided
 * by `scale`. Golub & Welsch (Math. Comp. 23, 1969): the nodes are the eigenvalues of the Jacobi matrix of the
 * monic Laguerre recurrence (diagonal 2j + α + 1, off-diagonal √(j(j + α))) and the weights the squared first
 * components of its eigenvectors; implicit QL with Wilkinson shifts (Numerical Recipes, 3rd ed., §11.4 tqli).
 * The matrix is divided by `scale` first, so a gamma of shape k = α + 1 in the thousands (a shock's cv of 0.03)
 * keeps its nodes apart: Newton on the polynomial from Numerical Recipes' starting guesses had collapsed all
 * 16 of them onto one value there.
 */
export function gaussLaguerre(n: number, alpha: number, scale = 1): Nodes {
  const d = Float64Array.from({ length: n }, (_, j) => (2 * j + alpha + 1) / scale);
  const e = Float64Array.from({ length: n }, (_, j) => (j + 1 < n ? Math.sqrt((j + 1) * (j + 1 + alpha)) / scale : 0));
  // First components of the eigenvectors, rotated along with the matrix.
  const z = new Float64Array(n);
  z[0] = 1;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; ; iter++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (iter > 60) throw new Error(`gaussLaguerre(${n}, ${alpha}): no convergence`);
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        let f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = z[i + 1];
        z[i + 1] = s * z[i] + c * f;
        z[i] = c * z[i] - s * f;
      }
      if (r === 0 && i >= l) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a] - d[b]);
  return normalise({ x: Float64Array.from(order, (i) => d[i]), w: Float64Array.from(order, (i) => z[i] * z[i]) });
}

function normalise(r: Nodes): Nodes {
  const s = r.w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < r.w.length; i++) r.w[i] /= s;
  return r;
}

/**
 * A coefficient of variation below which a mean-one multiplier is no shock at all (issue #30). Its effect on any
 * smooth expectation is of order cv² (< 1e-12 here, below what a sum of float64 money keeps), while what it would
 * take to resolve it breaks down: a gamma of shape 1/cv² = 1e24 defeats Golub–Welsch and the gamma sampler, nodes
 * 1e-9 apart collapse in ln c, and a negative binomial's (1 − β(φ − 1))^(−r) with β ≈ 1e-19 rounds to a point
 * mass. Both engines read every shock through `negligibleCv`, so they agree: the same answer as cv 0.
 */
export const NEGLIGIBLE_CV = 1e-6;

/** True when a shock (or a negative binomial's mixing) of this cv is to be treated as none. */
export function negligibleCv(cv: number): boolean {
  return !(cv >= NEGLIGIBLE_CV);
}

/** Nodes and weights of a mean-one shock (random/shock.ts): E[g(S)] ≈ Σ wᵢ g(xᵢ). */
export function shockNodes(s: MeanOneShock, n = 16): Nodes {
  if (negligibleCv(s.cv)) return { x: Float64Array.of(1), w: Float64Array.of(1) };
  if (s.family === 'gamma') {
    // Mean-one gamma of shape k: G/k with G ~ Gamma(k, 1), whose weight is x^{k−1} e^{−x}.
    const k = 1 / (s.cv * s.cv);
    return gaussLaguerre(n, k - 1, k);
  }
  const sigma = Math.sqrt(Math.log1p(s.cv * s.cv));
  const h = gaussHermite(n);
  return { x: h.x.map((v) => Math.exp(-0.5 * sigma * sigma + sigma * Math.SQRT2 * v)), w: h.w };
}
