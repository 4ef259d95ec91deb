/**
 * A track's payment table replaced by one read from a sheet (fit/read-bands.ts): the deductible, the bands and
 * the cap, each relabelled as edited in the workbench (the diff view and the assumptions list show what changed
 * and what it was). A band the sheet gives unchanged keeps its document source. One edit: one undo step.
 */
import { EDITED, getAt, removeAt, setAt, setParam, type Path } from './edit.ts';

export interface ImportedBands {
  deductible: number | null;
  bands: { to: number | null; ratio: number }[];
  /** A number, null to remove the cap, undefined to leave it. */
  cap?: number | null;
}

export const IMPORTED = 'imported from a sheet';

type Item = { to: number | null; ratio: number; source?: string; assumption?: string };

export function importBands<T>(root: T, trackPath: Path, sheet: ImportedBands): T {
  let next = root;
  const track = getAt(next, trackPath) as { deductible?: { value: number }; bands?: Item[]; cap?: { value: number } } | undefined;
  if (!track) return root;
  if (sheet.deductible !== null && sheet.deductible !== track.deductible?.value)
    next = setParam(next, [...trackPath, 'deductible'], sheet.deductible);
  const old = track.bands ?? [];
  const bands = sheet.bands.map((b, i) => {
    const was = old[i];
    if (was && was.to === b.to && was.ratio === b.ratio) return was;
    const origin = was
      ? `was to=${JSON.stringify(was.to)}, ratio=${was.ratio}${was.source || was.assumption ? `; ${was.source ?? was.assumption}` : ''}`
      : 'new band';
    return { to: b.to, ratio: b.ratio, assumption: `${EDITED} (${IMPORTED}; ${origin})` };
  });
  next = setAt(next, [...trackPath, 'bands'], bands);
  if (sheet.cap === null && track.cap) next = removeAt(next, [...trackPath, 'cap']);
  else if (typeof sheet.cap === 'number' && sheet.cap !== track.cap?.value)
    next = track.cap
      ? setParam(next, [...trackPath, 'cap'], sheet.cap)
      : setAt(next, [...trackPath, 'cap'], { value: sheet.cap, assumption: `${EDITED} (${IMPORTED}; no cap before)` });
  return next;
}

/** A population's figures read from a sheet (fit/read-bands.ts readFigureSheet), each relabelled as edited; one edit. */
export function importFigures<T>(root: T, populationPath: Path, figures: Record<string, number>): T {
  let next = root;
  for (const [key, value] of Object.entries(figures)) {
    const param = getAt(next, [...populationPath, key]) as { value?: number } | undefined;
    if (param?.value === value) continue;
    next = param
      ? setParam(next, [...populationPath, key], value)
      : setAt(next, [...populationPath, key], { value, assumption: `${EDITED} (${IMPORTED}; not set before)` });
  }
  return next;
}
