/**
 * A severity with every amount multiplied by s > 0 (a regional cost level): X' = s·X. Each family is closed
 * under scaling, so the result is the same family with its scale parameter moved (Klugman, Panjer & Willmot,
 * Loss Models, §5.2.1 "multiplication by a constant"): lognormal μ + ln s; gamma, Weibull, log-logistic scale ×
 * s; Lomax θ × s; spliced μ + ln s and splice × s (tail index and body weight unchanged); empirical atoms × s.
 */
import type { SeveritySpec } from '../../scenario/schema.ts';

export function scaleSeverity(spec: SeveritySpec, s: number): SeveritySpec {
  if (s === 1) return spec;
  const times = <T extends { value: number }>(p: T): T => ({ ...p, value: p.value * s });
  const shift = <T extends { value: number }>(p: T): T => ({ ...p, value: p.value + Math.log(s) });
  switch (spec.family) {
    case 'lognormal':
      return { ...spec, mu: shift(spec.mu) };
    case 'gamma':
    case 'weibull':
    case 'loglogistic':
      return { ...spec, scale: times(spec.scale) };
    case 'pareto':
      return { ...spec, theta: times(spec.theta) };
    case 'spliced':
      return { ...spec, mu: shift(spec.mu), splice: times(spec.splice) };
    case 'empirical':
      return { ...spec, amounts: spec.amounts.map((a) => a * s) };
  }
}
