// The workbench's charts (src/ui/chart-book.ts) in Node, on the real engine and exact workers: a chart's entry in
// the one list (report/charts/all.ts) says what it depends on, and the book draws and clears it from that alone.
// A chart drawn from a run (or the exact aggregate) is cleared the moment an edit puts a new scenario on screen,
// and drawn again from the new run; a chart of the model stays until its redraw.
import { afterEach, describe, expect, it } from 'vitest';
import { nodeExactWorker } from '../src/aggregate/node-exact-worker.ts';
import { withNumber } from '../src/analysis/path.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import { WorkerPool } from '../src/engine/run.ts';
import { CHARTS, resetByNewScenario, sweepRange, type ChartEntry } from '../src/report/charts/all.ts';
import type { ChartSpec } from '../src/report/charts/charts.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { ChartBook } from '../src/ui/chart-book.ts';
import { Workbench } from '../src/ui/workbench-state.ts';
import { SEVERITIES, smallScenario } from './helpers/scenarios.ts';

const TRIALS = 200;
const before = (() => {
  const s = structuredClone(smallScenario(SEVERITIES[0][1], 20_000, 0.2));
  s.simulation = { ...s.simulation, trials: TRIALS, seed: 'chart-book' };
  return requireScenario(s);
})();
const DEDUCTIBLE = ['rulesets', 0, 'tracks', 0, 'deductible'];

/** Charts registered only here: what each was drawn from, in its one row. */
const probe = (key: string, dependsOn: ChartEntry['dependsOn']): ChartEntry => ({
  key,
  dependsOn,
  draw: (x): ChartSpec | null =>
    dependsOn.includes('run') && !x.raw
      ? null
      : {
          id: key,
          title: key,
          footnote: '',
          options: {},
          rows: [{ deductible: x.model.rulesets[0].spec.tracks[0].deductible.value, trials: x.raw?.trials ?? 0 }],
        },
});

async function until(ok: () => boolean, ms = 30_000) {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const open: Workbench[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) wb.dispose();
});

describe('the workbench’s chart book', () => {
  it('the charts reset by a new scenario are the run’s and the year-by-year projection’s, from their entries', () => {
    expect(CHARTS.filter(resetByNewScenario).map((c) => c.key)).toEqual([
      'payout',
      'lossRatio',
      'corridor',
      'yearsPayout',
      'yearsLossRatio',
      'yearsFund',
    ]);
  });

  it('a chart registered as drawn from a run is cleared when an edit starts a new run, then drawn from the new run', async () => {
    const wb = new Workbench({
      pool: new WorkerPool(nodeWorkerFactory, 2),
      exactWorker: nodeExactWorker,
      clock: { now: () => performance.now(), measure: () => {} },
    });
    open.push(wb);
    const book = new ChartBook(wb, [...CHARTS, probe('runProbe', ['run']), probe('modelProbe', ['model'])]);
    const row = (key: string) => book.charts[key]?.rows[0] as { deductible: number; trials: number } | undefined;
    expect(wb.load(before)).toEqual([]);
    await until(() => wb.run.state === 'done' && row('runProbe')?.trials === TRIALS && !!book.charts.corridor);
    expect(row('runProbe')!.deductible).toBe(18_000);
    expect(row('modelProbe')!.deductible).toBe(18_000);
    expect(book.charts.payout).not.toBeNull();

    wb.edit(withNumber(before, DEDUCTIBLE, 12_000));
    // At once, before any task of the new run: every chart drawn from a run is gone, the model's stay till redrawn.
    expect(wb.run.state).toBe('running');
    for (const key of ['payout', 'lossRatio', 'corridor', 'runProbe']) expect(book.charts[key], key).toBeNull();
    expect(row('modelProbe')!.deductible).toBe(18_000);
    expect(book.charts.benefit).not.toBeNull();

    await until(() => wb.run.state === 'done' && row('runProbe')?.trials === TRIALS && !!book.charts.corridor);
    expect(row('runProbe')!.deductible).toBe(12_000);
    await until(() => row('modelProbe')!.deductible === 12_000);
  }, 60_000);

  it('one sweep range for the chart panel, the report and the fit dialog: 25 values from 0 to twice the value, at least 20,000 yuan or 100 yuan per insured', () => {
    expect(sweepRange(18_000, ['tracks', 0, 'deductible'])).toHaveLength(25);
    expect(sweepRange(18_000, ['tracks', 0, 'deductible']).at(-1)).toBe(36_000);
    expect(sweepRange(5_000, ['cap']).at(-1)).toBe(20_000);
    expect(sweepRange(30, ['funding', 'channels', 0, 'perInsured']).at(-1)).toBe(100);
    expect(sweepRange(18_000, ['tracks', 0, 'deductible'])[1]).toBe(1_500);
  });
});
