/**
 * Severity families and their parameters as an analyst reads them (the schema's ids — mu, sigma, splice… — stay
 * in the file and on hover). Each family declares its names (scenario/severity-families), the type requiring one
 * for every field; an id no family has shows as itself.
 */
import { severityFamilyOf } from '../scenario/severity-families/index.ts';
import { t, type Lang } from './strings.ts';

export const familyName = (family: string, lang: Lang): string => severityFamilyOf(family)?.name[lang] ?? family;

export function severityParamName(family: string, param: string, lang: Lang): string {
  const names: Readonly<Record<string, { zh: string; en: string }>> | undefined = severityFamilyOf(family)?.fieldNames;
  return names && Object.hasOwn(names, param) ? names[param][lang] : param;
}

/** Families whose α is a Pareto tail index (gamma's and log-logistic's α mean other things: no tail hint there). */
const TAIL_FAMILIES = new Set(['pareto', 'lognormalPareto', 'spliced']);

/**
 * A severity parameter in plain words, one line for hover (issue #31: μ, σ, α and 主体占比 are not an analyst's
 * words), or null where the name on screen already says it.
 */
export function severityParamHint(family: string, param: string, lang: Lang): string | null {
  if (param === 'mu') return t('hintMu', lang);
  if (param === 'sigma') return t('hintSigma', lang);
  if (param === 'bodyWeight') return t('hintBodyWeight', lang);
  if (param === 'splice') return t('hintSplice', lang);
  if (param === 'alpha' && TAIL_FAMILIES.has(family)) return t('hintTailAlpha', lang);
  return null;
}
