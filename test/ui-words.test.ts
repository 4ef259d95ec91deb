// The words and figures of a user's review (helper ui-words): the typical case's refused inputs, its zero-cost and
// basic-less waterfall, a cancelled run's two trial counts, the sensitivity chart's unit, the negative
// 政策范围内报销比例 explained on the page and in the briefing.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { runScenario } from '../src/engine/run.ts';
import { briefingDocx } from '../src/report/briefing.ts';
import { sensitivityChart } from '../src/report/charts/charts.ts';
import { waterfallRows, waterfallSpec } from '../src/report/charts/waterfall.ts';
import { formatYuanIn } from '../src/report/format.ts';
import { t } from '../src/report/strings.ts';
import { hasBasicLayer, typicalCaseChart, typicalCasesOf, typicalInput } from '../src/report/typical-default.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { resultRows } from '../src/ui/results-rows.ts';
import { runLabel } from '../src/ui/run-label.ts';
import { shipped } from './helpers/scenarios.ts';

const suzhou = shipped('suzhou-2021');

describe('the typical case', () => {
  it('a negative or empty amount is refused with a message naming the field; 0 is a value', () => {
    const bad = typicalInput('-100', '年自负费用', 'zh');
    expect(bad).toEqual({ error: expect.stringContaining('年自负费用') });
    expect((bad as { error: string }).error).toContain('-100');
    expect(typicalInput('', 'Annual self-burden', 'en')).toEqual({ error: expect.stringMatching(/^Annual self-burden must be/) });
    expect(typicalInput('2e9', 'x', 'en')).toHaveProperty('error');
    expect(typicalInput('0', 'x', 'zh')).toEqual({ value: 0 });
    expect(typicalInput(' 65000 ', 'x', 'zh')).toEqual({ value: 65000 });
  });

  it('a cost of 0 draws bars of 0 on a domain of [0, 1], not bars stretched over the whole height', () => {
    const person = { population: suzhou.populations[0].id, group: '', income: 10000, amount: 0 };
    const cases = typicalCasesOf(suzhou, person, ['suzhou-2021']);
    const zero = waterfallSpec(cases, { lang: 'zh', width: 600, names: {}, footnote: '' });
    expect((zero.options.y as { domain?: number[] }).domain).toEqual([0, 1]);
    const some = waterfallSpec(typicalCasesOf(suzhou, { ...person, amount: 65000 }, ['suzhou-2021']), {
      lang: 'zh',
      width: 600,
      names: {},
      footnote: '',
    });
    expect((some.options.y as { domain?: number[] }).domain).toBeUndefined();
  });

  it('without a basic layer in any ruleset compared, the 基本医保 step is left out and the footnote says so', () => {
    expect(hasBasicLayer(suzhou, ['suzhou-2021', 'suzhou-2021-ded8k'])).toBe(false);
    const withBasic = { ...suzhou, rulesets: suzhou.rulesets.map((r, i) => (i === 1 ? { ...r, basic: {} } : r)) } as unknown as Scenario;
    expect(hasBasicLayer(withBasic, ['suzhou-2021', suzhou.rulesets[1].id])).toBe(true);
    const person = { population: suzhou.populations[0].id, group: '', income: 10000, amount: 100000 };
    const cases = typicalCasesOf(suzhou, person, ['suzhou-2021']);
    expect(waterfallRows(cases, 'zh').map((r) => r.step)).toContain('基本医保');
    expect(waterfallRows(cases, 'zh', false).map((r) => r.step)).toEqual(['医疗费用', '大病保险', '医疗救助', '个人自付']);
    const chart = typicalCaseChart(suzhou, 'zh', person)!;
    expect(chart.spec.rows.map((r) => r.step)).not.toContain('基本医保');
    expect(chart.spec.footnote).toContain(t('typicalNoBasic', 'zh'));
  });

  it('amounts in an English table say yuan, not 元', () => {
    expect(formatYuanIn('130000', 'en')).toBe('130,000.00 yuan');
    expect(formatYuanIn('-5', 'zh')).toBe('−5.00 元');
  });
});

describe('a cancelled run says how many trials its results use', () => {
  const base = { state: 'cancelled' as const, done: 660, total: 1000, message: '', seconds: 0 };
  it('660 finished, results of 580: both numbers, in either language', () => {
    expect(runLabel({ ...base, shown: 580 }, 'zh')).toBe('已取消（1,000 次中完成 660 次，结果用其中 580 次）');
    expect(runLabel({ ...base, shown: 580 }, 'en')).toBe('Cancelled (660 of 1,000 finished; results use 580 of them)');
  });
  it('the same count, or no results: the short form', () => {
    expect(runLabel({ ...base, shown: 660 }, 'zh')).toBe('已取消 (660 / 1,000)');
    expect(runLabel({ ...base, shown: null }, 'zh')).toBe('已取消 (660 / 1,000)');
  });
});

describe('units and explanations', () => {
  it("the sensitivity chart's x axis says 元 (once)", () => {
    const ctx = { lang: 'zh' as const, unit: 'wan' as const, rulesets: ['a'], footnote: '' };
    const x = (label: string) => (sensitivityChart([], label, ctx as never).options.x as { label: string }).label;
    expect(x('江阴 2020 大病保险 · 起付标准')).toBe('江阴 2020 大病保险 · 起付标准（元）');
    expect(x('起付标准（元）')).toBe('起付标准（元）');
    expect((sensitivityChart([], 'Deductible', { ...ctx, lang: 'en' } as never).options.x as { label: string }).label).toBe(
      'Deductible (yuan)',
    );
  });

  it('a negative 政策范围内报销比例 carries a hover note on the page and a note under the briefing table', async () => {
    const analytic = analyticExpectation(compileModel(suzhou));
    expect(analytic[0].policyRangeReimbursementRatio).toBeLessThan(0);
    const row = (s: Scenario, a = analyticExpectation(compileModel(s))) =>
      resultRows({ analytic: a, result: null, comparisons: [], baseline: s.rulesets[0].id, exact: null, lang: 'zh' }).find((r) =>
        r.label.zh.startsWith('政策范围内报销比例'),
      );
    expect(row(suzhou, analytic)?.hint?.zh).toContain('文件公式');
    // Where it is not negative (the value made positive), no note.
    const positive = analytic.map((a) => ({ ...a, policyRangeReimbursementRatio: 0.6 }));
    expect(row(suzhou, positive)?.hint).toBeUndefined();
    const small = { ...suzhou, rulesets: [suzhou.rulesets[0]] } as Scenario;
    const result = await runScenario(small, { trials: 20, seed: 'words', workers: 1 });
    expect(result.rulesets[0].policyRangeReimbursementRatio).toBeLessThan(0);
    const xml = strFromU8(unzipSync(await briefingDocx({ scenario: small, result, charts: [], lang: 'zh' }))['word/document.xml']);
    expect(xml).toContain(t('hintPolicyRangeNegative', 'zh'));
  }, 120_000);
});
