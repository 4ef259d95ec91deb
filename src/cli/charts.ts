import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRun } from '../engine/run.ts';
import type { RunResult } from '../engine/summary.ts';
import { allCharts } from '../report/charts/all.ts';
import { chartCsv } from '../report/charts/standalone.ts';
import { pngOf, svgOf } from '../report/node-render.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Writes every chart as SVG, PNG (2×) and CSV into dir; returns them for the report. */
export async function writeCharts(
  dir: string,
  scenario: Scenario,
  raw: RawRun,
  result: RunResult,
): Promise<{ file: string; title: string }[]> {
  const out: { file: string; title: string }[] = [];
  for (const spec of allCharts(scenario, raw, result)) {
    const svg = svgOf(spec);
    writeFileSync(join(dir, `${spec.id}.svg`), svg);
    writeFileSync(join(dir, `${spec.id}.png`), pngOf(svg, 2));
    writeFileSync(join(dir, `${spec.id}.csv`), chartCsv(spec));
    out.push({ file: `${spec.id}.svg`, title: spec.title });
  }
  return out;
}
