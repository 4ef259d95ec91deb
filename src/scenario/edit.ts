/**
 * Edits of a scenario from the workbench: immutable updates by JSON path, and the provenance of an edited value
 * (it is no longer the document's number, so it becomes a labelled assumption that remembers the original).
 */
import { indexedAmount } from './income-index.ts';
import { saidIn, type Said } from './param.ts';

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
  if (Array.isArray(parent))
    return setAt(
      root,
      parentPath,
      parent.filter((_, i) => i !== key),
    );
  const copy = { ...(parent as Record<string, Json>) };
  delete copy[key as string];
  return setAt(root, parentPath, copy);
}

/**
 * Sets a parameter's `value` (path ends at the parameter object, e.g. [..., 'deductible']) and relabels it:
 * `assumption: "edited in the workbench (was 18000; seed 001 二(四) …)"`, the original provenance kept in the text.
 */
export function setParam<T>(root: T, paramPath: Path, value: number): T {
  const param = getAt(root, paramPath) as { value?: number; source?: Said; assumption?: Said } | undefined;
  const prev = param?.value;
  const origin = saidIn(param?.source, 'en') ?? saidIn(param?.assumption, 'en') ?? '';
  const already = typeof param?.assumption === 'string' && param.assumption.startsWith(EDITED);
  const assumption = already ? param!.assumption! : `${EDITED} (was ${prev}${origin ? `; ${origin}` : ''})`;
  // Other fields of the parameter (a ratio ceiling's bindsModifiers) stay: only the number and its label change.
  // A deductible set outright is no longer a share of an income figure (scenario/income-index.ts): its index goes.
  const { value: _v, source: _s, assumption: _a, indexedTo: _i, ...rest } = (param ?? {}) as Record<string, Json>;
  const next: Record<string, Json> = { value, ...rest, assumption };
  return setAt(root, paramPath, next);
}

/** Sets a field of a list item (band, tier, modifier) and relabels the item the same way. */
export function setItemField<T>(root: T, itemPath: Path, field: string, value: Json): T {
  const item = (getAt(root, itemPath) ?? {}) as Record<string, Json>;
  const origin = saidIn(item.source as Said | undefined, 'en') ?? saidIn(item.assumption as Said | undefined, 'en') ?? '';
  const already = typeof item.assumption === 'string' && item.assumption.startsWith(EDITED);
  const next: Record<string, Json> = { ...item, [field]: value };
  delete next.source;
  // A modifier's deductible set outright is no longer indexed to an income figure (scenario/income-index.ts).
  if (field === 'deductible') delete next.deductibleIndexedTo;
  next.assumption = already ? item.assumption : `${EDITED} (was ${field}=${JSON.stringify(item[field])}${origin ? `; ${origin}` : ''})`;
  return setAt(root, itemPath, next);
}

export const EDITED = 'edited in the workbench';

/** Whether `path` ends at the share of an indexed deductible (…indexedTo.share, a modifier's …deductibleIndexedTo.share). */
export function isIndexedSharePath(path: Path): boolean {
  return path.length > 1 && path[path.length - 1] === 'share' && /^(indexedTo|deductibleIndexedTo)$/.test(String(path[path.length - 2]));
}

/**
 * Sets the share of an indexed deductible (`indexPath` ends at its indexedTo) and re-derives the deductible from
 * it: share × incomeIndex[income] to the fen (scenario/income-index.ts), the share relabelled as an edit.
 */
export function setIndexedShare<T>(root: T, indexPath: Path, share: number): T {
  let next = setParam(root, [...indexPath, 'share'], share);
  const idx = getAt(next, indexPath) as { income?: string } | undefined;
  const figure = (getAt(next, ['incomeIndex', idx?.income ?? '']) as { value?: number } | undefined)?.value;
  if (typeof figure !== 'number') return next;
  const value = indexedAmount(share, figure);
  const last = indexPath[indexPath.length - 1];
  if (last === 'indexedTo') next = setAt(next, [...indexPath.slice(0, -1), 'value'], value);
  else next = setAt(next, [...indexPath.slice(0, -1), 'deductible'], value);
  return next;
}

export function isEdited(p: unknown): boolean {
  return (
    !!p &&
    typeof p === 'object' &&
    typeof (p as { assumption?: unknown }).assumption === 'string' &&
    (p as { assumption: string }).assumption.startsWith(EDITED)
  );
}

/** Provenance of a value the analyst added (a band, a tier, a reading): the diff view lists it. */
export const ADDED = 'added in the workbench';

interface BandLike {
  to: number | null;
  ratio: number;
}

/**
 * A new band after the last finite one (before an open last band): it ends at twice the last finite edge (or at
 * 50,000 when there is none and no deductible) and keeps the last band's ratio. `bandsPath` is the track's
 * `bands` list; validation then says what the analyst still has to settle.
 */
export function addBand<T>(root: T, bandsPath: Path): T {
  const bands = (getAt(root, bandsPath) ?? []) as BandLike[];
  const finite = bands.filter((b) => b.to !== null).map((b) => b.to as number);
  const track = getAt(root, bandsPath.slice(0, -1)) as { deductible?: { value: number } } | undefined;
  const lastEdge = finite.length ? Math.max(...finite) : (track?.deductible?.value ?? 0);
  const last = bands[bands.length - 1];
  const band = { to: Math.round(lastEdge * 2 || 50000), ratio: last?.ratio ?? 0.5, assumption: ADDED };
  const at = last && last.to === null ? bands.length - 1 : bands.length;
  return setAt(root, bandsPath, [...bands.slice(0, at), band, ...bands.slice(at)]);
}

interface TierLike {
  from: number | null;
  to: number | null;
  insurerShare: number;
  basis?: string;
}

/** Width of a tier the analyst adds: 5 points of the corridor's measure m (seed 001 and 002 use 5-point tiers). */
const TIER_STEP = 0.05;

/**
 * A new corridor tier after the last: an open last tier [a, +∞) is split at a + 5 points, a closed one is
 * followed by the next 5 points (within m ≤ 1); the new tier keeps the last one's share and basis.
 */
export function addTier<T>(root: T, tiersPath: Path): T {
  const tiers = (getAt(root, tiersPath) ?? []) as TierLike[];
  const last = tiers[tiers.length - 1];
  if (!last) return root;
  const from = last.to ?? Math.min(1, (last.from ?? -TIER_STEP) + TIER_STEP);
  const added = {
    from,
    to: last.to === null ? null : Math.min(1, from + TIER_STEP),
    insurerShare: last.insurerShare,
    basis: last.basis,
    assumption: ADDED,
  };
  const kept = last.to === null ? { ...last, to: from } : last;
  return setAt(root, tiersPath, [...tiers.slice(0, -1), kept, added]);
}

/** Removes a tier; its range goes to the neighbour it touches (the one below, else the one above), so no gap opens. The last tier stays. */
export function removeTier<T>(root: T, tierPath: Path): T {
  const at = tierPath[tierPath.length - 1] as number;
  const listPath = tierPath.slice(0, -1);
  const tiers = [...((getAt(root, listPath) ?? []) as TierLike[])];
  const gone = tiers[at];
  if (!gone || tiers.length <= 1) return root;
  const below = tiers[at - 1];
  const above = tiers[at + 1];
  if (below && below.to === gone.from) tiers[at - 1] = { ...below, to: gone.to };
  else if (above && above.from === gone.to) tiers[at + 1] = { ...above, from: gone.from };
  tiers.splice(at, 1);
  return setAt(root, listPath, tiers);
}

/** Another reading of the corridor text (`reading-n`), starting as a copy of the main tiers, evaluated on the same claims. */
export function addReading<T>(root: T, corridorPath: Path): T {
  const corridor = getAt(root, corridorPath) as { tiers: unknown[]; alternatives?: { id: string }[] };
  const alternatives = corridor.alternatives ?? [];
  const ids = new Set(alternatives.map((a) => a.id));
  let n = alternatives.length + 1;
  while (ids.has(`reading-${n}`)) n++;
  const reading = {
    id: `reading-${n}`,
    title: { zh: `理解 ${n}`, en: `Reading ${n}` },
    tiers: structuredClone(corridor.tiers),
    assumption: `${ADDED} as a copy of the main tiers`,
  };
  return setAt(root, [...corridorPath, 'alternatives'], [...alternatives, reading]);
}

interface RulesetLike {
  id: string;
  title?: { zh: string; en: string };
}

/** The letters proposals are named by: 方案 A, 方案 B, … */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A copy of ruleset `index` as a proposal, placed right after it: a fresh id (`<id>-a`, `-b`, …) and the title
 * "方案 A" / "Proposal A" (the next free letter), so it runs on the same sampled people and compares with the
 * original by paired differences. The scenario's baseline stays what it was (the original when unset).
 */
export function duplicateRuleset<T>(root: T, index: number): T {
  const rulesets = getAt(root, ['rulesets']) as RulesetLike[];
  const source = rulesets[index];
  const ids = new Set(rulesets.map((r) => r.id));
  const titles = new Set(rulesets.map((r) => r.title?.zh));
  const letter =
    [...LETTERS].find((l) => !ids.has(`${source.id}-${l.toLowerCase()}`) && !titles.has(`方案 ${l}`)) ?? String(rulesets.length);
  const copy: RulesetLike & { funding?: { lossRatioNote?: unknown } } = {
    ...structuredClone(source),
    id: `${source.id}-${letter.toLowerCase()}`,
    title: { zh: `方案 ${letter}`, en: `Proposal ${letter}` },
  };
  // The loss-ratio note explains the original's figure in words ("期望赔付率约32%"); the copy is made to be changed,
  // and under its own loss ratio the note would read as false (issue #31: 36% shown under 41.3%). It stays on the
  // original, listed beside the copy; the analyst writes the proposal's own.
  if (copy.funding && typeof copy.funding === 'object') delete copy.funding.lossRatioNote;
  let next = setAt(root, ['rulesets'], [...rulesets.slice(0, index + 1), copy, ...rulesets.slice(index + 1)]);
  // Without a baseline of its own the scenario would compare against its first ruleset anyway; naming it keeps
  // the original the baseline whatever the order later becomes.
  if (getAt(next, ['simulation', 'baseline']) === undefined) next = setAt(next, ['simulation', 'baseline'], rulesets[0].id);
  return next;
}

/** Removes ruleset `index` (never the last one), with the targets that name it; a baseline that was it is unset. */
export function removeRuleset<T>(root: T, index: number): T {
  const rulesets = getAt(root, ['rulesets']) as RulesetLike[];
  if (rulesets.length <= 1 || !rulesets[index]) return root;
  const gone = rulesets[index].id;
  let next = setAt(
    root,
    ['rulesets'],
    rulesets.filter((_, i) => i !== index),
  );
  const targets = getAt(next, ['targets']) as { ruleset?: string }[] | undefined;
  if (targets?.some((t) => t.ruleset === gone))
    next = setAt(
      next,
      ['targets'],
      targets.filter((t) => t.ruleset !== gone),
    );
  if (getAt(next, ['simulation', 'baseline']) === gone) next = removeAt(next, ['simulation', 'baseline']);
  return next;
}

/** Moves ruleset `index` one place up (−1) or down (+1). */
export function moveRuleset<T>(root: T, index: number, by: -1 | 1): T {
  const rulesets = [...(getAt(root, ['rulesets']) as unknown[])];
  const to = index + by;
  if (to < 0 || to >= rulesets.length) return root;
  [rulesets[index], rulesets[to]] = [rulesets[to], rulesets[index]];
  return setAt(root, ['rulesets'], rulesets);
}

/** Renames what a person sees (a ruleset's, population's or group's title) in one language. */
export function retitle<T>(root: T, itemPath: Path, lang: 'zh' | 'en', title: string): T {
  const item = getAt(root, itemPath) as { title?: { zh: string; en: string } };
  const current = item.title ?? { zh: title, en: title };
  return setAt(root, [...itemPath, 'title'], { ...current, [lang]: title });
}
