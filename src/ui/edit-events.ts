/**
 * The editors' events and the scenario edits they stand for: each card sends what the analyst did (with the
 * path it is about), and this table turns it into a pure edit of the draft (scenario/edit.ts, structure.ts,
 * new-scenario.ts). A new kind of edit is one entry here and a button that emits it.
 */
import type { Lang } from '../report/strings.ts';
import {
  ADDED,
  addBand,
  addReading,
  addTier,
  duplicateRuleset,
  getAt,
  isIndexedSharePath,
  moveRuleset,
  removeAt,
  removeRuleset,
  removeTier,
  retitle,
  setAt,
  setIndexedShare,
  setItemField,
  setParam,
  type Path,
} from '../scenario/edit.ts';
import { newGroup, newModifier } from '../scenario/new-scenario.ts';
import {
  addCap,
  addModifierField,
  addPopulation,
  addTrack,
  annotate,
  removeGroup,
  removePopulation,
  removeTrack,
  type ModifierField,
  type TrackBase,
} from '../scenario/structure.ts';
import { importBands, importFigures, type ImportedBands } from '../scenario/import-bands.ts';
import { addAssistance, addHousehold, addIncome, setAssistanceGroup, setIncomeFromMeanGini } from '../scenario/household-edit.ts';
import { pathString, type ItemChange } from './events.ts';
import type { EditHistory } from './history.ts';
import type { ParamChange } from './param-field.ts';

/** What an event carries: a path, an index, or both, and what the edit needs besides. */
export interface EditDetail extends Partial<ItemChange> {
  path: Path;
  index: number;
  by: -1 | 1;
  lang: Lang;
  title: string;
  group: string;
  base: TrackBase;
  note: string;
  at: Path;
  /** A payment table read from a sheet (band-import.ts). */
  sheet: ImportedBands;
  /** A population's figures read from a sheet (figure-import.ts). */
  figures: Record<string, number>;
  /** A published mean income and a Gini (household-editors.ts): an income's mu and sigma from them. */
  mean: number;
  gini: number;
  /** A recipient group ticked (true) or not. */
  on: boolean;
}

type Edit = (draft: unknown, d: EditDetail) => unknown;
const n = (p: Path, i: number) => p[i] as number;

export const EDITS: Record<string, Edit> = {
  // A field set to the value it has changes nothing: no undo step, no 已修改 mark.
  'item-change': (s, d) => (Object.is(getAt(s, [...d.path, d.field!]), d.value) ? s : setItemField(s, d.path, d.field!, d.value)),
  'item-remove': (s, d) => removeAt(s, d.path),
  'band-add': (s, d) => addBand(s, d.path),
  'bands-import': (s, d) => importBands(s, d.path, d.sheet),
  'figures-import': (s, d) => importFigures(s, d.path, d.figures),
  'tier-add': (s, d) => addTier(s, d.path),
  'tier-remove': (s, d) => removeTier(s, d.path),
  'reading-add': (s, d) => addReading(s, d.path),
  'ruleset-duplicate': (s, d) => duplicateRuleset(s, d.index),
  'ruleset-remove': (s, d) => removeRuleset(s, d.index),
  'ruleset-move': (s, d) => moveRuleset(s, d.index, d.by),
  // A title is what a person reads: an emptied field keeps the old one. Paths name rulesets, populations, groups.
  retitle: (s, d) => (d.title.trim() ? retitle(s, d.path, d.lang, d.title.trim()) : s),
  'track-add': (s, d) => addTrack(s, d.index, d.base),
  'track-remove': (s, d) => removeTrack(s, n(d.path, 1), n(d.path, 3)),
  'cap-add': (s, d) => addCap(s, d.path),
  'modifier-add': (s, d) => setAt(s, d.path, [...((getAt(s, d.path) ?? []) as unknown[]), newModifier(d.group)]),
  'modifier-field-add': (s, d) => addModifierField(s, n(d.path, 1), n(d.path, 3), d.field as ModifierField),
  'group-add': (s, d) => {
    const groups = (getAt(s, d.path) ?? []) as { tag: string }[];
    return setAt(s, d.path, [...groups, newGroup(groups)]);
  },
  'group-remove': (s, d) => removeGroup(s, n(d.path, 1), n(d.path, 3)),
  'population-add': (s, d) => addPopulation(s, d.index),
  'population-remove': (s, d) => removePopulation(s, d.index),
  'change-note': (s, d) => annotate(s, d.at, d.note),
  // A fitted severity (fit-dialog.ts) replaces the population's whole severity: one edit, one undo step.
  'severity-fit': (s, d) => setAt(s, d.path, d.value),
  // The household layer (household-editors.ts, issue #33).
  'income-add': (s, d) => addIncome(s, d.path),
  'income-from-mean-gini': (s, d) => setIncomeFromMeanGini(s, d.path, d.mean, d.gini),
  'assistance-add': (s, d) => addAssistance(s, d.path),
  'assistance-group': (s, d) => setAssistanceGroup(s, d.path, d.group, d.on),
  'assistance-cap-add': (s, d) => (getAt(s, d.path) ? s : setAt(s, d.path, { value: 50_000, assumption: ADDED })),
  'household-add': (s) => addHousehold(s),
};

/** What a parameter's edit needs of the workbench (workbench-state.ts): its draft, problems, history and edit. */
export interface ValueEditTarget {
  readonly draft: unknown;
  readonly problems: readonly unknown[];
  readonly history: EditHistory<unknown>;
  edit(next: unknown, record?: boolean): void;
}

const numberAt = (s: unknown, path: Path) => (getAt(s, [...path, 'value']) as number | undefined) ?? getAt(s, path);

/**
 * A parameter's new value (a js-param-field's `param-change`). It is one undo step when it is applied and differs
 * from the value before it; a drag's live steps and a value the validator rejects are held (history.ts), not
 * steps, and the page's results stay. A value equal to the one before the edit began (a drag let go where it
 * started, a rejected value typed back to the applied one, the same number entered again) puts back the state as
 * it was, 已修改 marks included, and records nothing.
 */
export function applyParamChange(wb: ValueEditTarget, d: ParamChange) {
  const key = pathString(d.path);
  const held = wb.history.heldFor(key);
  if (!d.live) {
    const start = held ? held.before : wb.draft;
    if (Object.is(numberAt(start, d.path), d.value)) {
      if (held) wb.edit(wb.history.release(), false);
      return;
    }
  }
  // The share of an indexed deductible re-derives the deductible from its income figure (scenario/income-index.ts).
  const next = isIndexedSharePath(d.path) ? setIndexedShare(wb.draft, d.path.slice(0, -1), d.value) : setParam(wb.draft, d.path, d.value);
  wb.history.hold(wb.draft, key);
  wb.edit(next, false);
  if (!d.live && wb.problems.length === 0) wb.history.settle();
}
