/**
 * The run as one Excel workbook (issue #31 "Excel and WPS, both ways"): a first sheet saying what was run (scenario,
 * seed, trials, date, version), then one sheet per table — the same tables the terminal, report.md and the
 * briefing draw (report/tables.ts), the charts' data (charts/chart-table.ts) — and the assumptions on their own
 * sheet. Numbers stay numbers with a format: money in 元 to the fen (#,##0.00) or in 万元 holding the fen
 * (yuan / 10⁴, shown to two places), ratios 0.0%, differences of ratios in percentage points, counts #,##0.
 * Headers in the reader's language; rulesets and populations by their titles. Pure: the caller writes the bytes.
 */
import type { HouseholdRun } from '../engine/household-sample.ts';
import type { RunResult } from '../engine/summary.ts';
import type { YearResult } from '../engine/years.ts';
import { assumptions } from '../scenario/provenance.ts';
import type { Scenario } from '../scenario/schema.ts';
import { saidIn } from '../scenario/param.ts';
import { chartContext } from './charts/all.ts';
import { chartTable } from './charts/chart-table.ts';
import type { ChartSpec } from './charts/charts.ts';
import { isWhy, isWords, type Column, type Table, type Value } from './columns.ts';
import { fieldName } from './field-names.ts';
import { unitText, type Unit } from './format.ts';
import { scenarioNames } from './scenario-names.ts';
import { enZh, t, whyText, type Lang } from './strings.ts';
import {
  CHANNEL_NAMES,
  cashflowTable,
  corridorTable,
  fundingTable,
  indicatorTable,
  insurerTable,
  populationTable,
  proposalTable,
  riskTable,
  targetValuesTable,
  yearsTable,
} from './tables.ts';
import { metricLabel, type MetricName } from '../engine/metrics.ts';
import { xlsxBytes, type XlsxCell, type XlsxSheet } from './xlsx-writer.ts';
import { householdDiffTable, householdTable, typicalTable } from './household-report.ts';
import { defaultTypicalPerson, typicalCasesOf, typicalPair, type TypicalPerson } from './typical-default.ts';

export interface WorkbookInput {
  scenario: Scenario;
  result: RunResult;
  /** A multi-year run's years (engine/years.ts), when there are some. */
  years?: YearResult[] | null;
  /** The charts as drawn (all.ts), whose data each get a sheet. */
  charts?: readonly ChartSpec[];
  lang: Lang;
  /** Money in 元 (the default: to the fen, as result.json) or in 万元. */
  unit?: Unit;
  /** The software's version, said on the first sheet. */
  version: string;
  date?: Date;
  /** The household indicators from the run's sample (engine/household-sample.ts): the 家庭负担 sheets. */
  household?: HouseholdRun | null;
  /** The typical case's person (typical-default.ts; default defaultTypicalPerson): the 典型病例 sheet. */
  typicalPerson?: TypicalPerson | null;
}

/** Number formats (Excel format codes). */
export const FORMATS = {
  money: '#,##0.00',
  ratio: '0.0%',
  points: '+0.0;-0.0;0.0',
  count: '#,##0',
  year: '0',
  date: 'yyyy-mm-dd hh:mm',
} as const;

/** A cell of a table's column: money to the fen in the unit, ratios as fractions, a figure that is not a number in words. */
function cellOf(v: Value, c: Column<Value[]>, unit: Unit, lang: Lang, rename: (s: string) => string): XlsxCell {
  if (v === null || v === undefined) return null;
  if (isWhy(v)) return whyText(v.why, lang);
  if (isWords(v)) return v[lang];
  if (typeof v === 'string') return rename(v);
  if (!Number.isFinite(v)) return null;
  switch (c.unit) {
    case 'money': {
      const fen = Math.round(v * 100);
      return { n: unit === 'wan' ? fen / 1e6 : fen / 100, fmt: FORMATS.money };
    }
    case 'ratio':
      return { n: v, fmt: FORMATS.ratio };
    case 'points':
      return { n: Math.round(v * 1e8) / 1e6, fmt: FORMATS.points };
    case 'count':
      return { n: v, fmt: FORMATS.count };
    case 'year':
      return { n: v, fmt: FORMATS.year };
    default:
      return { n: v, fmt: c.digits === undefined ? 'General' : c.digits === 0 ? FORMATS.count : FORMATS.money };
  }
}

function headerOf(c: Column<Value[]>, lang: Lang, unit: Unit): string {
  const label = c.label[lang];
  if (c.unit === 'money') return `${label} (${unitText(unit, lang)})`;
  if (c.unit === 'points') return `${label} (${t('percentagePoints', lang)})`;
  return label;
}

/** Display width of a text in Excel's character units (a CJK character is two). */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

function widths(rows: XlsxCell[][], skip = 1): number[] {
  const out: number[] = [];
  for (const row of rows.slice(skip))
    row.forEach((c, i) => {
      const w =
        c === null || c === undefined ? 0 : typeof c === 'string' ? widthOf(c) : Math.min(18, String(Math.round(c.n)).length * 1.35 + 4);
      out[i] = Math.max(out[i] ?? 8, Math.min(48, w + 2));
    });
  return out;
}

/** A table as a sheet: its title in the first row, the headers in the second (both kept in view), then the rows. */
export function tableSheet(table: Table, name: string, lang: Lang, unit: Unit, rename: (s: string) => string = (v) => v): XlsxSheet {
  const rows: XlsxCell[][] = [
    [table.title[lang]],
    table.columns.map((c) => headerOf(c, lang, unit)),
    ...table.rows.map((r) => table.columns.map((c, i) => cellOf(r[i], c, unit, lang, rename))),
  ];
  return { name, rows, frozenRows: 2, widths: widths(rows) };
}

/** Several tables of one kind (one per ruleset) as one, each row led by its ruleset. */
function stacked(tables: { ruleset: string; table: Table }[], title: Table['title']): Table | null {
  if (!tables.length) return null;
  const first = tables[0].table;
  return {
    id: first.id,
    title,
    columns: [{ label: { zh: t('colRuleset', 'zh'), en: t('colRuleset', 'en') }, unit: 'text', value: (r) => r[0] }, ...first.columns],
    rows: tables.flatMap((x) => x.table.rows.map((r) => [x.ruleset, ...r])),
  };
}

/** Excel's serial date (days since 1899-12-30, the 1900 date system) of a time, in UTC. */
export const serialDate = (d: Date) => d.getTime() / 86_400_000 + 25_569;

export function reportWorkbook(x: WorkbookInput): Uint8Array {
  const { scenario: s, result: r, lang: L } = x;
  const unit = x.unit ?? 'yuan';
  const named = scenarioNames(s, L);
  // The tables name rulesets and populations by id and their words in both languages (the command line's form);
  // a reader reads titles, in one language.
  const words = new Map<string, string>([
    ...(['colAllPopulations', 'colPremium', 'readingAsWritten', 'yes', 'noBreakEven'] as const).map((k) => [enZh(k), t(k, L)] as const),
    ...Object.values(CHANNEL_NAMES).map((c) => [`${c.zh} ${c.en}`, c[L]] as const),
    ...s.rulesets.flatMap((q) =>
      (q.corridor?.alternatives ?? []).map((a) => [`${enZh('colCorridorReading')} "${a.id}"`, named.readings[a.id] ?? a.id] as const),
    ),
  ]);
  const rename = (v: string) => named.rulesets[v] ?? named.populations[v] ?? words.get(v) ?? v;
  const title = (id: string) => named.rulesets[id] ?? id;

  const tables: (Table | null)[] = [
    indicatorTable(r),
    fundingTable(r.rulesets),
    insurerTable(r.rulesets),
    populationTable(r),
    r.comparisons.length ? proposalTable(r, L) : null,
    stacked(
      r.rulesets.filter((q) => q.corridor).map((q) => ({ ruleset: title(q.id), table: corridorTable(q) })),
      { zh: t('corridor', 'zh'), en: t('corridor', 'en') },
    ),
    stacked(
      r.rulesets.filter((q) => q.finance?.cashflow.length).map((q) => ({ ruleset: title(q.id), table: cashflowTable(q) })),
      { zh: t('colCashTitle', 'zh', '').replace(/[:：]\s*$/, ''), en: t('colCashTitle', 'en', '').replace(/[:：]\s*$/, '') },
    ),
    x.years?.length ? yearsTable(x.years) : null,
    r.targets.length ? targetsTable(r, L) : null,
    r.rulesets.some((q) => q.risk) ? riskTable(r) : null,
  ];
  const sheets: XlsxSheet[] = [];
  for (const tab of tables) if (tab && tab.rows.length) sheets.push(tableSheet(tab, tab.title[L], L, unit, rename));
  // The household layer (issue #33): per ruleset and population with 95% intervals, the proposals' paired
  // differences, and the typical case in yuan to the fen whatever the unit (a person's amounts).
  if (x.household) {
    for (const tab of [householdTable(x.household, s, L), householdDiffTable(x.household, s, L)])
      if (tab.rows.length) sheets.push(tableSheet(tab, tab.title[L], L, unit));
  }
  const person = x.typicalPerson === undefined ? defaultTypicalPerson(s) : x.typicalPerson;
  const cases =
    person && s.populations.some((p) => p.income) ? typicalCasesOf(s, person, typicalPair(s, r.comparisons[0]?.a, person.against)) : [];
  if (cases.length) sheets.push(tableSheet(typicalTable(cases, s, L), t('typicalCase', L), L, 'yuan'));
  const ctx = chartContext(s, L, unit, 640);
  for (const spec of x.charts ?? []) {
    const tab = chartTable(spec, ctx, L);
    if (tab.rows.length) sheets.push(tableSheet(tab, t('sheetChart', L, spec.title), L, unit, (v) => v));
  }
  sheets.push(assumptionSheet(s, L));
  return xlsxBytes({
    title: s.title[L],
    creator: `jingsuan ${x.version}`,
    created: (x.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
    sheets: [summarySheet(x, unit, sheets), ...sheets],
  });
}

/** Targets with their modelled values: the indicator by its name, rates and counts as the numbers they are. */
function targetsTable(r: RunResult, lang: Lang): Table {
  const tab = targetValuesTable(r);
  return { ...tab, rows: tab.rows.map((row) => [metricLabel(row[0] as MetricName, lang), ...row.slice(1)]) };
}

function summarySheet(x: WorkbookInput, unit: Unit, sheets: XlsxSheet[]): XlsxSheet {
  const L = x.lang;
  const s = x.scenario;
  const rows: XlsxCell[][] = [
    [s.title[L]],
    [t('xlsxItem', L), t('xlsxValue', L)],
    [t('xlsxScenario', L), s.title[L]],
    [t('xlsxScenarioId', L), s.id],
    [t('xlsxYear', L), { n: s.year, fmt: FORMATS.year }],
    [t('xlsxSeed', L), String(x.result.seed)],
    [t('xlsxTrials', L), { n: x.result.trials, fmt: FORMATS.count }],
    [t('xlsxDate', L), { n: serialDate(x.date ?? new Date()), fmt: FORMATS.date }],
    [t('xlsxVersion', L), `jingsuan ${x.version}`],
    [t('xlsxMoneyUnit', L), unitText(unit, L)],
    [],
    [t('xlsxSheets', L)],
    ...sheets.map((sh) => [sh.name]),
  ];
  return { name: t('sheetSummary', L), rows, frozenRows: 2, widths: [16, Math.min(60, Math.max(24, widthOf(s.title[L]) + 2))] };
}

function assumptionSheet(s: Scenario, L: Lang): XlsxSheet {
  const list = assumptions(s);
  const rows: XlsxCell[][] = [
    [t('briefingAssumptions', L, list.length)],
    [t('xlsxField', L), t('xlsxValue', L), t('xlsxAssumption', L), t('xlsxPath', L)],
    ...list.map((a) => [
      fieldName(a.path, s, L) || a.path,
      typeof a.value === 'number' ? { n: a.value, fmt: 'General' } : a.value === null ? '∞' : String(a.value),
      saidIn(a.assumption, L) ?? '',
      a.path,
    ]),
  ];
  return { name: t('sheetAssumptions', L), rows, frozenRows: 2, widths: [28, 14, 80, 40] };
}
