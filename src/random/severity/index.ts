import type { SeveritySpec } from '../../scenario/schema.ts';
import type { SeverityFamilyId } from '../../scenario/severity-families/index.ts';
import { Empirical } from './empirical.ts';
import { Gamma } from './gamma.ts';
import { LogLogistic } from './loglogistic.ts';
import { Lognormal } from './lognormal.ts';
import { LognormalPareto } from './lognormal-pareto.ts';
import { Pareto } from './pareto.ts';
import type { Severity } from './severity.ts';
import { Spliced } from './spliced.ts';
import { Weibull } from './weibull.ts';

export type { Severity } from './severity.ts';
export { Empirical, Gamma, LogLogistic, Lognormal, LognormalPareto, Pareto, Spliced, Weibull };

type SpecOf<F extends SeverityFamilyId> = Extract<SeveritySpec, { family: F }>;

/**
 * Each registered family's distribution from its spec (scenario/severity-families): keyed by the registry's ids,
 * so a family declared there without a distribution here fails to compile.
 */
const DISTRIBUTIONS: { readonly [F in SeverityFamilyId]: (s: SpecOf<F>) => Severity } = {
  lognormal: (s) => new Lognormal(s.mu.value, s.sigma.value),
  gamma: (s) => new Gamma(s.shape.value, s.scale.value),
  pareto: (s) => new Pareto(s.alpha.value, s.theta.value),
  weibull: (s) => new Weibull(s.shape.value, s.scale.value),
  loglogistic: (s) => new LogLogistic(s.scale.value, s.shape.value),
  spliced: (s) => new Spliced(s.mu.value, s.sigma.value, s.splice.value, s.alpha.value, s.bodyWeight.value, s.limit?.value),
  lognormalPareto: (s) => new LognormalPareto(s.mu.value, s.sigma.value, s.splice.value, s.alpha.value, s.limit?.value),
  empirical: (s) => new Empirical(s.amounts, s.weights),
};

/** The severity distribution a scenario file describes. */
export function severityOf(s: SeveritySpec): Severity {
  // The record's type pairs each id with its own spec; indexed by a union id, TypeScript cannot see the pairing.
  const build = DISTRIBUTIONS[s.family] as (s: SeveritySpec) => Severity;
  return build(s);
}
