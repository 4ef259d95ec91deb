/**
 * The families the fit knows, in the order they are tried: every parametric family of the registry
 * (scenario/severity-families), which the type checks: one left out fails to compile, naming it.
 */
import type { ParametricFamilyId } from '../scenario/severity-families/index.ts';
import type { FitFamily } from './families.ts';
import { lognormalParetoFamily, splicedFamily } from './families-composite.ts';
import { gammaFamily, loglogisticFamily, lognormalFamily, paretoFamily, weibullFamily } from './families-simple.ts';

export const FAMILIES = [
  lognormalFamily,
  gammaFamily,
  paretoFamily,
  weibullFamily,
  loglogisticFamily,
  lognormalParetoFamily,
  splicedFamily,
] as const satisfies readonly FitFamily<ParametricFamilyId>[];

/** The parametric families with no likelihood above: `never` when every one has its fit. */
type WithoutFit = Exclude<ParametricFamilyId, (typeof FAMILIES)[number]['id']>;
const everyFamilyFitted: [WithoutFit] extends [never] ? true : WithoutFit = true;
void everyFamilyFitted;
