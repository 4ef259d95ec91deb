// Issue "Numbers an analyst can defend": funding channels, exposure (months in force on the claims side),
// regional cost levels, and shipped scenarios whose loss ratios their own text explains.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesetParamPath } from '../src/analysis/path.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { runRaw } from '../src/engine/run.ts';
import { summarize } from '../src/engine/summary.ts';
import { severityOf } from '../src/random/severity/index.ts';
import { scaled, ScaledSeverity } from '../src/random/severity/scaled.ts';
import { migrate } from '../src/scenario/migrate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { validateData } from '../src/scenario/validate.ts';
import { ROOT } from './helpers/golden.ts';
import { SEVERITIES, shipped } from './helpers/scenarios.ts';
import { saidIn } from '../src/scenario/param.ts';

const insuranceFiles = readdirSync(`${ROOT}scenarios`)
  .filter((f) => f.endsWith('.json'))
  .filter((f) => JSON.parse(readFileSync(`${ROOT}scenarios/${f}`, 'utf8')).kind === undefined)
  .map((f) => f.replace(/\.json$/, ''));

const withMonths = (s: Scenario, months: number | null): Scenario => {
  const t = structuredClone(s);
  for (const r of t.rulesets) {
    if (months === null) delete r.funding.monthsInForce;
    else r.funding.monthsInForce = { value: months, assumption: 'test' };
  }
  return t;
};

describe('shipped scenarios are explainable', () => {
  it('finds the four insurance scenarios', () => {
    expect(insuranceFiles.sort()).toEqual(['compare-regions', 'jiangyin-2020', 'jilin-2017', 'suzhou-2021']);
  });
  for (const name of insuranceFiles) {
    const s = shipped(name);
    const analytic = analyticExpectation(compileModel(s));
    it(`${name}: every ruleset's expected loss ratio lies in 80–115% or carries a reasoned note`, () => {
      for (const r of s.rulesets) {
        const lr = analytic.find((a) => a.id === r.id)!.lossRatio!;
        expect(Number.isFinite(lr)).toBe(true);
        if (lr >= 0.8 && lr <= 1.15) continue;
        const note = r.funding.lossRatioNote;
        expect(note?.zh?.length ?? 0, `${r.id} runs at ${(lr * 100).toFixed(1)}% with no Chinese note`).toBeGreaterThan(40);
        expect(note?.en?.length ?? 0, `${r.id} runs at ${(lr * 100).toFixed(1)}% with no English note`).toBeGreaterThan(80);
        // The note states the figure it explains (to the whole percent).
        expect(note!.en).toContain(`${Math.round(lr * 100)}%`);
      }
    });
    it(`${name}: the description states the baseline's expected loss ratio in zh and en`, () => {
      const base = analytic.find((a) => a.id === (s.simulation.baseline ?? s.rulesets[0].id))!;
      const pct = `${Math.round(base.lossRatio! * 100)}%`;
      expect(s.description?.zh).toContain(pct);
      expect(s.description?.en).toContain(pct);
    });
    it(`${name}: premium channels add up to the premium, per ruleset and population`, () => {
      for (const r of analytic) {
        expect(r.premiumChannels.reduce((a, c) => a + c.amount, 0)).toBeCloseTo(r.premium, 6);
        for (const p of r.populations)
          expect(r.premiumChannels.filter((c) => c.population === p.id).reduce((a, c) => a + c.amount, 0)).toBeCloseTo(p.premium, 6);
      }
    });
  }
  it('compare-regions says its loss ratios compare rules, not regions', () => {
    const s = shipped('compare-regions');
    expect(s.description?.en).toContain('compare rules, not regions');
    expect(s.description?.zh).toContain('比较的是规则，不是地区');
  });
});

describe('Suzhou 2021 funding channels (seed 000 项目资金来源)', () => {
  const s = shipped('suzhou-2021');
  const a = analyticExpectation(compileModel(s))[0];
  it('keeps the budget lines exact: 7,550.15万 + 2,640.93万 = 10,191.08万 yuan of fiscal subsidy', () => {
    const fiscal = a.premiumChannels.filter((c) => c.channel === 'fiscalSubsidy');
    expect(fiscal.map((c) => [c.population, c.amount])).toEqual([
      ['employees', 75_501_500],
      ['residents', 26_409_300],
    ]);
    expect(fiscal.reduce((x, c) => x + c.amount, 0)).toBe(101_910_800);
  });
  it('adds the transfer from the basic funds, so the premium covers the planned 16,500万 plus 5% operating cost', () => {
    const transfer = a.premiumChannels.filter((c) => c.channel === 'fundTransfer');
    expect(transfer.map((c) => c.amount)).toEqual([33.57 * 1_200_000, 57.25 * 550_000]);
    expect(a.premium).toBeCloseTo(75_501_500 + 26_409_300 + 40_284_000 + 31_487_500, 4);
    // 以收定支: planned compensation ÷ (1 − operating cost) within a fen per insured of the premium.
    expect(Math.abs(a.premium - 165_000_000 / 0.95)).toBeLessThan(0.01 * 1_750_000);
    expect(a.lossRatio!).toBeGreaterThan(0.94);
    expect(a.lossRatio!).toBeLessThan(0.96);
  });
});

describe('exposure: months in force on the claims side (rules/exposure.ts)', () => {
  const jy = shipped('jiangyin-2020');
  const annual = analyticExpectation(compileModel(withMonths(jy, null)))[0];
  it('12 months in force reproduces the annual figures exactly', () => {
    const twelve = analyticExpectation(compileModel(withMonths(jy, 12)))[0];
    expect(twelve).toEqual(annual);
  });
  it('6 months lowers the payout by more than half: fewer members pass the annual deductible', () => {
    const six = analyticExpectation(compileModel(withMonths(jy, 6)))[0];
    expect(six.premium).toBeCloseTo(annual.premium / 2, 6);
    expect(six.payout!).toBeLessThan(0.5 * annual.payout!);
    expect(six.beneficiaries!).toBeLessThan(0.5 * annual.beneficiaries!);
    // Claimants (members with any cost) are the same; each sees half of the year's amount.
    expect(six.claimants).toBe(annual.claimants);
    expect(six.selfBurden).toBeCloseTo(annual.selfBurden / 2, 0);
  });
  it('6 months equals a full year at half the cost level (even accrual: b(x/2) with the annual schedule)', () => {
    const six = analyticExpectation(compileModel(withMonths(jy, 6)))[0];
    const half = withMonths(jy, null);
    half.populations[0].costLevel = { value: 0.5 * (jy.populations[0].costLevel?.value ?? 1), assumption: 'test' };
    const h = analyticExpectation(compileModel(half))[0];
    for (const k of ['payout', 'beneficiaries', 'excess', 'selfBurden', 'selfPay'] as const) expect(six[k]! / h[k]! - 1).toBeCloseTo(0, 9);
  });
  it('Monte Carlo at 6 months agrees with the analytic mean (4 se), and money is scaled before the corridor', async () => {
    const s = withMonths(jy, 6);
    const raw = await runRaw(s, { trials: 400, seed: 'exposure' });
    const r = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic).rulesets[0];
    expect(Math.abs(r.payout.mean - r.analyticMean!)).toBeLessThan(4 * r.payout.se);
    expect(Math.abs(r.beneficiaries.mean - r.beneficiaries.analytic!)).toBeLessThan(4 * Math.sqrt(r.beneficiaries.analytic!));
    const c = r.corridor!;
    expect(c.insurerMean + c.fundReturnMean - c.fundTopUpMean).toBeCloseTo(r.premium - r.payout.mean, 0);
  });
});

describe('regional cost level (populations[].costLevel)', () => {
  for (const [name, spec] of SEVERITIES) {
    it(`${name}: scaling by s multiplies the mean by s and moves the cdf (F_s(s·x) = F(x))`, () => {
      const s = 0.65;
      const base = severityOf(spec);
      const level = scaled(base, s);
      expect(level.mean() / (s * base.mean()) - 1).toBeCloseTo(0, 9);
      for (const p of [0.1, 0.5, 0.9, 0.99]) {
        const x = base.quantile(p);
        expect(level.cdf(s * x)).toBeCloseTo(base.cdf(x), 9);
        expect(level.quantile(p) / (s * x) - 1).toBeCloseTo(0, 9);
      }
      // Scales compose into one wrapper (cost level × a year's shock).
      const both = scaled(level, 2);
      expect(both.mean() / (2 * s * base.mean()) - 1).toBeCloseTo(0, 12);
      expect((both as ScaledSeverity).base).toBe(base);
    });
  }
  it('Jilin and Jiangyin state their own level with its reasoning', () => {
    expect(shipped('jilin-2017').populations[0].costLevel?.value).toBe(0.65);
    // The reason in both languages (issue #31): the Chinese side cites the same statistics as the English one.
    const why = shipped('jilin-2017').populations[0].costLevel?.assumption;
    expect(saidIn(why, 'en')).toMatch(/次均住院费用/);
    expect(saidIn(why, 'zh')).toMatch(/0\.808 × 0\.80 ≈ 0\.65.*次均住院费用/s);
    expect(shipped('jiangyin-2020').populations[0].costLevel?.value).toBe(0.965);
  });
});

describe('schema 3 funding', () => {
  it('migrates a schema-2 funding standard (with per-population overrides) to unspecified channels with the same premium', () => {
    const v3 = JSON.parse(readFileSync(`${ROOT}scenarios/suzhou-2021.json`, 'utf8'));
    const v2 = structuredClone(v3);
    v2.schemaVersion = 2;
    for (const r of v2.rulesets) {
      const { channels: _, ...rest } = r.funding;
      r.funding = {
        perInsured: { value: 60, source: 'x' },
        byPopulation: [{ population: 'residents', perInsured: { value: 48.02, source: 'y' } }],
        ...rest,
      };
    }
    const { data, notes } = migrate(v2);
    expect(notes).toEqual(['migrated from schema version 2 to 3']);
    const v = validateData(data);
    expect(v.problems).toEqual([]);
    expect(v.scenario!.rulesets[0].funding.channels).toEqual([
      { channel: 'unspecified', population: 'employees', perInsured: { value: 60, source: 'x' } },
      { channel: 'unspecified', population: 'residents', perInsured: { value: 48.02, source: 'y' } },
    ]);
    const a = analyticExpectation(compileModel(v.scenario!))[0];
    expect(a.premium).toBeCloseTo(60 * 1_200_000 + 48.02 * 550_000, 4);
  });
  it('refuses a channel with both or neither amount, and an unknown population, naming the path', () => {
    const d = JSON.parse(readFileSync(`${ROOT}scenarios/jiangyin-2020.json`, 'utf8'));
    d.rulesets[0].funding.channels = [
      { channel: 'fundTransfer', perInsured: { value: 50, source: 'x' }, total: { value: 1, source: 'x' } },
      { channel: 'fiscalSubsidy', population: 'nobody', total: { value: 1, source: 'x' } },
      { channel: 'fiscalSubsidy' },
    ];
    const msgs = validateData(d).problems.map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toContain('rulesets[0].funding.channels[0]: give perInsured or total, not both');
    expect(msgs).toContain('rulesets[0].funding.channels[1].population: unknown population "nobody"');
    expect(msgs).toContain('rulesets[0].funding.channels[2]: give perInsured (yuan per insured per year) or total (yuan for the year)');
  });
  it('a total without a population is split by insured count', () => {
    const s = structuredClone(shipped('suzhou-2021'));
    s.rulesets[0].funding.channels = [{ channel: 'fiscalSubsidy', total: { value: 1_750_000, source: 'x' } }];
    const a = analyticExpectation(compileModel(s))[0];
    expect(a.premiumChannels).toEqual([
      { channel: 'fiscalSubsidy', population: 'employees', amount: 1_200_000 },
      { channel: 'fiscalSubsidy', population: 'residents', amount: 550_000 },
    ]);
  });
  it('funding.perInsured still names the one per-insured channel for everyone, and is refused where it is ambiguous', () => {
    expect(rulesetParamPath(shipped('jilin-2017').rulesets[0], ['funding', 'perInsured'])).toEqual([
      'funding',
      'channels',
      0,
      'perInsured',
    ]);
    expect(() => rulesetParamPath(shipped('suzhou-2021').rulesets[0], ['funding', 'perInsured'])).toThrow(
      /funding\.channels\[2\]\.perInsured \(fundTransfer, employees\)/,
    );
  });
});
