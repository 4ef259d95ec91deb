/**
 * A fund-level file's figures as one Excel workbook (issue #31: "From the workbench, the CLI and the fund views"):
 * the residents' subsidy budget (seed 002: lines by group and paying government, the payment rates) or the city
 * pooling (seed 003: year by year, and every region every year), from the same reports `jingsuan fund` prints
 * (finance/fund-report.ts), laid out as the run's workbook is (report/workbook.ts): a first sheet saying what was
 * computed, one sheet per table, typed numbers with formats, frozen Chinese headers.
 */
import type { PoolingReport, SubsidyReport } from '../finance/fund-report.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { table, type Table } from './columns.ts';
import type { Unit } from './format.ts';
import { both, t, type Lang } from './strings.ts';
import { FORMATS, serialDate, tableSheet } from './workbook.ts';
import { xlsxBytes, type XlsxCell, type XlsxSheet } from './xlsx-writer.ts';

export interface FundWorkbookInput {
  fund: FundScenario;
  subsidy?: SubsidyReport | null;
  pooling?: PoolingReport | null;
  lang: Lang;
  unit?: Unit;
  version: string;
  date?: Date;
}

/** The budget's lines and its total; amounts are exact decimal strings in yuan (finance/subsidy.ts), read as numbers. */
function budgetTable(r: SubsidyReport, lang: Lang): Table {
  const b = r.budget;
  type Line = { title: string; count: number; payer: string; subsidy: number | null; contributions: number };
  const rows: Line[] = [
    ...b.lines.map((l) => ({
      title: l.title[lang],
      count: l.count,
      payer: t(l.payer, lang),
      subsidy: l.subsidised ? Number(l.subsidy) : null,
      contributions: Number(l.contributions),
    })),
    { title: t('total', lang), count: b.insured, payer: '', subsidy: Number(b.total), contributions: Number(b.contributions) },
  ];
  return table<Line>(
    'subsidy-budget',
    both('subsidyBudgetTitle', r.year),
    [
      { label: both('group'), unit: 'text', value: (x) => x.title },
      { label: both('insured2'), unit: 'count', value: (x) => x.count },
      { label: both('payer'), unit: 'text', value: (x) => x.payer },
      { label: both('subsidy'), unit: 'money', value: (x) => x.subsidy },
      { label: both('contributions'), unit: 'money', value: (x) => x.contributions },
    ],
    rows,
  );
}

function paymentRateTable(r: SubsidyReport, f: FundScenario, lang: Lang): Table {
  const title = (id: string) => (f.kind === 'subsidyBudget' ? f.groups.find((g) => g.id === id)?.title?.[lang] : undefined) ?? id;
  return table<SubsidyReport['paymentRates'][number]>(
    'payment-rates',
    both('fundPaymentRates'),
    [
      { label: both('group'), unit: 'text', value: (p) => title(p.group) },
      { label: both('modelled'), unit: 'ratio', value: (p) => (p.modelled === null ? { why: p.modelledReason! } : p.modelled) },
      { label: both('target'), unit: 'ratio', value: (p) => p.target },
    ],
    r.paymentRates,
  );
}

function poolingYearsTable(r: PoolingReport): Table {
  type Y = PoolingReport['years'][number];
  const months = (f: (d: NonNullable<Y['reserveMonths']>) => number) => (y: Y) =>
    y.reserveMonths ? f(y.reserveMonths) : { why: y.reserveMonthsReason! };
  return table<Y>(
    'reserve-months',
    both('cityPoolingReserveMonths'),
    [
      { label: both('year'), unit: 'year', value: (y) => y.year },
      { label: both('reserveMonthsMean'), unit: 'number', digits: 2, value: months((d) => d.mean) },
      { label: { zh: '备付期 P5', en: 'reserve months P5' }, unit: 'number', digits: 2, value: months((d) => d.p05) },
      { label: { zh: '备付期 P95', en: 'reserve months P95' }, unit: 'number', digits: 2, value: months((d) => d.p95) },
      { label: both('pAlarm'), unit: 'ratio', value: (y) => y.probAlarm },
      { label: both('cityPool'), unit: 'money', value: (y) => y.cityPool.mean },
      { label: both('xlsxPoolExhausted'), unit: 'ratio', value: (y) => y.poolExhausted.probability },
      { label: both('xlsxUncoveredMean'), unit: 'money', value: (y) => y.poolExhausted.uncoveredMean },
    ],
    r.years,
  );
}

function regionsTable(r: PoolingReport, f: FundScenario, lang: Lang): Table {
  type G = PoolingReport['years'][number]['regions'][number] & { year: number };
  const title = (id: string) => (f.kind === 'pooling' ? f.regions.find((g) => g.id === id)?.title[lang] : undefined) ?? id;
  return table<G>(
    'regions',
    both('xlsxRegionsByYear'),
    [
      { label: both('year'), unit: 'year', value: (g) => g.year },
      { label: both('region'), unit: 'text', value: (g) => title(g.region) },
      { label: both('balance'), unit: 'money', value: (g) => g.balanceMean },
      { label: both('reserve'), unit: 'money', value: (g) => g.reserveMean },
      { label: both('fromCity'), unit: 'money', value: (g) => g.fromCityMean },
      { label: both('repaid'), unit: 'money', value: (g) => g.repaidMean },
      { label: both('pDrawsOnCity'), unit: 'ratio', value: (g) => g.probDrawOnCity },
      { label: both('localMakeUp'), unit: 'money', value: (g) => g.localMakeUpMean },
    ],
    r.years.flatMap((y) => y.regions.map((g) => ({ ...g, year: y.year }))),
  );
}

export function fundWorkbook(x: FundWorkbookInput): Uint8Array {
  const { fund: f, lang: L } = x;
  const unit = x.unit ?? 'yuan';
  const tables: Table[] = [];
  if (x.subsidy) {
    tables.push(budgetTable(x.subsidy, L));
    if (x.subsidy.paymentRates.length) tables.push(paymentRateTable(x.subsidy, f, L));
  }
  if (x.pooling) tables.push(poolingYearsTable(x.pooling), regionsTable(x.pooling, f, L));
  const sheets: XlsxSheet[] = tables.filter((tab) => tab.rows.length).map((tab) => tableSheet(tab, tab.title[L], L, unit));
  const date = x.date ?? new Date();
  const rows: XlsxCell[][] = [
    [f.title[L]],
    [t('xlsxItem', L), t('xlsxValue', L)],
    [t('xlsxScenario', L), f.title[L]],
    [t('xlsxScenarioId', L), f.id],
    ...(x.pooling
      ? [
          [t('xlsxSeed', L), String(x.pooling.seed)],
          [t('xlsxTrials', L), { n: x.pooling.trials, fmt: FORMATS.count }],
        ]
      : []),
    [t('xlsxDate', L), { n: serialDate(date), fmt: FORMATS.date }],
    [t('xlsxVersion', L), `jingsuan ${x.version}`],
    [t('xlsxMoneyUnit', L), t(unit === 'wan' ? 'n10kYuan2' : 'yuan2', L)],
    ...(x.subsidy ? x.subsidy.budget.warnings.map((w) => [t('xlsxWarning', L), w.message[L]]) : []),
    [],
    [t('xlsxSheets', L)],
    ...sheets.map((s) => [s.name]),
  ];
  const summary: XlsxSheet = { name: t('sheetSummary', L), rows, frozenRows: 2, widths: [16, 60] };
  return xlsxBytes({
    title: f.title[L],
    creator: `jingsuan ${x.version}`,
    created: date.toISOString().replace(/\.\d+Z$/, 'Z'),
    sheets: [summary, ...sheets],
  });
}
