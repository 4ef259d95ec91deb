/**
 * The numeric parameters of each parametric severity family and the region where the family is defined (the
 * schema's bounds, scenario/schema.ts), for a fit's uncertainty: which names `uncertainty.parameters` may list,
 * and where a drawn parameter vector must stay (engine/fit-draw.ts). A tail's `limit` (spliced, lognormalPareto)
 * is a truncation the analyst sets, not an estimate, and is not among them.
 *
 * A tail index α (Pareto, the spliced and composite tails) whose estimate is above 1 must stay above 1 when
 * drawn: below it the mean is infinite, and a trial drawn there would pay an infinite expected amount under a ruleset without a cap
 * (an estimate at or below 1 keeps the family's own bound, α > 0, and the model's check on infinite means).
 */
export interface ParameterRegion {
  /** Open bounds: the parameter must lie strictly between them. */
  lower: number;
  upper: number;
}

export const SEVERITY_PARAMETERS = {
  lognormal: ['mu', 'sigma'],
  gamma: ['shape', 'scale'],
  pareto: ['alpha', 'theta'],
  weibull: ['shape', 'scale'],
  loglogistic: ['scale', 'shape'],
  spliced: ['mu', 'sigma', 'splice', 'alpha', 'bodyWeight'],
  lognormalPareto: ['mu', 'sigma', 'splice', 'alpha'],
} as const satisfies Record<string, readonly string[]>;

export type ParametricFamily = keyof typeof SEVERITY_PARAMETERS;

export function isParametricFamily(f: unknown): f is ParametricFamily {
  return typeof f === 'string' && Object.hasOwn(SEVERITY_PARAMETERS, f);
}

/**
 * The largest standard deviation accepted for a location parameter with no bound (μ of ln X): a one-sd draw of 1
 * already multiplies every amount by e ≈ 2.7, far beyond what any fit from a bureau's records supports.
 */
export const MAX_LOCATION_SD = 1;

/** Where parameter `name` of `family` is defined, given its estimate (see the tail-index rule above). */
export function parameterRegion(family: ParametricFamily, name: string, estimate: number): ParameterRegion {
  if (name === 'mu') return { lower: -Infinity, upper: Infinity };
  if (name === 'bodyWeight') return { lower: 0, upper: 1 };
  if (family === 'loglogistic' && name === 'shape') return { lower: 1, upper: Infinity };
  if (name === 'alpha' && estimate > 1) return { lower: 1, upper: Infinity };
  return { lower: 0, upper: Infinity };
}
