// Deductibles indexed to a per-capita income figure and their re-indexing in run --years (issue #33;
// scenario/income-index.ts, engine/years.ts). Known answers are worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { scenarioForYear } from '../src/engine/years.ts';
import { messageIn } from '../src/report/field-names.ts';
import { setIndexedShare, setParam } from '../src/scenario/edit.ts';
import { withNumber } from '../src/analysis/path.ts';
import { indexedAmount } from '../src/scenario/income-index.ts';
import { validateData } from '../src/scenario/validate.ts';
import { command } from './helpers/cli.ts';
import { shipped } from './helpers/scenarios.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jilin = () => structuredClone(shipped('jilin-2017'));
const problems = (d: unknown) => {
  const v = validateData(d);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('an indexed deductible is derived from its income figure', () => {
  it("Jilin's deductibles are 1 × its 2016 incomes: 26,530.00 urban and 12,123.00 rural (seed 004 三(一))", async () => {
    const r = await command('validate', 'scenarios/jilin-2017.json', '--json');
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.out).indexedDeductibles;
    expect(shown).toEqual([
      { path: 'rulesets[0].tracks[0].deductible.value', share: 1, income: 'urban', incomeValue: 26530, value: 26530 },
      { path: 'rulesets[0].modifiers[0].deductible', share: 1, income: 'rural', incomeValue: 12123, value: 12123 },
    ]);
    const text = await command('validate', 'scenarios/jilin-2017.json');
    // Named by the figure's title (incomeIndex.urban.title), its key kept in the parenthesis.
    expect(text.err).toContain(
      'rulesets[0].tracks[0].deductible.value 26,530.00 = 1 × 城镇居民人均可支配收入 urban per-capita disposable income 26,530.00 (incomeIndex.urban, derived',
    );
    expect(text.err).toContain(
      'rulesets[0].modifiers[0].deductible 12,123.00 = 1 × 农村居民人均纯收入 rural per-capita net income 12,123.00 (incomeIndex.rural, derived',
    );
    // benefit reads the derived value: a rural member with 50,000 of self-burden, (50,000 − 12,123) × 55% = 20,832.35.
    const b = JSON.parse(
      (await command('benefit', 'scenarios/jilin-2017.json', '--ruleset', 'jilin-2017', '--group', 'rural', '--burden', '50000', '--json'))
        .out,
    );
    expect(b.tracks[0].deductible).toBe('12123.00');
    expect(b.benefit).toBe('20832.35');
    expect(b.indexedDeductibles[0]).toEqual({
      path: 'tracks[0].deductible.value',
      share: 1,
      income: 'urban',
      incomeValue: '26530.00',
      value: '26530.00',
    });
  });

  it('share × figure is rounded half-up to the fen once', () => {
    // 0.5 × 12,123.45 = 6,061.725 → 6,061.73 (float64 gives 6061.724999…); 0.6 × 26,530 = 15,918.
    expect(indexedAmount(0.5, 12123.45)).toBe(6061.73);
    expect(indexedAmount(0.6, 26530)).toBe(15918);
    // 26,530 × 1.07² = 26,530 × 1.1449 = 30,374.197 → 30,374.20; 12,123 × 1.1449 = 13,879.6227 → 13,879.62.
    expect(indexedAmount(1, 26530, 0.07, 2)).toBe(30374.2);
    expect(indexedAmount(1, 12123, 0.07, 2)).toBe(13879.62);
  });

  it('editing the share re-derives the value; setting the value outright drops the index', () => {
    const d = jilin();
    const half = setIndexedShare(d, ['rulesets', 0, 'tracks', 0, 'deductible', 'indexedTo'], 0.5);
    expect(half.rulesets[0].tracks[0].deductible.value).toBe(13265);
    expect(problems(half)).toEqual([]);
    const rural = setIndexedShare(d, ['rulesets', 0, 'modifiers', 0, 'deductibleIndexedTo'], 0.8);
    // 0.8 × 12,123 = 9,698.40.
    expect(rural.rulesets[0].modifiers[0].deductible).toBe(9698.4);
    expect(problems(rural)).toEqual([]);
    const set = setParam(d, ['rulesets', 0, 'tracks', 0, 'deductible'], 20000);
    expect(set.rulesets[0].tracks[0].deductible.indexedTo).toBeUndefined();
    expect(problems(set)).toEqual([]);
  });
});

describe('bad indexes are refused by JSON path', () => {
  const idx = (d: ReturnType<typeof jilin>) => d.rulesets[0].tracks[0].deductible.indexedTo!;
  it('a negative share, a share above 10, an unknown or malformed name, a value that is not share × figure', () => {
    const neg = jilin();
    idx(neg).share.value = -0.5;
    expect(problems(neg)).toEqual(['rulesets[0].tracks[0].deductible.indexedTo.share.value: must not be negative']);
    const big = jilin();
    idx(big).share.value = 11;
    expect(problems(big)).toEqual([
      'rulesets[0].tracks[0].deductible.indexedTo.share.value: must not exceed 10 (ten times the income figure)',
    ]);
    const unknown = jilin();
    idx(unknown).income = 'town';
    expect(problems(unknown)).toEqual([
      'rulesets[0].tracks[0].deductible.indexedTo.income: "town" is not an income figure of incomeIndex (declared: urban, rural)',
    ]);
    const bad = jilin();
    bad.rulesets[0].modifiers[0].deductibleIndexedTo!.income = 'Rural!';
    expect(problems(bad)).toEqual([
      'rulesets[0].modifiers[0].deductibleIndexedTo.income: must be a lower-case name such as "urban" (1–32 characters)',
    ]);
    const off = jilin();
    off.rulesets[0].tracks[0].deductible.value = 26000;
    expect(problems(off)).toEqual([
      'rulesets[0].tracks[0].deductible.value: must equal indexedTo.share × incomeIndex.urban = 1 × 26,530 = 26,530 yuan (the deductible is indexed to that income figure; write 26530, or change the share)',
    ]);
    // The workbench words it in Chinese (report/field-names.ts).
    expect(messageIn(problems(off)[0].replace(/^[^:]+: /, ''), 'zh')).toBe(
      '须等于 比例 × 收入指标 urban = 1 × 26,530 = 26,530 元（起付标准挂钩该收入指标；应填 26530，或修改比例）',
    );
    const none = jilin();
    delete none.rulesets[0].modifiers[0].deductible;
    expect(problems(none)).toEqual([
      'rulesets[0].modifiers[0].deductible: is required with deductibleIndexedTo.share × incomeIndex.rural = 1 × 12,123 = 12,123 (write 12123)',
    ]);
    const growth = jilin();
    growth.simulation.trend!.incomeGrowth!.value = 1.5;
    expect(problems(growth)).toEqual(['simulation.trend.incomeGrowth.value: must not exceed 1']);
    const said = jilin();
    delete (idx(said).share as { source?: unknown }).source;
    expect(problems(said)).toEqual([
      'rulesets[0].tracks[0].deductible.indexedTo.share: needs a "source" (document and section) or an "assumption" (why this value)',
    ]);
  });
});

describe("an income figure's title", () => {
  it('is optional, two languages of at most 200 characters, no other key; refused by JSON path', () => {
    const untitled = jilin();
    delete (untitled.incomeIndex!.urban as { title?: unknown }).title;
    expect(problems(untitled)).toEqual([]);
    const long = jilin();
    long.incomeIndex!.urban.title = { zh: '城'.repeat(201), en: 'urban' };
    expect(problems(long)).toEqual(['incomeIndex.urban.title.zh: must be at most 200 characters long']);
    const half = jilin();
    (half.incomeIndex!.rural as { title?: unknown }).title = { zh: '农村' };
    expect(problems(half)).toEqual(['incomeIndex.rural.title.en: is required (string)']);
    const extra = jilin();
    (extra.incomeIndex!.rural as { title?: unknown }).title = { zh: '农村', en: 'rural', html: '<b>x</b>' };
    expect(problems(extra)).toEqual(['incomeIndex.rural.title.html: unknown key']);
  });

  it("names the figure in benefit's explanation (the key beside it), and the key where there is no title", async () => {
    const args = ['scenarios/jilin-2017.json', '--ruleset', 'jilin-2017', '--group', 'rural', '--burden', '50000'];
    const b = (await command('benefit', ...args)).out;
    expect(b).toContain('· groups 分组: 农村居民 rural residents (rural)');
    expect(b).toContain(
      'indexed deductible 挂钩起付标准: tracks[0].deductible.value 26,530.00 = 1 × 城镇居民人均可支配收入 urban per-capita disposable income 26,530.00 (incomeIndex.urban, derived 由收入指标推导)',
    );
    expect(b).toContain(
      'modifiers[0].deductible 12,123.00 = 1 × 农村居民人均纯收入 rural per-capita net income 12,123.00 (incomeIndex.rural,',
    );
    const untitled = jilin();
    delete (untitled.incomeIndex!.urban as { title?: unknown }).title;
    const file = join(mkdtempSync(join(tmpdir(), 'jingsuan-title-')), 'jilin.json');
    writeFileSync(file, JSON.stringify(untitled));
    const k = (await command('benefit', file, ...args.slice(1))).out;
    expect(k).toContain('tracks[0].deductible.value 26,530.00 = 1 × incomeIndex.urban 26,530.00 (derived 由收入指标推导)');
    expect(k).toContain('= 1 × 农村居民人均纯收入 rural per-capita net income 12,123.00 (incomeIndex.rural,');
  });
});

describe('run --years re-indexes with the income trend', () => {
  it('year 3: deductibles × 1.07², incomes μ + 2·ln 1.07, the poverty line × 1.07²; the year is a valid file', () => {
    const s = jilin();
    const y3 = scenarioForYear(s, 3);
    expect(y3.rulesets[0].tracks[0].deductible.value).toBe(30374.2);
    expect(y3.rulesets[0].modifiers[0].deductible).toBe(13879.62);
    expect(y3.incomeIndex!.urban.value).toBeCloseTo(30374.197, 9);
    expect(y3.populations[0].income!.mu.value).toBeCloseTo(s.populations[0].income!.mu.value + 2 * Math.log(1.07), 12);
    expect(y3.populations[0].groups[0].income!.mu.value).toBeCloseTo(s.populations[0].groups[0].income!.mu.value + 2 * Math.log(1.07), 12);
    expect(y3.household!.povertyLine.value).toBeCloseTo(5724.5, 9);
    expect(problems(y3)).toEqual([]);
  });

  it('without incomeGrowth a later year keeps every income, deductible and the line as year 1', () => {
    const s = jilin();
    delete s.simulation.trend!.incomeGrowth;
    const y3 = scenarioForYear(s, 3);
    expect(y3.incomeIndex).toEqual(s.incomeIndex);
    expect(y3.rulesets[0].tracks[0].deductible).toEqual(s.rulesets[0].tracks[0].deductible);
    expect(y3.rulesets[0].modifiers).toEqual(s.rulesets[0].modifiers);
    expect(y3.populations[0].income).toEqual(s.populations[0].income);
    expect(y3.populations[0].groups).toEqual(s.populations[0].groups);
    expect(y3.household).toEqual(s.household);
  });

  it("run --years 3 --json: year 3's deductibles to the fen, and each year's household figures", async () => {
    const r = await command('run', 'scenarios/jilin-2017.json', '--trials', '20', '--workers', '1', '--years', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const y3 = j.years[2].rulesets[0];
    expect(j.years[2].year).toBe(2019);
    expect(y3.indexedDeductibles.map((d: { value: number }) => d.value)).toEqual([30374.2, 13879.62]);
    // Year 1's household is the run's own (the same sample and seed).
    expect(j.years[0].rulesets[0].household).toEqual(j.rulesets[0].household);
    for (const y of j.years) {
      const h = y.rulesets[0].household;
      expect(h.catastrophic10).toBeGreaterThan(0);
      expect(h.impoverished).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe("a later year's household figures against an independent computation", () => {
  // Year 2 built by hand as a year-1 file: deductibles 26,530 × 1.07 = 28,387.10 and 12,123 × 1.07 = 12,971.61,
  // incomes μ + ln 1.07, the line 5,000 × 1.07 = 5,350, costs at the trend's mean index (cost level 0.65 × 1.06),
  // insured 16,000,000 × 1.01. Its `expect` (the analytic integral, engine/household.ts) must meet the year-2
  // sample of run --years (20,000 members, seed `jilin-2017/year-2`) within 4 standard errors.
  it('catastrophic at 10% and 25% and the impoverished count of year 2 within 4 se of expect on the hand-built year', async () => {
    const s = jilin();
    const h = structuredClone(s) as ReturnType<typeof jilin>;
    h.incomeIndex!.urban.value = 28387.1;
    h.incomeIndex!.rural.value = 12971.61;
    h.rulesets[0].tracks[0].deductible.value = 28387.1;
    h.rulesets[0].modifiers[0].deductible = 12971.61;
    const dmu = Math.log(1.07);
    h.populations[0].income!.mu.value += dmu;
    for (const g of h.populations[0].groups) if (g.income) g.income.mu.value += dmu;
    h.household!.povertyLine.value = 5350;
    h.populations[0].costLevel!.value = 0.65 * 1.06;
    h.populations[0].insured.value = 16_160_000;
    delete h.simulation.trend;
    expect(problems(h)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'inclink-'));
    const file = join(dir, 'jilin-year2.json');
    writeFileSync(file, JSON.stringify(h));
    const e = JSON.parse((await command('expect', file, '--json')).out).rulesets[0].household;
    const r = JSON.parse(
      (await command('run', 'scenarios/jilin-2017.json', '--trials', '10', '--workers', '1', '--years', '2', '--json')).out,
    );
    const y2 = r.years[1].rulesets[0].household;
    for (const key of ['catastrophic10', 'catastrophic25', 'impoverished'] as const) {
      const se = y2.intervals[key].se;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(y2[key] - e[key]), `${key}: sample ${y2[key]} ± ${se}, expect ${e[key]}`).toBeLessThan(4 * se);
    }
    // The figures moved from year 1 (another deductible, incomes, line and costs): not year 1's copied.
    expect(y2.catastrophic10).not.toBe(r.years[0].rulesets[0].household.catastrophic10);
  }, 120_000);
});

describe('a sweep of an indexed share (analysis/path.ts withNumber)', () => {
  it('re-derives the deductible from its figure, as the editor does: Jilin at 0.25 × 26,530 = 6,632.50, the same beneficiaries as that deductible set outright', async () => {
    const s = shipped('jilin-2017');
    const at = ['rulesets', 0, 'tracks', 0, 'deductible', 'indexedTo', 'share'];
    const swept = withNumber(s, at, 0.25);
    expect(swept.rulesets[0].tracks[0].deductible.value).toBe(6632.5);
    expect(validateData(swept).problems).toEqual([]);
    const byShare = await command(
      'sweep',
      'scenarios/jilin-2017.json',
      '--ruleset',
      'jilin-2017',
      '--param',
      'tracks[0].deductible.indexedTo.share',
      '--from',
      '0.25',
      '--to',
      '0.5',
      '--steps',
      '2',
      '--metric',
      'beneficiaries',
      '--json',
    );
    const byValue = await command(
      'sweep',
      'scenarios/jilin-2017.json',
      '--ruleset',
      'jilin-2017',
      '--param',
      'tracks[0].deductible',
      '--from',
      '6632.5',
      '--to',
      '13265',
      '--steps',
      '2',
      '--metric',
      'beneficiaries',
      '--json',
    );
    expect(byShare.code, byShare.err).toBe(0);
    expect(byValue.code, byValue.err).toBe(0);
    const beneficiaries = (out: string) => (JSON.parse(out) as { rows: { beneficiaries: number }[] }).rows.map((r) => r.beneficiaries);
    expect(beneficiaries(byShare.out)).toEqual(beneficiaries(byValue.out));
  }, 60_000);
});
