// The household keys of the command line (issue #33, docs/model.md "Outputs"): `benefit` shows every layer and the
// person against an income, `expect --json` and `run --json` carry `household` per ruleset and population, null
// with `householdReason` where a population has no income.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';
import { ROOT } from './helpers/golden.ts';

const HEAD = ['outOfPocket', 'catastrophic10', 'catastrophic25', 'impoverished'];

describe('benefit: every layer', () => {
  it('Jiangyin recipient, 150,000 self-burden, 20,000 self-pay, income 13,200, against the general schedule', async () => {
    const r = await command(
      'benefit',
      'scenarios/jiangyin-2020.json',
      '--ruleset',
      'jiangyin-2020',
      '--group',
      'assistance',
      '--burden',
      '150000',
      '--self-pay',
      '20000',
      '--income',
      '13200',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.benefit).toBe('101650.00'); // the existing key, unchanged
    // Critical illness 101,650 (policy.md §2); assistance (shipped assumption: deductible 0, 70%, cap 50,000):
    // 0.7 × (150,000 − 101,650) = 33,845.00; out-of-pocket 150,000 + 20,000 − 101,650 − 33,845 = 34,505.00,
    // 261.4% of 13,200: catastrophic at 10% and 25%; 13,200 ≥ the line 12,000 > 13,200 − 34,505: impoverished.
    expect(j.layers).toMatchObject({
      cost: '170000.00',
      criticalIllness: '101650.00',
      assistance: '33845.00',
      outOfPocket: '34505.00',
      catastrophic10: true,
      catastrophic25: true,
      impoverished: true,
    });
    expect(j.layers.shareOfIncome).toBeCloseTo(34505 / 13200, 6);
  });

  it('refuses a self-pay below its compliant part, naming the flag', async () => {
    const r = await command(
      'benefit',
      'scenarios/jiangyin-2020.json',
      '--ruleset',
      'jiangyin-2020',
      '--burden',
      '1',
      '--compliant-self-pay',
      '10',
      '--self-pay',
      '5',
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--self-pay/);
  });
});

describe('expect --json and run --json: household per ruleset and population', () => {
  // Each case runs several commands: room for a shared 2-core machine (vite.config.ts gives 60 s).
  it('every shipped scenario: the four figures, finite, shares within [0, 1]', { timeout: 240_000 }, async () => {
    for (const name of ['suzhou-2021', 'jiangyin-2020', 'jilin-2017', 'compare-regions']) {
      const r = await command('expect', `scenarios/${name}.json`, '--json');
      expect(r.code).toBe(0);
      for (const rs of JSON.parse(r.out).rulesets)
        for (const p of rs.populations) {
          for (const k of HEAD) expect(Number.isFinite(p.household[k]), `${name} ${rs.id} ${p.id} ${k}`).toBe(true);
          expect(p.household.catastrophic25).toBeLessThanOrEqual(p.household.catastrophic10);
          expect(p.household.catastrophic10).toBeLessThan(1);
        }
    }
  });

  it('a population without income: household null with householdReason "no-income"', { timeout: 240_000 }, async () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'scenarios/jiangyin-2020.json'), 'utf8'));
    delete d.populations[0].income;
    d.$schema = undefined;
    const f = join(mkdtempSync(join(tmpdir(), 'hh-')), 'no-income.json');
    writeFileSync(f, JSON.stringify(d));
    const e = JSON.parse((await command('expect', f, '--json')).out).rulesets[0];
    expect(e.populations[0].household).toBeNull();
    expect(e.populations[0].householdReason).toBe('no-income');
    const run = await command('run', f, '--trials', '50', '--json');
    expect(run.code).toBe(0);
    const rr = JSON.parse(run.out).rulesets[0];
    expect(rr.populations[0].household).toBeNull();
    expect(rr.populations[0].householdReason).toBe('no-income');
    expect(rr.household).toBeNull();
  });

  it(
    'run --json: the analytic figure lies within 4 se of the sampled one (Jilin), and comparisons carry the paired difference',
    { timeout: 240_000 },
    async () => {
      const e = JSON.parse((await command('expect', 'scenarios/jilin-2017.json', '--json')).out).rulesets[0].populations[0].household;
      const r = JSON.parse((await command('run', 'scenarios/jilin-2017.json', '--trials', '50', '--json')).out).rulesets[0].populations[0]
        .household;
      for (const k of HEAD) expect(Math.abs(r[k] - e[k]), k).toBeLessThan(4 * r.intervals[k].se);
      const c = JSON.parse((await command('run', 'scenarios/compare-regions.json', '--trials', '50', '--json')).out).comparisons;
      for (const x of c) for (const k of HEAD) expect(x.household.total[k].lo95).toBeLessThanOrEqual(x.household.total[k].hi95);
    },
  );
});

describe('capacity to pay and the out-of-pocket ceiling on the command line (issue #33)', () => {
  it(
    'the shipped files with spending give catastrophicCtp40 between the 25% and 10% shares; without spending null with its reason',
    { timeout: 240_000 },
    async () => {
      // 40% of capacity = 0.4 × consumption share × (1 − food share) of income: 0.4 × 0.58 × 0.73 = 0.169 (Suzhou
      // employees) … 0.4 × 0.72 × 0.71 = 0.204 (Jilin), all between 10% and 25%, so the share lies between those two.
      for (const name of ['suzhou-2021', 'jiangyin-2020', 'jilin-2017']) {
        const r = JSON.parse((await command('expect', `scenarios/${name}.json`, '--json')).out);
        for (const rs of r.rulesets) {
          const h = rs.household;
          expect(h.catastrophicCtp40, `${name} ${rs.id}`).toBeGreaterThan(h.catastrophic25);
          expect(h.catastrophicCtp40, `${name} ${rs.id}`).toBeLessThan(h.catastrophic10);
          expect(h.layers.ceiling).toBe(0);
        }
      }
      const c = JSON.parse((await command('expect', 'scenarios/compare-regions.json', '--json')).out).rulesets[0];
      expect(c.household.catastrophicCtp40).toBeNull();
      expect(c.household.catastrophicCtp40Reason).toBe('no-spending');
      const text = await command('expect', 'scenarios/jilin-2017.json', '--lang', 'en');
      expect(text.out).toMatch(/above 40% of capacity to pay \d+\.\d\d%/);
    },
  );

  it('benefit --income: the ceiling pays the in-policy remainder above share × income, to the fen', { timeout: 240_000 }, async () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'scenarios/jiangyin-2020.json'), 'utf8'));
    d.rulesets[0].assistance.ceiling = [{ incomeBelow: { value: 30000, assumption: 't' }, share: { value: 0.1, assumption: 't' } }];
    const f = join(mkdtempSync(join(tmpdir(), 'hh-')), 'ceiling.json');
    writeFileSync(f, JSON.stringify(d));
    // Not a recipient, self-burden 60,000, self-pay 5,000 of which 2,000 compliant, income 24,000.50: critical illness
    // (its one track reads the self-burden) 0.6 × (60,000 − 18,000) = 25,200.00; in-policy remainder 60,000 + 2,000
    // − 25,200 = 36,800; the ceiling 10% × 24,000.50 = 2,400.05, so it pays 34,399.95; out-of-pocket 65,000 − 25,200
    // − 34,399.95 = 5,400.05 = 2,400.05 + the 3,000 non-compliant self-pay, which stays the member's.
    const args = [
      'benefit',
      f,
      '--ruleset',
      'jiangyin-2020',
      '--burden',
      '60000',
      '--self-pay',
      '5000',
      '--compliant-self-pay',
      '2000',
      '--income',
      '24000.50',
    ];
    const r = await command(...args, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).layers).toMatchObject({
      criticalIllness: '25200.00',
      assistance: '34399.95',
      ceiling: '34399.95',
      outOfPocket: '5400.05',
      catastrophic10: true,
      catastrophic25: false,
    });
    expect((await command(...args)).out).toMatch(/out-of-pocket ceiling 自付封顶 34399\.95/);
  });
});

describe('run: the household tables in the terminal', () => {
  it('Suzhou, 20 trials: each figure with its 95% interval in one cell, and each proposal paired against the baseline', async () => {
    const text = await command('run', 'scenarios/suzhou-2021.json', '--trials', '20', '--lang', 'en', '--workers', '1');
    const json = await command('run', 'scenarios/suzhou-2021.json', '--trials', '20', '--workers', '1', '--json');
    expect(text.code, text.err).toBe(0);
    const j = JSON.parse(json.out);
    const lines = text.out.split('\n');
    const at = lines.indexOf('Households (95% intervals)');
    expect(at).toBeGreaterThan(0);
    // The baseline's total row: its share above 10% of income and its interval as --json gives them, to 2 decimals.
    const base = j.rulesets[0];
    const h = base.household;
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    const row = lines.slice(at).find((l) => l.startsWith(`${base.id} `) && / all /.test(l))!;
    expect(row).toContain(`${pct(h.catastrophic10)} [${pct(h.intervals.catastrophic10.lo95)}, ${pct(h.intervals.catastrophic10.hi95)}]`);
    expect(row).toContain(Math.round(h.impoverished).toLocaleString('en'));
    // Populations by title; each proposal's paired difference in percentage points with its interval.
    expect(lines.slice(at).some((l) => l.includes(' Employees '))).toBe(true);
    const diffAt = lines.indexOf('Household differences (paired, 95% intervals)');
    expect(diffAt).toBeGreaterThan(at);
    const d = j.comparisons.find((c: { b: string }) => c.b === 'suzhou-2021-ded8k').household.total;
    const pts = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)}`;
    const drow = lines.slice(diffAt).find((l) => l.startsWith('suzhou-2021-ded8k − baseline') && / all /.test(l))!;
    expect(drow).toContain(`${pts(d.catastrophic25.mean)} [${pts(d.catastrophic25.lo95)}, ${pts(d.catastrophic25.hi95)}]`);
  }, 120_000);
});
