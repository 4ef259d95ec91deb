/**
 * The lognormal income distribution of the household layer (issue #33): Y per person per year, ln Y ~ N(μ, σ²).
 * Its Gini coefficient is G = 2Φ(σ/√2) − 1 (Aitchison & Brown, The Lognormal Distribution, 1957, §11.2), so a
 * published Gini gives σ = √2·Φ⁻¹((1 + G)/2); a published per-capita disposable income is a mean,
 * m = exp(μ + σ²/2), so μ = ln m − σ²/2; a median M gives μ = ln M.
 */
import { normalCdf, normalQuantile } from './normal.ts';

export interface LognormalIncome {
  mu: number;
  sigma: number;
}

export const sigmaFromGini = (gini: number): number => Math.SQRT2 * normalQuantile((1 + gini) / 2);
export const giniFromSigma = (sigma: number): number => 2 * normalCdf(sigma / Math.SQRT2) - 1;

/** From a published mean income (人均可支配收入) and a Gini. */
export function incomeFromMeanGini(mean: number, gini: number): LognormalIncome {
  const sigma = sigmaFromGini(gini);
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

/** From a median income and a Gini. */
export function incomeFromMedianGini(median: number, gini: number): LognormalIncome {
  return { mu: Math.log(median), sigma: sigmaFromGini(gini) };
}

/** P(Y ≤ y). */
export function incomeCdf(inc: LognormalIncome, y: number): number {
  if (!(y > 0)) return 0;
  if (y === Infinity) return 1;
  return normalCdf((Math.log(y) - inc.mu) / inc.sigma);
}

export const incomeMedian = (inc: LognormalIncome): number => Math.exp(inc.mu);
export const incomeMean = (inc: LognormalIncome): number => Math.exp(inc.mu + (inc.sigma * inc.sigma) / 2);
