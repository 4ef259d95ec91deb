import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate } from '../analysis/calibrate.ts';
import { ANALYTIC_METRICS, isAnalytic, isMetric, RUN_METRICS, type MetricName } from '../analysis/metrics.ts';
import { parsePath, rulesetParamPath } from '../analysis/path.ts';
import { migrate } from '../scenario/migrate.ts';
import type { Ruleset } from '../scenario/schema.ts';
import { solve } from '../analysis/solve.ts';
import { sweep } from '../analysis/sweep.ts';
import { csvOf } from '../report/columns.ts';
import { formatMetricValue, formatPercent, formatYuan, textTable } from '../report/format.ts';
import { metricDef, metricLabel } from '../engine/metrics.ts';
import { isShareParam } from '../analysis/solve.ts';
import type { Command } from './command.ts';
import { findRuleset, loadScenario, prepareOutDir, readBounded, UsageError } from './io.ts';
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
function number(flag: string, v: unknown): number {
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n)) throw new UsageError(`${flag}: "${v ?? ''}" is not a number`);
  return n;
}
/** The file as written (so solved values keep their neighbours' provenance), brought to the current schema. */
const rawOf = (file: string) => {
  const r = readBounded(file, LIMITS.fileBytes);
  if ('error' in r) throw new UsageError(r.error, 1);
  return migrate(parseJsonText(r.text).data).data;
};

export const calibrateCommand: Command = {
  help: `usage: jingsuan calibrate FILE [--out FILE2] [--dry-run] [--trials N] [--json]

Fits each population that has targets (compensation, beneficiaries, burden-reduction rate, person-times) under
the baseline ruleset: severity parameters by Nelder–Mead on the analytic engine, records per claimant by Monte
Carlo, then confirms with a Monte Carlo run and prints modelled vs target. The fitted file is written back to
FILE (or FILE2), each fitted value's provenance saying how it was calibrated.`,
  options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, trials: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, [file]) {
    loadScenario(file);
    const c = await calibrate(rawOf(file!), { trials: values.trials ? number('--trials', values.trials) : 200 });
    const target = (values.out as string | undefined) ?? file!;
    if (!values['dry-run']) writeFileSync(target, JSON.stringify(c.scenario, null, 2) + '\n');
    if (values.json) {
      console.log(
        JSON.stringify({ fitted: c.fitted, report: c.report, trials: c.trials, written: values['dry-run'] ? null : target }, null, 2),
      );
      return 0;
    }
    console.log(
      textTable(
        ['parameter 参数', 'was 原值', 'fitted 校准值'],
        c.fitted.map((f) => [f.path, String(+f.previous.toPrecision(6)), String(+f.value.toPrecision(6))]),
      ),
    );
    console.log(`\ngoodness of fit (Monte Carlo, ${c.trials} trials):`);
    console.log(
      textTable(
        ['population 人群', 'metric 指标', 'target 目标', 'modelled 模型', 'rel. error 相对误差'],
        c.report.map((r) => [
          r.population,
          `${r.metric} ${metricLabel(r.metric, 'zh')}`,
          formatMetricValue(metricDef(r.metric as MetricName).unit, r.target),
          formatMetricValue(metricDef(r.metric as MetricName).unit, r.modelled),
          `${(r.relativeError * 100).toFixed(2)}%`,
        ]),
      ),
    );
    if (!values['dry-run']) console.log(`\nwrote ${target}`);
    return 0;
  },
};

export const solveCommand: Command = {
  help: `usage: jingsuan solve FILE --ruleset ID --param PATH --target METRIC=VALUE [--trials N] [--seed S] [--json] [--out FILE2]

PATH is inside the ruleset: tracks[0].deductible, tracks[0].bands[1].ratio, funding.channels[0].perInsured, cap …
(funding.perInsured names the one per-insured channel that funds every population, where there is one)
METRIC: ${METRICS_HELP}.
Prints the solution with the metric's Monte Carlo mean and 95% interval there; --out writes the solved scenario.`,
  options: {
    ruleset: { type: 'string' },
    param: { type: 'string' },
    target: { type: 'string' },
    trials: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, [file]) {
    const s = loadScenario(file);
    const r = findRuleset(s, values.ruleset as string | undefined);
    const p = paramPath(r, values.param);
    const m = /^(\w+)=(.+)$/.exec(String(values.target ?? ''));
    if (!m) throw new UsageError('--target must be METRIC=VALUE, e.g. lossRatio=0.95');
    let res;
    try {
      res = await solve(rawOf(file!), r.id, p, metric(m[1]), number('--target value', m[2]), {
        trials: values.trials ? number('--trials', values.trials) : 200,
        seed: values.seed as string | undefined,
      });
    } catch (err) {
      throw new UsageError((err as Error).message, 1);
    }
    if (values.out && res.value !== null) writeFileSync(String(values.out), JSON.stringify(res.scenario, null, 2) + '\n');
    const { scenario: _s, ...out } = res;
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return res.value === null ? 1 : 0;
    }
    if (res.value === null) {
      console.log(`no value of ${values.param} gives ${res.metric} = ${res.target} (searched from 0 upward)`);
      return 1;
    }
    // The solved value as it is written: a share as a percentage, an amount in yuan to the fen.
    const share = isShareParam(p, res.previous);
    const param = (v: number) => (share ? formatPercent(v, 4) : formatYuan(Math.round(v * 100) / 100));
    const unit = metricDef(res.metric).unit;
    const show = (v: number) => formatMetricValue(unit, v);
    console.log(`${r.id}: ${values.param} = ${param(res.value)} (was ${param(res.previous)}) gives ${res.metric} = ${show(res.target)}`);
    if (res.analytic !== null) console.log(`  analytic: ${show(res.analytic)}`);
    if (res.monteCarlo)
      console.log(
        `  Monte Carlo (${res.monteCarlo.trials.toLocaleString('en')} trials): ${show(res.monteCarlo.value)}${Number.isFinite(res.monteCarlo.lo95) ? `, 95% interval ${show(res.monteCarlo.lo95)} … ${show(res.monteCarlo.hi95)}` : ''}`,
      );
    return 0;
  },
};

export const sweepCommand: Command = {
  help: `usage: jingsuan sweep FILE --ruleset ID --param PATH --from A --to B [--steps N] [--metric M]... [--trials N] [--json] [--out DIR]

METRIC (repeatable; default payout and lossRatio): ${METRICS_HELP}.
--out DIR writes sweep.csv and a chart per metric (SVG and PNG).`,
  options: {
    ruleset: { type: 'string' },
    param: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    steps: { type: 'string' },
    metric: { type: 'string', multiple: true },
    trials: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, [file]) {
    const s = loadScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out) : undefined;
    const r = findRuleset(s, values.ruleset as string | undefined);
    const p = paramPath(r, values.param);
    const metrics = ((values.metric as string[] | undefined) ?? ['payout', 'lossRatio']).map(metric);
    const steps = values.steps ? number('--steps', values.steps) : 21;
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new UsageError('--steps must be a whole number from 1 to 1000');
    let rows;
    try {
      rows = await sweep(rawOf(file!), r.id, p, number('--from', values.from), number('--to', values.to), steps, metrics, {
        trials: values.trials ? number('--trials', values.trials) : 200,
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
      const specs = metrics.map((m) => ({ ...sensitivityChart(points, `${r.id} · ${String(values.param)}`, ctx, m), id: `sweep-${m}` }));
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
    // A metric that cannot be computed at a point (no premium, no analytic value) reads "cannot compute", not NaN.
    const share = isShareParam(p, rows[0]?.x ?? 0) && rows.every((row) => row.x <= 1);
    console.log(
      textTable(
        [String(values.param), ...metrics.map((m) => `${m} ${metricLabel(m, 'zh')}`)],
        rows.map((row) => [
          share ? formatPercent(row.x, 2) : formatYuan(row.x),
          ...metrics.map((m) => formatMetricValue(metricDef(m).unit, row[m])),
        ]),
      ),
    );
    return 0;
  },
};
