/**
 * analysis/ without the command line: paths, goal seeking, sweeps, the metric table, benefit curves and the
 * breakdown, each checked against an independent evaluation of the same model.
 */
import { describe, expect, it } from 'vitest';
import { breakdown } from '../src/analysis/breakdown.ts';
import { benefitCurves } from '../src/analysis/curves.ts';
import { analyticOfRuleset } from '../src/analysis/metrics.ts';
import { numberAt, parsePath, rulesetParamPath, withNumber } from '../src/analysis/path.ts';
import { isShareParam, solveAnalyticValue, validOrThrow as validOrThrowFor } from '../src/analysis/solve.ts';
import { sweep, sweepAnalytic, sweepValues } from '../src/analysis/sweep.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { exactBenefit } from '../src/rules/exact.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import { ANALYTIC_METRICS, METRICS, TARGET_METRICS, analyticMetric, isAnalytic, mcMetric } from '../src/engine/metrics.ts';
import { shipped } from './helpers/scenarios.ts';

const jiangyin = shipped('jiangyin-2020');
const DED = ['rulesets', 0, 'tracks', 0, 'deductible'];

describe('paths (analysis/path.ts)', () => {
  it('reads the paths planners write, and names where it stops', () => {
    expect(parsePath('tracks[0].bands[1].ratio')).toEqual(['tracks', 0, 'bands', 1, 'ratio']);
    expect(() => parsePath('tracks[0]..ratio')).toThrow(/cannot read the path/);
    expect(numberAt(jiangyin, DED)).toBe(18000);
    expect(numberAt(withNumber(jiangyin, DED, 15000), DED)).toBe(15000);
  });
  it('maps schema 2’s funding.perInsured to the one channel, and lists the channels when it is ambiguous', () => {
    expect(rulesetParamPath(jiangyin.rulesets[0], ['funding', 'perInsured'])).toEqual(['funding', 'channels', 0, 'perInsured']);
    const suzhou = shipped('suzhou-2021');
    expect(() => rulesetParamPath(suzhou.rulesets[0], ['funding', 'perInsured'])).toThrow(/ambiguous.*name one: funding\.channels\[0\]/);
  });
});

describe('goal seeking (analysis/solve.ts)', () => {
  it('the Jiangyin deductible for a 95% expected loss ratio gives 95% when evaluated afresh', () => {
    const x = solveAnalyticValue(jiangyin, 0, DED, 'lossRatio', 0.95)!;
    // Raising the deductible lowers the loss ratio (32% at 18,000): the answer lies below 18,000.
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(18000);
    const again = analyticExpectation(compileModel(withNumber(jiangyin, DED, x)))[0].lossRatio!;
    expect(again).toBeCloseTo(0.95, 8);
  });
  it('a band ratio is a share, solved within [0, 1]; an unreachable target gives null', () => {
    const ratio = ['rulesets', 0, 'tracks', 0, 'bands', 0, 'ratio'];
    expect(isShareParam(ratio, 0.6)).toBe(true);
    expect(isShareParam(DED, 18000)).toBe(false);
    expect(solveAnalyticValue(jiangyin, 0, ratio, 'reimbursementRatio', 1.5)).toBeNull();
  });
});

describe('sweeps (analysis/sweep.ts)', () => {
  it('the analytic sweep is the model evaluated at each value, with the current value marked', () => {
    const xs = sweepValues(10000, 30000, 5);
    expect(xs).toEqual([10000, 15000, 20000, 25000, 30000]);
    const rows = sweepAnalytic(jiangyin, 0, ['tracks', 0, 'deductible'], xs);
    expect(rows.map((r) => r.x)).toEqual([10000, 15000, 18000, 20000, 25000, 30000]);
    expect(rows.filter((r) => r.current).map((r) => r.x)).toEqual([18000]);
    for (const r of rows) {
      const a = analyticOfRuleset(withNumber(jiangyin, DED, r.x), 0);
      for (const m of ANALYTIC_METRICS) expect(r[m]).toBe(analyticMetric(a, m));
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i].payout as number).toBeLessThan(rows[i - 1].payout as number);
  });
  it('the command line’s sweep gives the same analytic values, validating each point', async () => {
    const rows = await sweep(jiangyin, 'jiangyin-2020', ['tracks', 0, 'deductible'], 10000, 30000, 5, ['payout', 'lossRatio']);
    const analytic = sweepAnalytic(jiangyin, 0, ['tracks', 0, 'deductible'], sweepValues(10000, 30000, 5));
    for (const r of rows) expect(r.payout).toBe(analytic.find((a) => a.x === r.x)!.payout);
    await expect(sweep(jiangyin, 'nope', ['tracks', 0, 'deductible'], 0, 1, 2, ['payout'])).rejects.toThrow(/unknown ruleset "nope"/);
  });
});

describe('the metric table (engine/metrics.ts)', () => {
  it('every metric is analytic, from a run, or a target only; ids are unique', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    for (const m of METRICS) expect('analytic' in m || 'monteCarlo' in m || m.id === 'insured').toBe(true);
    expect(TARGET_METRICS).toContain('beneficiaries');
    expect(isAnalytic('probLoss')).toBe(false);
  });
  it('run accessors read the summary: a 95% interval from the standard error', () => {
    const summary = { payout: { mean: 100, se: 5 }, lossRatio: { mean: 0.9, sd: 0.2, p95: 1.2, probAbove1: 0.25 } } as never;
    expect(mcMetric(summary, 'payout', 400)).toEqual({ value: 100, lo95: 100 - 1.96 * 5, hi95: 100 + 1.96 * 5 });
    // P(loss): binomial standard error √(p(1 − p)/n) = √(0.25 · 0.75 / 400).
    expect(mcMetric(summary, 'probLoss', 400).hi95).toBeCloseTo(0.25 + 1.96 * Math.sqrt(0.1875 / 400), 15);
    expect(mcMetric(summary, 'lossRatioP95', 400).value).toBe(1.2);
  });
});

describe('curves and breakdown (analysis/curves.ts, breakdown.ts)', () => {
  const model = compileModel(jiangyin);
  it('the benefit curve is the rules as written at each self-burden (the decimal reference, rules/exact.ts)', () => {
    const general = benefitCurves(model).filter((p) => p.group === 'general');
    // Jiangyin's rules ran six months in 2020: the curve evaluates the annual schedule at x / c and scales by c,
    // which is the document's rule applied to the burden met in those months.
    expect(model.rulesets[0].exposure).toBe(0.5);
    const schedule = resolveSchedule(jiangyin.rulesets[0], []);
    for (const p of general.filter((_, i) => i % 20 === 0))
      expect(p.benefit).toBeCloseTo(Number(exactBenefit(schedule, { selfBurden: p.burden }).benefit), 6);
  });
  it('the breakdown adds up to the analytic expected payout', () => {
    const total = breakdown(model).reduce((a, b) => a + b.payout, 0);
    expect(total / analyticExpectation(model)[0].payout!).toBeCloseTo(1, 9);
  });
});

describe('the new-scenario template (analysis/template.ts)', () => {
  it('is funded so that its expected loss ratio is 95%, and says how', async () => {
    const { fundedTemplate } = await import('../src/analysis/template.ts');
    const data = fundedTemplate('Test region', jiangyin);
    const a = analyticExpectation(compileModel(validOrThrowFor(data)))[0];
    // Rounded to the fen, the premium moves the ratio by less than 1e-4.
    expect(a.lossRatio!).toBeCloseTo(0.95, 3);
    expect(data.rulesets[0].funding.channels[0].perInsured.assumption).toMatch(/expected loss ratio of 95%/);
  });
});
