/** The families the fit knows, in the order they are tried. */
import type { FitFamily } from './families.ts';
import { lognormalParetoFamily, splicedFamily } from './families-composite.ts';
import { gammaFamily, loglogisticFamily, lognormalFamily, paretoFamily, weibullFamily } from './families-simple.ts';

export const FAMILIES: readonly FitFamily[] = [
  lognormalFamily,
  gammaFamily,
  paretoFamily,
  weibullFamily,
  loglogisticFamily,
  lognormalParetoFamily,
  splicedFamily,
];
