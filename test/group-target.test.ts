// Seed 000's assistance recipients (issue 29): 苏州市社会医疗救助的人员将自负费用起付标准低，支付比例高 and the target
// 实时救助人员个人现金减负率 = 19% = 实时救助人员大病保险补偿金额 / （实时救助人员自负医疗费用 + 自费医疗费用).
// Suzhou's files tag the recipients (`groups[]`, tag assistance) and lower their deductibles by 40% and lift their
// ratios by 5 points (Jilin's documented rule, borrowed); a target names the group and is computed over its members.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { groupBurdenReductionRate } from '../src/engine/group-rates.ts';
import { compileModel } from '../src/engine/model.ts';
import { runRaw, runScenario } from '../src/engine/run.ts';
import { column } from '../src/engine/summary.ts';
import { COL } from '../src/engine/trial-columns.ts';
import { mean, sd } from '../src/math/stats.ts';
import { markdownReport } from '../src/report/markdown.ts';
import { targetTable, toText } from '../src/report/tables.ts';
import { exactBenefit } from '../src/rules/exact.ts';
import { fastBenefit } from '../src/rules/fast.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import { validateData } from '../src/scenario/validate.ts';
import { ROOT } from './helpers/golden.ts';
import { shipped } from './helpers/scenarios.ts';

describe("Suzhou's assistance recipients: one person's benefit with the preference", () => {
  // A recipient with self-burden 87,654.32 and compliant self-pay 41,234.56 yuan. python3 decimal, ROUND_HALF_UP:
  //   self-burden track, deductible 12,000 × 0.6 = 7,200: (50,000 − 7,200) × 0.65 + (87,654.32 − 50,000) × 0.75
  //     = 27,820 + 28,240.74 = 56,060.74
  //   compliant track, deductible 35,000 × 0.6 = 21,000: (41,234.56 − 21,000) × 0.55 = 11,129.008
  //   total 67,189.748 → 67,189.75 (without the tag: 49,158.024 + 3,117.28 = 52,275.304 → 52,275.30)
  //   combined-35k reading, deductible 21,000 on 128,888.88: 79,000 × 0.65 + 28,888.88 × 0.75 = 73,016.66
  const person = { selfBurden: 87654.32, compliantSelfPay: 41234.56 };
  const s = shipped('suzhou-2021');

  it('is paid to the fen as the decimal computation gives, and the engine’s float schedule agrees', () => {
    expect(exactBenefit(resolveSchedule(s.rulesets[0], ['assistance']), person).benefit).toBe('67189.75');
    expect(exactBenefit(resolveSchedule(s.rulesets[0], []), person).benefit).toBe('52275.30');
    expect(exactBenefit(resolveSchedule(s.rulesets[1], ['assistance']), person).benefit).toBe('73016.66');
    // The Monte Carlo engine's schedules per tag mask (mask 1 = assistance) for both populations.
    const model = compileModel(s);
    for (let p = 0; p < 2; p++) {
      const [plain, tagged] = model.rulesets[0].schedules[p];
      expect(fastBenefit(tagged, person.selfBurden, person.compliantSelfPay)).toBeCloseTo(67189.748, 6);
      expect(fastBenefit(plain, person.selfBurden, person.compliantSelfPay)).toBeCloseTo(52275.304, 6);
    }
  });
});

describe("the group's burden-reduction rate (seed 000: 实时救助人员个人现金减负率 = 19%)", () => {
  it('over the tagged members equals the rate of a population whose members all carry the tag (tags are drawn independently of cost)', () => {
    const a = analyticExpectation(compileModel(shipped('suzhou-2021')))[0];
    const all = structuredClone(shipped('suzhou-2021'));
    for (const p of all.populations) p.groups[0].share = { value: 1, assumption: 'test' };
    const b = analyticExpectation(compileModel(all))[0];
    for (const pop of ['employees', 'residents'])
      expect(groupBurdenReductionRate(a, 'assistance', pop)).toBeCloseTo(b.populations.find((x) => x.id === pop)!.burdenReductionRate!, 12);
    // Over both populations the group's members weigh by each population's share × burden (0.5% and 2%).
    const shares = [0.005, 0.02];
    const burden = b.populations.map((x, p) => shares[p] * (x.selfBurden + x.selfPay));
    const weighted = b.populations.reduce((sum, x, p) => sum + burden[p] * x.burdenReductionRate!, 0) / (burden[0] + burden[1]);
    expect(groupBurdenReductionRate(a, 'assistance')).toBeCloseTo(weighted, 12);
    // Seed 000's 19%: Jilin's preference was taken because it meets it (19.2%); Jiangyin's −50% would give 22.3%.
    expect(groupBurdenReductionRate(a, 'assistance')!).toBeGreaterThan(0.187);
    expect(groupBurdenReductionRate(a, 'assistance')!).toBeLessThan(0.197);
    const jy = structuredClone(shipped('suzhou-2021'));
    for (const r of jy.rulesets) r.modifiers[0].deductibleFactor = 0.5;
    expect(groupBurdenReductionRate(analyticExpectation(compileModel(jy))[0], 'assistance')!).toBeCloseTo(0.223, 3);
    // Everyone else's rate is about 10% (the 17% targets' conflict): the preference roughly doubles it.
    expect(a.burdenReductionRate!).toBeLessThan(0.11);
  });

  it('Monte Carlo over members who all carry the tag agrees with the analytic group rate within 4 se (seed fixed)', async () => {
    const s = structuredClone(shipped('suzhou-2021'));
    s.rulesets = [s.rulesets[0]];
    s.targets = s.targets.filter((t) => (t.ruleset ?? 'suzhou-2021') === 'suzhou-2021');
    for (const p of s.populations) p.groups[0].share = { value: 1, assumption: 'test' };
    const trials = 400;
    const raw = await runRaw(s, { trials, seed: 'assistance-group' });
    // The shipped file's group rates (shares 0.5% and 2%), per population.
    const a = analyticExpectation(compileModel(shipped('suzhou-2021')))[0];
    for (const [p, pop] of ['employees', 'residents'].entries()) {
      const col = (c: number) => column(raw.model, raw.data, trials, 0, p, c);
      const payout = col(COL.payout);
      const selfPay = col(COL.selfPay);
      const burden = col(COL.selfBurden).map((x, i) => x + selfPay[i]);
      const rate = mean(payout) / mean(burden);
      // Ratio of means: its standard error by the delta method, sd(payoutₜ − rate · burdenₜ) / (√n · mean burden).
      const se = sd(payout.map((x, i) => x - rate * burden[i])) / Math.sqrt(trials) / mean(burden);
      const expected = groupBurdenReductionRate(a, 'assistance', pop)!;
      expect(se).toBeGreaterThan(0);
      expect(se / rate).toBeLessThan(0.01);
      expect(Math.abs(rate - expected), `${pop}: ${rate} vs ${expected} (se ${se})`).toBeLessThan(4 * se);
    }
  });
});

describe('a target over a group', () => {
  it('is reported beside its target in the run, the text table and the briefing, at the analytic value', async () => {
    const s = shipped('suzhou-2021');
    const r = await runScenario(s, { trials: 20, seed: 'group-target' });
    const t = r.targets.find((x) => x.group === 'assistance')!;
    expect(t).toMatchObject({ metric: 'burdenReductionRate', population: null, group: 'assistance', ruleset: 'suzhou-2021', target: 0.19 });
    expect(t.modelled).toBe(groupBurdenReductionRate(analyticExpectation(compileModel(s))[0], 'assistance'));
    expect(t.conflict).toBeUndefined();
    const text = toText(targetTable(r));
    // Without names the table keeps the group's tag, each language's side joined ("all · assistance 合计 · assistance");
    // report.md names it by its title in both languages.
    expect(text).toMatch(/all · assistance 合计 · assistance\s+suzhou-2021\s+19\.0%\s+19\.2%/);
    expect(markdownReport(s, r)).toMatch(/all · real-time assistance recipients 合计 · 实时救助人员 \| suzhou-2021 \| 19\.0% \| 19\.2%/);
    // The workbench names the group by its title.
    expect(toText(targetTable(r, 'en', { groups: { assistance: 'recipients' } }))).toContain('all · recipients');
  });

  it('refuses an unknown group, a population without it, and a metric other than the burden-reduction rate, naming the path', () => {
    const d = JSON.parse(readFileSync(`${ROOT}scenarios/suzhou-2021.json`, 'utf8'));
    d.populations[0].groups = [];
    d.targets.push({ metric: 'burdenReductionRate', group: 'nobody', value: 0.2, source: 'x' });
    d.targets.push({ metric: 'burdenReductionRate', group: 'assistance', population: 'employees', value: 0.2, source: 'x' });
    d.targets.push({ metric: 'payout', group: 'assistance', value: 1, source: 'x' });
    const msgs = validateData(d).problems.map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toContain('targets[10].group: unknown group "nobody": no population declares it (known: assistance)');
    expect(msgs).toContain('targets[11].group: population "employees" does not declare group "assistance"');
    expect(msgs).toContain(
      "targets[12].group: a target over a group can only be burdenReductionRate (the rate over the group's members), not payout",
    );
  });
});
