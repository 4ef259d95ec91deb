import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate } from '../analysis/calibrate.ts';
import { analyticOfRuleset, ANALYTIC_METRICS, isAnalytic, isMetric, RUN_METRICS, type MetricName } from '../analysis/metrics.ts';
import { parsePath, rulesetParamPath } from '../analysis/path.ts';
import { migrate } from '../scenario/migrate.ts';
import type { Ruleset } from '../scenario/schema.ts';
import { solve } from '../analysis/solve.ts';
import { sweep } from '../analysis/sweep.ts';
import { csvOf } from '../report/columns.ts';
import { formatAmount, formatCount, formatPercent, formatYuan, textTable, unitText, type Unit } from '../report/format.ts';
import { fieldName } from '../report/field-names.ts';
import { metricDef, metricLabel, metricWhy } from '../engine/metrics.ts';
import { t, type Lang } from '../report/strings.ts';
import { isShareParam } from '../analysis/solve.ts';
import { isIndexedSharePath } from '../scenario/edit.ts';
import type { Command } from './command.ts';
import { intFlag, langFlag, LANG_UNIT_OPTIONS, requiredNumber, unitFlag } from './flags.ts';
import { findRuleset, loadScenario, prepareOutDir, prepareOutFile, readBounded, UsageError, writeTextAtomic } from './io.ts';
import { LIMITS } from '../scenario/limits.ts';
import { parseJsonText } from '../scenario/untrusted.ts';

const METRICS_HELP = `${ANALYTIC_METRICS.join(', ')} (analytic); ${RUN_METRICS.filter((m) => !isAnalytic(m)).join(', ')} (Monte Carlo)`;

function path(flag: string, v: unknown) {
  if (typeof v !== 'string') throw new UsageError(`${flag} is required, e.g. tracks[0].deductible`);
  try {
    return parsePath(v);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}
/** --param inside the ruleset, schema-2 spellings mapped (analysis/path.ts, rulesetParamPath). */
function paramPath(r: Ruleset, v: unknown) {
  try {
    return rulesetParamPath(r, path('--param', v));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--param: ${(err as Error).message}`);
  }
}
function metric(v: string): MetricName {
  if (!isMetric(v) || !RUN_METRICS.includes(v)) throw new UsageError(`unknown metric "${v}" (one of: ${METRICS_HELP})`);
  return v;
}
const trialsFlag = (v: unknown) => intFlag('trials', v, 1, LIMITS.trials) ?? 200;

/**
 * A metric's value as these commands print it: a total in the --unit chosen (万元 by default, as `expect` and
 * `run` print; 元 to the fen), rates as %, people whole; "cannot compute" where it has no value (issue #31).
 */
function metricText(unit: 'money' | 'ratio' | 'count', v: number, money: Unit, lang: Lang): string {
  if (!Number.isFinite(v)) return lang === 'zh' ? '无法计算' : 'cannot compute';
  if (unit === 'money') return `${formatAmount(v, money, 2)} ${unitText(money, lang)}`;
  if (unit === 'ratio') return formatPercent(v, 2);
  return formatCount(v);
}
/** A per-person amount (a deductible, a band's bound) in yuan to the fen, whatever the unit of totals. */
const yuanText = (v: number, lang: Lang) => (lang === 'zh' ? formatYuan(v) : formatYuan(v).replace(/ 元$/, ' yuan'));
/** The swept or solved parameter by its name on screen ("江阴 2020 大病保险 · 起付标准"), its path after it. */
function paramName(s: { rulesets: readonly unknown[] }, r: Ruleset, param: string, lang: Lang): string {
  const name = fieldName(`rulesets[${s.rulesets.indexOf(r)}].${param}`, s, lang);
  return name && name !== param ? `${name} (${param})` : param;
}

/** A target's value: a rate as 0.95 or 95%; a rate above 10 is taken for a percentage written without its sign. */
function targetValue(m: MetricName, text: string): number {
  const ratio = metricDef(m).unit === 'ratio';
  const percent = /%$/.test(text.trim());
  if (percent && !ratio) throw new UsageError(`--target: ${m} is not a rate; give its value without "%"`);
  const v = requiredNumber('target value', percent ? text.trim().slice(0, -1) : text);
  if (ratio && !percent && Math.abs(v) > 10)
    throw new UsageError(
      `--target: ${m}=${text} reads as ${v * 100}%; write a rate as a fraction or with its sign, e.g. ${m}=${v / 100} or ${m}=${v}%`,
    );
  return percent ? v / 100 : v;
}
/** The file as written (so solved values keep their neighbours' provenance), brought to the current schema. */
const rawOf = (file: string) => {
  const r = readBounded(file, LIMITS.fileBytes);
  if ('error' in r) throw new UsageError(r.error, 1);
  return migrate(parseJsonText(r.text).data).data;
};

export const calibrateCommand: Command = {
  help: `usage: jingsuan calibrate FILE [--out FILE2] [--dry-run] [--trials N] [--lang zh|en] [--unit wanyuan|yuan] [--json]

Fits each population that has targets (compensation, beneficiaries, burden-reduction rate, person-times) under
the baseline ruleset: severity parameters by Nelder–Mead on the analytic engine, records per claimant by Monte
Carlo, then confirms with a Monte Carlo run and prints modelled vs target. The fitted file is written back to
FILE (or FILE2), each fitted value's provenance saying how it was calibrated.
  --lang zh|en         the tables in Chinese or English (default: the locale, zh* → zh, else en)
  --unit wanyuan|yuan  money totals in 万元 (default) or 元 (--json: yuan)`,
  options: {
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
    trials: { type: 'string' },
    ...LANG_UNIT_OPTIONS,
    json: { type: 'boolean' },
  },
  async run(values, [file]) {
    loadScenario(file);
    const trials = trialsFlag(values.trials);
    const lang = langFlag(values.lang);
    const money = unitFlag(values.unit);
    const target = values['dry-run']
      ? null
      : prepareOutFile(values.out !== undefined ? '--out' : 'FILE', (values.out as string | undefined) ?? file!);
    const c = await calibrate(rawOf(file!), { trials });
    // A file is never rewritten from a calibration that could not compute its fit.
    const broken = [...c.fitted.map((f) => f.value), ...c.report.map((r) => r.modelled)].some((v) => !Number.isFinite(v));
    if (broken) throw new UsageError('calibrate: the fit did not reach finite values; nothing was written', 1);
    if (target) writeTextAtomic(target, JSON.stringify(c.scenario, null, 2) + '\n');
    if (values.json) {
      console.log(
        JSON.stringify(
          { fitted: c.fitted, report: c.report, trials: c.trials, written: target ? ((values.out as string | undefined) ?? file!) : null },
          null,
          2,
        ),
      );
      return 0;
    }
    const zh = lang === 'zh';
    const scenario = loadScenario(file);
    console.log(
      textTable(
        zh ? ['参数', '原值', '校准值'] : ['parameter', 'was', 'fitted'],
        c.fitted.map((f) => [
          // The fit names its paths with dotted indices (populations.0.severity.alpha); the field's name wants brackets.
          `${fieldName(f.path.replace(/\.(\d+)(?=\.|$)/g, '[$1]'), scenario, lang)} (${f.path})`,
          String(+f.previous.toPrecision(6)),
          String(+f.value.toPrecision(6)),
        ]),
      ),
    );
    console.log(zh ? `\n拟合优度（蒙特卡洛，${c.trials} 次试验）：` : `\ngoodness of fit (Monte Carlo, ${c.trials} trials):`);
    const pops = new Map(scenario.populations.map((p) => [p.id, p.title?.[lang] ?? p.id]));
    console.log(
      textTable(
        zh ? ['人群', '指标', '目标', '模型', '相对误差'] : ['population', 'metric', 'target', 'modelled', 'rel. error'],
        c.report.map((r) => [
          pops.get(r.population) ?? r.population,
          metricLabel(r.metric, lang),
          metricText(metricDef(r.metric as MetricName).unit, r.target, money, lang),
          metricText(metricDef(r.metric as MetricName).unit, r.modelled, money, lang),
          `${(r.relativeError * 100).toFixed(2)}%`,
        ]),
      ),
    );
    if (!values['dry-run']) console.log(zh ? `\n已写入 ${target}` : `\nwrote ${target}`);
    return 0;
  },
};

export const solveCommand: Command = {
  help: `usage: jingsuan solve FILE --ruleset ID --param PATH --target METRIC=VALUE [--trials N] [--seed S] [--unit wanyuan|yuan] [--json] [--out FILE2]

PATH is inside the ruleset: tracks[0].deductible, tracks[0].bands[1].ratio, funding.channels[0].perInsured, cap …
(funding.perInsured names the one per-insured channel that funds every population, where there is one)
METRIC: ${METRICS_HELP}.
Prints the solution with the metric's Monte Carlo mean and 95% interval there; --out writes the solved scenario.
--unit: a money metric's totals in 万元 (wanyuan, default) or 元 (yuan); the solved amount itself reads in yuan.`,
  options: {
    ruleset: { type: 'string' },
    param: { type: 'string' },
    target: { type: 'string' },
    trials: { type: 'string' },
    seed: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, [file]) {
    const money = unitFlag(values.unit);
    const s = loadScenario(file);
    const r = findRuleset(s, values.ruleset as string | undefined);
    const p = paramPath(r, values.param);
    const outFile = values.out !== undefined ? prepareOutFile('--out', values.out) : undefined;
    const m = /^(\w+)=(.+)$/.exec(String(values.target ?? ''));
    if (!m) throw new UsageError('--target must be METRIC=VALUE, e.g. lossRatio=0.95');
    let res;
    try {
      res = await solve(rawOf(file!), r.id, p, metric(m[1]), targetValue(metric(m[1]), m[2]), {
        trials: trialsFlag(values.trials),
        seed: values.seed as string | undefined,
      });
    } catch (err) {
      throw new UsageError((err as Error).message, 1);
    }
    if (outFile && res.value !== null) writeTextAtomic(outFile, JSON.stringify(res.scenario, null, 2) + '\n');
    const { scenario: _s, ...out } = res;
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return res.value === null ? 1 : 0;
    }
    if (res.value === null) {
      // A ratio to a premium of 0, with a parameter that does not set the premium: no value can give it, and why.
      const premium = analyticOfRuleset(s, s.rulesets.indexOf(r)).premium;
      const why = p[0] !== 'funding' ? metricWhy(res.metric as MetricName, premium) : null;
      console.log(
        why
          ? `no value of ${values.param} gives ${res.metric} = ${res.target}: the ruleset has ${t('noPremium', 'en')} ${t('noPremium', 'zh')}, so no loss ratio at any value`
          : `no value of ${values.param} gives ${res.metric} = ${res.target} (searched from 0 upward)`,
      );
      return 1;
    }
    // The solved value as it is written: a share as a percentage, an amount in yuan to the fen.
    const share = isShareParam(p, res.previous);
    const param = (v: number) => (share ? formatPercent(v, 4) : formatYuan(Math.round(v * 100) / 100));
    const unit = metricDef(res.metric).unit;
    const show = (v: number) => metricText(unit, v, money, 'en');
    console.log(`${r.id}: ${values.param} = ${param(res.value)} (was ${param(res.previous)}) gives ${res.metric} = ${show(res.target)}`);
    if (res.otherValues?.length)
      console.log(
        `  also at ${res.otherValues.map(param).join(', ')} (${res.metric} is not monotone in ${values.param}; the value nearest the present one is taken)`,
      );
    if (res.analytic !== null) console.log(`  analytic: ${show(res.analytic)}`);
    if (res.monteCarlo)
      console.log(
        `  Monte Carlo (${res.monteCarlo.trials.toLocaleString('en')} trials): ${show(res.monteCarlo.value)}${Number.isFinite(res.monteCarlo.lo95) ? `, 95% interval ${show(res.monteCarlo.lo95)} … ${show(res.monteCarlo.hi95)}` : ''}`,
      );
    return 0;
  },
};

export const sweepCommand: Command = {
  help: `usage: jingsuan sweep FILE --ruleset ID --param PATH --from A --to B [--steps N] [--metric M]... [--trials N] [--lang zh|en] [--unit wanyuan|yuan] [--json] [--out DIR]

METRIC (repeatable; default payout and lossRatio): ${METRICS_HELP}.
--out DIR writes sweep.csv and a chart per metric (SVG and PNG).
--lang zh|en: the table in Chinese or English (default: the locale, zh* → zh, else en).
--unit wanyuan|yuan: money totals in 万元 (default) or 元; the swept amount reads in yuan; --json and CSV: yuan.`,
  options: {
    ruleset: { type: 'string' },
    param: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    steps: { type: 'string' },
    metric: { type: 'string', multiple: true },
    trials: { type: 'string' },
    ...LANG_UNIT_OPTIONS,
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, [file]) {
    const lang = langFlag(values.lang);
    const money = unitFlag(values.unit);
    const s = loadScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out) : undefined;
    const r = findRuleset(s, values.ruleset as string | undefined);
    const p = paramPath(r, values.param);
    const metrics = ((values.metric as string[] | undefined) ?? ['payout', 'lossRatio']).map(metric);
    const steps = intFlag('steps', values.steps, 1, 1000) ?? 21;
    const from = requiredNumber('from', values.from);
    const to = requiredNumber('to', values.to);
    let rows;
    try {
      rows = await sweep(rawOf(file!), r.id, p, from, to, steps, metrics, {
        trials: trialsFlag(values.trials),
      });
    } catch (err) {
      throw new UsageError((err as Error).message, 1);
    }
    if (outDir) {
      const { sensitivityChart } = await import('../report/charts/charts.ts');
      const { footnoteFor } = await import('../report/charts/all.ts');
      const { chartCsv } = await import('../report/charts/standalone.ts');
      const { pngsOf, svgOf } = await import('../report/node-render.ts');
      const dir = outDir;
      const points = rows.map((row) => ({ ...row, ruleset: r.id, current: false }));
      const ctx = { lang: 'zh' as const, unit: 'wan' as const, rulesets: [r.id], footnote: footnoteFor(s, 'zh'), width: 640 };
      // A metric with no value at any point (a loss ratio without premium) has nothing to draw: no chart.
      const drawn = metrics.filter((m) => rows.some((row) => Number.isFinite(row[m])));
      const specs = drawn.map((m) => ({ ...sensitivityChart(points, `${r.id} · ${String(values.param)}`, ctx, m), id: `sweep-${m}` }));
      const svgs = specs.map(svgOf);
      const pngs = await pngsOf(svgs);
      specs.forEach((spec, i) => {
        writeFileSync(join(dir, `${spec.id}.svg`), svgs[i]);
        writeFileSync(join(dir, `${spec.id}.png`), pngs[i]);
        writeFileSync(join(dir, `${spec.id}.csv`), chartCsv(spec));
      });
      writeFileSync(
        join(dir, 'sweep.csv'),
        csvOf(
          ['x', ...metrics],
          rows.map((row) => [row.x, ...metrics.map((m) => row[m])]),
        ),
      );
    }
    if (values.json) {
      console.log(JSON.stringify({ ruleset: r.id, param: values.param, rows }, null, 2));
      return 0;
    }
    // A metric that cannot be computed at a point (no analytic value) reads "cannot compute", not NaN; a ratio to
    // a premium of 0 that the swept parameter does not set reads "no premium" (无保费).
    const premium = analyticOfRuleset(s, s.rulesets.indexOf(r)).premium;
    const noPremium = (m: MetricName) => p[0] !== 'funding' && metricWhy(m, premium) !== null;
    // An indexed deductible's share of an income figure reads as a percentage above 100% too (twice the income: 200%).
    const share = isIndexedSharePath(p) || (isShareParam(p, rows[0]?.x ?? 0) && rows.every((row) => row.x <= 1));
    console.log(
      textTable(
        [paramName(s, r, String(values.param), lang), ...metrics.map((m) => metricLabel(m, lang))],
        rows.map((row) => [
          share ? formatPercent(row.x, 2) : yuanText(row.x, lang),
          ...metrics.map((m) => (noPremium(m) ? t('noPremium', lang) : metricText(metricDef(m).unit, row[m], money, lang))),
        ]),
      ),
    );
    return 0;
  },
};
