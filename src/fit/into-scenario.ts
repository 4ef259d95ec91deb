/**
 * A fitted severity written into a scenario's population, every parameter with the provenance a reviewer needs to
 * reproduce it (the file's SHA-256, n, ℓ and AIC), and optionally the estimates' covariance for parameter risk.
 * Pure: the command computes the digest and writes the file; the workbench can do the same with crypto.subtle.
 */
import { printable } from '../scenario/characters.ts';
import { SEVERITY_PARAMETERS } from '../scenario/severity-parameters.ts';
import type { FamilyFit } from './types.ts';

/** The scenario schema's severity families the fit can write: the parametric ones (scenario/severity-families). */
export const SCENARIO_FAMILIES: readonly string[] = Object.keys(SEVERITY_PARAMETERS);

/** Where the fitted data came from, for the provenance line. */
export interface FitOrigin {
  /** The data file's name (no folders). */
  file: string;
  sha256: string;
  /** yyyy-mm-dd */
  date: string;
  n: number;
  grouped: boolean;
  truncate: number;
}

/** "Fitted by jingsuan fit on 2026-12-06 from claims.csv (SHA-256 …, n = 179, log-likelihood −923.41, AIC 1850.82)". */
export function fitSource(fit: FamilyFit, origin: FitOrigin): string {
  // A file's name is anyone's: on Linux it may hold ESC or a line break, which a source may not (scenario/param.ts
  // textFault); cut by characters, not UTF-16 units, so a name is never cut inside a character.
  const name = [...printable(origin.file)];
  const file = name.length > 200 ? `${name.slice(0, 200).join('')}…` : name.join('');
  const details = [
    `SHA-256 ${origin.sha256}`,
    `n = ${origin.n}`,
    ...(origin.grouped ? ['grouped'] : []),
    ...(origin.truncate > 0 ? [`left-truncated at ${origin.truncate} yuan`] : []),
    `log-likelihood ${round(fit.logLikelihood)}`,
    `AIC ${round(fit.aic)}`,
  ];
  return `Fitted by jingsuan fit on ${origin.date} from ${file} (${details.join(', ')})`;
}

const round = (x: number) => Number(x.toFixed(2));

export interface SeverityJson {
  family: string;
  [parameter: string]: unknown;
}

/**
 * The population's new `severity`: the family and each parameter `{ value, source }`. withUncertainty adds `uncertainty: { parameters, covariance, n, source }` from the
 * inverse observed information; an Error when the fit has none.
 */
export function fittedSeverity(fit: FamilyFit, origin: FitOrigin, withUncertainty: boolean): SeverityJson {
  const source = fitSource(fit, origin);
  const p = fit.parameters;
  if (!SCENARIO_FAMILIES.includes(fit.family))
    throw new Error(`the family ${fit.family} has no form in a scenario file (it takes ${SCENARIO_FAMILIES.join(', ')})`);
  const severity: SeverityJson = {
    family: fit.family,
    ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { value: v, source }])),
  };
  if (withUncertainty) {
    if (!fit.covariance)
      throw new Error(`--with-uncertainty: the ${fit.family} fit has no covariance (its observed information is not positive definite)`);
    severity.uncertainty = {
      parameters: [...fit.covariance.parameters],
      covariance: fit.covariance.matrix.map((r) => [...r]),
      n: origin.n,
      source,
    };
  }
  return severity;
}
