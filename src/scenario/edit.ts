/**
 * Edits of a scenario from the workbench: immutable updates by JSON path, and the provenance of an edited value
 * (it is no longer the document's number, so it becomes a labelled assumption that remembers the original).
 */
type Json = unknown;
export type Path = (string | number)[];

/** Reads the value at a path (undefined if missing). */
export function getAt(root: Json, path: Path): Json {
  let node = root as Record<string | number, Json> | undefined;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[k] as Record<string | number, Json> | undefined;
  }
  return node;
}

/** A copy of root with the value at path replaced (structural sharing for untouched branches). */
export function setAt<T>(root: T, path: Path, value: Json): T {
  if (!path.length) return value as T;
  const [k, ...rest] = path;
  const node = root as unknown as Record<string | number, Json>;
  const copy: Record<string | number, Json> = Array.isArray(node) ? ([...node] as unknown as Record<number, Json>) : { ...node };
  copy[k] = setAt(node?.[k], rest, value);
  return copy as T;
}

/** A copy without the item at path (for removing a band, a tier, a modifier). */
export function removeAt<T>(root: T, path: Path): T {
  const parentPath = path.slice(0, -1);
  const parent = getAt(root, parentPath);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) return setAt(root, parentPath, parent.filter((_, i) => i !== key));
  const copy = { ...(parent as Record<string, Json>) };
  delete copy[key as string];
  return setAt(root, parentPath, copy);
}

/**
 * Sets a parameter's `value` (path ends at the parameter object, e.g. [..., 'deductible']) and relabels it:
 * `assumption: "edited in the workbench (was 18000; seed 001 二(四) …)"`, the original provenance kept in the text.
 */
export function setParam<T>(root: T, paramPath: Path, value: number): T {
  const param = getAt(root, paramPath) as { value?: number; source?: string; assumption?: string } | undefined;
  const prev = param?.value;
  const origin = param?.source ?? param?.assumption ?? '';
  const already = param?.assumption?.startsWith(EDITED);
  const assumption = already ? param!.assumption! : `${EDITED} (was ${prev}${origin ? `; ${origin}` : ''})`;
  const next: Record<string, Json> = { value, assumption };
  return setAt(root, paramPath, next);
}

/** Sets a field of a list item (band, tier, modifier) and relabels the item the same way. */
export function setItemField<T>(root: T, itemPath: Path, field: string, value: Json): T {
  const item = (getAt(root, itemPath) ?? {}) as Record<string, Json>;
  const origin = (item.source as string | undefined) ?? (item.assumption as string | undefined) ?? '';
  const already = typeof item.assumption === 'string' && item.assumption.startsWith(EDITED);
  const next: Record<string, Json> = { ...item, [field]: value };
  delete next.source;
  next.assumption = already ? item.assumption : `${EDITED} (was ${field}=${JSON.stringify(item[field])}${origin ? `; ${origin}` : ''})`;
  return setAt(root, itemPath, next);
}

export const EDITED = 'edited in the workbench';

export function isEdited(p: unknown): boolean {
  return !!p && typeof p === 'object' && typeof (p as { assumption?: unknown }).assumption === 'string' && ((p as { assumption: string }).assumption.startsWith(EDITED));
}
