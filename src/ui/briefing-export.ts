/**
 * "导出简报" in the workbench: the run's charts as the page shows them, drawn to PNG (2×, the browser's CJK
 * fonts) and put with the tables and assumptions into one Word document (report/briefing.ts).
 */
import { CHARTS } from '../report/charts/all.ts';
import type { ChartSpec } from '../report/charts/charts.ts';
import { standaloneSvg, svgSize } from '../report/charts/standalone.ts';
import { briefingDocx, type BriefingChart } from '../report/briefing.ts';
import type { Unit } from '../report/format.ts';
import type { BriefingStyleName } from '../report/briefing-style.ts';
import { t, type Lang } from '../report/strings.ts';
import type { RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';
import { download, svgToPng } from './download.ts';
import type { HouseholdRun } from '../engine/household-sample.ts';
import { typicalCaseChart, type TypicalPerson } from '../report/typical-default.ts';

/** The household figures the page shows (household-panel.ts) and the typical case's person (typical-case.ts). */
export interface HouseholdExport {
  household?: HouseholdRun | null;
  typicalPerson?: TypicalPerson | null;
}

export async function exportBriefing(
  scenario: Scenario,
  result: RunResult,
  charts: Record<string, ChartSpec | null>,
  lang: Lang,
  unit: Unit,
  opts: { original?: unknown; style?: BriefingStyleName } & HouseholdExport = {},
) {
  const pictures: BriefingChart[] = [];
  for (const entry of CHARTS) {
    const spec = charts[entry.key];
    if (!spec) continue;
    const svg = standaloneSvg(spec, document);
    const png = new Uint8Array(await (await svgToPng(svg, 2)).arrayBuffer());
    pictures.push({ title: spec.title, png, ...svgSize(svg) });
  }
  // The typical case's waterfall as the briefing's household section shows it (the person on the page).
  const typical = opts.typicalPerson === undefined ? null : typicalCaseChart(scenario, lang, opts.typicalPerson, result.comparisons[0]?.a);
  let typicalChart: BriefingChart | null = null;
  if (typical) {
    const svg = standaloneSvg(typical.spec, document);
    typicalChart = { title: typical.spec.title, png: new Uint8Array(await (await svgToPng(svg, 2)).arrayBuffer()), ...svgSize(svg) };
  }
  const bytes = await briefingDocx({ scenario, result, charts: pictures, lang, unit, ...opts, typicalChart });
  download(
    t('briefingFileName', lang, scenario.id),
    bytes as BlobPart,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
}
