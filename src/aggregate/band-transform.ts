/**
 * A claimant's benefit transformed at the payout grid's low frequencies only, from a fine discretisation of its own
 * (issue #32). The payout S sums tens of thousands of claims, so its transform at t_j = 2πj/W (W the window, m·h)
 * is below e^−40 beyond a few hundred j, whatever m; but discretising B on the payout's step h (tens of thousands of
 * yuan where a benefit is typically a few thousand) blurs each claim by up to h²/4, more than S's own variance at
 * 2^14 points, which no correction takes off cleanly. Here B is discretised on a step h_f of a few hundred yuan
 * (local moment matching, benefit-severity.ts discretise: its mean exact, its blur a fraction of a percent of
 * E[B²], which payout-distribution.ts unblur takes off), and its transform Σ p_k e^{−i t k h_f} computed at the J
 * frequencies that matter, block by block: over a block of half-width R around x_c with t·R ≤ 1,
 * e^{−i t x} = e^{−i t x_c} Σ_n (−i t R)^n y^n / n!, y = (x − x_c)/R, so each block needs its first 21 moments in y
 * (the series' next term below 1/21! < 2e-20) and each frequency 21 terms per block, instead of one term per fine
 * point (a direct sum) or an FFT over the whole window at the fine step.
 */
import type { CountLaw } from '../random/claim-count.ts';

/** Terms of the series per block: (tR)^n/n! with tR ≤ 1 is below 2e-20 beyond n = 20. */
const TERMS = 21;
const INVERSE_FACTORIAL = Float64Array.from({ length: TERMS }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return 1 / f;
});

/**
 * re[j] + i·im[j] = Σ_k p[k]·e^{−i t_j k h_f}, t_j = 2πj/W, for j < J (the sign of realFft's forward transform),
 * pmf p on the fine points 0 … K − 1.
 */
export function bandTransform(p: Float64Array, K: number, hf: number, W: number, J: number, re: Float64Array, im: Float64Array): void {
  re.fill(0, 0, J);
  im.fill(0, 0, J);
  const dt = (2 * Math.PI) / W;
  const tMax = dt * Math.max(1, J - 1);
  // Points per block: half-width R = (B − 1)/2 · h_f with tMax·R ≤ 1.
  const B = Math.max(1, Math.floor(2 / (tMax * hf)) + 1);
  const mu = new Float64Array(TERMS);
  for (let start = 0; start < K; start += B) {
    const end = Math.min(K, start + B);
    const xc = ((start + end - 1) / 2) * hf;
    const R = Math.max(((end - 1 - start) / 2) * hf, hf);
    mu.fill(0);
    let any = false;
    for (let k = start; k < end; k++) {
      const pk = p[k];
      if (pk === 0) continue;
      any = true;
      const y = (k * hf - xc) / R;
      let yn = pk;
      for (let n = 0; n < TERMS; n++) {
        mu[n] += yn;
        yn *= y;
      }
    }
    if (!any) continue;
    for (let n = 0; n < TERMS; n++) mu[n] *= INVERSE_FACTORIAL[n];
    for (let j = 0; j < J; j++) {
      const t = j * dt;
      const s = t * R;
      // Σ_n μ_n z^n at z = −i·s by Horner: (a + ib)(−is) = b·s − i·a·s.
      let ar = mu[TERMS - 1];
      let ai = 0;
      for (let n = TERMS - 2; n >= 0; n--) {
        const nr = ai * s + mu[n];
        ai = -ar * s;
        ar = nr;
      }
      // × e^{−i t x_c}.
      const c = Math.cos(t * xc);
      const d = -Math.sin(t * xc);
      re[j] += ar * c - ai * d;
      im[j] += ar * d + ai * c;
    }
  }
}

/** ln |P_N(φ)| for a count law at one severity transform value (compound.ts's formulas, their real part). */
export function logMagnitude(law: CountLaw, re: number, im: number): number {
  if (law.family === 'poisson') return law.lambda * (re - 1);
  if (law.family === 'binomial') {
    const zr = 1 - law.q + law.q * re;
    const zi = law.q * im;
    return law.n * 0.5 * Math.log(zr * zr + zi * zi);
  }
  const r = 1 / (law.cv * law.cv);
  const beta = law.lambda * law.cv * law.cv;
  const zr = 1 - beta * (re - 1);
  const zi = -beta * im;
  return -r * 0.5 * Math.log(zr * zr + zi * zi);
}
