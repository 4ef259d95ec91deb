// Rules and indicators as the source documents write them (issue 29): each expected figure here was computed
// independently in decimal (python3 decimal, the script's arithmetic written beside each figure).
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/scenario/problems.ts';
import { validateData } from '../src/scenario/validate.ts';
import { messageIn } from '../src/report/field-names.ts';
import { exactBenefit } from '../src/rules/exact.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import { loadScenarioFile } from './helpers/golden.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const jilin = () => loadScenarioFile('jilin-2017.json') as Json;

describe("Jilin's ratio ceiling (seed 004 三(三) 最高不超过80%, 三(四) 分段支付比例提高5%)", () => {
  // A poor urban member with a self-burden of 300,000: deductible 26,530 × 0.6 = 15,918;
  // (50,000 − 15,918) × 0.60 + 50,000 × 0.70 + 100,000 × 0.80 + 100,000 × r4, cap 300,000 (python3 decimal):
  // r4 = 0.80 (ceiling binds) → 215,449.20; r4 = 0.85 (lifted past it) → 220,449.20.
  const paid = (data: Json) => {
    const v = validateData(data);
    expect(v.problems).toEqual([]);
    return exactBenefit(resolveSchedule(v.scenario!.rulesets[0], ['poor']), {
      selfBurden: '300000',
      compliantSelfPay: '0',
    }).benefit;
  };

  it('the shipped file reads the ceiling as binding the lift: the top band stays at 80%, with no warning', () => {
    const d = jilin();
    expect(d.rulesets[0].ratioCeiling).toMatchObject({ value: 0.8, bindsModifiers: true });
    expect(d.rulesets[0].ratioCeiling.source).toContain('最高不超过80%');
    expect(paid(d)).toBe('215449.20');
    expect(resolveSchedule(validateData(d).scenario!.rulesets[0], ['poor']).tracks[0].bands.map((b) => b.ratio.toNumber())).toEqual([
      0.6, 0.7, 0.8, 0.8,
    ]);
    expect(validateData(d).warnings).toEqual([]);
  });

  it("80% is labelled a ceiling, not the top band's stated value", () => {
    const top = jilin().rulesets[0].tracks[0].bands[3];
    expect(top.source).toBeUndefined();
    expect(top.assumption).toMatch(/ceiling/);
  });

  it('the other reading lifts past the ceiling (85%) and the validator says so beside the modifier', () => {
    for (const binds of [false, undefined]) {
      const d = jilin();
      if (binds === undefined) delete d.rulesets[0].ratioCeiling.bindsModifiers;
      else d.rulesets[0].ratioCeiling.bindsModifiers = binds;
      expect(paid(d)).toBe('220449.20');
      const w = validateData(d).warnings.map(formatProblem);
      expect(w).toHaveLength(1);
      expect(w[0]).toMatch(
        /^rulesets\[0\]\.modifiers\[1\]\.ratioAdd: lifts 1 band past the ratio ceiling 80% the document sets \(ratioCeiling\), up to 85%/,
      );
      expect(messageIn(validateData(d).warnings[0].message, 'zh')).toMatch(
        /^使 1 段支付比例超过文件规定的最高支付比例 80%（ratioCeiling），最高达 85%；按所写执行/,
      );
    }
  });

  it('a stated band above the ceiling is warned at the band', () => {
    const d = jilin();
    d.rulesets[0].tracks[0].bands[3].ratio = 0.9;
    const w = validateData(d).warnings.map(formatProblem);
    expect(w).toEqual(["rulesets[0].tracks[0].bands[3].ratio: 90% is above the ruleset's ratio ceiling 80% (ratioCeiling)"]);
    expect(messageIn(validateData(d).warnings[0].message, 'zh')).toBe('90% 高于本方案的最高支付比例 80%（ratioCeiling）');
  });
});
