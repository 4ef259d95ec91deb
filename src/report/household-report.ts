/**
 * The household figures (issue #33) as the briefing and the workbook give them: one declaration per figure — its
 * name, unit, how it is read from a ruleset's household object (engine/household-sample.ts), its interval and its
 * paired difference — from which the briefing's tables and words and the workbook's sheet are drawn. A figure the
 * engine adds (a key of the household object and its `intervals`) is one more row of HOUSEHOLD_FIGURES.
 */
import type { DiffInterval, HouseholdDiff, HouseholdRun, Interval, SampledFigures } from '../engine/household-sample.ts';
import type { TypicalCase } from '../rules/typical-case.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatValue, table, unitSuffix, type Column, type ColumnUnit, type Table, type Value } from './columns.ts';
import { formatPercent, formatPoints, type Unit } from './format.ts';
import { scenarioNames } from './scenario-names.ts';
import { both, t, type Lang, type StringKey } from './strings.ts';

export interface HouseholdFigure {
  label: StringKey;
  /** The figure's unit; its difference's unit (a share's difference in percentage points). */
  unit: 'money' | 'ratio' | 'count';
  diffUnit: 'money' | 'points' | 'count';
  /** Decimals of a money figure in yuan (per member); totals follow the reader's unit. */
  perMember?: boolean;
  value: (h: SampledFigures) => number | null;
  interval: (h: SampledFigures) => Interval | null;
  /** The proposal's paired difference from the baseline (`insured`: the members of the total); null: none sampled. */
  diff: (d: HouseholdDiff, insured: number) => DiffInterval | null;
}

type Keyed = keyof HouseholdDiff & keyof SampledFigures['intervals'];

/** A figure the household object carries with its interval and paired difference under one key. */
const keyed = (key: Keyed, label: StringKey, unit: HouseholdFigure['unit'], diffUnit: HouseholdFigure['diffUnit']): HouseholdFigure => ({
  label,
  unit,
  diffUnit,
  value: (h) => h[key] as number | null,
  interval: (h) => h.intervals[key],
  diff: (d) => d[key],
});

const scaled = (iv: Interval | null, k: number): Interval | null => (iv ? { se: iv.se * k, lo95: iv.lo95 * k, hi95: iv.hi95 * k } : null);

/** Each layer's share of the members' cash burden: expected values, without an interval or a paired difference. */
const reduction = (layer: 'criticalIllness' | 'assistance', label: StringKey): HouseholdFigure => ({
  label,
  unit: 'ratio',
  diffUnit: 'points',
  value: (h) => h.burdenReduction[layer],
  interval: () => null,
  diff: () => null,
});

export const HOUSEHOLD_FIGURES: HouseholdFigure[] = [
  keyed('outOfPocket', 'householdOop', 'money', 'money'),
  {
    label: 'householdOopPerMember',
    unit: 'money',
    diffUnit: 'money',
    perMember: true,
    value: (h) => (h.outOfPocket === null || !(h.insured > 0) ? null : h.outOfPocket / h.insured),
    interval: (h) => (h.insured > 0 ? scaled(h.intervals.outOfPocket, 1 / h.insured) : null),
    diff: (d, insured) => {
      const x = d.outOfPocket;
      return x && insured > 0 ? { mean: x.mean / insured, ...scaled(x, 1 / insured)! } : null;
    },
  },
  keyed('catastrophic10', 'householdCat10', 'ratio', 'points'),
  keyed('catastrophic25', 'householdCat25', 'ratio', 'points'),
  keyed('catastrophicCtp40', 'householdCtp40', 'ratio', 'points'),
  keyed('impoverished', 'householdImpoverished', 'count', 'count'),
  reduction('criticalIllness', 'householdCiReduction'),
  reduction('assistance', 'householdAssistReduction'),
];

/** A row of the household sheet: a ruleset's total or one population's figures. */
interface FigureRow {
  ruleset: string;
  population: string | null;
  h: SampledFigures;
}

const intervalColumns = <R>(
  f: HouseholdFigure,
  unit: ColumnUnit,
  value: (r: R) => number | null,
  iv: (r: R) => Interval | null,
): Column<R>[] => {
  // Per member reads in yuan to the fen whatever the reader's unit (its name says 元), as a plain number.
  const u: ColumnUnit = f.perMember ? 'number' : unit;
  const fen = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? null : f.perMember ? Math.round(v * 100) / 100 : v;
  const digits = f.perMember ? 2 : undefined;
  return [
    { label: both(f.label), unit: u, digits, value: (r) => fen(value(r)) },
    { label: { zh: `${t(f.label, 'zh')} 95%下限`, en: `${t(f.label, 'en')}: 95% low` }, unit: u, digits, value: (r) => fen(iv(r)?.lo95) },
    { label: { zh: `${t(f.label, 'zh')} 95%上限`, en: `${t(f.label, 'en')}: 95% high` }, unit: u, digits, value: (r) => fen(iv(r)?.hi95) },
  ];
};

/** Per ruleset its total and each population with income, every figure with its 95% interval (run's sample). */
export function householdTable(run: HouseholdRun, s: Scenario, lang: Lang): Table {
  const all = t('householdAll', lang);
  const rows = figureRows(run);
  const names = scenarioNames(s, lang);
  return table<FigureRow>(
    'household',
    both('sheetHousehold'),
    [
      { label: both('colRuleset'), unit: 'text', value: (r) => names.rulesets[r.ruleset] ?? r.ruleset },
      {
        label: both('colPopulation'),
        unit: 'text',
        value: (r) => (r.population === null ? all : (names.populations[r.population] ?? r.population)),
      },
      { label: both('householdMembers'), unit: 'count', value: (r) => r.h.insured },
      ...HOUSEHOLD_FIGURES.flatMap((f) =>
        intervalColumns<FigureRow>(
          f,
          f.unit,
          (r) => f.value(r.h),
          (r) => f.interval(r.h),
        ),
      ),
    ],
    rows,
  );
}

interface DiffRow {
  b: string;
  population: string | null;
  d: HouseholdDiff;
  insured: number;
  /** Both rulesets' figures, for a figure without a sampled difference (the difference of the two values). */
  a: SampledFigures | null;
  bh: SampledFigures | null;
}

/** A ruleset's figures in total (population null) or for one population with income. */
function figuresOf(run: HouseholdRun, id: string, pop: string | null): SampledFigures | null {
  const r = run.rulesets.find((x) => x.id === id);
  if (!r) return null;
  return pop === null ? r.total : (r.populations.find((p) => p.id === pop)?.household ?? null);
}

/** The household sheet's rows: per ruleset its total, then each population with income. */
function figureRows(run: HouseholdRun): FigureRow[] {
  return run.rulesets.flatMap((r) => [
    ...(r.total ? [{ ruleset: r.id, population: null, h: r.total }] : []),
    ...r.populations.flatMap((p) => (p.household ? [{ ruleset: r.id, population: p.id, h: p.household }] : [])),
  ]);
}

/** The differences sheet's rows: per proposal its total, then each population, with both rulesets' figures. */
function diffRows(run: HouseholdRun): DiffRow[] {
  return run.comparisons.flatMap((c) => {
    const row = (population: string | null, d: HouseholdDiff): DiffRow => {
      const bh = figuresOf(run, c.b, population);
      return { b: c.b, population, d, insured: bh?.insured ?? 0, a: figuresOf(run, c.a, population), bh };
    };
    return [...(c.total ? [row(null, c.total)] : []), ...c.populations.map((p) => row(p.id, p.diff))];
  });
}

/** Each proposal's paired difference from the baseline, per population and in total, with 95% intervals. */
export function householdDiffTable(run: HouseholdRun, s: Scenario, lang: Lang): Table {
  const names = scenarioNames(s, lang);
  const all = t('householdAll', lang);
  const rows = diffRows(run);
  return table<DiffRow>(
    'household-diff',
    both('sheetHouseholdDiff'),
    [
      { label: both('colRuleset'), unit: 'text', value: (r) => t('householdDiff', lang, names.rulesets[r.b] ?? r.b) },
      {
        label: both('colPopulation'),
        unit: 'text',
        value: (r) => (r.population === null ? all : (names.populations[r.population] ?? r.population)),
      },
      ...HOUSEHOLD_FIGURES.flatMap((f) =>
        intervalColumns<DiffRow>(
          f,
          f.diffUnit,
          (r) => figureDiff(f, r.d, r.insured, r.a, r.bh)?.mean ?? null,
          (r) => figureDiff(f, r.d, r.insured, r.a, r.bh),
        ),
      ),
    ],
    rows,
  );
}

/** A figure's difference: the paired one where sampled, else the difference of the two values (no interval). */
export function figureDiff(
  f: HouseholdFigure,
  d: HouseholdDiff,
  insured: number,
  a: SampledFigures | null,
  b: SampledFigures | null,
): DiffInterval | null {
  const paired = f.diff(d, insured);
  if (paired) return paired;
  const va = a ? f.value(a) : null;
  const vb = b ? f.value(b) : null;
  if (va === null || vb === null) return null;
  // An expected-value difference: no interval (lo95 = hi95 = the difference, se 0 is not claimed).
  return { mean: vb - va, se: NaN, lo95: NaN, hi95: NaN };
}

/** The typical case's layers as rows (cost → basic → critical illness → assistance → out-of-pocket). */
export const TYPICAL_LAYERS = [
  ['layerCost', 'cost'],
  ['layerBasic', 'basic'],
  ['layerCi', 'criticalIllness'],
  ['layerAssistance', 'assistance'],
  ['layerOop', 'outOfPocket'],
] as const;

/** The typical case as a table: one row per layer, one column per ruleset, yuan to the fen. */
export function typicalTable(cases: TypicalCase[], s: Scenario, lang: Lang): Table {
  const names = scenarioNames(s, lang);
  return {
    id: 'typical-case',
    title: both('typicalCase'),
    columns: [
      { label: both('typicalStep'), unit: 'text', value: (r: Value[]) => r[0] },
      ...cases.map((c, i) => ({
        label: { zh: names.rulesets[c.ruleset] ?? c.ruleset, en: names.rulesets[c.ruleset] ?? c.ruleset },
        unit: 'money' as const,
        digits: 2,
        value: (r: Value[]) => r[i + 1],
      })),
    ],
    rows: TYPICAL_LAYERS.map(([k, f]) => [t(k, lang), ...cases.map((c) => Number(c[f]))]),
  };
}

/**
 * The household figures for a terminal (`run`): one column per figure, "value [95% low, high]" in one cell, so that
 * every figure fits beside the others (the workbook's sheets give each bound its own column). Rulesets by id, as the
 * other tables of `run` name them; populations by title.
 */
export function householdTextTables(run: HouseholdRun, s: Scenario, lang: Lang, money: Unit): Table[] {
  const names = scenarioNames(s, lang);
  const all = t('householdAll', lang);
  // Shares and their differences to two decimals, as the workbench shows them: one decimal hides an interval.
  // A difference that rounds to nothing reads 0.00, not -0.00.
  const one = (f: HouseholdFigure, unit: ColumnUnit, x: number): string => noNegativeZero(oneRaw(f, unit, x));
  const oneRaw = (f: HouseholdFigure, unit: ColumnUnit, x: number): string =>
    unit === 'ratio'
      ? formatPercent(x, 2)
      : unit === 'points'
        ? formatPoints(x, 2)
        : formatValue(f.perMember ? Math.round(x * 100) / 100 : x, f.perMember ? 'number' : unit, money, f.perMember ? 2 : undefined, lang);
  const cell = (f: HouseholdFigure, unit: ColumnUnit, v: number | null, iv: Interval | null): string => {
    if (v === null || !Number.isFinite(v)) return '—';
    return iv ? `${one(f, unit, v)} [${one(f, unit, iv.lo95)}, ${one(f, unit, iv.hi95)}]` : one(f, unit, v);
  };
  const popName = (p: string | null) => (p === null ? all : (names.populations[p] ?? p));
  const label = (f: HouseholdFigure, unit: ColumnUnit) =>
    f.perMember
      ? { zh: `${t(f.label, 'zh')}`, en: t(f.label, 'en') }
      : { zh: t(f.label, 'zh') + unitSuffix(unit, money, 'zh'), en: t(f.label, 'en') + unitSuffix(unit, money, 'en') };
  const figures = table<FigureRow>(
    'household-text',
    { zh: `${t('sheetHousehold', 'zh')}（95% 区间）`, en: `${t('sheetHousehold', 'en')} (95% intervals)` },
    [
      { label: both('colRuleset'), unit: 'text', value: (r) => r.ruleset },
      { label: both('colPopulation'), unit: 'text', value: (r) => popName(r.population) },
      ...HOUSEHOLD_FIGURES.map((f): Column<FigureRow> => ({
        label: label(f, f.unit),
        unit: 'text',
        figures: true,
        value: (r) => cell(f, f.unit, f.value(r.h), f.interval(r.h)),
      })),
    ],
    figureRows(run),
  );
  const diffs = table<DiffRow>(
    'household-diff-text',
    { zh: `${t('sheetHouseholdDiff', 'zh')}（配对差值，95% 区间）`, en: `${t('sheetHouseholdDiff', 'en')} (paired, 95% intervals)` },
    [
      { label: both('colRuleset'), unit: 'text', value: (r) => t('householdDiff', lang, r.b) },
      { label: both('colPopulation'), unit: 'text', value: (r) => popName(r.population) },
      ...HOUSEHOLD_FIGURES.map((f): Column<DiffRow> => ({
        label: label(f, f.diffUnit),
        unit: 'text',
        figures: true,
        value: (r) => {
          const d = figureDiff(f, r.d, r.insured, r.a, r.bh);
          return cell(f, f.diffUnit, d?.mean ?? null, d && Number.isFinite(d.lo95) && Number.isFinite(d.hi95) ? d : null);
        },
      })),
    ],
    diffRows(run),
  );
  return [figures, diffs];
}

/** "-0.00", "-0.0%", "-0" → without the sign: a figure rounded to zero has none. */
const noNegativeZero = (text: string): string => (/^-0(?:[.,]0+)?%?$/.test(text) ? text.slice(1) : text);
