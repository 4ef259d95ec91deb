/**
 * A fit applied in the workbench is a workbench edit: the severity the fit writes (fit/into-scenario.ts, the same
 * provenance line as `jingsuan fit --into`: file, SHA-256, n, log-likelihood, AIC, date) with that line kept as
 * the edit's assumption, "edited in the workbench (Fitted by … ; was lognormal mu=9.2, sigma=1.1)", so the chip
 * says 已修改, the diff view lists it with room for a note, and what it replaced is on record.
 */
import { fittedSeverity, type FitOrigin, type SeverityJson } from './into-scenario.ts';
import type { FamilyFit } from './types.ts';
import { EDITED } from '../scenario/edit.ts';

type Json = Record<string, unknown>;

/** The severity as it was, in one line: "lognormal mu=9.2, sigma=1.1". */
function severityInLine(sev: unknown): string {
  if (!sev || typeof sev !== 'object') return 'none';
  const s = sev as Json;
  const params = Object.entries(s)
    .filter(([, v]) => v && typeof v === 'object' && 'value' in (v as Json))
    .map(([k, v]) => `${k}=${(v as { value: number }).value}`);
  return `${String(s.family)} ${params.join(', ')}`.trim();
}

/**
 * The population's new severity for the fit, every parameter `{ value, assumption }`; an Error (from
 * into-scenario.ts) when the scenario format has no such family.
 */
export function fittedSeverityEdit(fit: FamilyFit, origin: FitOrigin, before: unknown): SeverityJson {
  const written = fittedSeverity(fit, origin, false);
  const out: SeverityJson = { family: written.family };
  for (const [k, v] of Object.entries(written)) {
    if (k === 'family') continue;
    const { source, ...rest } = v as { value: number; source?: string };
    out[k] = { ...rest, assumption: `${EDITED} (${source}; was ${severityInLine(before)})` };
  }
  return out;
}
