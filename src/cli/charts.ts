import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRun } from '../engine/run.ts';
import type { RunResult } from '../engine/summary.ts';
import { allCharts } from '../report/charts/all.ts';
import type { ChartSpec } from '../report/charts/charts.ts';
import { chartCsv, svgSize } from '../report/charts/standalone.ts';
import { pngsOf, svgOf } from '../report/node-render.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A chart as written: its SVG file, title and the PNG (2×) with its size in CSS pixels. */
export interface WrittenChart {
  file: string;
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
  /** The chart as drawn (its data for the workbook). */
  spec: ChartSpec;
}

/** Writes every chart as SVG, PNG (2×) and CSV into dir; returns them for the report. */
export async function writeCharts(dir: string, scenario: Scenario, raw: RawRun, result: RunResult): Promise<WrittenChart[]> {
  const out: WrittenChart[] = [];
  const specs = allCharts(scenario, raw, result);
  const svgs = specs.map(svgOf);
  const pngs = await pngsOf(svgs, 2);
  for (const [i, spec] of specs.entries()) {
    const svg = svgs[i];
    const png = pngs[i];
    writeFileSync(join(dir, `${spec.id}.svg`), svg);
    writeFileSync(join(dir, `${spec.id}.png`), png);
    writeFileSync(join(dir, `${spec.id}.csv`), chartCsv(spec));
    out.push({ file: `${spec.id}.svg`, title: spec.title, png, ...svgSize(svg), spec });
  }
  return out;
}
