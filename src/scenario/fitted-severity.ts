/**
 * A maximum-likelihood fit written into a population's severity: the family and each parameter, every parameter
 * with provenance naming the data it was fitted to (file, its SHA-256, n, log-likelihood, AIC, date), so the diff
 * view, a saved file and a share link say where the numbers came from.
 */
import type { FamilyFit } from '../fit/types.ts';
import { EDITED } from './edit.ts';

/** The data a fit was made from, as the provenance names it. */
export interface FitOrigin {
  fileName: string;
  /** SHA-256 of the file's bytes (of the pasted text's UTF-8 bytes), lower-case hex. */
  sha256: string;
  n: number;
  grouped: boolean;
  /** The deductible every record passed (left truncation); 0 when none. */
  truncate: number;
  /** The day the fit was made, YYYY-MM-DD. */
  date: string;
}

type Json = Record<string, unknown>;

/** The severity as the file had it, in one line: "lognormal mu=9.2, sigma=1.1". */
function severityInLine(sev: unknown): string {
  if (!sev || typeof sev !== 'object') return 'none';
  const s = sev as Json;
  const params = Object.entries(s)
    .filter(([, v]) => v && typeof v === 'object' && 'value' in (v as Json))
    .map(([k, v]) => `${k}=${(v as { value: number }).value}`);
  return `${String(s.family)} ${params.join(', ')}`.trim();
}

/** The provenance every fitted parameter carries. */
export function fitProvenance(fit: FamilyFit, origin: FitOrigin, before: unknown): string {
  const data = origin.grouped ? 'banded counts' : 'individual amounts';
  const truncated = origin.truncate > 0 ? `, records above ${origin.truncate} yuan (left-truncated)` : '';
  return (
    `${EDITED} (fitted by maximum likelihood to ${origin.fileName}: ${data}, n = ${origin.n}${truncated}; ` +
    `log-likelihood ${fit.logLikelihood.toFixed(2)}, AIC ${fit.aic.toFixed(2)}; ${origin.date}; ` +
    `SHA-256 ${origin.sha256}; was ${severityInLine(before)})`
  );
}

/** The severity a fit stands for, in the scenario file's form ({ family, mu: { value, assumption }, … }). */
export function fittedSeverity(fit: FamilyFit, origin: FitOrigin, before: unknown): Json {
  const assumption = fitProvenance(fit, origin, before);
  const out: Json = { family: fit.family };
  for (const [k, value] of Object.entries(fit.parameters)) out[k] = { value, assumption };
  return out;
}
