/**
 * Deductibles indexed to a per-capita income figure (issue #33): Jilin sets its 起付标准 at the previous year's
 * per-capita income, urban members' at 城镇居民人均可支配收入 and rural members' at 农村居民人均纯收入 (seed 004 三(一);
 * the national guidance of 2015 the same, POLICY_DIGEST §5). A file declares each figure once
 * (`incomeIndex.urban: { value, source }`) and a deductible names it with a share (`indexedTo: { share, income }`).
 *
 * The rule: the deductible's `value` stays in the file and must equal share × figure rounded half-up to the fen
 * (checked here, with the JSON path). Every reader of a deductible (the engine, `benefit`, the workbench, files
 * from before) reads `value` as before; `run --years` re-derives it each year (engine/years.ts).
 */
import Decimal from 'decimal.js';
import { formatPath, type PathSegment } from './problems.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Most names an incomeIndex may declare (a region has an urban and a rural figure; a few more for other frames). */
export const MAX_INCOME_FIGURES = 16;

/**
 * share × income × (1 + growth)^yearsAhead in yuan, rounded half-up to the fen once (decimal arithmetic: the
 * deductible is money for one person, docs/model.md "Ruleset").
 */
export function indexedAmount(share: number, income: number, growth = 0, yearsAhead = 0): number {
  return new Decimal(share)
    .times(income)
    .times(new Decimal(1).plus(growth).pow(yearsAhead))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toNumber();
}

/** One indexed deductible of a file: where it is, its index and the value it must have. */
export interface IndexedDeductible {
  /** Path of the number: [..., 'deductible', 'value'] of a track, [..., 'deductible'] of a modifier. */
  valuePath: PathSegment[];
  /** Path of the indexedTo object. */
  indexPath: PathSegment[];
  share: number;
  income: string;
  /** The income figure's value, undefined where the file does not declare the name. */
  incomeValue: number | undefined;
  /** share × figure to the fen; undefined where the figure is unknown. */
  derived: number | undefined;
  /** The value the file writes (undefined: none). */
  value: number | undefined;
}

/** Every indexed deductible of raw (possibly broken) scenario data, tracks first then modifiers, per ruleset. */
export function indexedDeductibles(data: unknown): IndexedDeductible[] {
  if (!isObj(data)) return [];
  const figures = isObj(data.incomeIndex) ? data.incomeIndex : {};
  const out: IndexedDeductible[] = [];
  const add = (idx: unknown, indexPath: PathSegment[], valuePath: PathSegment[], value: number | undefined) => {
    if (!isObj(idx)) return;
    const share = isObj(idx.share) ? num(idx.share.value) : undefined;
    const income = typeof idx.income === 'string' ? idx.income : undefined;
    if (share === undefined || income === undefined) return;
    const fig = Object.hasOwn(figures, income) ? figures[income] : undefined;
    const incomeValue = isObj(fig) ? num(fig.value) : undefined;
    const derived = incomeValue === undefined ? undefined : indexedAmount(share, incomeValue);
    out.push({ valuePath, indexPath, share, income, incomeValue, derived, value });
  };
  (Array.isArray(data.rulesets) ? data.rulesets : []).forEach((r, i) => {
    if (!isObj(r)) return;
    (Array.isArray(r.tracks) ? r.tracks : []).forEach((t, j) => {
      if (!isObj(t) || !isObj(t.deductible)) return;
      const p: PathSegment[] = ['rulesets', i, 'tracks', j, 'deductible'];
      add(t.deductible.indexedTo, [...p, 'indexedTo'], [...p, 'value'], num(t.deductible.value));
    });
    (Array.isArray(r.modifiers) ? r.modifiers : []).forEach((m, j) => {
      if (!isObj(m)) return;
      const p: PathSegment[] = ['rulesets', i, 'modifiers', j];
      add(m.deductibleIndexedTo, [...p, 'deductibleIndexedTo'], [...p, 'deductible'], num(m.deductible));
    });
  });
  return out;
}

/** A ruleset's indexed deductibles as `run --years --json`, `benefit` and `validate` show them (paths inside the ruleset). */
export interface ShownIndexed {
  path: string;
  share: number;
  income: string;
  incomeValue: number;
  value: number;
}

/** The indexed deductibles of ruleset ri of a valid scenario (every name declared, every value derived). */
export function rulesetIndexed(data: unknown, ri: number): ShownIndexed[] {
  return indexedDeductibles(data)
    .filter((d) => d.valuePath[1] === ri && d.incomeValue !== undefined && d.value !== undefined)
    .map((d) => ({
      path: formatPath(d.valuePath.slice(2)),
      share: d.share,
      income: d.income,
      incomeValue: d.incomeValue!,
      value: d.value!,
    }));
}

/**
 * One line for a person: `tracks[0].deductible.value 26,530.00 = 1 × incomeIndex.urban 26,530.00 (derived)`; with
 * the figure's title (incomeIndex.<name>.title) the figure is named by it, its key kept in the parenthesis:
 * `= 1 × 城镇居民人均可支配收入 urban per-capita disposable income 26,530.00 (incomeIndex.urban, derived …)`.
 */
export function indexedLine(d: ShownIndexed, title?: { zh: string; en: string }): string {
  const fen = (x: number) => x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const derived = 'derived 由收入指标推导';
  if (!title) return `${d.path} ${fen(d.value)} = ${d.share} × incomeIndex.${d.income} ${fen(d.incomeValue)} (${derived})`;
  const name = title.zh === title.en ? title.zh : `${title.zh} ${title.en}`;
  return `${d.path} ${fen(d.value)} = ${d.share} × ${name} ${fen(d.incomeValue)} (incomeIndex.${d.income}, ${derived})`;
}

const yuan = (x: number) => x.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** The rules of indexed deductibles a JSON Schema cannot say: a declared name, a value that equals its index. */
export function incomeIndexProblems(data: unknown, err: (path: PathSegment[], msg: string) => void): void {
  if (!isObj(data)) return;
  const figures = isObj(data.incomeIndex) ? Object.keys(data.incomeIndex) : [];
  if (figures.length > MAX_INCOME_FIGURES) err(['incomeIndex'], `declares ${figures.length} income figures; at most ${MAX_INCOME_FIGURES}`);
  const known = figures.join(', ') || 'none: declare it as incomeIndex.<name> { value, source }';
  for (const d of indexedDeductibles(data)) {
    // A name or share the schema refuses is reported there once; a figure out of range likewise.
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(d.income) || d.share < 0 || d.share > 10) continue;
    if (d.incomeValue !== undefined && d.incomeValue < 0) continue;
    if (d.incomeValue === undefined) {
      err([...d.indexPath, 'income'], `"${d.income}" is not an income figure of incomeIndex (declared: ${known})`);
      continue;
    }
    const at = `${d.indexPath[d.indexPath.length - 1]}.share × incomeIndex.${d.income} = ${d.share} × ${yuan(d.incomeValue)} = ${yuan(d.derived!)}`;
    if (d.value === undefined) err(d.valuePath, `is required with ${at} (write ${d.derived})`);
    else if (Math.abs(d.value - d.derived!) >= 0.005)
      err(d.valuePath, `must equal ${at} yuan (the deductible is indexed to that income figure; write ${d.derived}, or change the share)`);
  }
}

/**
 * The scenario with every income figure × (1 + growth)^yearsAhead and every indexed deductible re-derived from
 * its year-1 figure: share × figure × (1 + growth)^yearsAhead to the fen (engine/years.ts). Mutates `s`.
 */
export function reindexIncome<S extends { incomeIndex?: Record<string, { value: number }> }>(
  s: S,
  year1: S,
  growth: number,
  yearsAhead: number,
): void {
  if (!s.incomeIndex || !year1.incomeIndex) return;
  const f = (1 + growth) ** yearsAhead;
  for (const [k, v] of Object.entries(year1.incomeIndex)) s.incomeIndex[k] = { ...s.incomeIndex[k], value: v.value * f };
  for (const d of indexedDeductibles(year1)) {
    const v = indexedAmount(d.share, d.incomeValue!, growth, yearsAhead);
    const parent = d.valuePath.slice(0, -1).reduce<Obj>((o, k) => o[k as string] as Obj, s as unknown as Obj);
    parent[d.valuePath[d.valuePath.length - 1] as string] = v;
  }
}
