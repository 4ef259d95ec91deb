/**
 * A claimant's benefit transformed at the payout grid's low frequencies only, from a fine discretisation of its own
 * (issue #32). The payout S sums tens of thousands of claims, so its transform at t_j = 2πj/W (W the window, m·h)
 * is below e^−40 beyond a few hundred to two thousand j, whatever m; but discretising B on the payout's step h (tens
 * of thousands of yuan where a benefit is typically a few thousand) blurs each claim by up to h²/4, more than S's
 * own variance at 2^14 points for Jilin, which no correction took off cleanly. Here B is discretised on a step h_f
 * of a few hundred to two thousand yuan (local moment matching, benefit-severity.ts discretise: its mean exact, its
 * blur a fraction of a percent of E[B²], which payout-distribution.ts unblur takes off), and its transform
 * X_j = Σ_k p_k e^{−iθjk}, θ = 2π h_f / W, computed at the frequencies that matter by the chirp z-transform
 * (Bluestein 1970; Rabiner, Schafer & Rader 1969): θjk = θ(j² + k² − (j − k)²)/2, so
 * X_j = e^{−iθj²/2} Σ_k (p_k e^{−iθk²/2}) e^{iθ(j−k)²/2}, a convolution done by FFTs of the smallest power of two
 * L ≥ K + J − 1 (a few thousand points), instead of J·K terms or an FFT over the whole window at the fine step.
 * Its round-off is ~2e-15 absolute (checked against direct sums, test/band-transform.test.ts).
 */
import type { CountLaw } from '../random/claim-count.ts';
import { fft } from './fft.ts';

/**
 * re[j] + i·im[j] = Σ_k p[k]·e^{−i t_j k h_f}, t_j = 2πj/W (the sign of realFft's forward transform), for the fine
 * pmf p on 0 … K − 1 and at least the first J frequencies. Returns how many it computed: L − K + 1, at most
 * re.length.
 */
export function chirpTransform(p: Float64Array, K: number, hf: number, W: number, J: number, re: Float64Array, im: Float64Array): number {
  let L = 1;
  while (L < K + J - 1) L <<= 1;
  const plan = chirpPlan(K, (2 * Math.PI * hf) / W, L);
  const count = Math.min(re.length, L - K + 1);
  const { ar, ai, cosIn, sinIn, br, bi, cosOut, sinOut } = plan;
  for (let k = 0; k < K; k++) {
    ar[k] = p[k] * cosIn[k];
    ai[k] = -p[k] * sinIn[k];
  }
  ar.fill(0, K);
  ai.fill(0, K);
  fft(ar, ai);
  for (let i = 0; i < L; i++) {
    const x = ar[i] * br[i] - ai[i] * bi[i];
    ai[i] = ar[i] * bi[i] + ai[i] * br[i];
    ar[i] = x;
  }
  fft(ar, ai, true);
  for (let j = 0; j < count; j++) {
    const c = cosOut[j] / L;
    const d = -sinOut[j] / L;
    re[j] = ar[j] * c - ai[j] * d;
    im[j] = ar[j] * d + ai[j] * c;
  }
  return count;
}

interface ChirpPlan {
  ar: Float64Array;
  ai: Float64Array;
  /** cos, sin of θk²/2 for k < K (the input's chirp) and for j < L − K + 1 (the output's). */
  cosIn: Float64Array;
  sinIn: Float64Array;
  cosOut: Float64Array;
  sinOut: Float64Array;
  /** The transform of b_n = e^{iθn²/2}, n = −(K − 1) … L − K, n < 0 at L + n. */
  br: Float64Array;
  bi: Float64Array;
}

/**
 * The chirps and the transformed kernel of one (K, θ, L), kept for the next call: a population's cost nodes share
 * them (benefit-parts.ts band fixes the fine step and K per population), so each node costs two FFTs, not three.
 */
const plans = new Map<string, ChirpPlan>();
function chirpPlan(K: number, theta: number, L: number): ChirpPlan {
  const key = `${K}:${theta}:${L}`;
  const known = plans.get(key);
  if (known) return known;
  const count = L - K + 1;
  const phases = (n: number) => {
    const c = new Float64Array(n);
    const s = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const phase = (theta * (k * k)) / 2;
      c[k] = Math.cos(phase);
      s[k] = Math.sin(phase);
    }
    return [c, s];
  };
  const [cosIn, sinIn] = phases(K);
  const [cosOut, sinOut] = phases(count);
  const br = new Float64Array(L);
  const bi = new Float64Array(L);
  for (let n = 0; n < count; n++) {
    br[n] = cosOut[n];
    bi[n] = sinOut[n];
  }
  for (let n = 1; n < K; n++) {
    br[L - n] = cosIn[n];
    bi[L - n] = sinIn[n];
  }
  fft(br, bi);
  const plan = { ar: new Float64Array(L), ai: new Float64Array(L), cosIn, sinIn, cosOut, sinOut, br, bi };
  if (plans.size >= 16) plans.delete(plans.keys().next().value!);
  plans.set(key, plan);
  return plan;
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
