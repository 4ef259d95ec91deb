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

/**
 * A conditional mean E[S | C = c] through its values at the cost shock's quadrature nodes, as a function of ln c:
 * the polynomial through the nodes (spectrally accurate for the narrow shocks of real schemes) held between the
 * neighbouring nodes' values, since E[S | c] does not decrease in c (a benefit does not fall as amounts rise);
 * outside the nodes, linear in c: through zero below the first (E[S | c] is convex in c near zero, where the
 * deductible keeps most claimants unpaid, so c/c₁·m₁ bounds it) and along the last two nodes' secant above.
 * A wide shock's nodes (a gamma of cv 2 spans ln c from about −20 to 3) made the polynomial swing by 1e20 between
 * and beyond them: the Monte Carlo's process sd read 1.5e20 yuan (issue #30).
 */
export function monotoneInLnCost(nodes: readonly number[], values: readonly number[]): (z: number) => number {
  const order = [...nodes.keys()].sort((i, j) => nodes[i] - nodes[j]);
  const lnCost = order.map((i) => nodes[i]);
  const means = order.map((i) => values[i]);
  const poly = barycentric(lnCost, means);
  const n = lnCost.length;
  if (n === 1) return () => means[0];
  const first = lnCost[0];
  const last = lnCost[n - 1];
  const slope = (means[n - 1] - means[n - 2]) / (Math.exp(last) - Math.exp(lnCost[n - 2]));
  return (z) => {
    if (z <= first) return means[0] * Math.exp(z - first);
    if (z >= last) return means[n - 1] + Math.max(0, slope) * (Math.exp(z) - Math.exp(last));
    let k = 0;
    while (lnCost[k + 1] < z) k++;
    const lo = Math.min(means[k], means[k + 1]);
    const hi = Math.max(means[k], means[k + 1]);
    return Math.min(hi, Math.max(lo, poly(z)));
  };
}
