/** Parameter paths as planners write them: `tracks[0].deductible`, `funding.perInsured`, `tracks[0].bands[1].ratio`. */
import { getAt, isIndexedSharePath, setAt, setIndexedShare, setItemField, setParam, type Path } from '../scenario/edit.ts';
import type { Ruleset } from '../scenario/schema.ts';

export function parsePath(text: string): Path {
  // The whole text must be a name followed by [n] or .name parts ("tracks[0]..ratio" is not a path).
  if (!/^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)*$/.test(text)) throw new Error(`cannot read the path "${text}"`);
  const out: Path = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\./g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text))) {
    if (m.index !== consumed) throw new Error(`cannot read the path "${text}" at "${text.slice(consumed)}"`);
    consumed = re.lastIndex;
    if (m[1]) out.push(m[1]);
    else if (m[2]) out.push(Number(m[2]));
  }
  if (consumed !== text.length || !out.length) throw new Error(`cannot read the path "${text}"`);
  const proto = out.find((k) => k === '__proto__' || k === 'constructor' || k === 'prototype');
  if (proto !== undefined) throw new Error(`"${proto}" is not a field of a scenario`);
  return out;
}

/** The number at a path: a parameter's value, or a numeric field of an item (a band's ratio). */
export function numberAt(root: unknown, path: Path): number {
  const v = getAt(root, path);
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'number') return (v as { value: number }).value;
  throw new Error(`no number at ${path.join('.')}`);
}

/** Sets the number at a path with the provenance of an edit. */
export function withNumber<T>(root: T, path: Path, value: number, note?: string): T {
  const v = getAt(root, path);
  let next: T;
  // An indexed deductible's share re-derives the deductible from its income figure, as in the editor (edit.ts).
  if (isIndexedSharePath(path)) next = setIndexedShare(root, path.slice(0, -1), value);
  else if (v && typeof v === 'object' && 'value' in (v as object)) next = setParam(root, path, value);
  else next = setItemField(root, path.slice(0, -1), String(path[path.length - 1]), value);
  if (note) {
    const target = v && typeof v === 'object' && 'value' in (v as object) ? path : path.slice(0, -1);
    const item = getAt(next, target) as Record<string, unknown>;
    next = setAt(next, target, { ...item, assumption: note });
  }
  return next;
}

/**
 * A path inside a ruleset as a planner may still write it from schema 2: `funding.perInsured` names the one
 * per-insured funding channel that funds every population. Where the premium has several channels, the planner
 * names one (`funding.channels[1].perInsured`) and the message lists them.
 */
export function rulesetParamPath(r: Ruleset, p: Path): Path {
  if (p.length !== 2 || p[0] !== 'funding' || p[1] !== 'perInsured') {
    // A path to nothing (tracks[5] of a ruleset with one track) is refused here, not swept as a constant.
    try {
      numberAt(r, p);
    } catch {
      throw new Error(`ruleset "${r.id}" has no number at ${pathText(p)}`);
    }
    return p;
  }
  const candidates = r.funding.channels.flatMap((c, i) => (c.perInsured && c.population === undefined ? [i] : []));
  if (candidates.length === 1) return ['funding', 'channels', candidates[0], 'perInsured'];
  const list = r.funding.channels.map(
    (c, i) => `funding.channels[${i}].${c.perInsured ? 'perInsured' : 'total'} (${c.channel}${c.population ? `, ${c.population}` : ''})`,
  );
  throw new Error(`funding.perInsured is ambiguous in ruleset "${r.id}": its premium has these channels; name one: ${list.join('; ')}`);
}

/** A path as the planner writes it: tracks[0].bands[1].ratio. */
export const pathText = (p: Path): string => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
