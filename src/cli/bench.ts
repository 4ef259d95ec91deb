import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  BENCH_SEVERITIES,
  benchScenario,
  claimantKernel,
  drawFloor,
  engineThroughput,
  median,
  QUIET_REFERENCE,
  referenceLoop,
  tailDraws,
  trialMillisecondsBesideReference,
} from '../engine/bench.ts';
import { Worker } from 'node:worker_threads';
import { bundledWorkerScript, nodeWorkerFactory } from '../engine/node-pool.ts';
import type { Scenario } from '../scenario/schema.ts';
import { WASM_AVAILABLE } from '../random/wasm/kernel.ts';
import { runScenario } from '../engine/run.ts';
import { compileModel } from '../engine/model.ts';
import { exactAggregate } from '../aggregate/exact.ts';
import { requireScenario } from '../scenario/validate.ts';
import type { Command } from './command.ts';
import { printExactBench } from './bench-exact.ts';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const mps = (x: number) => `${(x / 1e6).toFixed(1)} M/s`;

/** What the bench's worker sends back (engine/bench-trial-entry.ts), as engine/bench.ts returns it. */
type BesideReference = ReturnType<typeof trialMillisecondsBesideReference>;
type DrawFloor = ReturnType<typeof drawFloor>;
/** Issue #32: a tuned numpy model of Suzhou 2021 (thinned binomial counts, inversion in the tail), per trial. */
const NUMPY_SUZHOU_MS = 1.08;
const loadScale = (refRate: number) => refRate / QUIET_REFERENCE;
const met = (value: number, target: number) => (value <= target ? 'met' : 'NOT met');

/**
 * A scenario's milliseconds per trial in a fresh worker thread that runs nothing else (engine/bench-trial-entry.ts),
 * as each worker of a run computes: "per trial on one worker" of issue #32.
 */
async function inFreshWorker<T>(message: {
  scenario: Scenario;
  trials: number;
  warm: number;
  floor?: boolean;
  chunks?: number;
}): Promise<T> {
  const w = new Worker(bundledWorkerScript(new URL('../engine/bench-trial-entry.ts', import.meta.url)), { eval: true });
  try {
    return await new Promise<T>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage(message);
    });
  } finally {
    await w.terminate();
  }
}
const trialMillisecondsInWorker = (scenario: Scenario, trials: number) => inFreshWorker<number>({ scenario, trials, warm: 2 });
/** engine/bench.ts trialMillisecondsBesideReference in a fresh worker: chunks of trials, each beside the reference loop. */
const besideReferenceInWorker = (scenario: Scenario, chunks: number, chunkTrials: number) =>
  inFreshWorker<BesideReference>({ scenario, trials: chunkTrials, warm: 2, chunks });
/** engine/bench.ts drawFloor, in a fresh worker of its own (its loops would otherwise share the trial's feedback). */
const drawFloorInWorker = (scenario: Scenario) =>
  inFreshWorker<DrawFloor>({
    scenario,
    trials: 0,
    warm: 0,
    floor: true,
  });

async function timedRun(file: string, trials: number, workers: number, shareThisThread = false) {
  const scenario = requireScenario(readFileSync(scenarioPath(file), 'utf8'));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  await runScenario(scenario, { trials, workers, workerFactory: nodeWorkerFactory, shareThisThread });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMB: peak / 2 ** 20 };
}

/**
 * Issue #32's Monte Carlo targets, each beside its measure: per trial on one worker against the tuned numpy
 * model, and wall times of whole runs on all cores (2 here). Every measure is interleaved with the reference loop
 * (median of the runs) and also shown normalised by it (QUIET_REFERENCE).
 */
async function monteCarloTargets(quick: boolean, large: number): Promise<void> {
  const workers = availableParallelism();
  const reps = quick ? 3 : 5;
  const suzhou = requireScenario(readFileSync(scenarioPath('suzhou-2021'), 'utf8'));
  const jilin = requireScenario(readFileSync(scenarioPath('jilin-2017'), 'utf8'));
  const ref: number[] = [];
  const perTrial = { suzhou: [] as number[], jilin: [] as number[] };
  const beside = { suzhou: [] as BesideReference[], jilin: [] as BesideReference[] };
  const floors: DrawFloor[] = [];
  const walls = new Map<string, number[]>();
  const peaks = new Map<string, number>();
  // The third: the first with this thread computing beside workers − 1 workers (engine/run.ts shareThisThread),
  // one worker's start spared, as the command line's `run` computes; the large run likewise.
  const runs: [string, string, number, boolean][] = [
    ['Suzhou 2021, 1,000 trials', 'suzhou-2021', 1000, false],
    ['Jilin 2017, 1,000 trials', 'jilin-2017', 1000, false],
    ['Suzhou 2021, 1,000 trials, this thread sharing', 'suzhou-2021', 1000, true],
  ];
  if (!quick) runs.push([`Suzhou 2021, ${large.toLocaleString('en')} trials`, 'suzhou-2021', large, true]);
  for (let i = 0; i < reps; i++) {
    // Interleaved: each measure sees the same machine load as the reference loop timed beside it.
    ref.push(referenceLoop(quick ? 2_000_000 : 5_000_000)[1]);
    perTrial.suzhou.push(await trialMillisecondsInWorker(suzhou, quick ? 100 : 300));
    perTrial.jilin.push(await trialMillisecondsInWorker(jilin, quick ? 20 : 60));
    beside.suzhou.push(await besideReferenceInWorker(suzhou, quick ? 6 : 10, quick ? 20 : 30));
    beside.jilin.push(await besideReferenceInWorker(jilin, quick ? 6 : 10, 10));
    floors.push(await drawFloorInWorker(suzhou));
    for (const [label, file, trials, share] of runs) {
      if (i > 0 && trials > 1000 && i >= 3) continue; // the large run three times at most
      const r = await timedRun(file, trials, workers, share);
      walls.set(label, [...(walls.get(label) ?? []), r.seconds]);
      peaks.set(label, Math.max(peaks.get(label) ?? 0, r.peakMB));
    }
    ref.push(referenceLoop(quick ? 2_000_000 : 5_000_000)[1]);
  }
  const scale = loadScale(median(ref));
  console.log(
    `\nMonte Carlo (issue #32; medians of ${reps} interleaved runs; reference loop ${mps(median(ref))} now, ${mps(QUIET_REFERENCE)} quiet:`,
  );
  console.log(`  times also given ×${scale.toFixed(2)}, normalised to the quiet machine)`);
  const s = median(perTrial.suzhou);
  const j = median(perTrial.jilin);
  // The target's measure: chunks of trials, each normalised by the reference loop timed just before it in the same
  // worker (engine/bench.ts trialMillisecondsBesideReference); the mean over one block of trials, normalised by this
  // thread's reference loop timed seconds away, is shown beside it as before.
  const sb = median(beside.suzhou.map((b) => b.normalisedMs));
  const jb = median(beside.jilin.map((b) => b.normalisedMs));
  console.log(
    `  Suzhou 2021 per trial, one worker (a fresh worker thread), chunks of trials each beside the reference loop in that worker: ${median(beside.suzhou.map((b) => b.ms)).toFixed(3)} ms at ${mps(median(beside.suzhou.map((b) => b.referenceRate)))}, normalised ${sb.toFixed(3)} ms; numpy ${NUMPY_SUZHOU_MS} ms ÷ it = ${(NUMPY_SUZHOU_MS / sb).toFixed(2)}×   (target ≥ 2×: ${met(2 * sb, NUMPY_SUZHOU_MS)})`,
  );
  console.log(
    `    one block of ${quick ? 100 : 300} trials in a fresh worker: ${s.toFixed(3)} ms (normalised by this thread's reference loop ${(s * scale).toFixed(3)} ms, ${(NUMPY_SUZHOU_MS / (s * scale)).toFixed(2)}× numpy)`,
  );
  // The floor under a trial that draws each claimant (engine/bench.ts drawFloor): its draws × the time per draw.
  const draws = median(floors.map((f) => f.drawsPerTrial));
  const fillNs = median(floors.map((f) => f.fillNs));
  const jsFillNs = median(floors.map((f) => f.jsFillNs));
  const expNs = median(floors.map((f) => f.exponentialNs));
  const ms = (ns: number) => ((draws * ns) / 1e6) * scale;
  console.log(
    `    its ${draws.toFixed(0)} claimants drawn a trial: sorted amounts ${fillNs.toFixed(1)} ns a draw (normalised ${(fillNs * scale).toFixed(1)}; ${WASM_AVAILABLE ? 'WebAssembly kernel' : 'JS loop, no WebAssembly SIMD here'}), ${ms(fillNs).toFixed(3)} ms a trial normalised; the JS loop ${jsFillNs.toFixed(1)} ns (normalised ${(jsFillNs * scale).toFixed(1)}), ${ms(jsFillNs).toFixed(3)} ms;`,
  );
  console.log(
    `    their Exp(1) draws alone in JS (generator and Ziggurat) ${expNs.toFixed(1)} ns (normalised ${(expNs * scale).toFixed(1)}), ${ms(expNs).toFixed(3)} ms a trial normalised; target for the whole trial ${(NUMPY_SUZHOU_MS / 2).toFixed(2)} ms`,
  );
  console.log(
    `  Jilin 2017 per trial, one worker: ${median(beside.jilin.map((b) => b.ms)).toFixed(3)} ms, normalised beside the reference loop ${jb.toFixed(3)} ms; one block in a fresh worker ${j.toFixed(3)} ms (normalised ${(j * scale).toFixed(3)} ms)`,
  );
  const targets: Record<string, number> = {
    'Suzhou 2021, 1,000 trials': 1,
    'Jilin 2017, 1,000 trials': 2,
    'Suzhou 2021, 1,000 trials, this thread sharing': 1,
  };
  targets[`Suzhou 2021, ${large.toLocaleString('en')} trials`] = (3 * large) / 10000;
  for (const [label, file, trials, share] of runs) {
    const w = median(walls.get(label)!);
    console.log(
      `  ${label}, ${share ? `this thread and ${workers - 1} worker(s)` : `${workers} workers`}: ${w.toFixed(2)} s wall (normalised ${(w * scale).toFixed(2)} s), peak RSS ${peaks.get(label)!.toFixed(0)} MB   (target ≤ ${targets[label]} s: ${met(w * scale, targets[label])})`,
    );
    // What the trials alone would take spread evenly over the workers (the per-trial time above); the rest is the
    // run's fixed cost: workers starting (thread, script, model, tables), the first chunk's unoptimised code,
    // messages, the last chunks' imbalance and the summary.
    const perTrialMs = file === 'suzhou-2021' ? s : file === 'jilin-2017' ? j : null;
    if (perTrialMs !== null && trials === 1000) {
      const spread = (trials * perTrialMs) / workers / 1000;
      console.log(
        `    of which the trials spread over ${workers} threads ${spread.toFixed(2)} s, fixed cost ${(w - spread).toFixed(2)} s (normalised ${((w - spread) * scale).toFixed(2)} s)`,
      );
    }
  }
}

export const benchCommand: Command = {
  help: `usage: jingsuan bench [--quick] [--large N]

Prints claimants per second per core for the reference loop (xoshiro128** → Box–Muller → exp → Jiangyin's two
bands) and for the engine on the same model, their ratio (target ≥ 1.6); draws above a deductible for each
severity family against the lognormal's (target ≤ 3×); then the Monte Carlo targets of issue #32, each beside
its measure and normalised by the reference loop timed beside it: Suzhou 2021 per trial on one worker against
a tuned numpy model (≥ 2×; chunks of trials each after the reference loop in the same worker, and the older
block of trials beside this thread's reference loop), wall time and peak memory of Suzhou 2021 at 1,000 (≤ 1 s) and N (default 10,000;
≤ 3 s) trials and Jilin 2017 at 1,000 (≤ 2 s) on all cores, each 1,000-trial run split into the trials' share
and the fixed cost, and Suzhou at 1,000 again with this thread computing beside one worker fewer; and the exact aggregate (FFT) of each shipped
scenario beside a 1,000-trial Monte Carlo run of it.
  --quick    smaller samples and skip the large run`,
  options: { quick: { type: 'boolean' }, large: { type: 'string' } },
  async run(values) {
    const quick = values.quick === true;
    const n = quick ? 2_000_000 : 10_000_000;
    const jiangyin = requireScenario(readFileSync(scenarioPath('jiangyin-2020'), 'utf8'));
    const ruleset = jiangyin.rulesets[0];
    const reps = quick ? 3 : 5;
    const ref: number[] = [];
    const kernel: number[] = [];
    const engine: number[] = [];
    let share = 0;
    const model = benchScenario(jiangyin);
    for (let i = 0; i < reps; i++) {
      // Interleaved, so both see the same machine load.
      ref.push(referenceLoop(n)[1]);
      kernel.push(claimantKernel(ruleset, n)[1]);
      const e = engineThroughput(model, quick ? 4 : 10);
      engine.push(e.claimantsPerSecond);
      share = e.sampledShare;
    }
    const r = median(ref);
    const k = median(kernel);
    const e = median(engine);
    console.log('claimants per second per core (median of %d interleaved runs)', reps);
    console.log(`  reference loop (Box–Muller, exp for every draw)   ${mps(r)}`);
    console.log(`  engine claimant kernel (Ziggurat, no exp below)   ${mps(k)}   ratio ${(k / r).toFixed(2)}`);
    console.log(`  engine, full model (tail sampled, ${(share * 100).toFixed(1)}% drawn;`);
    console.log(`    records, person-times, burden totals)           ${mps(e)}   ratio ${(e / r).toFixed(2)}   (target ≥ 1.6)`);
    // Draws above a deductible for each family, interleaved with the lognormal's (docs/model.md "Performance": within 3× of it).
    const perFamily = BENCH_SEVERITIES.map(([name]) => ({ name, rates: [] as number[], ratios: [] as number[] }));
    for (let i = 0; i < reps; i++) {
      const base = tailDraws(BENCH_SEVERITIES[0][1], 18000);
      BENCH_SEVERITIES.forEach(([, spec], f) => {
        const rate = f === 0 ? base : tailDraws(spec, 18000);
        perFamily[f].rates.push(rate);
        perFamily[f].ratios.push(base / rate);
      });
    }
    console.log('\ndraws above a deductible of 18,000 (sorted batches of 20,000, as the engine draws them), per core:');
    for (const f of perFamily)
      console.log(
        `  ${f.name.padEnd(12)} ${mps(median(f.rates)).padStart(10)}   time per draw ${median(f.ratios).toFixed(2)}× the lognormal's   (target ≤ 3×)`,
      );
    await monteCarloTargets(quick, Number(values.large ?? 10000));
    const workers = availableParallelism();
    console.log('\nexact aggregate (FFT, 2^12–2^16 points, parameter risk mixed) beside Monte Carlo (1,000 trials, all cores):');
    for (const name of ['suzhou-2021', 'jiangyin-2020', 'jilin-2017', 'compare-regions']) {
      const scenario = requireScenario(readFileSync(scenarioPath(name), 'utf8'));
      const t0 = performance.now();
      const exact = exactAggregate(compileModel(scenario));
      const fftMs = performance.now() - t0;
      const mc = await timedRun(name, 1000, workers);
      const perRuleset = exact.map((r) => r.milliseconds.toFixed(0)).join(' / ');
      console.log(
        `  ${name.padEnd(16)} exact ${(fftMs / 1000).toFixed(2)} s (per ruleset ${perRuleset} ms)   Monte Carlo ${mc.seconds.toFixed(2)} s`,
      );
    }
    printExactBench(quick);
    return 0;
  },
};
