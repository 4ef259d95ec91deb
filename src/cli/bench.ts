import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCH_SEVERITIES, benchScenario, claimantKernel, engineThroughput, referenceLoop, tailDraws } from '../engine/bench.ts';
import { nodeWorkerFactory } from '../engine/node-pool.ts';
import { runScenario } from '../engine/run.ts';
import { compileModel } from '../engine/model.ts';
import { exactAggregate } from '../aggregate/exact.ts';
import { requireScenario } from '../scenario/validate.ts';
import type { Command } from './command.ts';
import { printExactBench } from './bench-exact.ts';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mps = (x: number) => `${(x / 1e6).toFixed(1)} M/s`;

async function timedRun(file: string, trials: number, workers: number) {
  const scenario = requireScenario(readFileSync(scenarioPath(file), 'utf8'));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  await runScenario(scenario, { trials, workers, workerFactory: nodeWorkerFactory });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMB: peak / 2 ** 20 };
}

export const benchCommand: Command = {
  help: `usage: jingsuan bench [--quick] [--large N]

Prints claimants per second per core for the reference loop (xoshiro128** → Box–Muller → exp → Jiangyin's two
bands) and for the engine on the same model, their ratio (target ≥ 1.6); draws above a deductible for each
severity family against the lognormal's (target ≤ 3×); then wall time and peak memory of the
Suzhou 2021 scenario at 1,000 and N (default 10,000) trials on all cores, and the exact aggregate (FFT) of each
shipped scenario beside a 1,000-trial Monte Carlo run of it.
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
    const workers = availableParallelism();
    const small = await timedRun('suzhou-2021', 1000, workers);
    console.log(`\nSuzhou 2021 (1.75 M insured, 3 rulesets), ${workers} workers:`);
    console.log(`  1,000 trials: ${small.seconds.toFixed(2)} s wall, peak RSS ${small.peakMB.toFixed(0)} MB   (target ≤ 1 s)`);
    if (!quick) {
      const large = Number(values.large ?? 10000);
      const big = await timedRun('suzhou-2021', large, workers);
      console.log(
        `  ${large.toLocaleString('en')} trials: ${big.seconds.toFixed(2)} s wall, peak RSS ${big.peakMB.toFixed(0)} MB   (target ≤ 10 s, < 300 MB)`,
      );
    }
    console.log('\nexact aggregate (FFT, 2^14–2^16 points, parameter risk mixed) beside Monte Carlo (1,000 trials, all cores):');
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
