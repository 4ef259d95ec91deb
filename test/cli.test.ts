// The command-line contract of docs/model.md ("Command line"), run as a user would: `node bin/jingsuan.js …`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jingsuan } from './helpers/cli.ts';
import { loadScenarioFile } from './helpers/golden.ts';

describe('jingsuan benefit', () => {
  it('the example of issue 2: assistance recipient, 150,000 → "101650.00"', () => {
    const r = jingsuan(
      'benefit',
      'scenarios/jiangyin-2020.json',
      '--ruleset',
      'jiangyin-2020',
      '--group',
      'assistance',
      '--burden',
      '150000',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.benefit).toBe('101650.00');
    expect(j.tracks[0].deductible).toBe('9000.00');
  });
  it('repeated --group combines: a rural poor member of Jilin', () => {
    const r = jingsuan(
      'benefit',
      'scenarios/jilin-2017.json',
      '--ruleset',
      'jilin-2017',
      '--group',
      'rural',
      '--group',
      'poor',
      '--burden',
      '30000',
      '--json',
    );
    // deductible 12,123 × 0.6 = 7,273.80; (30,000 − 7,273.80) × 0.60 = 13,635.72
    expect(JSON.parse(r.out).benefit).toBe('13635.72');
  });
  it('two tracks: Suzhou self-burden and compliant self-pay', () => {
    const r = jingsuan(
      'benefit',
      'scenarios/suzhou-2021.json',
      '--ruleset',
      'suzhou-2021',
      '--burden',
      '60000',
      '--compliant-self-pay',
      '45000',
      '--json',
    );
    // self-burden: (50,000 − 12,000) × 0.6 + 10,000 × 0.7 = 29,800; compliant: (45,000 − 35,000) × 0.5 = 5,000
    const j = JSON.parse(r.out);
    expect(j.tracks.map((t: { paid: string }) => t.paid)).toEqual(['29800.00', '5000.00']);
    expect(j.benefit).toBe('34800.00');
  });
  it('clear errors, no stack traces', () => {
    const bad = jingsuan('benefit', 'scenarios/jiangyin-2020.json', '--ruleset', 'jiangyin-2020', '--burden', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--burden: "lots" is not an amount in yuan');
    const group = jingsuan('benefit', 'scenarios/jiangyin-2020.json', '--ruleset', 'jiangyin-2020', '--group', 'vip', '--burden', '1');
    expect(group.err).toContain('unknown group "vip"');
    const flag = jingsuan('benefit', 'scenarios/jiangyin-2020.json', '--rulset', 'x');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--rulset'");
    for (const r of [bad, group, flag]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('jingsuan corridor', () => {
  it("Jilin marginal reading with the whole reading alongside (docs/policy.md §5's table)", () => {
    const r = jingsuan(
      'corridor',
      'scenarios/jilin-2017.json',
      '--ruleset',
      'jilin-2017',
      '--premium',
      '100000000',
      '--claims',
      '104000000',
      '--json',
    );
    const j = JSON.parse(r.out);
    expect([j.insurer, j.fundReturn, j.fundTopUp, j.tier]).toEqual(['-3500000.00', '0.00', '500000.00', 1]);
    expect(j.alternatives[0]).toMatchObject({ id: 'whole', insurer: '-2000000.00', fundTopUp: '2000000.00' });
  });
});

describe('jingsuan validate', () => {
  it('exit 0 for every shipped scenario', () => {
    for (const f of ['suzhou-2021', 'jiangyin-2020', 'jilin-2017', 'compare-regions'])
      expect(jingsuan('validate', `scenarios/${f}.json`).code).toBe(0);
  });
  it('exit 1 and one line per problem', () => {
    const d = loadScenarioFile('jiangyin-2020.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    d.rulesets[0].tracks[0].bands[0].ratio = 1.5;
    d.populations[0].incidence.value = -0.1;
    const file = join(mkdtempSync(join(tmpdir(), 'js-')), 'bad.json');
    writeFileSync(file, JSON.stringify(d));
    const r = jingsuan('validate', file);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').sort()).toEqual([
      'populations[0].incidence.value: must be between 0 and 1 (0–100%)',
      'rulesets[0].tracks[0].bands[0].ratio: must be between 0 and 1 (0–100%)',
    ]);
  });
  it('a missing file is one line, exit 1', () => {
    const r = jingsuan('validate', 'nope.json');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('jingsuan validate: nope.json: no such file');
  });
});

describe('text output reads as people read numbers', () => {
  it('corridor: yuan to the fen with separators, rates as percentages (docs/policy.md §5: Jilin at m = −4%)', () => {
    const r = jingsuan(
      'corridor',
      'scenarios/jilin-2017.json',
      '--ruleset',
      'jilin-2017',
      '--premium',
      '100000000',
      '--claims',
      '104000000',
    );
    expect(r.out).toContain('premium 保费 100,000,000.00 元, claims 赔付 104,000,000.00 元');
    expect(r.out).toContain('profit/loss rate m = -4.00% (tier 1: -5.00% … -3.00%, insurer share 50.00%, marginal)');
    expect(r.out).toContain('insurer 承办机构: −3,500,000.00 元');
  });
  it('validate says "1 population, 1 ruleset"; sweep shows yuan, 万元 and percentages', () => {
    expect(jingsuan('validate', 'scenarios/jilin-2017.json').err).toContain('(1 population, 1 ruleset)');
    const s = jingsuan(
      'sweep',
      'scenarios/jiangyin-2020.json',
      '--ruleset',
      'jiangyin-2020',
      '--param',
      'tracks[0].deductible',
      '--from',
      '10000',
      '--to',
      '30000',
      '--steps',
      '3',
      '--lang',
      'zh',
    );
    // The deductible (a per-person amount) in yuan to the fen; the payout (a total) in 万元 as expect and run print it.
    expect(s.out).toMatch(/10,000\.00 元\s+[\d,]+\.\d\d 万元\s+\d+\.\d\d%/);
  });
});
