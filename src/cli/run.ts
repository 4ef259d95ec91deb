import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { nodeWorkerFactory } from '../engine/node-pool.ts';
import { runRaw, RunTooLargeError, type RawRun } from '../engine/run.ts';
import { summarize } from '../engine/summary.ts';
import type { RunResult } from '../engine/summary.ts';
import { householdRun, withHousehold, type HouseholdRun } from '../engine/household-sample.ts';
import { householdTextTables } from '../report/household-report.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BriefingStyleName } from '../report/briefing-style.ts';
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
import { intFlag, langFlag, LANG_UNIT_OPTIONS, unitFlag } from './flags.ts';
import { t as say, type Lang } from '../report/strings.ts';
import { populationWords } from '../report/scenario-names.ts';
import type { Unit } from '../report/format.ts';
import { loadScenario, prepareOutDir, UsageError } from './io.ts';

export const runCommand: Command = {
  help: `usage: jingsuan run FILE [--trials N] [--seed S] [--workers K] [--years N] [--lang zh|en] [--unit wanyuan|yuan] [--json] [--out DIR]

Runs every population through every ruleset on the same sampled people.
  --trials N    trials (default: the scenario's simulation.trials)
  --seed S      seed (default: the scenario's simulation.seed); same seed ⇒ same numbers, any --workers
  --workers K   worker threads (default: the number of cores)
  --years N     N years (1–10) along the scenario's trend (simulation.trend): payout, loss ratio and the fund's
                cumulative corridor result year by year; the JSON gains "years"
  --lang zh|en  tables in Chinese or English (default: the locale, zh* → zh, else en)
  --unit U      money totals in wanyuan (万元, default) or yuan (元); --json and the CSV files are always yuan
  --json        print the result object (amounts in yuan as numbers)
  --out DIR     write result.json, CSV tables, SVG/PNG charts, report.md, report.docx and
                report.xlsx (every table and chart's data, for Excel and WPS) into DIR
  --style S     report.docx's layout: gongwen (default; GB/T 9704 公文: A4, 37/35/28/26 mm margins, 仿宋 三号,
                黑体/楷体 headings, page numbers "— 1 —") or plain`,
  options: {
    trials: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    years: { type: 'string' },
    ...LANG_UNIT_OPTIONS,
    json: { type: 'boolean' },
    out: { type: 'string' },
    style: { type: 'string' },
  },
  async run(values, [file]) {
    const scenario = loadScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out) : undefined;
    const trials = intFlag('trials', values.trials, 1, LIMITS.trials) ?? scenario.simulation.trials;
    const workers = intFlag('workers', values.workers, 1, 64) ?? availableParallelism();
    const seed = (values.seed as string | undefined) ?? scenario.simulation.seed;
    // Every flag is checked before the simulation: a mistyped --years is refused at once, not after the run.
    const nYears = intFlag('years', values.years, 1, MAX_YEARS);
    const style = briefingStyleFlag(values.style as string | undefined);
    const text = { lang: langFlag(values.lang), unit: unitFlag(values.unit) };
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
        // The command line has nothing else to do while the run lasts: this thread computes beside workers − 1
        // workers and spares one worker's start (engine/run.ts); the numbers are the same for any split.
        shareThisThread: true,
        onProgress: tty ? (done, total) => process.stderr.write(`\r${done}/${total} trials`) : undefined,
      });
    } catch (err) {
      if (err instanceof RunTooLargeError) throw new UsageError(err.message, 1);
      throw err;
    }
    if (tty) process.stderr.write('\r' + ' '.repeat(30) + '\r');
    // The household indicators come from their own sample of members, not from the trials (engine/household.ts).
    const firstHousehold = householdRun(raw.model, raw.seed);
    const result = withHousehold(summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic), firstHousehold);
    // Year 1 is the run above; later years follow the trend (the same seed gives the same year 1).
    const years =
      nYears && nYears > 1
        ? (await runYears(scenario, nYears, { trials, seed, workers, workerFactory: nodeWorkerFactory, firstHousehold }, raw)).years
        : null;
    const seconds = (performance.now() - started) / 1000;
    if (outDir) await writeOut(outDir, scenario, result, raw, years, style, firstHousehold);
    if (values.json) {
      console.log(JSON.stringify(years ? { ...result, years } : result, null, 2));
      return 0;
    }
    printText(scenario, result, seconds, workers, text, firstHousehold);
    if (years) {
      const t = yearsTable(years);
      console.log(t.title[text.lang]);
      console.log(toText(t, text.unit, text.lang));
    }
    if (values.out) console.log(`\nwrote ${values.out}/: result.json, *.csv, charts, report.md, report.docx, report.xlsx`);
    return 0;
  },
};

function printText(
  s: Scenario,
  r: RunResult,
  seconds: number,
  workers: number,
  { lang, unit }: { lang: Lang; unit: Unit },
  household: HouseholdRun,
) {
  console.log(s.title[lang]);
  console.log(`${say('runHeadline', lang, r.trials, String(r.seed), workers, seconds.toFixed(1))}\n`);
  // Populations and groups by their titles in the table's language (职工, Employees); rulesets keep their ids, the
  // handle --param and sweep take back. The CSV files (writeOut) keep every id.
  const names = populationWords(s);
  // The risk split is printed where a fitted severity's parameters were drawn (its fit part is the news); the
  // process/parameter split alone stays in --json and report.md as before.
  const risk = hasFitPart(r) ? [riskTable(r)] : [];
  for (const t of [
    indicatorTable(r),
    fundingTable(r.rulesets, names),
    insurerTable(r.rulesets),
    populationTable(r, names),
    comparisonTable(r),
    // The household figures with their 95% intervals, and each proposal's paired difference (engine/household-sample.ts).
    ...householdTextTables(household, s, lang, unit),
    ...risk,
    targetTable(r, lang, names),
  ]) {
    if (!t.rows.length) continue;
    console.log(t.title[lang]);
    console.log(toText(t, unit, lang));
    console.log('');
  }
  for (const w of r.warnings ?? []) console.log(`warning: ${w}`);
}

/** --style: the briefing's layout (report/briefing-style.ts), checked before the run. */
function briefingStyleFlag(v: string | undefined): BriefingStyleName {
  if (v === undefined) return 'gongwen';
  if (v === 'gongwen' || v === 'plain') return v;
  throw new UsageError(`--style: "${v}" is not a layout; give gongwen (公文, the default) or plain`);
}

async function writeOut(
  dir: string,
  scenario: Scenario,
  result: RunResult,
  raw: RawRun,
  years: YearResult[] | null,
  style: BriefingStyleName,
  household: HouseholdRun,
) {
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
  const { pngsOf, svgOf } = await import('../report/node-render.ts');
  const { chartCsv, svgSize } = await import('../report/charts/standalone.ts');
  const { typicalCaseChart } = await import('../report/typical-default.ts');
  const charts = await writeCharts(dir, scenario, raw, result);
  writeFileSync(join(dir, 'report.md'), markdownReport(scenario, result, charts));
  // The briefing for Word (in Chinese, amounts in 万元): the same tables and charts, the years when run; the file
  // is as read (no edits), so the briefing quotes its description as the file's own words.
  // The typical case (典型病例, report/typical-default.ts): its waterfall as the other charts, and in the briefing.
  const typical = typicalCaseChart(scenario, 'zh');
  let typicalChart = null;
  if (typical) {
    const svg = svgOf(typical.spec);
    const [png] = await pngsOf([svg], 2);
    writeFileSync(join(dir, 'typical-case.svg'), svg);
    writeFileSync(join(dir, 'typical-case.png'), png);
    writeFileSync(join(dir, 'typical-case.csv'), chartCsv(typical.spec));
    typicalChart = { title: typical.spec.title, png, ...svgSize(svg) };
  }
  const { briefingDocx } = await import('../report/briefing.ts');
  writeFileSync(
    join(dir, 'report.docx'),
    await briefingDocx({ scenario, result, charts, lang: 'zh', years, style, household, typicalChart }),
  );
  // The workbook for Excel and WPS (in Chinese, money in 元 to the fen as result.json): every table, every
  // chart's data, the assumptions.
  const { reportWorkbook } = await import('../report/workbook.ts');
  writeFileSync(
    join(dir, 'report.xlsx'),
    reportWorkbook({ scenario, result, years, charts: charts.map((c) => c.spec), lang: 'zh', version: packageVersion(), household }),
  );
}

/** The package's version (package.json), said in the workbook. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}
