/**
 * Poisson(λ) counts, exact: for λ < 30 inversion by sequential search from 0; otherwise inversion by alternating
 * search from the mode, the same modal method as the binomial (Kemp 1986), with P(mode) by Loader's saddle-point
 * form log P(X = x) = −δ(x) − D(x, λ) − ½ log(2πx) ("Fast and accurate computation of binomial probabilities",
 * 2000, §3: the Poisson case of R's dpois), and the neighbours by the ratio p(x+1)/p(x) = λ/(x+1).
 */
import { deviance, stirlingError } from './binomial-pmf.ts';
import { modalSearch, POISSON } from './modal.ts';
import type { Rng } from './xoshiro.ts';

const LN_2PI = Math.log(2 * Math.PI);

/** log P(X = x) for X ~ Poisson(λ), λ > 0. */
export function poissonLogPmf(x: number, lambda: number): number {
  if (x === 0) return -lambda;
  return -stirlingError(x) - deviance(x, lambda) - 0.5 * (LN_2PI + Math.log(x));
}

export function poisson(rng: Rng, lambda: number): number {
  if (Number.isNaN(lambda) || lambda === Infinity) throw new RangeError(`poisson(${lambda}): not a finite mean`);
  if (!(lambda > 0)) return 0;
  let u = rng.uniform();
  if (lambda < 30) {
    let p = Math.exp(-lambda);
    let x = 0;
    while (u > p) {
      u -= p;
      x++;
      p *= lambda / x;
      if (p <= 0) break;
    }
    return x;
  }
  const mode = Math.floor(lambda);
  return modalSearch(u, mode, Math.exp(poissonLogPmf(mode, lambda)), Infinity, POISSON, lambda);
}
