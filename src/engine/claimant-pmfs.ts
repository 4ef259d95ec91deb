/**
 * The laws the model compiles once per population (model.ts) and the claimants' draw splits by (claimants.ts):
 * records per claimant and the tag masks.
 */

/** Records per claimant are capped here (Poisson with mean ≤ 30 exceeds it with probability < 1e-60). */
export const MAX_RECORDS = 255;
/**
 * P(1 + Poisson(λ) = k) at [k] for k = 1..MAX_RECORDS, the rest of the tail folded into the last (Poisson with
 * λ ≤ 30, as the schema allows, passes 254 with probability below 1e-60). By the recursion p(j) = p(j − 1)·λ/j.
 */
export function recordsPmf(lambda: number): Float64Array {
  const pmf = new Float64Array(MAX_RECORDS + 1);
  let p = Math.exp(-lambda);
  for (let k = 1; k < MAX_RECORDS; k++) {
    pmf[k] = p;
    p *= lambda / k;
  }
  // The tail from MAX_RECORDS on, summed term by term (not 1 − Σ, which would leave rounding residue there).
  for (let j = MAX_RECORDS; j < 2 * MAX_RECORDS && p > 0; j++) {
    pmf[MAX_RECORDS] += p;
    p *= lambda / j;
  }
  return pmf;
}

/** P(tag mask m) at [m]: each tag g carried independently with its share (bit g of m). */
export function maskPmf(shares: Float64Array): Float64Array {
  const masks = 1 << shares.length;
  return Float64Array.from({ length: masks }, (_, m) => shares.reduce((p, share, g) => p * (m & (1 << g) ? share : 1 - share), 1));
}
