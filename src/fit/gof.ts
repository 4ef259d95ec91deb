/**
 * Goodness of fit, as R's fitdistrplus::gofstat computes it (Delignette-Muller & Dutang, J. Stat. Softw. 64(4),
 * 2015; D'Agostino & Stephens, Goodness-of-Fit Techniques, 1986, ch. 4), weights read as repeated amounts and,
 * under left truncation at d, against the conditional cdf F*(x) = (F(x) − F(d)) / S(d).
 *
 * The p-values are those of a fully specified distribution. With parameters estimated from the same data the
 * statistics are smaller than under that null, so these p-values are conservative (too large): a small one is a
 * real rejection, a large one is no proof of fit (Loss Models, 4th ed., §15.4.1).
 */
import { gammaQ } from '../math/special.ts';
import type { Distribution } from './families.ts';
import { bandProbability } from './likelihood.ts';
import type { GroupedSample, IndividualSample } from './likelihood-data.ts';
import type { GoodnessOfFit } from './types.ts';

/** The conditional cdf given X > d, computed from the survival function where it is small. */
function conditionalCdf(dist: Distribution, d: number): (x: number) => number {
  if (!(d > 0)) return (x) => dist.cdf(x);
  const sd = dist.survival(d);
  return (x) => 1 - dist.survival(x) / sd;
}

/**
 * Kolmogorov–Smirnov D = max over the sorted sample of |F(x₍ᵢ₎) − i/n| and |F(x₍ᵢ₎) − (i−1)/n|, and
 * Anderson–Darling A² = −n − (1/n) Σ (2i − 1)[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))]; an amount of weight w
 * stands for w repeated order statistics, whose sums of 2i − 1 are differences of squares.
 */
export function individualGof(dist: Distribution, s: IndividualSample): GoodnessOfFit {
  const F = conditionalCdf(dist, s.truncate);
  const n = s.n;
  let ks = 0;
  let ad = 0;
  for (let j = 0; j < s.x.length; j++) {
    const before = s.cumW[j];
    const after = s.cumW[j + 1];
    const f = F(s.x[j]);
    ks = Math.max(ks, Math.abs(f - before / n), Math.abs(f - after / n));
    // Σ (2i − 1) over i = before+1..after is after² − before²; with k = n + 1 − i the same amounts take the
    // (1 − F) term with weights Σ (2(n − k) + 1) = (n − before)² − (n − after)².
    const lower = Math.log(Math.max(f, 1e-300));
    const upper = Math.log(Math.max(1 - f, 1e-300));
    ad += (after * after - before * before) * lower + ((n - before) ** 2 - (n - after) ** 2) * upper;
  }
  const a2 = -n - ad / n;
  return {
    ks: { statistic: ks, pValue: kolmogorovPValue(ks, n) },
    ad: { statistic: a2, pValue: andersonDarlingPValue(a2) },
  };
}

/**
 * P(D > d) for the one-sample statistic by the Kolmogorov limit with Stephens' small-sample correction,
 * λ = (√n + 0.12 + 0.11/√n) d (Press et al., Numerical Recipes, 3rd ed., §14.3.3), Q(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}.
 */
export function kolmogorovPValue(d: number, n: number): number {
  const sn = Math.sqrt(n);
  const lambda = (sn + 0.12 + 0.11 / sn) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * P(A² > a) for large n, by G. Marsaglia & J. Marsaglia, "Evaluating the Anderson-Darling distribution",
 * J. Stat. Softw. 9(2), 2004, the adinf approximation (absolute error below 2e-6).
 */
export function andersonDarlingPValue(a: number): number {
  if (!(a > 0)) return 1;
  const cdf =
    a < 2
      ? (Math.exp(-1.2337141 / a) / Math.sqrt(a)) *
        (2.00012 + (0.247105 - (0.0649821 - (0.0347962 - (0.011672 - 0.00168691 * a) * a) * a) * a) * a)
      : Math.exp(-Math.exp(1.0776 - (2.30695 - (0.43424 - (0.082433 - (0.008056 - 0.0003146 * a) * a) * a) * a) * a));
  return Math.min(1, Math.max(0, 1 - cdf));
}

/**
 * Pearson's χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ over the bands, Eᵢ = n P(band | X > d); adjacent bands are merged until each
 * expected count is at least 5 (Loss Models, 4th ed., §15.4.3), df = bands − 1 − fitted parameters, p-value
 * Q(df/2, χ²/2), the regularised upper incomplete gamma.
 */
export function groupedGof(dist: Distribution, s: GroupedSample, fitted: number): { gof: GoodnessOfFit; warnings: string[] } {
  const sd = s.truncate > 0 ? dist.survival(s.truncate) : 1;
  const observed: number[] = [];
  const expected: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < s.lower.length; i++) {
    o += s.counts[i];
    e += (s.n * bandProbability(dist, s.lower[i], s.upper[i])) / sd;
    if (e >= 5) {
      observed.push(o);
      expected.push(e);
      o = 0;
      e = 0;
    }
  }
  if (e > 0 || o > 0) {
    if (expected.length) {
      observed[observed.length - 1] += o;
      expected[expected.length - 1] += e;
    } else {
      observed.push(o);
      expected.push(e);
    }
  }
  const warnings: string[] = [];
  if (observed.length < s.lower.length)
    warnings.push(`χ²: ${s.lower.length} bands merged into ${observed.length} so every expected count is at least 5`);
  let chi = 0;
  for (let i = 0; i < observed.length; i++) chi += (observed[i] - expected[i]) ** 2 / expected[i];
  const df = observed.length - 1 - fitted;
  if (df <= 0) warnings.push(`χ²: ${observed.length} bands leave no degrees of freedom for ${fitted} fitted parameters; no p-value`);
  return { gof: { chiSquare: { statistic: chi, df, pValue: df > 0 ? gammaQ(df / 2, chi / 2) : null } }, warnings };
}
