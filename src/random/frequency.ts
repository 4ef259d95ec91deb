/**
 * Counts: how many members have eligible cost, and every split of them (binomial). The records (episodes) of
 * a claimant are 1 + Poisson, split over a batch by successive binomials (engine/claimants.ts, recordsPmf).
 */
import { binomialLogPmf } from './binomial-pmf.ts';
import { BINOMIAL, modalSearch } from './modal.ts';
import type { Rng } from './xoshiro.ts';

/**
 * Binomial(n, p), exact. Mean below 30: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser
 * 1988, BINV). Otherwise inversion by alternating search from the mode (Kemp 1986, "A modal method for generating
 * binomial variables"): P(mode) from Loader's saddle-point formula (binomial-pmf.ts), then the probabilities
 * below and above by the ratio recursion, one uniform per draw; the search takes about 1.6 standard deviations
 * of steps, a few microseconds at the counts this engine meets.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  // A NaN would make the modal search below run for ever: refuse it loudly (engine/numerics.ts keeps it out).
  if (Number.isNaN(p) || Number.isNaN(n)) throw new RangeError(`binomial(${n}, ${p}): not a number`);
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const q = 1 - pp;
  const mean = n * pp;
  let x: number;
  if (mean < 30) {
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
    x = binomialModal(rng.uniform(), n, pp, q);
  }
  return flip ? n - x : x;
}

/** The binomial's modal search (modal.ts): P(k − 1)/P(k) = k q / ((n − k + 1) p), P(k + 1)/P(k) = (n − k) p / ((k + 1) q). */
function binomialModal(u: number, n: number, p: number, q: number): number {
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / q;
  return modalSearch(u, mode, Math.exp(binomialLogPmf(mode, n, p)), n, BINOMIAL, odds, n);
}
