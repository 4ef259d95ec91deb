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
