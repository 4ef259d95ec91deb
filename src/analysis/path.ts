/** Parameter paths as planners write them: `tracks[0].deductible`, `funding.perInsured`, `tracks[0].bands[1].ratio`. */
import { getAt, setAt, setItemField, setParam, type Path } from '../scenario/edit.ts';

export function parsePath(text: string): Path {
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
  if (v && typeof v === 'object' && 'value' in (v as object)) next = setParam(root, path, value);
  else next = setItemField(root, path.slice(0, -1), String(path[path.length - 1]), value);
  if (note) {
    const target = v && typeof v === 'object' && 'value' in (v as object) ? path : path.slice(0, -1);
    const item = getAt(next, target) as Record<string, unknown>;
    next = setAt(next, target, { ...item, assumption: note });
  }
  return next;
}
