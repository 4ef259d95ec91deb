/**
 * Polynomial interpolation through given nodes in the barycentric form (Berrut & Trefethen, "Barycentric Lagrange
 * Interpolation", SIAM Review 46(3), 2004, eq. 4.2): stable, O(n) per point once the weights are known.
 */
export function barycentric(xs: readonly number[], ys: readonly number[]): (x: number) => number {
  const n = xs.length;
  const w = xs.map((xj, j) => 1 / xs.reduce((p, xk, k) => (k === j ? p : p * (xj - xk)), 1));
  return (x) => {
    let num = 0;
    let den = 0;
    for (let j = 0; j < n; j++) {
      const d = x - xs[j];
      if (d === 0) return ys[j];
      const t = w[j] / d;
      num += t * ys[j];
      den += t;
    }
    return num / den;
  };
}
