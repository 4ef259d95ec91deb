/**
 * Gauss quadrature nodes for expectations over a parameter shock (the analytic mean under parameter risk, the
 * exact aggregate's mixing): Gauss–Hermite for a lognormal (E[g(e^{μ+σZ})] = Σ wᵢ g(e^{μ+σ√2 xᵢ}) / √π) and
 * generalised Gauss–Laguerre for a gamma (E[g(G)] = Σ wᵢ g(θ xᵢ) / Γ(k)). Nodes by Newton's method on the
 * orthogonal polynomials' three-term recurrences (Press et al., Numerical Recipes, 3rd ed., §4.6, gauher and
 * gaulag); weights normalised to sum to one.
 */
import type { Shock } from '../random/shock.ts';

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

/** n-point generalised Gauss–Laguerre rule for ∫ x^α e^{−x} f(x) dx (α > −1), weights normalised. */
export function gaussLaguerre(n: number, alpha: number): Nodes {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0) z = ((1 + alpha) * (3 + 0.92 * alpha)) / (1 + 2.4 * n + 1.8 * alpha);
    else if (i === 1) z += (15 + 6.25 * alpha) / (1 + 0.9 * alpha + 2.5 * n);
    else {
      const ai = i - 1;
      z += (((1 + 2.55 * ai) / (1.9 * ai) + (1.26 * ai * alpha) / (1 + 3.5 * ai)) * (z - x[i - 2])) / (1 + 0.3 * alpha);
    }
    let p2 = 0;
    let pp = 0;
    for (let it = 0; it < 200; it++) {
      let p1 = 1;
      p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j + 1 + alpha - z) * p2 - (j + alpha) * p3) / (j + 1);
      }
      pp = (n * p1 - (n + alpha) * p2) / z;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-14 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    // Unnormalised weight −Γ(n+α)/(n!·pp·n·p2) up to a constant factor common to every node.
    w[i] = -1 / (pp * n * p2);
  }
  return normalise({ x, w });
}

function normalise(r: Nodes): Nodes {
  const s = r.w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < r.w.length; i++) r.w[i] /= s;
  return r;
}

/** Nodes and weights of a mean-one shock (random/shock.ts): E[g(S)] ≈ Σ wᵢ g(xᵢ). */
export function shockNodes(s: Shock, n = 16): Nodes {
  if (s.cv <= 0) return { x: Float64Array.of(1), w: Float64Array.of(1) };
  if (s.family === 'gamma') {
    const k = 1 / (s.cv * s.cv);
    const g = gaussLaguerre(n, k - 1);
    return { x: g.x.map((v) => v / k), w: g.w };
  }
  const sigma = Math.sqrt(Math.log1p(s.cv * s.cv));
  const h = gaussHermite(n);
  return { x: h.x.map((v) => Math.exp(-0.5 * sigma * sigma + sigma * Math.SQRT2 * v)), w: h.w };
}
