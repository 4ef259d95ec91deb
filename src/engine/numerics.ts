/**
 * Parameter combinations that pass the schema but cannot be evaluated in double precision: a spliced body whose
 * cdf at the splice underflows (NaN tail probability), a lognormal μ of 700 or a Weibull shape of 1e-9 whose draws
 * overflow to Infinity. Found once, when the model is compiled, and reported against the population's severity
 * path, so no run can hang on a NaN probability or report a figure computed from Infinity.
 */
import { problem, type Problem } from '../scenario/problems.ts';
import type { Severity } from '../random/severity/index.ts';

/** Larger draws are a sign of parameters gone astray (a lognormal μ of 700); 1e100 × 1e8 people still sums in float64. */
export const MAX_DRAW = 1e100;

export function severityProblems(sev: Severity, p: number, threshold: number, tailProb: number): Problem[] {
  const path = ['populations', p, 'severity'];
  const out: Problem[] = [];
  if (!Number.isFinite(tailProb) || tailProb < 0 || tailProb > 1) {
    out.push(
      problem(
        path,
        `cannot be evaluated in double precision: the probability of passing the lowest deductible (${Math.round(threshold).toLocaleString('en')} yuan) cannot be computed; the parameters put the distribution where its cdf underflows`,
      ),
    );
    return out;
  }
  const probes: [string, number][] = [
    ['the median', sev.upperQuantile(0.5)],
    ['the 1-in-10¹² amount', sev.upperQuantile(1e-12)],
  ];
  for (const [what, x] of probes) {
    if (!Number.isFinite(x) || x > MAX_DRAW || x < 0) {
      out.push(
        problem(
          path,
          `cannot be evaluated in double precision: ${what} is ${Number.isFinite(x) ? `${x.toExponential(2)} yuan` : 'beyond any number'} (more than ${MAX_DRAW.toExponential(0)} yuan cannot be drawn and summed reliably)`,
        ),
      );
      return out;
    }
  }
  const m = sev.mean();
  if (Number.isNaN(m)) out.push(problem(path, 'cannot be evaluated in double precision: the mean cannot be computed'));
  return out;
}
