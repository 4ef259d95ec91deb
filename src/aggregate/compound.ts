/**
 * Compound distributions through the probability generating function of the claim count (random/claim-count.ts), applied point by point
 * to the discrete Fourier transform φ of the severity on the grid (Loss Models §9.8; Mildenhall's `aggregate`
 * and R's actuar::aggregateDist(method = "fft") work the same way): the transform of S = X₁ + … + X_N is P_N(φ).
 *   binomial(n, q):  (1 − q + qφ)ⁿ          (n integer, so the principal logarithm gives it exactly)
 *   Poisson(λ):       exp(λ(φ − 1))
 *   negative binomial, Poisson mean λ·G with G ~ Gamma(mean 1, cv): (1 − β(φ − 1))^(−r), r = 1/cv², β = λ·cv²
 *     (Re(1 − β(φ − 1)) ≥ 1 since |φ| ≤ 1, so the principal branch is continuous).
 */
import type { CountLaw } from '../random/claim-count.ts';

/** The law's declaration lives with its sampler (random/claim-count.ts); named here for the transform's callers. */
export type { CountLaw };

/**
 * out += weight · P_N(φ), elementwise over complex arrays: the first `count` points (a real severity's transform
 * is Hermitian, so the caller may compute half of it: fft.ts `realFft`, `inverseRealFft`).
 */
export function addCompoundTransform(
  law: CountLaw,
  phiRe: Float64Array,
  phiIm: Float64Array,
  weight: number,
  outRe: Float64Array,
  outIm: Float64Array,
  count = phiRe.length,
): void {
  // Far from zero frequency the transform of a wide aggregate vanishes: what cannot reach a double (log below
  // −745) is skipped, for the binomial and negative binomial by |z|² against a bound before any logarithm (most
  // points of a large population's transform are skipped so).
  if (law.family === 'poisson') {
    const { lambda } = law;
    for (let i = 0; i < count; i++) {
      const lr = lambda * (phiRe[i] - 1);
      if (lr < -745) continue;
      add(i, lr, lambda * phiIm[i]);
    }
  } else if (law.family === 'binomial') {
    const { n, q } = law;
    // n/2 · log|z|² < −745 ⇔ |z|² < exp(−1490/n).
    const below = Math.exp(-1490 / n);
    for (let i = 0; i < count; i++) {
      const zr = 1 - q + q * phiRe[i];
      const zi = q * phiIm[i];
      const zz = zr * zr + zi * zi;
      if (zz < below) continue;
      const lr = n * 0.5 * Math.log(zz);
      if (lr < -745) continue;
      add(i, lr, n * Math.atan2(zi, zr));
    }
  } else {
    const r = 1 / (law.cv * law.cv);
    const beta = law.lambda * law.cv * law.cv;
    // −r/2 · log|z|² < −745 ⇔ |z|² > exp(1490/r).
    const above = Math.exp(1490 / r);
    for (let i = 0; i < count; i++) {
      const zr = 1 - beta * (phiRe[i] - 1);
      const zi = -beta * phiIm[i];
      const zz = zr * zr + zi * zi;
      if (zz > above) continue;
      const lr = -r * 0.5 * Math.log(zz);
      if (lr < -745) continue;
      add(i, lr, -r * Math.atan2(zi, zr));
    }
  }
  function add(i: number, lr: number, li: number) {
    const mag = weight * Math.exp(lr);
    outRe[i] += mag * Math.cos(li);
    outIm[i] += mag * Math.sin(li);
  }
}
