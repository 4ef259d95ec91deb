/**
 * Binomial probabilities to full double precision for any n, by Catherine Loader's saddle-point form
 * ("Fast and accurate computation of binomial probabilities", 2000; the algorithm of R's dbinom):
 *   log P(X = x) = δ(n) − δ(x) − δ(n − x) − D(x, np) − D(n − x, nq) + ½ log(n / (2π x (n − x))),
 * with δ the error of Stirling's formula and D(x, m) = x log(x/m) + m − x computed without cancellation.
 */
const LN_2PI = Math.log(2 * Math.PI);

/** δ(k) = log k! − (½ log 2πk + k log k − k), k a non-negative integer. */
export function stirlingError(k: number): number {
  if (k <= 15) {
    if (k === 0) return 0; // log 0! − lim (…) : the k = 0 term never enters the formula below
    let logFact = 0;
    for (let i = 2; i <= k; i++) logFact += Math.log(i);
    return logFact - (0.5 * (LN_2PI + Math.log(k)) + k * Math.log(k) - k);
  }
  const k2 = k * k;
  // Asymptotic series 1/12k − 1/360k³ + 1/1260k⁵ − 1/1680k⁷ + 1/1188k⁹ (error below 1e-17 for k > 15).
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / k2) / k2) / k2) / k2) / k;
}

/** D(x, m) = x log(x/m) + m − x ≥ 0, by its series in v = (x − m)/(x + m) when x is near m. */
export function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** log P(X = x) for X ~ Binomial(n, p), 0 < p < 1. */
export function binomialLogPmf(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (x === 0) return n * Math.log1p(-p);
  if (x === n) return n * Math.log(p);
  return (
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    deviance(x, n * p) -
    deviance(n - x, n * q) +
    0.5 * (Math.log(n / (x * (n - x))) - LN_2PI)
  );
}
