/**
 * Sweeps: one parameter of a ruleset over a range, its metrics at each value. One sweep serves the workbench's
 * sensitivity chart (analytic, instant), `jingsuan sweep` (analytic and Monte Carlo metrics) and `run --out`.
 */
import type { AnalyticValues } from '../engine/analytic.ts';
import { runScenario } from '../engine/run.ts';
import type { Path } from '../scenario/edit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ANALYTIC_METRICS, analyticMetric, analyticOfRuleset, isAnalytic, mcMetric, type MetricName } from './metrics.ts';
import { numberAt, withNumber } from './path.ts';
import { validOrThrow } from './solve.ts';

export interface SweepPoint {
  ruleset: string;
  x: number;
  /** The parameter's value in the scenario as it is (the dot on the chart). */
  current: boolean;
  [metric: string]: number | string | boolean;
}

/** `steps` evenly spaced values from `from` to `to`. */
export function sweepValues(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => (steps === 1 ? from : from + ((to - from) * i) / (steps - 1)));
}

/**
 * The analytic metrics of ruleset `ri` at each value of the parameter at `param` (inside the ruleset), plus the
 * current value when it is not among them. Values that do not validate are skipped.
 */
export function sweepAnalytic(
  s: Scenario,
  ri: number,
  param: Path,
  xs: number[],
  metrics: readonly MetricName[] = ANALYTIC_METRICS,
): SweepPoint[] {
  const path: Path = ['rulesets', ri, ...param];
  const current = numberAt(s, path);
  const values = [...new Set([...xs, ...(Number.isFinite(current) ? [current] : [])])].sort((a, b) => a - b);
  const id = s.rulesets[ri].id;
  return values.map((x) => {
    return { ruleset: id, x, current: x === current, ...analyticRow(analyticOfRuleset(withNumber(s, path, x), ri), metrics) };
  });
}

/** The analytic ones among `metrics`, by name. */
function analyticRow(a: AnalyticValues, metrics: readonly MetricName[]): Record<string, number> {
  return Object.fromEntries(metrics.filter(isAnalytic).map((m) => [m, analyticMetric(a, m)]));
}

export interface SweepRow {
  x: number;
  [metric: string]: number;
}

/** The command line's sweep: each value validated as a file would be; Monte Carlo metrics from short runs at one seed. */
export async function sweep(
  raw: unknown,
  rulesetId: string,
  param: Path,
  from: number,
  to: number,
  steps: number,
  metrics: MetricName[],
  opts: { trials?: number; seed?: string | number } = {},
): Promise<SweepRow[]> {
  const base = validOrThrow(raw);
  const ri = base.rulesets.findIndex((r) => r.id === rulesetId);
  if (ri < 0) throw new Error(`unknown ruleset "${rulesetId}"`);
  const rows: SweepRow[] = [];
  for (const x of sweepValues(from, to, steps)) {
    const s = validOrThrow(withNumber(raw, ['rulesets', ri, ...param], x));
    const row: SweepRow = { x, ...analyticRow(analyticOfRuleset(s, ri), metrics) };
    const mcNeeded = metrics.filter((m) => !isAnalytic(m));
    if (mcNeeded.length) {
      const trials = opts.trials ?? 200;
      const r = await runScenario(s, { trials, seed: opts.seed ?? base.simulation.seed });
      for (const m of mcNeeded) row[m] = mcMetric(r.rulesets[ri], m, trials).value;
    }
    rows.push(row);
  }
  return rows;
}
