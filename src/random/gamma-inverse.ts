/**
 * Inverse of the regularised incomplete gamma function: the x with P(a, x) = p, or with Q(a, x) = s for an upper
 * tail probability s (precise for tiny s, where 1 − s would round to 1). Halley's method from the starting values
 * of Numerical Recipes, 3rd ed. (Press et al. 2007), §6.2.1 `invgammp`; each step uses the gamma density
 * f(x) = x^(a−1) e^(−x) / Γ(a), and f′/f = (a − 1)/x − 1 for the Halley correction (the same for P and Q).
 * About five evaluations of P or Q, where bisection took some fifty.
 */
import { gammaln, gammaP, gammaQ } from '../math/special.ts';

const EPS = 1e-14;

export function gammaInverse(a: number, prob: number, upper = false): number {
  if (!(prob > 0)) return upper ? Infinity : 0;
  if (prob >= 1) return upper ? 0 : Infinity;
  const gln = gammaln(a);
  const a1 = a - 1;
  // Starting value: the lower-tail probability, or the upper one where it is the smaller (its logarithm kept).
  const pLower = upper ? 1 - prob : prob;
  let x: number;
  if (a > 1) {
    const small = Math.min(prob, 1 - prob);
    const t = Math.sqrt(-2 * Math.log(small));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    const lowerHalf = upper ? prob > 0.5 : prob < 0.5;
    if (lowerHalf) z = -z;
    x = Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3));
  } else {
    // t ≈ P(a, 1); above it, 1 − (p − t)/(1 − t) is written (1 − p)/(1 − t) so a tiny upper probability keeps its digits.
    const t = 1 - a * (0.253 + a * 0.12);
    x = pLower < t ? Math.pow(pLower / t, 1 / a) : 1 - Math.log((upper ? prob : 1 - prob) / (1 - t));
  }
  // Deep tails start from the tails' leading terms: P(a, x) ≈ x^a / Γ(a + 1) below, and above
  // Q(a, x) ≈ x^(a−1) e^(−x) / Γ(a), so x ≈ −ln s + (a − 1) ln(−ln s) − ln Γ(a).
  if (!upper && prob < 1e-3) {
    const head = Math.exp((Math.log(prob) + gammaln(a + 1)) / a);
    if (head < 0.1 * a || a <= 1) x = head;
  }
  // (where that x is well above the shape; nearer the bulk the Wilson–Hilferty start above is the better one).
  if (upper && prob < 1e-5) {
    const l = -Math.log(prob);
    const tail = l + a1 * Math.log(l) - gln;
    if (tail > 4 * a) x = tail;
  }
  for (let j = 0; j < 100; j++) {
    if (x <= 0) return 0;
    const err = upper ? prob - gammaQ(a, x) : gammaP(a, x) - prob; // both increase with x
    const density = Math.exp(-x + a1 * Math.log(x) - gln);
    if (!(density > 0)) break;
    const u = err / density;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < EPS * x) break;
  }
  return x;
}
