/**
 * Severity families and their parameters as an analyst reads them (the schema's ids — mu, sigma, splice… — stay
 * in the file and on hover). Each family declares its names (scenario/severity-families), the type requiring one
 * for every field; an id no family has shows as itself.
 */
import { severityFamilyOf } from '../scenario/severity-families/index.ts';
import type { Lang } from './strings.ts';

export const familyName = (family: string, lang: Lang): string => severityFamilyOf(family)?.name[lang] ?? family;

export function severityParamName(family: string, param: string, lang: Lang): string {
  const names: Readonly<Record<string, { zh: string; en: string }>> | undefined = severityFamilyOf(family)?.fieldNames;
  return names && Object.hasOwn(names, param) ? names[param][lang] : param;
}
