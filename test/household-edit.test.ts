// The household layer's edits in the workbench (scenario/household-edit.ts, issue #33): pure, each one step,
// values labelled as added or edited, the result validated like a file (bad values named by their JSON path).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incomeCdf } from '../src/math/income.ts';
import { getAt, removeAt, setParam } from '../src/scenario/edit.ts';
import { addAssistance, addHousehold, addIncome, setAssistanceGroup, setIncomeFromMeanGini } from '../src/scenario/household-edit.ts';
import { validateData } from '../src/scenario/validate.ts';
import { ROOT } from './helpers/golden.ts';

const jiangyin = JSON.parse(readFileSync(`${ROOT}scenarios/jiangyin-2020.json`, 'utf8'));
/** Jiangyin without its household layer: no income, no assistance, no poverty line. */
const bare = removeAt(removeAt(removeAt(removeAt(jiangyin, ['populations', 0, 'income']), ['rulesets', 0, 'assistance']), ['household']), [
  'populations',
  0,
  'groups',
  0,
  'income',
]);
const problemsOf = (s: unknown) => validateData(s).problems.map((p) => `${p.path}: ${p.message}`);

describe('household edits', () => {
  it('the bare file validates; adding an income, assistance and a poverty line gives a valid file whose values say they were added', () => {
    expect(getAt(bare, ['populations', 0, 'income'])).toBeUndefined();
    expect(problemsOf(bare)).toEqual([]);
    const s = addHousehold(addAssistance(addIncome(bare, ['populations', 0, 'income']), ['rulesets', 0]));
    expect(problemsOf(s)).toEqual([]);
    const inc = getAt(s, ['populations', 0, 'income']) as { mu: { value: number; assumption: string }; sigma: { value: number } };
    // Mean 40,000 and Gini 0.35 (NEW_INCOME), checked independently: the Gini of a lognormal is 2Φ(σ/√2) − 1, so
    // P(Y ≤ e^μ) = 1/2 and the mean e^(μ+σ²/2) = 40,000 to the 4 decimals the file keeps.
    expect(Math.exp(inc.mu.value + inc.sigma.value ** 2 / 2)).toBeCloseTo(40_000, -1);
    expect(incomeCdf({ mu: inc.mu.value, sigma: inc.sigma.value }, Math.exp(inc.mu.value))).toBeCloseTo(0.5, 12);
    expect(inc.mu.assumption).toMatch(/^added in the workbench/);
    const a = getAt(s, ['rulesets', 0, 'assistance']) as { groups: string[]; rate: { value: number } };
    // Jiangyin's recipients carry the tag "assistance": chosen from the populations' tags.
    expect(a.groups).toEqual(['assistance']);
    expect(a.rate.value).toBe(0.7);
    expect((getAt(s, ['household', 'povertyLine']) as { value: number }).value).toBe(12_000);
    // Adding twice changes nothing (the button is gone once a block is there).
    expect(addIncome(s, ['populations', 0, 'income'])).toBe(s);
    expect(addAssistance(s, ['rulesets', 0])).toBe(s);
  });

  it("a group's income starts as a copy of its population's", () => {
    const s = addIncome(addIncome(bare, ['populations', 0, 'income']), ['populations', 0, 'groups', 0, 'income']);
    const pop = getAt(s, ['populations', 0, 'income']) as { mu: { value: number } };
    const grp = getAt(s, ['populations', 0, 'groups', 0, 'income']) as { mu: { value: number; assumption: string } };
    expect(grp.mu.value).toBe(pop.mu.value);
    expect(grp.mu.assumption).toContain("copy of the population's income");
    expect(problemsOf(s)).toEqual([]);
  });

  it('mu and sigma from a mean income and a Gini in one edit: σ = √2·Φ⁻¹((1+G)/2), μ = ln m − σ²/2; bad inputs change nothing', () => {
    const s0 = addIncome(bare, ['populations', 0, 'income']);
    const s = setIncomeFromMeanGini(s0, ['populations', 0, 'income'], 45_000, 0.3);
    const inc = getAt(s, ['populations', 0, 'income']) as { mu: { value: number; assumption: string }; sigma: { value: number } };
    // Φ⁻¹(0.65) = 0.385320466 (tables), σ = 0.544927…; μ = ln 45000 − σ²/2 = 10.714418 − 0.148473 = 10.565945.
    expect(inc.sigma.value).toBeCloseTo(Math.SQRT2 * 0.385320466, 4);
    expect(inc.mu.value).toBeCloseTo(Math.log(45_000) - (Math.SQRT2 * 0.385320466) ** 2 / 2, 4);
    expect(inc.mu.assumption).toMatch(/^edited in the workbench from a mean income of 45000 yuan and a Gini of 0.3/);
    for (const [m, g] of [
      [0, 0.3],
      [-5, 0.3],
      [Number.NaN, 0.3],
      [45_000, 0],
      [45_000, 1],
      [45_000, Number.POSITIVE_INFINITY],
    ])
      expect(setIncomeFromMeanGini(s0, ['populations', 0, 'income'], m, g)).toBe(s0);
  });

  it('recipients ticked and unticked; an empty list, a rate of 150%, a negative σ refused and an unknown tag warned, each at its JSON path', () => {
    const s = addAssistance(bare, ['rulesets', 0]);
    const none = setAssistanceGroup(s, ['rulesets', 0, 'assistance'], 'assistance', false);
    expect((getAt(none, ['rulesets', 0, 'assistance', 'groups']) as string[]).length).toBe(0);
    expect((getAt(none, ['rulesets', 0, 'assistance']) as { assumption: string }).assumption).toContain('was groups=["assistance"]');
    expect(problemsOf(none).some((p) => p.startsWith('rulesets[0].assistance.groups'))).toBe(true);
    const back = setAssistanceGroup(none, ['rulesets', 0, 'assistance'], 'assistance', true);
    expect(problemsOf(back)).toEqual([]);
    const unknown = setAssistanceGroup(s, ['rulesets', 0, 'assistance'], 'nosuch', true);
    expect(validateData(unknown).warnings.map((w) => w.path)).toContain('rulesets[0].assistance.groups[1]');
    const rate = setParam(s, ['rulesets', 0, 'assistance', 'rate'], 1.5);
    expect(problemsOf(rate).some((p) => p.startsWith('rulesets[0].assistance.rate'))).toBe(true);
    const sigma = setParam(addIncome(bare, ['populations', 0, 'income']), ['populations', 0, 'income', 'sigma'], -1);
    expect(problemsOf(sigma).some((p) => p.startsWith('populations[0].income.sigma'))).toBe(true);
  });
});
