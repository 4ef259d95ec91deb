// `run --json` and `expect --json`: the keys docs/model.md "Outputs" names (a contract), and identical output for any --workers.
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';

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
  it('prints modelled vs target in the text report', async () => {
    const r = await command('run', 'scenarios/suzhou-2021.json', '--trials', '20');
    expect(r.code).toBe(0);
    expect(r.out).toContain('模型与目标 · Modelled vs target');
    expect(r.out).toMatch(/beneficiaries 补偿人数\s+employees\s+suzhou-2021\s+20,000/);
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
