/**
 * "导出 Excel" in the workbench: the run's tables, the charts' data as the page shows them and the assumptions as
 * one .xlsx workbook (report/workbook.ts), in the page's language and money unit. Loaded only when the analyst
 * exports (results-panel imports it lazily), so the page's first load does not carry it.
 */
import { version } from '../../package.json';
import { CHARTS } from '../report/charts/all.ts';
import type { ChartSpec } from '../report/charts/charts.ts';
import type { Unit } from '../report/format.ts';
import { t, type Lang } from '../report/strings.ts';
import { reportWorkbook } from '../report/workbook.ts';
import type { RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';
import { download } from './download.ts';
import type { HouseholdExport } from './briefing-export.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportExcel(
  scenario: Scenario,
  result: RunResult,
  charts: Record<string, ChartSpec | null>,
  lang: Lang,
  unit: Unit,
  household: HouseholdExport = {},
) {
  // The charts in the chart panel's order, those drawn.
  const specs = CHARTS.map((c) => charts[c.key]).filter((c): c is ChartSpec => !!c);
  const bytes = reportWorkbook({ scenario, result, charts: specs, lang, unit, version, ...household });
  download(t('excelFileName', lang, scenario.id), bytes as BlobPart, XLSX_TYPE);
}
