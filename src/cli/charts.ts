import type { RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Charts for `run --out` (SVG and PNG rendered in Node); filled in by the report module. */
export async function writeCharts(_dir: string, _scenario: Scenario, _result: RunResult): Promise<{ file: string; title: string }[]> {
  return [];
}
