/**
 * The body-and-tail families: a lognormal body up to the splice θ, a Pareto type I tail α θ^α x^(−α−1) above it.
 * spliced (legacy, Loss Models §5.2.6): the body's weight w is a free parameter, the density jumps at θ.
 * lognormalPareto (Scollnik, Scand. Actuarial J. 2007(1), §2; Cooray & Ananda, Scand. Actuarial J. 2005(5)):
 * w = r fixed by continuity of the density at θ (continuousBodyWeight, src/random/severity/lognormal-pareto.ts); the
 * fit never estimates the optional tail limit.
 * Log-likelihood of individual amounts from the running sums (likelihood-data.ts): the body's entries are a
 * prefix of the sorted amounts, so Σ w ln f costs a binary search.
 */
import { normalCdf } from '../math/normal.ts';
import { continuousBodyWeight } from '../random/severity/lognormal-pareto.ts';
import { LognormalPareto, Spliced } from '../random/severity/index.ts';
import { SEVERITY_PARAMETERS } from '../scenario/severity-parameters.ts';
import { lognormalLogDensity, lognormalLogDensitySum, type FitFamily } from './families.ts';
import { firstAbove, type IndividualSample, type Sample, type StartSummary } from './likelihood-data.ts';

/** ln of the body-and-tail density with body weight w (entries at or below θ in the body). */
function bodyTailLogDensity(mu: number, sigma: number, splice: number, alpha: number, w: number) {
  const body = lognormalLogDensity(mu, sigma);
  const bodyShift = Math.log(w) - Math.log(normalCdf((Math.log(splice) - mu) / sigma));
  const tailShift = Math.log1p(-w) + Math.log(alpha) + alpha * Math.log(splice);
  return (x: number, lnx: number) => (x <= splice ? body(x, lnx) + bodyShift : tailShift - (alpha + 1) * lnx);
}

function bodyTailLogDensitySum(mu: number, sigma: number, splice: number, alpha: number, w: number, s: IndividualSample): number {
  const m = s.x.length;
  const j = firstAbove(s.x, splice);
  const wBody = s.cumW[j];
  const wTail = s.cumW[m] - wBody;
  let ll = 0;
  if (wBody > 0) {
    const lnF = Math.log(normalCdf((Math.log(splice) - mu) / sigma));
    ll += lognormalLogDensitySum(mu, sigma, s, 0, j) + wBody * (Math.log(w) - lnF);
  }
  if (wTail > 0) ll += wTail * (Math.log1p(-w) + Math.log(alpha) + alpha * Math.log(splice)) - (alpha + 1) * (s.cumLn[m] - s.cumLn[j]);
  return ll;
}

/**
 * Starts: the splice at several quantiles of the data; the body's μ, σ the mean and sd of ln x below it (the
 * truncation's bias left to the optimiser); the tail's α by Hill's estimator, Σw / Σ w ln(x/θ) above it.
 */
function bodyTailStarts(s: StartSummary): { mu: number; sigma: number; splice: number; alpha: number; q: number }[] {
  const out = [];
  for (const q of [0.5, 0.7, 0.85, 0.93, 0.97]) {
    const splice = s.quantile(q);
    let w0 = 0;
    let l1 = 0;
    let l2 = 0;
    let wt = 0;
    let hill = 0;
    for (let i = 0; i < s.points.length; i++) {
      const lx = Math.log(s.points[i]);
      const w = s.weights[i];
      if (s.points[i] <= splice) {
        w0 += w;
        l1 += w * lx;
        l2 += w * lx * lx;
      } else {
        wt += w;
        hill += w * (lx - Math.log(splice));
      }
    }
    if (w0 === 0 || wt === 0 || hill <= 0) continue;
    const mu = l1 / w0;
    // A body of near-equal amounts would start σ near 0, where the truncation's S(d) underflows.
    const sigma = Math.max(Math.sqrt(Math.max(l2 / w0 - mu * mu, 0)), 0.1 * s.sdLog, 0.05);
    out.push({ mu, sigma, splice, alpha: wt / hill, q: w0 / (w0 + wt) });
  }
  return out;
}

/**
 * Data that show nothing of the tail above the splice leave its index unidentified: individual amounts none of
 * which lies above it, or bands whose claims above the splice all fall in one band (its lower bound at or below
 * the splice, so the tail's shape is not seen).
 */
function emptyTail(splice: number, s: Sample): string | null {
  if (s.kind === 'individual') {
    const largest = s.x[s.x.length - 1];
    return largest > splice
      ? null
      : `the splice ${splice.toPrecision(6)} lies above every amount (largest ${largest}), so the tail index is not identified`;
  }
  let top = s.counts.length - 1;
  while (top > 0 && s.counts[top] === 0) top--;
  return s.lower[top] < splice
    ? `the splice ${splice.toPrecision(6)} lies in the top band with claims [${s.lower[top]}, ${s.upper[top]}), so the bands do not show the tail and its index is not identified`
    : null;
}

export const lognormalParetoFamily: FitFamily<'lognormalPareto'> = {
  id: 'lognormalPareto',
  parameters: SEVERITY_PARAMETERS.lognormalPareto,
  scales: ['identity', 'log', 'log', 'log'],
  irregular: [],
  hessianStep: { splice: 0.05 },
  distribution: ([mu, sigma, splice, alpha]) => new LognormalPareto(mu, sigma, splice, alpha),
  logDensity: ([mu, sigma, splice, alpha]) => bodyTailLogDensity(mu, sigma, splice, alpha, continuousBodyWeight(mu, sigma, splice, alpha)),
  sumLogDensity: ([mu, sigma, splice, alpha], s) =>
    bodyTailLogDensitySum(mu, sigma, splice, alpha, continuousBodyWeight(mu, sigma, splice, alpha), s),
  starts: (s) => bodyTailStarts(s).map((t) => [t.mu, t.sigma, t.splice, t.alpha]),
  unidentified: ([, , splice], s) => emptyTail(splice, s),
};

export const splicedFamily: FitFamily<'spliced'> = {
  id: 'spliced',
  parameters: SEVERITY_PARAMETERS.spliced,
  scales: ['identity', 'log', 'log', 'log', 'logit'],
  irregular: ['splice'],
  distribution: ([mu, sigma, splice, alpha, w]) => new Spliced(mu, sigma, splice, alpha, w),
  logDensity: ([mu, sigma, splice, alpha, w]) => bodyTailLogDensity(mu, sigma, splice, alpha, w),
  sumLogDensity: ([mu, sigma, splice, alpha, w], s) => bodyTailLogDensitySum(mu, sigma, splice, alpha, w, s),
  starts: (s) => bodyTailStarts(s).map((t) => [t.mu, t.sigma, t.splice, t.alpha, t.q]),
  unidentified: ([, , splice], s) => emptyTail(splice, s),
};
