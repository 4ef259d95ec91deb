// The workbench's run logic (src/ui/page-run.ts) in Node, on the real engine in worker_threads and the real exact
// aggregate in a worker of its own: an edit during a run supersedes it (the state goes from 'running' to the new
// run's, never through 'cancelled'), the analyst's cancel, a run projected to take minutes pausing to ask and then
// going on, and a worker that hangs replaced mid-run. Every run that finishes is bit-identical to the same trials
// run in this thread (engine/run.ts: each trial draws from its own stream), and the exact aggregate shown is the
// one of the scenario on screen, computed here by the same code (aggregate/exact-cache.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { ExactCache } from '../src/aggregate/exact-cache.ts';
import { nodeExactWorker } from '../src/aggregate/node-exact-worker.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import type { FromWorker, WorkerLike } from '../src/engine/protocol.ts';
import { runRaw, WorkerPool } from '../src/engine/run.ts';
import { summarize } from '../src/engine/summary.ts';
import { modelOf } from '../src/engine/validate-model.ts';
import { withNumber } from '../src/analysis/path.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { PageRun, type RunClock, type RunSource } from '../src/ui/page-run.ts';
import type { ChangeKind, RunState } from '../src/ui/run-state.ts';
import { SEVERITIES, smallScenario } from './helpers/scenarios.ts';

/** 20,000 insured through the Jiangyin and Jilin rules: 200 trials are 20 of the page's chunks of 10, a second's work. */
const TRIALS = 200;
const before = (() => {
  const s = structuredClone(smallScenario(SEVERITIES[0][1], 20_000, 0.2));
  s.simulation = { ...s.simulation, trials: TRIALS, seed: 'page-run' };
  return requireScenario(s);
})();
/** The analyst's edit: Jiangyin's deductible from 18,000 to 12,000 yuan. */
expect(before.rulesets[0].tracks[0].deductible.value).toBe(18_000);
const after = requireScenario(withNumber(before, ['rulesets', 0, 'tracks', 0, 'deductible'], 12_000));

/** The same trials in this thread, and the exact aggregate computed here. */
async function clean(s: Scenario) {
  const raw = await runRaw(s, { trials: TRIALS, seed: s.simulation.seed, workers: 1 });
  return { raw, result: summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic) };
}
const exactHere = (s: Scenario) => figures(new ExactCache().compute(s).map((p) => p.summary));
/** Exact figures without the time they took. */
const figures = (rulesets: unknown) => JSON.stringify(rulesets, (k, v) => (k === 'milliseconds' ? undefined : v));

interface Harness {
  run: PageRun;
  /** Every change the run announced, with its state at that moment. */
  seen: { kind: ChangeKind; state: RunState; done: number; shown?: Scenario }[];
  measures: { name: string; trials: number }[];
  /** Resolves at the first change after which `ok()` holds. */
  until(ok: () => boolean): Promise<void>;
  show(s: Scenario): void;
}

const open: PageRun[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.dispose();
});

function harness(opts: { factory?: () => WorkerLike; clock?: Partial<RunClock>; stallMs?: number } = {}): Harness {
  const seen: Harness['seen'] = [];
  const measures: Harness['measures'] = [];
  const waiting: { ok: () => boolean; resolve: () => void }[] = [];
  const source: RunSource = { applied: null, model: null, baseline: before.rulesets[0].id, lang: 'en', changedAt: 0 };
  const clock: RunClock = {
    now: () => performance.now(),
    measure: (name, _start, detail) => void measures.push({ name, trials: detail.trials }),
    ...opts.clock,
  };
  const run = new PageRun(
    source,
    (kind) => {
      seen.push({ kind, state: run.state, done: run.done, shown: run.raw?.model.scenario });
      for (const w of waiting.splice(0))
        if (w.ok()) w.resolve();
        else waiting.push(w);
    },
    { pool: new WorkerPool(opts.factory ?? nodeWorkerFactory, 2), exactWorker: nodeExactWorker, clock, stallMs: opts.stallMs },
  );
  open.push(run);
  return {
    run,
    seen,
    measures,
    until: (ok) => (ok() ? Promise.resolve() : new Promise((resolve) => waiting.push({ ok, resolve }))),
    show: (s) => {
      source.applied = s;
      source.model = modelOf(s);
      run.restart(s);
    },
  };
}

/** The run on screen is the clean run of `s`, bit for bit: its trials, its summary, its comparisons. */
async function expectFinished(run: PageRun, s: Scenario) {
  const want = await clean(s);
  expect(run.state).toBe('done');
  expect(run.raw!.model.scenario).toBe(s);
  expect(run.raw!.trials).toBe(TRIALS);
  expect(Buffer.from(run.raw!.data.buffer).equals(Buffer.from(want.raw.data.buffer))).toBe(true);
  expect(JSON.stringify(run.result)).toBe(JSON.stringify(want.result));
  expect(JSON.stringify(run.comparisons)).toBe(JSON.stringify(want.result.comparisons));
}

describe('the workbench’s run (PageRun) on Node’s engine workers', () => {
  it('an edit during a run supersedes it: running until the new run is done, never cancelled; its exact aggregate only', async () => {
    const h = harness();
    h.show(before);
    expect(h.run.state).toBe('running');
    // The edit arrives with the first trials of the first run in, as a keystroke would.
    await h.until(() => h.run.done > 0);
    const doneBefore = h.run.done;
    expect(doneBefore).toBeLessThan(TRIALS);
    const editAt = h.seen.length;
    h.show(after);
    // At once: the results of the last scenario are gone and the state says a run is on its way.
    expect(h.run.state).toBe('running');
    expect(h.run.result).toBeNull();
    await h.until(() => h.run.state === 'done');
    expect(h.seen.map((c) => c.state)).not.toContain('cancelled');
    // From the edit on, every change reads 'running' until the one that says 'done', and shows no trial of the
    // superseded scenario.
    const fromEdit = h.seen.slice(editAt);
    expect(fromEdit.map((c) => c.state)).toEqual([...fromEdit.slice(0, -1).map(() => 'running'), 'done']);
    expect(fromEdit.filter((c) => c.shown && c.shown !== after)).toEqual([]);
    await expectFinished(h.run, after);
    // The exact aggregate is asked for once the run is done, for the scenario on screen (the superseded one never).
    await h.until(() => h.run.exact !== null);
    expect(figures((h.run.exact as { rulesets: unknown }).rulesets)).toBe(exactHere(after));
    expect(h.seen.filter((c) => c.kind === 'exact')).toHaveLength(1);
    expect(h.measures.filter((m) => m.name === 'jingsuan:run')).toEqual([{ name: 'jingsuan:run', trials: TRIALS }]);
  }, 60_000);

  it('the analyst’s cancel stops the run, says cancelled, and asks for the exact aggregate of the scenario on screen', async () => {
    const h = harness();
    h.show(before);
    await h.until(() => h.run.done > 0);
    h.run.cancel();
    await h.until(() => h.run.state === 'cancelled');
    expect(h.run.done).toBeLessThan(TRIALS);
    await h.until(() => h.run.exact !== null);
    expect(h.run.state).toBe('cancelled');
    expect(figures((h.run.exact as { rulesets: unknown }).rulesets)).toBe(exactHere(before));
    expect(h.measures.filter((m) => m.name === 'jingsuan:run')).toEqual([]);
    // The workers kept between runs serve the next one, which is whole.
    h.show(before);
    await h.until(() => h.run.state === 'done');
    await expectFinished(h.run, before);
  }, 60_000);

  it('a run projected to take minutes pauses to ask (confirm), and goes on when the analyst confirms', async () => {
    // The page's clock: ten seconds pass between the run's start and its first chunk (a slow machine), so 200
    // trials project to 10 s / 10 × 200 = 200 s, over the two minutes the page runs without asking.
    let clockMs = 0;
    const h = harness({ clock: { now: () => clockMs } });
    h.show(before);
    await h.until(() => h.run.state === 'running' && h.run.total === TRIALS);
    clockMs = 10_000;
    await h.until(() => h.run.state === 'confirm');
    expect(h.run.message).toBe(
      'This run would take about 4 min here (200 trials). Reduce simulation.trials, or use the command line (jingsuan run).',
    );
    expect(h.run.done).toBe(10);
    // The paused run's end (its cancelled chunks) leaves the question on screen; the exact aggregate comes meanwhile.
    await h.until(() => h.run.exact !== null);
    expect(h.run.state).toBe('confirm');
    expect(h.seen.map((c) => c.state)).not.toContain('cancelled');
    h.run.confirmLong();
    expect(h.run.state).toBe('running');
    await h.until(() => h.run.state === 'done');
    await expectFinished(h.run, before);
    // Confirmed once for the file: an edit's run, as slow, does not ask again.
    clockMs = 0;
    const editAt = h.seen.length;
    h.show(after);
    await h.until(() => h.run.state === 'running' && h.run.done === 0);
    clockMs = 10_000;
    await h.until(() => h.run.state === 'done');
    expect(h.seen.slice(editAt).map((c) => c.state)).not.toContain('confirm');
    await expectFinished(h.run, after);
  }, 60_000);

  it('a worker that stops answering mid-run is replaced; the run ends bit-identical to an undisturbed one', async () => {
    // The worker that computes the run's first block goes silent from then on: a hung worker, never an error.
    // (Whichever it is: which worker a block falls to depends on which starts first, so a worker chosen in
    // advance might finish its one block before the other had started, and never hang.)
    let made = 0;
    let swallowed = 0;
    let hung: number | null = null;
    const hangsOnce = (): WorkerLike => {
      const real = nodeWorkerFactory();
      const index = made++;
      let handler: (m: FromWorker) => void = () => {};
      real.onMessage((m) => {
        if (m.type === 'block' && (hung === null || hung === index)) {
          hung = index;
          return void swallowed++;
        }
        handler(m);
      });
      return { post: (msg) => real.post(msg), onMessage: (h) => (handler = h), terminate: () => real.terminate() };
    };
    // Long enough for a replacement worker to start on a busy machine (the tests run two files at once).
    const h = harness({ factory: hangsOnce, stallMs: 2000 });
    h.show(before);
    await h.until(() => h.run.state !== 'running');
    expect(h.run.message).toBe('');
    expect(swallowed).toBeGreaterThan(0);
    expect(made).toBeGreaterThanOrEqual(3); // two at the start, one in the hung one's place
    await expectFinished(h.run, before);
  }, 60_000);
});
