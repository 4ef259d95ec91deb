/**
 * A severity family as the maximum-likelihood fit sees it: parameter names (exactly the scenario schema's), the
 * scale each is optimised on, its log-density, its cdf and survival (from the engine's own severity classes,
 * src/random/severity) and starting values.
 */
import type { IndividualSample, Sample, StartSummary } from './likelihood-data.ts';

/** How a parameter is mapped to the whole real line for the optimiser: ln p (p > 0), logit p (0 < p < 1), p. */
export type ParameterScale = 'log' | 'logit' | 'identity';

export interface Distribution {
  cdf(x: number): number;
  survival(x: number): number;
}

export interface FitFamily<Id extends string = string> {
  readonly id: Id;
  /** The family's estimated parameters (scenario/severity-families, `estimated`: SEVERITY_PARAMETERS). */
  readonly parameters: readonly string[];
  readonly scales: readonly ParameterScale[];
  /**
   * Parameters at which the log-likelihood of individual amounts is not differentiable (a splice point: the
   * likelihood jumps or kinks as it passes a data point); no standard error is given for them.
   */
  readonly irregular: readonly string[];
  /**
   * Central-difference step (on the optimiser's scale) for a parameter whose likelihood of individual amounts
   * kinks at every amount, wide enough to average the kinks into the curvature; the default is 10⁻³.
   */
  readonly hessianStep?: Readonly<Record<string, number>>;
  /** The fitted distribution's cdf and survival function. */
  distribution(p: readonly number[]): Distribution;
  /** ln f at one amount, given ln x too; the parameters are checked by the caller. */
  logDensity(p: readonly number[]): (x: number, lnx: number) => number;
  /** Σ wᵢ ln f(xᵢ) over all amounts, where running sums make it faster than the loop over amounts. */
  sumLogDensity?(p: readonly number[], s: IndividualSample): number;
  /** Candidate starting values (natural scale); the fit tries each. */
  starts(s: StartSummary): number[][];
  /** Why an estimate does not identify the family (a splice above every amount: no tail), or null. */
  unidentified?(p: readonly number[], s: Sample): string | null;
  /**
   * Why the estimate is only a point on the way to a limit outside the family (a Pareto whose α and θ grow
   * without bound tends to an exponential), or null; such a fit is reported as not converged.
   */
  divergent?(p: readonly number[]): string | null;
  /** Remarks on a fitted value (outside the scenario schema's range, say). */
  remarks?(p: readonly number[]): string[];
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Σ w ln f_LN over entries [from, to) from the running sums: Loss Models app. A.4.1.1's density in logarithms. */
export function lognormalLogDensitySum(mu: number, sigma: number, s: IndividualSample, from: number, to: number): number {
  const w = s.cumW[to] - s.cumW[from];
  const s1 = s.cumLn[to] - s.cumLn[from];
  const s2 = s.cumLn2[to] - s.cumLn2[from];
  const ss = s2 - 2 * mu * s1 + mu * mu * w;
  return -s1 - w * (Math.log(sigma) + LN_SQRT_2PI) - ss / (2 * sigma * sigma);
}

export function lognormalLogDensity(mu: number, sigma: number): (x: number, lnx: number) => number {
  const c = Math.log(sigma) + LN_SQRT_2PI;
  const k = 1 / (2 * sigma * sigma);
  return (_x, lnx) => -lnx - c - k * (lnx - mu) * (lnx - mu);
}

/** ln(1 + eᵘ) without overflow. */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
