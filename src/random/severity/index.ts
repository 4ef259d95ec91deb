import type { SeveritySpec } from '../../scenario/schema.ts';
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

/** The severity distribution a scenario file describes. */
export function severityOf(s: SeveritySpec): Severity {
  switch (s.family) {
    case 'lognormal':
      return new Lognormal(s.mu.value, s.sigma.value);
    case 'gamma':
      return new Gamma(s.shape.value, s.scale.value);
    case 'pareto':
      return new Pareto(s.alpha.value, s.theta.value);
    case 'weibull':
      return new Weibull(s.shape.value, s.scale.value);
    case 'loglogistic':
      return new LogLogistic(s.scale.value, s.shape.value);
    case 'spliced':
      return new Spliced(s.mu.value, s.sigma.value, s.splice.value, s.alpha.value, s.bodyWeight.value, s.limit?.value);
    case 'lognormalPareto':
      return new LognormalPareto(s.mu.value, s.sigma.value, s.splice.value, s.alpha.value, s.limit?.value);
    case 'empirical':
      return new Empirical(s.amounts, s.weights);
  }
}
