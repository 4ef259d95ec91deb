/** Sweeps: one parameter over a range, the analytic metrics (and optionally Monte Carlo ones) at each value. */
import { analyticExpectation } from '../engine/analytic.ts';
import { compileModel } from '../engine/model.ts';
import { runScenario } from '../engine/run.ts';
import type { Path } from '../scenario/edit.ts';
import { ANALYTIC_METRICS, analyticMetric, mcMetric, type MetricName } from './metrics.ts';
import { withNumber } from './path.ts';
import { validOrThrow } from './solve.ts';

export interface SweepRow {
  x: number;
  [metric: string]: number;
}

export async function sweep(raw: unknown, rulesetId: string, param: Path, from: number, to: number, steps: number, metrics: MetricName[], opts: { trials?: number; seed?: string | number } = {}): Promise<SweepRow[]> {
  const base = validOrThrow(raw);
  const ri = base.rulesets.findIndex((r) => r.id === rulesetId);
  if (ri < 0) throw new Error(`unknown ruleset "${rulesetId}"`);
  const rows: SweepRow[] = [];
  for (let i = 0; i < steps; i++) {
    const x = steps === 1 ? from : from + ((to - from) * i) / (steps - 1);
    const s = validOrThrow(withNumber(raw, ['rulesets', ri, ...param], x));
    const a = analyticExpectation(compileModel(s))[ri];
    const row: SweepRow = { x };
    for (const m of metrics) if ((ANALYTIC_METRICS as readonly string[]).includes(m)) row[m] = analyticMetric(a, m);
    const mcNeeded = metrics.filter((m) => !(ANALYTIC_METRICS as readonly string[]).includes(m));
    if (mcNeeded.length) {
      const trials = opts.trials ?? 200;
      const r = await runScenario(s, { trials, seed: opts.seed ?? base.simulation.seed });
      for (const m of mcNeeded) row[m] = mcMetric(r.rulesets[ri], m, trials).value;
    }
    rows.push(row);
  }
  return rows;
}
