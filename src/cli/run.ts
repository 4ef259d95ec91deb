import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { nodeWorkerFactory } from '../engine/node-pool.ts';
import { runRaw, RunTooLargeError, type RawRun } from '../engine/run.ts';
import { summarize } from '../engine/summary.ts';
import type { RunResult } from '../engine/summary.ts';
import { householdRun, withHousehold } from '../engine/household-sample.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Scenario } from '../scenario/schema.ts';
import { markdownReport } from '../report/markdown.ts';
import {
  comparisonTable,
  fundingTable,
  insurerTable,
  hasFitPart,
  indicatorTable,
  populationTable,
  riskTable,
  targetTable,
  targetValuesTable,
  toCsv,
  toText,
  yearsTable,
} from '../report/tables.ts';
import { checkYearsSize, MAX_YEARS, runYears, type YearResult } from '../engine/years.ts';
import type { Command } from './command.ts';
import { intFlag } from './flags.ts';
import { loadScenario, prepareOutDir, UsageError } from './io.ts';

export const runCommand: Command = {
  help: `usage: jingsuan run FILE [--trials N] [--seed S] [--workers K] [--years N] [--json] [--out DIR]

Runs every population through every ruleset on the same sampled people.
  --trials N    trials (default: the scenario's simulation.trials)
  --seed S      seed (default: the scenario's simulation.seed); same seed ⇒ same numbers, any --workers
  --workers K   worker threads (default: the number of cores)
  --years N     N years (1–10) along the scenario's trend (simulation.trend): payout, loss ratio and the fund's
                cumulative corridor result year by year; the JSON gains "years"
  --json        print the result object (amounts in yuan as numbers)
  --out DIR     write result.json, CSV tables, SVG/PNG charts and report.md into DIR`,
  options: {
    trials: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    years: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, [file]) {
    const scenario = loadScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out) : undefined;
    const trials = intFlag('trials', values.trials, 1, LIMITS.trials) ?? scenario.simulation.trials;
    const workers = intFlag('workers', values.workers, 1, 64) ?? availableParallelism();
    const seed = (values.seed as string | undefined) ?? scenario.simulation.seed;
    // Every flag is checked before the simulation: a mistyped --years is refused at once, not after the run.
    const nYears = intFlag('years', values.years, 1, MAX_YEARS);
    const tty = process.stderr.isTTY && !values.json;
    const started = performance.now();
    let raw;
    try {
      if (nYears && nYears > 1) checkYearsSize(scenario, nYears, trials, workers);
      raw = await runRaw(scenario, {
        trials,
        seed,
        workers,
        workerFactory: nodeWorkerFactory,
        onProgress: tty ? (done, total) => process.stderr.write(`\r${done}/${total} trials`) : undefined,
      });
    } catch (err) {
      if (err instanceof RunTooLargeError) throw new UsageError(err.message, 1);
      throw err;
    }
    if (tty) process.stderr.write('\r' + ' '.repeat(30) + '\r');
    // The household indicators come from their own sample of members, not from the trials (engine/household.ts).
    const result = withHousehold(summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic), householdRun(raw.model, raw.seed));
    // Year 1 is the run above; later years follow the trend (the same seed gives the same year 1).
    const years =
      nYears && nYears > 1
        ? (await runYears(scenario, nYears, { trials, seed, workers, workerFactory: nodeWorkerFactory }, raw)).years
        : null;
    const seconds = (performance.now() - started) / 1000;
    if (outDir) await writeOut(outDir, scenario, result, raw, years);
    if (values.json) {
      console.log(JSON.stringify(years ? { ...result, years } : result, null, 2));
      return 0;
    }
    printText(scenario, result, seconds, workers);
    if (years) {
      const t = yearsTable(years);
      console.log(`${t.title.zh} · ${t.title.en}`);
      console.log(toText(t));
    }
    if (values.out) console.log(`\nwrote ${values.out}/: result.json, *.csv, charts, report.md, report.docx`);
    return 0;
  },
};

function printText(s: Scenario, r: RunResult, seconds: number, workers: number) {
  console.log(`${s.title.zh} · ${s.title.en}`);
  console.log(`${r.trials} trials, seed ${r.seed}, ${workers} worker(s), ${seconds.toFixed(1)} s\n`);
  // The risk split is printed where a fitted severity's parameters were drawn (its fit part is the news); the
  // process/parameter split alone stays in --json and report.md as before.
  const risk = hasFitPart(r) ? [riskTable(r)] : [];
  for (const t of [
    indicatorTable(r),
    fundingTable(r.rulesets),
    insurerTable(r.rulesets),
    populationTable(r),
    comparisonTable(r),
    ...risk,
    targetTable(r),
  ]) {
    if (!t.rows.length) continue;
    console.log(`${t.title.zh} · ${t.title.en}`);
    console.log(toText(t));
    console.log('');
  }
  for (const w of r.warnings ?? []) console.log(`warning: ${w}`);
}

async function writeOut(dir: string, scenario: Scenario, result: RunResult, raw: RawRun, years: YearResult[] | null) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'result.json'), JSON.stringify(years ? { ...result, years } : result, null, 2) + '\n');
  if (years) writeFileSync(join(dir, 'years.csv'), toCsv(yearsTable(years)));
  for (const t of [
    indicatorTable(result),
    fundingTable(result.rulesets),
    insurerTable(result.rulesets),
    populationTable(result),
    comparisonTable(result),
    targetValuesTable(result),
  ])
    writeFileSync(join(dir, `${t.id}.csv`), toCsv(t));
  // Chart rendering (jsdom, resvg) is loaded only when files are written.
  const { writeCharts } = await import('./charts.ts');
  const charts = await writeCharts(dir, scenario, raw, result);
  writeFileSync(join(dir, 'report.md'), markdownReport(scenario, result, charts));
  // The briefing for Word (in Chinese, amounts in 万元): the same tables and charts.
  const { briefingDocx } = await import('../report/briefing.ts');
  writeFileSync(join(dir, 'report.docx'), await briefingDocx({ scenario, result, charts, lang: 'zh' }));
}
