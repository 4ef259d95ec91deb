// `run --json` and `expect --json`: the keys docs/model.md "Outputs" names (a contract), and identical output for any --workers.
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';
import { langFlag } from '../src/cli/flags.ts';

const DIST = ['mean', 'se', 'p05', 'p50', 'p95', 'p995', 'tvar995'];
const KEYS = [
  'id',
  'premium',
  'payout',
  'analyticMean',
  'lossRatio',
  'beneficiaries',
  'personTimes',
  'burdenReductionRate',
  'reimbursementRatio',
  'corridor',
  'populations',
];

describe('jingsuan run', () => {
  it('--json has the contract keys, and --workers 1 and 2 print the same bytes', async () => {
    const a = await command('run', 'scenarios/jilin-2017.json', '--trials', '12', '--seed', 'cli', '--workers', '1', '--json');
    const b = await command('run', 'scenarios/jilin-2017.json', '--trials', '12', '--seed', 'cli', '--workers', '2', '--json');
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    const r = JSON.parse(a.out);
    expect(r).toMatchObject({ scenario: 'jilin-2017', trials: 12, seed: 'cli' });
    const rs = r.rulesets[0];
    for (const k of KEYS) expect(rs).toHaveProperty(k);
    for (const k of DIST) expect(typeof rs.payout[k]).toBe('number');
    for (const k of ['mean', 'p95', 'probAbove1']) expect(typeof rs.lossRatio[k]).toBe('number');
    for (const k of ['insurerMean', 'fundReturnMean', 'fundTopUpMean']) expect(typeof rs.corridor[k]).toBe('number');
    // The marginal and whole readings of Jilin's corridor, on the same sampled claims.
    expect(rs.corridor.alternatives[0].id).toBe('whole');
    expect(rs.populations[0].id).toBe('residents');
    for (const k of KEYS.filter((k) => k !== 'populations' && k !== 'corridor')) expect(rs.populations[0]).toHaveProperty(k);
    // Corridor parts add up to premium − claims in expectation.
    const c = rs.corridor;
    expect(c.insurerMean + c.fundReturnMean - c.fundTopUpMean).toBeCloseTo(rs.premium - rs.payout.mean, 0);
  });
  it('comparisons carry paired differences with a 95% interval', async () => {
    const r = JSON.parse((await command('run', 'scenarios/compare-regions.json', '--trials', '20', '--json')).out);
    expect(r.comparisons.map((c: { a: string; b: string }) => `${c.a}→${c.b}`)).toEqual([
      'jiangyin-2020→suzhou-2021',
      'jiangyin-2020→jilin-2017',
    ]);
    for (const c of r.comparisons) expect(c.payoutDiff.lo95).toBeLessThan(c.payoutDiff.hi95);
  });
  it("prints modelled vs target; populations and groups by their titles in the table's language, rulesets by id", async () => {
    const args = ['run', 'scenarios/suzhou-2021.json', '--trials', '20', '--workers', '1'];
    const r = await command(...args, '--lang', 'zh');
    expect(r.code).toBe(0);
    const zh = r.out;
    expect(zh).toContain('模型与目标');
    expect(zh).not.toContain('Modelled vs target');
    expect(zh).toMatch(/^补偿人数\s+职工\s+suzhou-2021\s+20,000/m);
    // The file's titles: employees 职工 / Employees, residents 居民 / Residents, group assistance 实时救助人员.
    expect(zh.split('\n')[1]).toMatch(/^20 次试验，随机种子 suzhou-2021，1 个线程，用时 \d+\.\d 秒$/);
    // Funding (seed 000's budget lines, exact: 7,550.15万 fiscal subsidy for employees), by population, targets.
    expect(zh).toMatch(/^suzhou-2021\s+财政补贴\s+职工\s+7,550\.15\s+43\.5%$/m);
    expect(zh).toMatch(/^suzhou-2021\s+基本医保基金划转\s+居民\s+3,148\.75\s+18\.1%$/m);
    expect(zh).toMatch(/^suzhou-2021-ded8k\s+职工\s+[\d,]+\.\d\s/m);
    expect(zh).toMatch(/^suzhou-2021-ded8k\s+居民\s+[\d,]+\.\d\s/m);
    expect(zh).toMatch(/^个人现金减负率\s+合计 · 实时救助人员\s+suzhou-2021\s/m);
    expect(zh).not.toMatch(/employees|residents|Employees|Residents|assistance|trials|worker/);
    const en = (await command(...args, '--lang', 'en')).out;
    expect(en).toContain('Modelled vs target');
    expect(en).toMatch(/^beneficiaries\s+Employees\s+suzhou-2021\s+20,000/m);
    expect(en.split('\n')[1]).toMatch(/^20 trials, seed suzhou-2021, 1 worker\(s\), \d+\.\d s$/);
    expect(en).toMatch(/^suzhou-2021\s+fiscal subsidy\s+Employees\s+7,550\.15\s+43\.5%$/m);
    expect(en).toMatch(/^suzhou-2021-ded8k\s+Residents\s+[\d,]+\.\d\s/m);
    expect(en).toMatch(/^burden reduction rate\s+all · real-time assistance recipients\s+suzhou-2021\s/m);
    expect(en).not.toMatch(/职工|居民|\bemployees\b|\bresidents\b/);
    // --json keeps the ids (docs/model.md "Outputs").
    const j = JSON.parse((await command(...args, '--json')).out);
    expect(j.rulesets[0].populations.map((p: { id: string }) => p.id)).toEqual(['employees', 'residents']);
    expect(j.targets.find((t: { group?: string }) => t.group)).toMatchObject({ population: null, group: 'assistance' });
  });
  it('rejects bad flags with one line', async () => {
    const r = await command('run', 'scenarios/suzhou-2021.json', '--trials', '0');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('jingsuan run: --trials: "0" must be a whole number from 1 to 100,000');
  });
});

describe('jingsuan expect', () => {
  it('analytic expected values per ruleset and population', async () => {
    const r = JSON.parse((await command('expect', 'scenarios/suzhou-2021.json', '--json')).out);
    const zz = r.rulesets.find((x: { id: string }) => x.id === 'suzhou-2021');
    // Calibrated to seed 000: 11,000万 + 5,500万 and 20,000 + 11,000 beneficiaries.
    expect(zz.payout / 1e4).toBeCloseTo(16500, -1);
    expect(zz.beneficiaries).toBeCloseTo(31000, -1);
    expect(zz.populations.map((p: { id: string }) => p.id)).toEqual(['employees', 'residents']);
  });
});

// Issue #31: one language a line (--lang, default from the locale) and one unit for totals (--unit) in every
// command that prints money totals; --json unchanged (yuan).
describe('--lang and --unit', () => {
  const HAN = /[\u3400-\u9fff]/;
  it('expect --lang en holds no Chinese but the term 保本微利; --lang zh names the total 合计', async () => {
    const en = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out.replace(/保本微利/g, '')).not.toMatch(HAN);
    expect(en.out).toMatch(/^jiangyin-2020\s+all\s/m);
    const zh = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'zh');
    expect(zh.out).toMatch(/^jiangyin-2020\s+合计\s/m);
    expect(zh.out).not.toMatch(/\b(all|premium|transfer from the basic funds|yes)\b/);
  });
  it('the locale chooses when --lang is absent: zh_CN → Chinese, C → English', () => {
    expect(langFlag(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFlag(undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' })).toBe('zh');
    expect(langFlag(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(langFlag(undefined, {})).toBe('en');
  });
  it('--unit yuan prints the premium in yuan, --unit wanyuan (the default) in 万元, each the --json figure', async () => {
    const j = JSON.parse((await command('expect', 'scenarios/jiangyin-2020.json', '--json')).out);
    const premium: number = j.rulesets[0].premium; // 49.5 yuan × 1,350,000 insured × 6 of 12 months in force = 33,412,500 yuan
    expect(premium).toBe(33_412_500);
    const yuan = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'en', '--unit', 'yuan');
    // The population by its title (scenarios/jiangyin-2020.json: members, 江阴参保人员 / Jiangyin insured members).
    expect(yuan.out).toMatch(/^jiangyin-2020\s+Jiangyin insured members\s+33,412,500\s/m);
    expect(yuan.out).toContain('premium (yuan)');
    const wan = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'en');
    expect(wan.out).toMatch(/^jiangyin-2020\s+Jiangyin insured members\s+3,341\.3\s/m);
    const zh = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'zh', '--unit', 'yuan');
    expect(zh.out).toMatch(/^jiangyin-2020\s+江阴参保人员\s+33,412,500\s/m);
    expect(zh.out).toMatch(/^jiangyin-2020\s+基本医保基金划转\s+江阴参保人员\s+33,412,500\s+100\.0%$/m);
    expect(zh.out).not.toMatch(/\bmembers\b/);
    expect(wan.out).toContain('premium (10k yuan)');
  });
  it('sweep prints totals in the same unit as expect, titles its columns in words, and refuses a bad unit by name', async () => {
    const args = ['sweep', 'scenarios/jiangyin-2020.json', '--ruleset', 'jiangyin-2020', '--param', 'tracks[0].deductible'];
    const more = ['--from', '15000', '--to', '15000', '--steps', '1', '--trials', '20', '--metric', 'personTimes', '--metric', 'payout'];
    const zh = await command(...args, ...more, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^江阴 2020 大病保险 · 起付标准 \(tracks\[0\]\.deductible\)\s+补偿人次\s+期望赔付$/m);
    expect(zh.out).not.toContain('personTimes');
    const j = JSON.parse((await command(...args, ...more, '--json')).out);
    const wan = (j.rows[0].payout / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(zh.out).toMatch(new RegExp(`^15,000\\.00 元\\s+[\\d,]+\\s+${wan.replace(/[.]/g, '\\.')} 万元$`, 'm'));
    const yuan = await command(...args, ...more, '--lang', 'en', '--unit', 'yuan');
    const fen = j.rows[0].payout.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(yuan.out).toContain(`${fen} yuan`);
    const bad = await command(...args, ...more, '--unit', 'wan');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--unit: "wan" must be wanyuan (万元, the default) or yuan (元)');
    const badLang = await command('expect', 'scenarios/jiangyin-2020.json', '--lang', 'fr');
    expect(badLang.err).toContain('--lang: "fr" must be zh (中文) or en (English)');
  }, 60_000);
});
