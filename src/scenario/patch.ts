/**
 * The edits between two scenario files as a list of "set the value at this path" steps: what a share link
 * carries when the sender started from a shipped file (the base travels by name, not in full). Objects are
 * compared key by key while they have the same keys in the same order; anything else (a value, a list whose
 * length changed, an object whose keys changed) is set whole, so applying the steps gives back the very same
 * JSON text.
 */
import { setAt, type Path } from './edit.ts';

export type Patch = [Path, unknown][];

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export function diffPatch(from: unknown, to: unknown, at: Path = [], out: Patch = []): Patch {
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    to.forEach((v, i) => diffPatch(from[i], v, [...at, i], out));
  } else if (isObject(from) && isObject(to) && Object.keys(from).join('\u0000') === Object.keys(to).join('\u0000')) {
    for (const k of Object.keys(to)) diffPatch(from[k], to[k], [...at, k], out);
  } else if (JSON.stringify(from) !== JSON.stringify(to)) out.push([at, to]);
  return out;
}

export function applyPatch<T>(base: T, patch: Patch): T {
  return patch.reduce((acc, [path, value]) => setAt(acc, path, value), base);
}
