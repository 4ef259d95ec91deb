/**
 * Inversion by alternating search from the mode (Kemp 1986, "A modal method for generating binomial
 * variables"), for any unimodal count law on 0..max: starting from P(mode), the probabilities below and above
 * come by their ratios, visiting mode, mode − 1, mode + 1, mode − 2, … until the mass passes the uniform u. The
 * search takes about 1.6 standard deviations of steps. Binomial and Poisson draws share it (frequency.ts,
 * poisson.ts).
 */
export function modalSearch(
  u: number,
  mode: number,
  pMode: number,
  max: number,
  /** P(k − 1) / P(k). */
  down: (k: number) => number,
  /** P(k + 1) / P(k). */
  up: (k: number) => number,
): number {
  if (u <= pMode) return mode;
  u -= pMode;
  let lo = mode;
  let hi = mode;
  let pLo = pMode;
  let pHi = pMode;
  for (;;) {
    if (lo > 0) {
      pLo *= down(lo);
      lo--;
      if (u <= pLo) return lo;
      u -= pLo;
    }
    if (hi < max) {
      pHi *= up(hi);
      hi++;
      if (u <= pHi) return hi;
      u -= pHi;
    }
    // Rounding may leave a sliver of mass (≈ 1e-15) unvisited: it belongs to the mode, where nothing is left
    // to visit in either direction.
    if ((lo === 0 || pLo < 1e-300) && (hi === max || pHi < 1e-300)) return mode;
  }
}
