/**
 * The edits between two scenario files as a list of "set the value at this path" steps: what a share link
 * carries when the sender started from a shipped file (the base travels by name, not in full). Objects are
 * compared key by key while they have the same keys in the same order; anything else (a value, a list whose
 * length changed, an object whose keys changed) is set whole, so applying the steps gives back the very same
 * JSON text.
 */
import { quoted } from './characters.ts';
import type { Path } from './edit.ts';
import { FORBIDDEN_KEYS, LIMITS } from './limits.ts';
import { formatPath } from './problems.ts';
import { checkUntrusted } from './untrusted.ts';

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

/**
 * Most steps a patch may carry. diffPatch writes one per changed value at most, and a valid file has far fewer
 * values than this (its text is at most LIMITS.fileBytes): each step is checked and applied in time proportional
 * to its path, so this many stay well under the 100 ms a task may take (docs/model.md "Performance").
 */
export const MAX_PATCH_STEPS = 20_000;

/** Why a patch from outside (a share link) cannot be applied: a code the page words for a person, and where. */
export type PatchProblem =
  | { kind: 'notList' }
  | { kind: 'tooManySteps'; steps: number; max: number }
  | { kind: 'badStep'; step: number }
  | { kind: 'pathTooLong'; step: number; length: number; max: number }
  | { kind: 'noSuchField'; step: number; at: string }
  | { kind: 'indexOutOfRange'; step: number; at: string; index: string; length: number }
  | { kind: 'limits'; at: string; message: string };

/**
 * Applies an untrusted patch to a copy of `base`, checking every step against the file as patched so far: a step
 * may only set a value that exists (diffPatch never writes any other), so each name must be an own, non-prototype
 * key of an object there and each index a whole number below the list's length. That bounds the work by the
 * file's own size: no path deeper than a file may nest, no list grown to a million holes by one index, no
 * recursion (a path of 200,000 names is refused from its length, before any is read). The result is checked
 * like any file (depth, text lengths), since the values are placed deeper than they were parsed.
 */
export function applyUntrustedPatch(base: unknown, patch: unknown): { draft: unknown } | { problem: PatchProblem } {
  if (!Array.isArray(patch)) return { problem: { kind: 'notList' } };
  if (patch.length > MAX_PATCH_STEPS) return { problem: { kind: 'tooManySteps', steps: patch.length, max: MAX_PATCH_STEPS } };
  let root: unknown = structuredClone(base);
  for (let s = 0; s < patch.length; s++) {
    const step: unknown = patch[s];
    if (!Array.isArray(step) || step.length !== 2 || !Array.isArray(step[0])) return { problem: { kind: 'badStep', step: s } };
    const path = step[0] as unknown[];
    if (path.length > LIMITS.depth) return { problem: { kind: 'pathTooLong', step: s, length: path.length, max: LIMITS.depth } };
    if (!path.length) {
      root = copied(step[1]);
      continue;
    }
    let parent: unknown = null;
    let node: unknown = root;
    for (let i = 0; i < path.length; i++) {
      const k = path[i];
      if (Array.isArray(node)) {
        if (!(typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < node.length))
          return {
            problem: {
              kind: 'indexOutOfRange',
              step: s,
              at: shownPath(path.slice(0, i)),
              index: quoted(k, 24),
              length: node.length,
            },
          };
      } else if (!(isObject(node) && typeof k === 'string' && !FORBIDDEN_KEYS.has(k) && Object.hasOwn(node, k)))
        return { problem: { kind: 'noSuchField', step: s, at: shownPath(path.slice(0, i + 1)) } };
      parent = node;
      node = (node as Record<string | number, unknown>)[k as string | number];
    }
    (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number] = copied(step[1]);
  }
  const limits = checkUntrusted(root);
  if (limits.length) return { problem: { kind: 'limits', at: limits[0].path, message: limits[0].message } };
  return { draft: root };
}

/** A value as its own copy (a later step may set inside it); a number or a text needs none. */
const copied = (v: unknown) => (v !== null && typeof v === 'object' ? structuredClone(v) : v);

/** A path from outside as the page shows it (its segments may be anything, and long). */
const shownPath = (path: unknown[]) =>
  formatPath(path.map((k) => (typeof k === 'number' ? k : (typeof k === 'string' ? k : String(JSON.stringify(k))).slice(0, 40)))).slice(
    0,
    160,
  );

/** Applies a patch written by diffPatch (trusted: the page's own). */
export function applyPatch<T>(base: T, patch: Patch): T {
  const r = applyUntrustedPatch(base, patch);
  if ('problem' in r) throw new Error(`patch cannot be applied: ${JSON.stringify(r.problem)}`);
  return r.draft as T;
}
