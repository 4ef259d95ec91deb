/**
 * The numeric parameters of each parametric severity family and the region where the family is defined (the
 * schema's bounds, scenario/severity-families), for a fit's uncertainty: which names `uncertainty.parameters` may list,
 * and where a drawn parameter vector must stay (engine/fit-draw.ts). A tail's `limit` (spliced, lognormalPareto)
 * is a truncation the analyst sets, not an estimate, and is not among them.
 *
 * A tail index α (Pareto, the spliced and composite tails) whose estimate is above 1 must stay above 1 when
 * drawn: below it the mean is infinite, and a trial drawn there would pay an infinite expected amount under a ruleset without a cap
 * (an estimate at or below 1 keeps the family's own bound, α > 0, and the model's check on infinite means).
 */
import type { ParameterRegion } from './severity-families/family.ts';
import { estimatedParameters, SEVERITY_FAMILIES, severityFamilyOf, type ParametricFamilyId } from './severity-families/index.ts';

export type { ParameterRegion };

/** Each parametric family's estimated parameters, in the fit's order (scenario/severity-families, `estimated`). */
export const SEVERITY_PARAMETERS = Object.fromEntries(
  SEVERITY_FAMILIES.filter((f) => estimatedParameters(f).length > 0).map((f) => [f.id, estimatedParameters(f)]),
) as { readonly [F in ParametricFamily]: readonly string[] };

export type ParametricFamily = ParametricFamilyId;

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
  const regions: Readonly<Record<string, (estimate: number) => ParameterRegion>> = severityFamilyOf(family)!.estimated;
  return Object.hasOwn(regions, name) ? regions[name](estimate) : { lower: 0, upper: Infinity };
}
