/**
 * An indicator is one row of the metric table (engine/metrics.ts): the report's tables and the workbench's results
 * rows take a metric's value, name and unit from it, and every word they show from the string table
 * (report/strings.ts). The per-trial columns and the passes' accumulator slots share their names
 * (engine/trial-columns.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRaw } from '../src/engine/run.ts';
import { column, summarize } from '../src/engine/summary.ts';
import { ACC_WIDTH, BASE_COLUMNS, COL, TRIAL_COLUMNS } from '../src/engine/trial-columns.ts';
import { metricLabels } from '../src/engine/metrics.ts';
import { analyticTable, indicatorTable } from '../src/report/tables.ts';
import { formatValue } from '../src/report/columns.ts';
import { both, enZh } from '../src/report/strings.ts';
import { resultRows } from '../src/ui/results-rows.ts';
import { mean } from '../src/math/stats.ts';
import { shipped } from './helpers/scenarios.ts';
import { analyticRatios, runRatios } from '../src/engine/ratios.ts';

/** Chinese characters in a source file outside its comments. */
function inlineChinese(path: string): string[] {
  const code = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
  return code.split('\n').filter((line) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(line));
}

describe('strings: the tables and the results rows hold none of their own', () => {
  it.each(['src/report/tables.ts', 'src/ui/results-rows.ts'])('%s: no Chinese outside comments', (path) => {
    expect(inlineChinese(path)).toEqual([]);
  });
  it('entries with arguments read in both languages, and the command line’s bilingual form is English then Chinese', () => {
    expect(both('colCorridorTitle', 'suzhou')).toEqual({ zh: '风险调节：suzhou', en: 'Risk corridor: suzhou' });
    expect(both('colDifferenceOf', { zh: '减负率', en: 'burden reduction' })).toEqual({
      zh: '减负率差',
      en: 'burden reduction difference',
    });
    expect(enZh('colAllPopulations')).toBe('all 合计');
  });
});

describe('named columns and accumulator slots (engine/trial-columns.ts)', () => {
  it('one order: the accumulator is the first columns, payout … selfBurden; the fit columns come last', () => {
    expect(TRIAL_COLUMNS.slice(0, ACC_WIDTH)).toEqual([
      'payout',
      'beneficiaries',
      'personTimes',
      'excess',
      'beneficiaryBase',
      'selfBurden',
    ]);
    expect(TRIAL_COLUMNS.map((c) => COL[c])).toEqual(TRIAL_COLUMNS.map((_, i) => i));
    expect(TRIAL_COLUMNS.slice(BASE_COLUMNS)).toEqual(['fitPayout', 'fitClamped']);
  });
});

describe('ratios of expected totals, declared once (engine/ratios.ts)', () => {
  const sums = { payout: 10, excess: 0, selfBurden: 20, selfPay: 5 } as Record<string, number>;
  it('analytic: Σ of ÷ Σ per, none where the denominator is 0 or a sum has no analytic value', () => {
    expect(analyticRatios((c) => sums[c] ?? null)).toEqual({
      burdenReductionRate: 10 / 25,
      reimbursementRatio: null,
      policyRangeReimbursementRatio: null,
    });
    expect(analyticRatios((c) => (c === 'payout' ? null : (sums[c] ?? null)))).toEqual({
      burdenReductionRate: null,
      reimbursementRatio: null,
      policyRangeReimbursementRatio: null,
    });
    // The document's ratio (seed 000): Σ payout ÷ (Σ beneficiaries' base − deduction × beneficiaries); none without
    // the deduction. 10 ÷ (100 − 30 × 3) = 1.
    const withBase: Record<string, number> = { ...sums, beneficiaryBase: 100, beneficiaries: 3 };
    expect(analyticRatios((c) => withBase[c] ?? null, 30).policyRangeReimbursementRatio).toBe(1);
    expect(runRatios((c) => withBase[c] ?? 0, true, 40).policyRangeReimbursementRatio).toBe(-0.5);
  });
  it('from a run: 0 where nobody had cost, unknown where the payout is', () => {
    expect(runRatios((c) => sums[c] ?? 0, true)).toEqual({
      burdenReductionRate: 0.4,
      reimbursementRatio: 0,
      policyRangeReimbursementRatio: NaN,
    });
    const unknown = runRatios((c) => sums[c] ?? 0, false);
    expect(Number.isNaN(unknown.burdenReductionRate) && Number.isNaN(unknown.reimbursementRatio)).toBe(true);
  });
});

describe('indicator columns read the metric table (suzhou-2021, 60 trials)', async () => {
  const s = shipped('suzhou-2021');
  const raw = await runRaw(s, { trials: 60, seed: 'indicators', workers: 1 });
  const result = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
  const ind = indicatorTable(result);
  const col = (label: string) => ind.columns.findIndex((c) => c.label.zh === label);

  it('the indicator table shows each metric under its short name, valued as the run’s JSON has it', () => {
    result.rulesets.forEach((r, i) => {
      const row = ind.rows[i];
      // The per-trial columns' means, independently of the summary's accessors.
      const payout = mean(column(raw.model, raw.data, raw.trials, i, -1, COL.payout));
      const excess = mean(column(raw.model, raw.data, raw.trials, i, -1, COL.excess));
      const personTimes = mean(column(raw.model, raw.data, raw.trials, i, -1, COL.personTimes));
      expect(row[col(metricLabels('payout', 'short').zh)]).toBeCloseTo(payout, 6);
      expect(row[col(metricLabels('personTimes', 'short').zh)]).toBeCloseTo(personTimes, 9);
      expect(row[col(metricLabels('reimbursementRatio', 'short').zh)]).toBeCloseTo(payout / excess, 12);
      // Seed 000's formula, summed over beneficiaries: Σ payout ÷ (Σ (self-burden + compliant self-pay) − 35,000 × n).
      const base = mean(column(raw.model, raw.data, raw.trials, i, -1, COL.beneficiaryBase));
      const n = mean(column(raw.model, raw.data, raw.trials, i, -1, COL.beneficiaries));
      expect(row[col(metricLabels('policyRangeReimbursementRatio', 'short').zh)]).toBeCloseTo(payout / (base - 35000 * n), 12);
      expect(row[col(metricLabels('lossRatio', 'short').zh)]).toBe(r.lossRatio.mean);
      expect(row[col(metricLabels('lossRatioP95').zh)]).toBe(r.lossRatio.p95);
      expect(row[col(metricLabels('probLoss', 'short').zh)]).toBe(r.lossRatio.probAbove1);
      expect(row[col(metricLabels('beneficiaries').zh)]).toBe(r.beneficiaries.mean);
      expect(row[col(metricLabels('burdenReductionRate', 'short').zh)]).toBe(r.burdenReductionRate);
      expect(row[col(metricLabels('insurerMean', 'short').zh)]).toBe(r.corridor?.insurerMean ?? NaN);
    });
  });

  it('run --json keeps its keys in their order (a contract), the ratios after averageBenefit', () => {
    expect(Object.keys(result.rulesets[0].populations[0])).toEqual([
      'id',
      'premium',
      'payout',
      'analyticMean',
      'lossRatio',
      'beneficiaries',
      'personTimes',
      'averageBenefit',
      'burdenReductionRate',
      'reimbursementRatio',
      'policyRangeReimbursementRatio',
      'claimants',
      'corridor',
    ]);
    expect(Object.keys(raw.analytic[0].populations[0]).slice(-4)).toEqual([
      'lossRatio',
      'burdenReductionRate',
      'reimbursementRatio',
      'policyRangeReimbursementRatio',
    ]);
  });

  it('the analytic table and the workbench’s rows show the analytic values where a metric has one', () => {
    const an = analyticTable(raw.analytic);
    const total = an.rows.findIndex((row) => formatValue(row[1], 'text', 'wan', undefined, 'both') === 'all 合计');
    const lr = an.columns.findIndex((c) => c.label.zh === metricLabels('lossRatio', 'short').zh);
    expect(an.rows[total][lr]).toBe(raw.analytic[0].payout! / raw.analytic[0].premium);
    const rows = resultRows({
      analytic: raw.analytic,
      result,
      comparisons: result.comparisons,
      baseline: result.rulesets[0].id,
      exact: null,
      lang: 'zh',
    });
    const row = (id: Parameters<typeof metricLabels>[0]) => rows.find((r) => r.label.zh === metricLabels(id).zh)!;
    expect(row('lossRatio').cell(result.rulesets[0].id, 0)).toEqual([raw.analytic[0].lossRatio]);
    expect(row('beneficiaries').cell(result.rulesets[0].id, 0)).toEqual([raw.analytic[0].beneficiaries]);
    // From the run only: pending before one arrives, then its value.
    expect(row('personTimes').mc).toBe(true);
    expect(row('personTimes').cell(result.rulesets[0].id, 0)).toEqual([result.rulesets[0].personTimes.mean]);
    const before = resultRows({
      analytic: raw.analytic,
      result: null,
      comparisons: [],
      baseline: result.rulesets[0].id,
      exact: null,
      lang: 'en',
    });
    expect(before.find((r) => r.label.en === metricLabels('personTimes').en)!.cell(result.rulesets[0].id, 0)).toBe('…');
  });
});
