/**
 * Counts: how many members have eligible cost (binomial) and how many records (episodes) a claimant has
 * (1 + Poisson).
 */
import { normalZiggurat } from './normal.ts';
import type { Rng } from './xoshiro.ts';

/**
 * Binomial(n, p). Mean below 30: exact inversion by sequential search (Kachitvichyanukul & Schmeiser 1988, BINV).
 * Otherwise the normal approximation with continuity rounding: at the counts this engine meets (hundreds to
 * millions, np(1−p) ≥ 29) its error in any probability is below 0.2 / √(np(1−p)) (Berry–Esseen bound), far under
 * the Monte Carlo noise.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const mean = n * pp;
  let x: number;
  if (mean < 30) {
    const q = 1 - pp;
    const s = pp / q;
    const a = (n + 1) * s;
    let r = Math.exp(n * Math.log1p(-pp));
    let u = rng.uniform();
    x = 0;
    while (u > r && x < n) {
      u -= r;
      x++;
      r *= a / x - s;
      if (r <= 0) break;
    }
  } else {
    const sd = Math.sqrt(mean * (1 - pp));
    x = Math.round(mean + sd * normalZiggurat(rng));
    if (x < 0) x = 0;
    else if (x > n) x = n;
  }
  return flip ? n - x : x;
}

/** Poisson(λ) by inversion (one uniform), λ ≤ 30 as the schema allows; exp(−λ) may be precomputed. */
export function poisson(rng: Rng, lambda: number, expMinusLambda = Math.exp(-lambda)): number {
  if (lambda <= 0) return 0;
  const u = rng.uniform();
  let p = expMinusLambda;
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 1000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Cumulative Poisson(λ) probabilities up to where they reach 1 − 1e-16, for `poissonFromTable`. */
export function poissonTable(lambda: number): Float64Array {
  const out: number[] = [];
  let p = Math.exp(-lambda);
  let cdf = p;
  out.push(cdf);
  for (let k = 1; cdf < 1 - 1e-16 && k < 1000; k++) {
    p *= lambda / k;
    cdf += p;
    out.push(cdf);
  }
  out[out.length - 1] = 1;
  return Float64Array.from(out);
}

/** Poisson draw by inversion against a precomputed cumulative table (one uniform, comparisons only). */
export function poissonFromTable(rng: Rng, cdf: Float64Array): number {
  const u = rng.uniform();
  let k = 0;
  while (u > cdf[k]) k++;
  return k;
}
