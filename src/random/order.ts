/**
 * Order statistics drawn in order, without sorting. Rényi's representation (A. Rényi, "On the theory of order
 * statistics", Acta Math. Hung. 4, 1953; Devroye, Non-Uniform Random Variate Generation, §V.3): for Z₁…Zₙ iid
 * Exp(1), E₍ᵢ₎ = Σ_{j ≤ i} Z_j / (n − j + 1) are the ascending order statistics of n iid Exp(1) draws, and
 * exp(−E₍ᵢ₎) those of n uniforms, descending. Through any non-decreasing transform (a quantile function) they
 * give a severity's n draws already sorted, at the cost of one exponential and a multiply-add each.
 */
import { expFast } from './exp.ts';
import { fillExponential } from './exponential.ts';
import type { Rng } from './xoshiro.ts';

let reciprocals = new Float64Array(0);

/** 1/m for m = 1..n at [m]: the spacings' scales, computed once and shared. */
export function reciprocalTable(n: number): Float64Array {
  if (reciprocals.length <= n) {
    reciprocals = new Float64Array(Math.max(n + 1, reciprocals.length * 2, 1024));
    for (let m = 1; m < reciprocals.length; m++) reciprocals[m] = 1 / m;
  }
  return reciprocals;
}

let grownWarm = false;

/**
 * Grows the table once (a few kilobytes), after V8 has begun recording the function's feedback, so that a larger
 * batch later grows it inside an optimised sampler without throwing that code away (quantile-table.ts warmUp).
 * Once per process: each growth doubles the table.
 */
export function warmUpReciprocals(): void {
  if (grownWarm) return;
  grownWarm = true;
  for (let i = 0; i < 16; i++) reciprocalTable(1);
  reciprocalTable(reciprocalTable(1).length);
}

/** out[from..from + n) = the ascending order statistics of n iid Exp(1) draws. */
export function fillSortedExponential(rng: Rng, out: Float64Array, from: number, n: number): void {
  fillExponential(rng, out, from, from + n);
  const inv = reciprocalTable(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    e += out[from + i] * inv[n - i];
    out[from + i] = e;
  }
}

/**
 * out[from..from + n) = scale·exp(rate·E₍ᵢ₎), ascending, none below `floor`: e.g. a Pareto I tail above
 * `scale` with rate 1/α. expFast is monotone only to an ulp, hence the guard (keepAscending in severity.ts).
 */
export function fillSortedExpOf(rng: Rng, out: Float64Array, from: number, n: number, rate: number, scale: number, floor: number): void {
  fillSortedExponential(rng, out, from, n);
  const to = from + n;
  for (let i = from; i < to; i++) out[i] = scale * expFast(rate * out[i]);
  let prev = floor;
  for (let i = from; i < to; i++) {
    if (out[i] < prev) out[i] = prev;
    prev = out[i];
  }
}
