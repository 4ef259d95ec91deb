/**
 * Structural edits the analyst makes in the workbench beyond values: tracks, caps, populations, groups and the
 * fields of a group modifier. Each is a pure function of the scenario (as scenario/edit.ts), keeps the file
 * valid where it can (references to what is removed go with it) and labels what it adds as `ADDED`, so the diff
 * view lists it with its provenance. Limits are those of scenario/limits.ts.
 */
import { saidIn, type Said } from './param.ts';
import { ADDED, EDITED, getAt, removeAt, setAt, type Path } from './edit.ts';
import { LIMITS } from './limits.ts';

type Obj = Record<string, unknown>;
const list = (root: unknown, path: Path) => (getAt(root, path) ?? []) as Obj[];

/** The eligible bases a track can pay on (seed 000 and 003: 自负; seed 002: 合规自费; seed 004: their sum). */
export const TRACK_BASES = ['selfBurden', 'compliantSelfPay', 'combined'] as const;
export type TrackBase = (typeof TRACK_BASES)[number];
const TRACK_IDS: Record<TrackBase, string> = { selfBurden: 'self-burden', compliantSelfPay: 'compliant', combined: 'combined' };

const fresh = (taken: Set<string>, stem: string) => {
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
};

/**
 * A new track on `base` in ruleset `index`: the first track's deductible and one open band at 50% (the analyst
 * then sets the real figures; validation says what is still missing).
 */
export function addTrack<T>(root: T, index: number, base: TrackBase): T {
  const tracksPath = ['rulesets', index, 'tracks'];
  const tracks = list(root, tracksPath);
  if (tracks.length >= LIMITS.tracks) return root;
  const deductible = (tracks[0]?.deductible as { value?: number } | undefined)?.value ?? 0;
  const track = {
    id: fresh(new Set(tracks.map((t) => String(t.id))), TRACK_IDS[base]),
    base,
    deductible: { value: deductible, assumption: ADDED },
    bands: [{ to: null, ratio: 0.5, assumption: ADDED }],
  };
  return setAt(root, tracksPath, [...tracks, track]);
}

/** Removes a track (never a ruleset's last one). */
export function removeTrack<T>(root: T, index: number, track: number): T {
  const tracks = list(root, ['rulesets', index, 'tracks']);
  return tracks.length > 1 && tracks[track] ? removeAt(root, ['rulesets', index, 'tracks', track]) : root;
}

/**
 * A cap where there is none: `ownerPath` is a ruleset (最高支付限额) or a track. It starts at twice the highest
 * finite band edge of the ruleset (300,000 when there is none), a figure the analyst is expected to replace.
 */
export function addCap<T>(root: T, ownerPath: Path): T {
  const owner = getAt(root, ownerPath) as Obj | undefined;
  if (!owner || owner.cap) return root;
  const rulesetPath = ownerPath.slice(0, 2);
  const edges = list(root, [...rulesetPath, 'tracks']).flatMap((t) =>
    ((t.bands ?? []) as { to: number | null }[]).filter((b) => b.to !== null).map((b) => b.to as number),
  );
  const value = edges.length ? 2 * Math.max(...edges) : 300_000;
  return setAt(root, [...ownerPath, 'cap'], { value, assumption: ADDED });
}

/**
 * A new population as a copy of population `index` (its calibrated severity, episodes and self-pay), with a
 * fresh id and title. Funding channels that name no population fund it too; ones naming the original do not.
 */
export function addPopulation<T>(root: T, index: number): T {
  const populations = list(root, ['populations']);
  const source = populations[index];
  if (!source || populations.length >= LIMITS.populations) return root;
  const id = fresh(new Set(populations.map((p) => String(p.id))), `${source.id}-copy`);
  const n = populations.length + 1;
  const copy = {
    ...structuredClone(source),
    id,
    title: { zh: `新人群 ${n}`, en: `New population ${n}` },
    insured: { value: (source.insured as { value: number }).value, assumption: `${ADDED} as a copy of ${source.id}` },
  };
  return setAt(root, ['populations'], [...populations, copy]);
}

/** Group tags some population still declares. */
const declaredTags = (root: unknown) => new Set(list(root, ['populations']).flatMap((p) => ((p.groups ?? []) as Obj[]).map((g) => g.tag)));

/** Drops modifiers whose group no population declares any more (they would not validate). */
function dropOrphanModifiers<T>(root: T): T {
  const tags = declaredTags(root);
  let next = root;
  list(root, ['rulesets']).forEach((r, ri) => {
    const modifiers = (r.modifiers ?? []) as Obj[];
    const kept = modifiers.filter((m) => tags.has(m.group));
    if (kept.length !== modifiers.length) next = setAt(next, ['rulesets', ri, 'modifiers'], kept);
    // The assistance layer's recipients likewise (issue #33); with none left, the layer goes.
    const a = r.assistance as Obj | undefined;
    if (a && Array.isArray(a.groups)) {
      const groups = (a.groups as unknown[]).filter((g) => tags.has(g));
      if (!groups.length) next = removeAt(next, ['rulesets', ri, 'assistance']);
      else if (groups.length !== a.groups.length) next = setAt(next, ['rulesets', ri, 'assistance', 'groups'], groups);
    }
  });
  return next;
}

/**
 * Removes population `index` (never the last), with what names it: funding channels for it alone, targets on
 * it, and modifiers of groups that no other population declares.
 */
export function removePopulation<T>(root: T, index: number): T {
  const populations = list(root, ['populations']);
  if (populations.length <= 1 || !populations[index]) return root;
  const gone = populations[index].id;
  let next = removeAt(root, ['populations', index]);
  list(next, ['rulesets']).forEach((r, ri) => {
    const path = ['rulesets', ri, 'funding', 'channels'];
    const channels = list(next, path);
    const kept = channels.filter((c) => c.population !== gone);
    // A ruleset keeps at least one channel (the schema needs one); the validator then names the gap.
    if (kept.length !== channels.length && kept.length) next = setAt(next, path, kept);
  });
  const targets = list(next, ['targets']);
  if (targets.some((t) => t.population === gone))
    next = setAt(
      next,
      ['targets'],
      targets.filter((t) => t.population !== gone),
    );
  return dropOrphanModifiers(next);
}

/** Removes a group from a population, and the modifiers of its tag when no other population declares it. */
export function removeGroup<T>(root: T, population: number, group: number): T {
  if (!getAt(root, ['populations', population, 'groups', group])) return root;
  return dropOrphanModifiers(removeAt(root, ['populations', population, 'groups', group]));
}

/** The fields a group modifier can carry (seed 000 三(三), seed 002 二(三), seed 004 附件). */
export const MODIFIER_FIELDS = ['deductibleFactor', 'deductible', 'ratioAdd', 'cap', 'capFactor'] as const;
export type ModifierField = (typeof MODIFIER_FIELDS)[number];

/** A modifier field's starting value: the common forms in the shipped rules (half the deductible, +5 points, …). */
const MODIFIER_START: Record<ModifierField, (ruleset: Obj) => number> = {
  deductibleFactor: () => 0.5,
  deductible: (r) => Math.round((((r.tracks as Obj[])[0]?.deductible as { value?: number })?.value ?? 0) / 2),
  ratioAdd: () => 0.05,
  cap: (r) => ((r.cap as { value?: number } | undefined)?.value ?? 300_000) * 1.5,
  capFactor: () => 1.5,
};

/** Adds a field to modifier `modifier` of ruleset `index` at its starting value, labelling the modifier as edited. */
export function addModifierField<T>(root: T, index: number, modifier: number, field: ModifierField): T {
  const path = ['rulesets', index, 'modifiers', modifier];
  const m = getAt(root, path) as Obj | undefined;
  if (!m || m[field] !== undefined) return root;
  const ruleset = getAt(root, ['rulesets', index]) as Obj;
  const origin = saidIn(m.source as Said | undefined, 'en') ?? saidIn(m.assumption as Said | undefined, 'en') ?? '';
  const assumption = origin.startsWith(ADDED) || origin.startsWith(EDITED) ? origin : `${EDITED} (added ${field}; ${origin})`;
  const { source: _source, ...rest } = m;
  return setAt(root, path, { ...rest, [field]: MODIFIER_START[field](ruleset), assumption });
}

/** The analyst's note on a value (who and why), after the workbench's own provenance. */
export const NOTE = ' — note: ';

/**
 * Writes the analyst's note into the provenance of the value or item at `ownerPath` (one the workbench edited or
 * added): `edited in the workbench (was 18000; …) — note: 李雷，试算降低起付线`. An empty note removes it.
 */
export function annotate<T>(root: T, ownerPath: Path, note: string): T {
  const owner = getAt(root, ownerPath) as Obj | undefined;
  const assumption = owner?.assumption;
  if (typeof assumption !== 'string' || !(assumption.startsWith(EDITED) || assumption.startsWith(ADDED))) return root;
  const base = assumption.split(NOTE)[0];
  // Cut by characters, not UTF-16 units: a cut inside an emoji left half of it, which the validator refuses.
  const clean = [...note.replace(/\s+/g, ' ').trim()].slice(0, 500).join('');
  return setAt(root, [...ownerPath, 'assumption'], clean ? `${base}${NOTE}${clean}` : base);
}

/** The note an analyst wrote on a value, if any. */
export const noteOf = (provenance: string | undefined) => provenance?.split(NOTE)[1] ?? '';
