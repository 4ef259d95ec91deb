/**
 * What one scenario changes against another, parameter by parameter, with the provenance each side gives
 * (for the workbench's diff view and for reviewing a planner's file before using it).
 */
import { formatPath } from './problems.ts';
import { saidIn, type Said } from './param.ts';

export interface Change {
  path: string;
  kind: 'changed' | 'added' | 'removed';
  from?: unknown;
  to?: unknown;
  /** Provenance text of the new value (or of the removed one). */
  provenance?: string;
  /** Where that provenance sits (the parameter or list item), for the analyst's note on it. */
  at?: (string | number)[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A provenance text in English (the diff view and the workbench's labels are English-keyed; a bilingual text gives its en side). */
const prov = (o: unknown) =>
  isObj(o) ? (saidIn(o.assumption as Said | undefined, 'en') ?? saidIn(o.source as Said | undefined, 'en')) : undefined;
/** The provenance of the first of `owners` that has one, and its path. */
const provOf = (...owners: [unknown, (string | number)[]][]) => {
  const hit = owners.find(([o]) => prov(o) !== undefined);
  return hit ? { provenance: prov(hit[0]), at: hit[1] } : {};
};
const PROVENANCE = new Set(['source', 'assumption']);

export function diffScenarios(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[], owner: unknown, ownerPath: (string | number)[] = []) => {
    if (isObj(a) && isObj(b)) {
      // A parameter or list item: report its value fields, carrying the item's provenance.
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (PROVENANCE.has(key)) continue;
        if (!(key in b)) out.push({ path: formatPath([...path, key]), kind: 'removed', from: a[key], ...provOf([a, path]) });
        else if (!(key in a))
          out.push({ path: formatPath([...path, key]), kind: 'added', to: b[key], ...provOf([b[key], [...path, key]], [b, path]) });
        else walk(a[key], b[key], [...path, key], b, path);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= b.length) out.push({ path: formatPath([...path, i]), kind: 'removed', from: a[i], provenance: prov(a[i]) });
        else if (i >= a.length) out.push({ path: formatPath([...path, i]), kind: 'added', to: b[i], ...provOf([b[i], [...path, i]]) });
        else walk(a[i], b[i], [...path, i], b, path);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push({ path: formatPath(path), kind: 'changed', from: a, to: b, ...provOf([owner, ownerPath]) });
  };
  walk(before, after, [], undefined);
  return out;
}
