// Rules and indicators as the source documents write them (issue 29): each expected figure here was computed
// independently in decimal (python3 decimal, the script's arithmetic written beside each figure).
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/scenario/problems.ts';
import { validateData } from '../src/scenario/validate.ts';
import { messageIn } from '../src/report/field-names.ts';
import { exactBenefit } from '../src/rules/exact.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import { setParam } from '../src/scenario/edit.ts';
import { loadScenarioFile } from './helpers/golden.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { runScenario } from '../src/engine/run.ts';
import { corridorExpectation } from '../src/finance/corridor-expectation.ts';
import { insurerResult } from '../src/finance/insurer-result.ts';
import { markdownReport } from '../src/report/markdown.ts';
import { command } from './helpers/cli.ts';

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
    // Provenance in both languages (issue #31): each side quotes the document.
    expect(d.rulesets[0].ratioCeiling.source.en).toContain('最高不超过80%');
    expect(d.rulesets[0].ratioCeiling.source.zh).toContain('最高不超过80%');
    expect(paid(d)).toBe('215449.20');
    expect(resolveSchedule(validateData(d).scenario!.rulesets[0], ['poor']).tracks[0].bands.map((b) => b.ratio.toNumber())).toEqual([
      0.6, 0.7, 0.8, 0.8,
    ]);
    expect(validateData(d).warnings).toEqual([]);
  });

  it("80% is labelled a ceiling, not the top band's stated value", () => {
    const top = jilin().rulesets[0].tracks[0].bands[3];
    expect(top.source).toBeUndefined();
    expect(top.assumption.en).toMatch(/ceiling/);
    expect(top.assumption.zh).toMatch(/上限/);
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

  it('editing the ceiling in the workbench changes its number and label, not its reading (setParam)', () => {
    const d = setParam(jilin(), ['rulesets', 0, 'ratioCeiling'], 0.7);
    expect(d.rulesets[0].ratioCeiling).toMatchObject({ value: 0.7, bindsModifiers: true });
    expect(d.rulesets[0].ratioCeiling.assumption).toMatch(/^edited in the workbench \(was 0\.8; seed 004/);
  });

  it('a stated band above the ceiling is warned at the band', () => {
    const d = jilin();
    d.rulesets[0].tracks[0].bands[3].ratio = 0.9;
    const w = validateData(d).warnings.map(formatProblem);
    expect(w).toEqual(["rulesets[0].tracks[0].bands[3].ratio: 90% is above the ruleset's ratio ceiling 80% (ratioCeiling)"]);
    expect(messageIn(validateData(d).warnings[0].message, 'zh')).toBe('90% 高于本方案的最高支付比例 80%（ratioCeiling）');
  });
});

describe("Suzhou's 政策范围内报销比例 as seed 000 writes it: 补偿金额 / （自负 + 合规自费 − 35000）, summed over beneficiaries", () => {
  // One lognormal population (μ 9, σ 1.2), self-pay 30% of which half compliant (κ = 0.15), one self-burden track
  // above 12,000 at 60%, no cap. Closed forms (python3 decimal with math.erf for Φ):
  //   S = P(X > 12,000) = Φ((9 − ln 12,000) / 1.2) = 0.3717514001893626
  //   E[X; X > 12,000] = e^(9 + 0.72) Φ((9 + 1.44 − ln 12,000) / 1.2) = 13,461.11139828212
  //   document: 0.6 (E[X; X > D] − 12,000 S) ÷ (1.15 E[X; X > D] − 35,000 S) = 2.187161792722739
  //   the project's ratio: 0.6 (E[X; X > D] − 12,000 S) ÷ (E[X; X > D] − 12,000 S) = 0.6 exactly.
  const DOC = 2.187161792722739;
  const lognormalFile = () => {
    const d = loadScenarioFile('suzhou-2021.json') as Json;
    const a = (value: number) => ({ value, assumption: 'test' });
    const pop = d.populations[0];
    pop.severity = { family: 'lognormal', mu: a(9), sigma: a(1.2) };
    pop.selfPay = { ratio: a(0.3), compliantShare: a(0.5) };
    pop.groups = [];
    pop.insured = a(400_000);
    delete pop.costLevel;
    d.populations = [pop];
    const r = d.rulesets[0];
    r.tracks = [{ id: 't', base: 'selfBurden', deductible: a(12000), bands: [{ to: null, ratio: 0.6, assumption: 'test' }] }];
    delete r.cap;
    r.modifiers = [];
    r.funding = { channels: [{ channel: 'unspecified', perInsured: a(50) }] };
    d.rulesets = [r];
    d.targets = [];
    d.simulation = { trials: 400, seed: 'doc-ratio' };
    return d;
  };

  it('analytic value: the closed form to 1e-9', () => {
    const v = validateData(lognormalFile());
    expect(v.problems).toEqual([]);
    const a = analyticExpectation(compileModel(v.scenario!))[0];
    expect(a.policyRangeReimbursementRatio!).toBeCloseTo(DOC, 9);
    expect(a.reimbursementRatio!).toBeCloseTo(0.6, 12);
  });

  it('Monte Carlo (seed doc-ratio, 400 trials of 400,000 insured) within 1% of the closed form; no value without the deduction', async () => {
    const d = lognormalFile();
    const r = await runScenario(validateData(d).scenario!, { trials: 400, seed: 'doc-ratio' });
    expect(Math.abs(r.rulesets[0].policyRangeReimbursementRatio / DOC - 1)).toBeLessThan(0.01);
    // A track cap no member reaches takes the engine off the amount kernel to its person-by-person pass: same figure.
    const capped = structuredClone(d);
    capped.rulesets[0].tracks[0].cap = { value: 1e9, assumption: 'test' };
    const general = await runScenario(validateData(capped).scenario!, { trials: 400, seed: 'doc-ratio' });
    expect(Math.abs(general.rulesets[0].policyRangeReimbursementRatio / DOC - 1)).toBeLessThan(0.01);
    delete d.rulesets[0].policyRangeDeduction;
    const none = await runScenario(validateData(d).scenario!, { trials: 20, seed: 'doc-ratio' });
    expect(none.rulesets[0].policyRangeReimbursementRatio).toBeNaN();
    expect(analyticExpectation(compileModel(validateData(d).scenario!))[0].policyRangeReimbursementRatio).toBeNull();
  });

  it('one combined track with a 35,000 deductible: the document’s ratio is the project’s (Σ (base − 35,000) over beneficiaries is Σ excess)', () => {
    // Without the assistance recipients, whose deductible is lowered to 21,000 (seed 000 起付标准低): for them the
    // formula's 35,000 is not the deductible, and the two ratios part (64.1% against 62.4% with them).
    const s = validateData(loadScenarioFile('suzhou-2021.json')).scenario!;
    for (const p of s.populations) p.groups = [];
    const a = analyticExpectation(compileModel(s));
    const combined = a.find((x) => x.id === 'suzhou-2021-combined-35k')!;
    expect(combined.policyRangeReimbursementRatio!).toBeCloseTo(combined.reimbursementRatio!, 12);
    const withGroup = analyticExpectation(compileModel(validateData(loadScenarioFile('suzhou-2021.json')).scenario!));
    const c2 = withGroup.find((x) => x.id === 'suzhou-2021-combined-35k')!;
    expect(c2.policyRangeReimbursementRatio! - c2.reimbursementRatio!).toBeGreaterThan(0.01);
  });
});

describe("Suzhou's 60% target is the document's indicator, reported as a conflict with its figures", () => {
  it('targets policyRangeReimbursementRatio (not the project’s ratio), and the conflict’s figures are the model’s', () => {
    const d = loadScenarioFile('suzhou-2021.json') as Json;
    const t = d.targets.filter((x: Json) => /reimbursement/i.test(x.metric));
    expect(t.map((x: Json) => [x.metric, x.ruleset, x.value])).toEqual([['policyRangeReimbursementRatio', 'suzhou-2021', 0.6]]);
    expect(t[0].source.en).toContain('合规自费医疗费用-35000');
    expect(t[0].source.zh).toContain('合规自费医疗费用-35000');
    const a = analyticExpectation(compileModel(validateData(d).scenario!))[0];
    // The conflict says "about −47% (employees −50%, residents −42%)" and "about 23,700 yuan" per beneficiary.
    expect(Math.round(a.policyRangeReimbursementRatio! * 100)).toBe(-47);
    expect(a.populations.map((p) => Math.round(p.policyRangeReimbursementRatio! * 100))).toEqual([-50, -42]);
    expect(Math.round(a.beneficiaryBase! / a.beneficiaries! / 100) * 100).toBe(23700);
    // 60% needs Σ (cost − 35,000) = 165,000,000 ÷ 0.6 = 275,000,000, i.e. 35,000 + 275,000,000 ÷ 31,000 = 43,870.97
    // yuan per beneficiary (python3 decimal).
    expect(t[0].conflict.en).toContain('43,871');
    expect(t[0].conflict.en).toContain('−47%');
    expect(t[0].conflict.zh).toContain('43,871');
  });
});

describe("the insurer's expected result after the corridor and its operating cost (保本微利, seed 001 二(六), seed 004 五(三))", () => {
  const model = (file: string) => compileModel(validateData(loadScenarioFile(file)).scenario!);

  it('Jilin, one year at m = 5%: keeps 3% + 30% × 2% of premium, returns the rest, and is below its 5% operating cost', () => {
    // premium 307,200,000, claims 291,840,000 (m = 15,360,000 / 307,200,000 = 5%; python3 decimal):
    // kept = 0.03 P + 0.3 × 0.02 P = 11,059,200; returned = 0.014 P = 4,300,800; operating cost 0.05 P = 15,360,000;
    // result = 11,059,200 − 15,360,000 = −4,300,800; the most it can keep is 3.6% of premium.
    const rule = model('jilin-2017.json').rulesets[0].corridor!;
    const P = 307_200_000;
    const split = corridorExpectation(rule, P, { values: [291_840_000], total: 1 });
    const r = insurerResult({ premium: P, claims: 291_840_000, split, rule, operatingCostRate: 0.05 });
    expect(r.afterCorridor).toBeCloseTo(11_059_200, 2);
    expect(r.fundReturn).toBeCloseTo(4_300_800, 2);
    expect(r.operatingCost).toBeCloseTo(15_360_000, 2);
    expect(r.mean).toBeCloseTo(-4_300_800, 2);
    expect(r.keepMaxRate).toBeCloseTo(0.036, 12);
    expect(r.breakEvenPossible).toBe(false);
  });

  it('the most each shipped corridor lets the insurer keep: Suzhou 3%, Jiangyin 2,000,000 of a 33,412,500 premium', () => {
    const keep = (file: string) => {
      const r = model(file).rulesets[0];
      return insurerResult({ premium: r.premium, claims: 0, split: null, rule: r.corridor, operatingCostRate: 0.05 }).keepMaxRate;
    };
    expect(keep('suzhou-2021.json')).toBeCloseTo(0.03, 12);
    // 2,000,000 ÷ 33,412,500 = 0.05985783763561541… (python3 decimal): above 5%, so 保本微利 is possible.
    expect(keep('jiangyin-2020.json')).toBeCloseTo(0.0598578376356154, 12);
  });

  it('expect --json and run --json add insurerResult (keys kept); report.md and run text show the table', async () => {
    const e = JSON.parse((await command('expect', 'scenarios/jilin-2017.json', '--json')).out);
    const x = JSON.parse((await command('exact', 'scenarios/jilin-2017.json', '--json')).out).rulesets[0];
    const ir = e.rulesets[0].insurerResult;
    // The exact aggregate's corridor split (the `exact` command) less 5% of premium.
    expect(ir.mean).toBeCloseTo(x.corridor.insurerMean - 0.05 * x.premium, 2);
    expect(ir.claims).toBeCloseTo(e.rulesets[0].payout, -3);
    expect(ir.breakEvenPossible).toBe(false);
    expect(e.rulesets[0].payout).toBeTypeOf('number');

    const s = validateData(loadScenarioFile('suzhou-2021.json')).scenario!;
    const run = await runScenario(s, { trials: 40, seed: 'insurer' });
    for (const r of run.rulesets) {
      expect(r.insurerResult.mean).toBeCloseTo(r.corridor!.insurerMean - r.finance.operatingCost, 4);
      expect(r.insurerResult.mean).toBeCloseTo(r.finance.insurerNetMean!, 4);
      expect(r.insurerResult.afterCorridor).toBeCloseTo(
        r.premium - r.payout.mean - r.corridor!.fundReturnMean + r.corridor!.fundTopUpMean,
        4,
      );
    }
    const md = markdownReport(s, run, []);
    expect(md).toContain("## Insurer's expected result 承办机构期望结果");
    expect(md).toMatch(/suzhou-2021 .*no: it keeps less than its operating cost 否：最多留存低于运营成本/);
    // One language a line (issue #31): --lang en says "yes", --lang zh "是".
    const text = (await command('run', 'scenarios/jiangyin-2020.json', '--trials', '20', '--lang', 'en')).out;
    expect(text).toContain("Insurer's expected result after the corridor and operating cost");
    expect(text).toMatch(/jiangyin-2020 .*\byes\s*$/m);
    const zh = (await command('run', 'scenarios/jiangyin-2020.json', '--trials', '20', '--lang', 'zh')).out;
    expect(zh).toContain('承办机构期望结果（风险调节与运营成本后）');
    expect(zh).toMatch(/jiangyin-2020 .*是\s*$/m);
  });

  it("each shipped file's description states its insurer's result and whether 保本微利 is possible, as `expect` computes them", async () => {
    for (const [file, possible] of [
      ['suzhou-2021', false],
      ['jilin-2017', false],
      ['jiangyin-2020', true],
    ] as const) {
      const d = loadScenarioFile(`${file}.json`) as Json;
      const ir = JSON.parse((await command('expect', `scenarios/${file}.json`, '--json')).out).rulesets[0].insurerResult;
      // In millions of yuan in English (an English page says no 万): to the 万 as `expect` rounds it.
      const said = /expected result is about ([−+])([\d.]+) million yuan/.exec(d.description.en)!;
      expect(said, file).not.toBeNull();
      const wan = Math.round((said[1] === '−' ? -1 : 1) * Number(said[2]) * 100);
      expect(Math.round(ir.mean / 1e4), file).toBe(wan);
      expect(ir.breakEvenPossible, file).toBe(possible);
      expect(d.description.en, file).toContain(possible ? 'allows 保本微利' : 'does not allow 保本微利');
    }
    // compare-regions: one premium, three corridors, none allows it; its results in the order of its rulesets.
    const cmp = loadScenarioFile('compare-regions.json') as Json;
    const rs = JSON.parse((await command('expect', 'scenarios/compare-regions.json', '--json')).out).rulesets;
    const said = /about −([\d.]+) million, −([\d.]+) million and −([\d.]+) million yuan/.exec(cmp.description.en)!;
    expect(rs.map((r: Json) => Math.round(r.insurerResult.mean / 1e4))).toEqual(said.slice(1).map((x) => -Math.round(Number(x) * 100)));
    expect(rs.every((r: Json) => r.insurerResult.breakEvenPossible === false)).toBe(true);
  });
});
