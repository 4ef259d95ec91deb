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
  /** The Gaussian copula's correlation with the member's cost rank (engine/household.ts); absent: 0. */
  rho?: number;
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

/**
 * The Gaussian copula's correlation of the normal scores from a Spearman rank correlation ρs (Kruskal 1958):
 * ρ = 2 sin(πρs/6). A file states the rank correlation (`income.rankCorrelation`), which a copula leaves unchanged
 * under any monotone margins; the engine draws with ρ.
 */
export const pearsonFromSpearman = (rs: number): number => 2 * Math.sin((Math.PI * rs) / 6);

/**
 * Income given a member's cost rank under the Gaussian copula with correlation ρ: with z = Φ⁻¹(F(cost)) the cost's
 * normal score, ln Y | z ~ Normal(μ + σρz, σ²(1 − ρ²)). ρ = 0 returns the income itself (independence).
 */
export function incomeGiven(inc: LognormalIncome, rho: number, z: number): LognormalIncome {
  if (rho === 0) return inc;
  return { mu: inc.mu + inc.sigma * rho * z, sigma: inc.sigma * Math.sqrt(1 - rho * rho), rho: 0 };
}
