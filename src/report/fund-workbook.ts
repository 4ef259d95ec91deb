/**
 * A fund-level file's figures as one Excel workbook (issue #31: "From the workbench, the CLI and the fund views"):
 * the residents' subsidy budget (seed 002: lines by group and paying government, the payment rates) or the city
 * pooling (seed 003: year by year, and every region every year), from the same reports `jingsuan fund` prints
 * (finance/fund-report.ts), laid out as the run's workbook is (report/workbook.ts): a first sheet saying what was
 * computed, one sheet per table, typed numbers with formats, frozen Chinese headers.
 */
import type { PoolingReport, SubsidyReport } from '../finance/fund-report.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import type { Table } from './columns.ts';
import { budgetTable, paymentRateTable, poolingYearsTable, regionsTable } from './fund-tables.ts';
import type { Unit } from './format.ts';
import { t, type Lang } from './strings.ts';
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
