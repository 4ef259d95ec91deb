/**
 * What a severity fit reads and what it returns: the contract between reading a bureau's file (src/fit/read*),
 * the maximum-likelihood fit (src/fit/fit.ts) and the `fit` command and workbench that show it.
 */

/**
 * A bureau's claims data as amounts in yuan. Individual: one amount per row with a count (weight, 1 when the file
 * has none). Grouped: bands [lower, upper) with a count each; the open top band has upper = Infinity.
 * truncate: the deductible d the records passed (left truncation, likelihood Σ log f(x)/S(d)); 0 when none.
 */
export type FitData =
  | { kind: 'individual'; amounts: number[]; weights: number[]; truncate: number }
  | { kind: 'grouped'; lower: number[]; upper: number[]; counts: number[]; truncate: number };

export interface GoodnessOfFit {
  /** Kolmogorov–Smirnov (individual data): sup |F_n − F|, and its asymptotic p-value. */
  ks?: { statistic: number; pValue: number | null };
  /** Anderson–Darling (individual data). */
  ad?: { statistic: number; pValue: number | null };
  /** Pearson χ² over the bands (grouped data), df = bands − 1 − fitted parameters (after merging small bands). */
  chiSquare?: { statistic: number; df: number; pValue: number | null };
}

/** One family's maximum-likelihood fit. Parameter names are exactly the scenario schema's (mu, sigma; shape, scale…). */
export interface FamilyFit {
  family: string;
  parameters: Record<string, number>;
  logLikelihood: number;
  aic: number;
  bic: number;
  /** From the inverse observed information (null where it is not positive definite). */
  standardErrors: Record<string, number | null>;
  ci95: Record<string, [number, number] | null>;
  /** Covariance of the estimates on the parameters' natural scale, in the order of `parameters` keys. */
  covariance: { parameters: string[]; matrix: number[][] } | null;
  gof: GoodnessOfFit;
  converged: boolean;
  warnings: string[];
}
