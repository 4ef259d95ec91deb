/**
 * The provenance of a scenario's numbers: every parameter or item that carries an `assumption` (values the
 * documents leave open) or a `source`. Reports and exported charts list the assumptions they rest on.
 */
import { formatPath } from './problems.ts';

export interface ProvenanceEntry {
  path: string;
  value: unknown;
  source?: string;
  assumption?: string;
}

export function provenanceEntries(scenario: unknown): ProvenanceEntry[] {
  const out: ProvenanceEntry[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, [...path, i]));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.source === 'string' || typeof o.assumption === 'string') {
      const value = 'value' in o ? o.value : summarizeItem(o);
      out.push({ path: formatPath(path), value, source: o.source as string | undefined, assumption: o.assumption as string | undefined });
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
