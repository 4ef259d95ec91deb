/**
 * The provenance of a scenario's numbers: every parameter or item that carries an `assumption` (values the
 * documents leave open) or a `source`. Reports and exported charts list the assumptions they rest on.
 */
import { formatPath } from './problems.ts';
import type { Said } from './param.ts';

export interface ProvenanceEntry {
  path: string;
  value: unknown;
  source?: Said;
  assumption?: Said;
}

const isSaid = (v: unknown) => typeof v === 'string' || (!!v && typeof v === 'object' && typeof (v as { zh?: unknown }).zh === 'string');

export function provenanceEntries(scenario: unknown): ProvenanceEntry[] {
  const out: ProvenanceEntry[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, [...path, i]));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (isSaid(o.source) || isSaid(o.assumption)) {
      const value = 'value' in o ? o.value : summarizeItem(o);
      out.push({ path: formatPath(path), value, source: o.source as Said | undefined, assumption: o.assumption as Said | undefined });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'source' && k !== 'assumption') walk(v, [...path, k]);
  };
  walk(scenario, []);
  return out;
}

function summarizeItem(o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([k, v]) => k !== 'source' && k !== 'assumption' && (typeof v !== 'object' || v === null))
    .map(([k, v]) => `${k}=${v === null ? '∞' : v}`);
  return parts.join(', ');
}

export function assumptions(scenario: unknown): ProvenanceEntry[] {
  return provenanceEntries(scenario).filter((e) => e.assumption);
}
