/** Validation messages as an analyst reads them (ui/field-names.ts): field names from the scenario's own titles. */
import { describe, expect, it } from 'vitest';
import { fieldName, messageIn, valueInWords } from '../src/report/field-names.ts';
import { shipped } from './helpers/scenarios.ts';

describe('field names', () => {
  const j = shipped('jiangyin-2020');
  const s = shipped('suzhou-2021');
  it('names rulesets, bands, severity parameters and channels by what the page shows', () => {
    expect(fieldName('rulesets[0].tracks[0].bands[0].ratio', j, 'zh')).toBe('江阴 2020 大病保险 · 第 1 段 · 支付比例');
    expect(fieldName('rulesets[0].tracks[0].bands[0].ratio', j, 'en')).toBe('Jiangyin critical-illness insurance 2020 · band 1 · ratio');
    expect(fieldName('populations[0].severity.mu.value', j, 'zh')).toBe('江阴参保人员 · 严重程度分布 · 对数正态主体 μ（对数均值）');
    // Two tracks: the track is named by its base.
    expect(fieldName('rulesets[0].tracks[1].deductible', s, 'zh')).toBe(`${s.rulesets[0].title!.zh} · 合规自费 · 起付标准`);
    expect(fieldName('rulesets[0].funding.channels[0].perInsured', s, 'zh')).toBe(
      `${s.rulesets[0].title!.zh} · 筹资 · 财政补贴 · 元/人·年`,
    );
    // A problem of the whole file names no field.
    expect(fieldName('(root)', j, 'zh')).toBe('');
    // Added values in words: open edges as the edges they are.
    expect(valueInWords({ from: null, to: 0.05, insurerShare: 0.3, basis: 'marginal' }, 'zh')).toBe(
      '下限 −∞ · 上限 0.05 · 承办机构分担 0.3 · 分担方式 分段累进',
    );
    expect(valueInWords(null, 'en', 'to')).toBe('∞');
    // A path the names do not cover stays readable.
    expect(fieldName('simulation.seed', j, 'zh')).toBe('模拟设置 · seed');
  });
  it("names an income figure by its title (the briefing's appendix of assumptions), by its key where it has none", () => {
    const jilin = shipped('jilin-2017');
    expect(fieldName('incomeIndex.urban', jilin, 'zh')).toBe('收入指标 · 城镇居民人均可支配收入');
    expect(fieldName('incomeIndex.rural.value', jilin, 'en')).toBe('income figures · rural per-capita net income');
    delete (jilin.incomeIndex!.urban as { title?: unknown }).title;
    expect(fieldName('incomeIndex.urban', jilin, 'zh')).toBe('收入指标 · urban');
  });
  it('the common messages in Chinese; others as worded', () => {
    expect(messageIn('must be > 0', 'zh')).toBe('须大于 0');
    expect(messageIn('must not exceed 100000', 'zh')).toBe('不能超过 100000');
    expect(messageIn('must be > 0', 'en')).toBe('must be > 0');
    expect(messageIn('something new', 'zh')).toBe('something new');
    // The validator's semantic messages (scenario/semantics.ts), with their numbers and names kept.
    expect(messageIn('unknown group "poor": no population declares it (known: rural)', 'zh')).toBe(
      '未知分组“poor”：没有参保人群声明该分组',
    );
    expect(messageIn('bands not increasing: 50000 is not above the previous edge 100000', 'zh')).toBe(
      '分段上限未递增：50000 不高于上一段上限 100000',
    );
    expect(messageIn('duplicate population id "city" (also at index 0)', 'zh')).toBe('population id“city”重复（第 1 项已有）');
    expect(messageIn('no tier contains m = 0 (break-even)', 'zh')).toBe('没有一档包含 m = 0（盈亏平衡点）');
  });
});
