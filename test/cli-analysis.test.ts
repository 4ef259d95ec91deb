// `solve`, `sweep` and `calibrate` on the command line (issue 7).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';
import { ROOT } from './helpers/golden.ts';

/** The scenario, ruleset and parameter most of these commands move: Jiangyin's deductible. */
const JIANGYIN_DEDUCTIBLE = ['scenarios/jiangyin-2020.json', '--ruleset', 'jiangyin-2020', '--param', 'tracks[0].deductible'];

describe('jingsuan solve', () => {
  it('finds the Jiangyin deductible for an expected loss ratio of 95%, with the Monte Carlo interval there', async () => {
    const r = JSON.parse((await command('solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=0.95', '--trials', '100', '--json')).out);
    expect(r.param).toBe('tracks[0].deductible');
    expect(r.analytic).toBeCloseTo(0.95, 8);
    // 2020 ran six months at 37% (the annual deductible on half a year's costs): spending 95% needs a lower one.
    expect(r.value).toBeLessThan(18000);
    expect(r.value).toBeGreaterThan(5000);
    expect(r.monteCarlo.lo95).toBeLessThan(0.95 + 0.03);
    expect(r.monteCarlo.hi95).toBeGreaterThan(0.95 - 0.03);
  });
  it('solves a band ratio for a reimbursement ratio, and the funding standard for a budget', async () => {
    const band = JSON.parse(
      (
        await command(
          'solve',
          'scenarios/suzhou-2021.json',
          '--ruleset',
          'suzhou-2021',
          '--param',
          'tracks[0].bands[0].ratio',
          '--target',
          'reimbursementRatio=0.6',
          '--trials',
          '20',
          '--json',
        )
      ).out,
    );
    expect(band.value).toBeGreaterThan(0.5);
    expect(band.value).toBeLessThan(0.6);
    expect(band.analytic).toBeCloseTo(0.6, 8);
    const fund = JSON.parse(
      (
        await command(
          'solve',
          'scenarios/jilin-2017.json',
          '--ruleset',
          'jilin-2017',
          '--param',
          'funding.perInsured',
          '--target',
          'lossRatio=1',
          '--trials',
          '5',
          '--json',
        )
      ).out,
    );
    expect(fund.analytic).toBeCloseTo(1, 8);
  });
  it('says so when no value reaches the target, and names bad input', async () => {
    const none = await command(
      'solve',
      'scenarios/jiangyin-2020.json',
      '--ruleset',
      'jiangyin-2020',
      '--param',
      'tracks[0].bands[0].ratio',
      '--target',
      'reimbursementRatio=1.5',
      '--trials',
      '5',
    );
    expect(none.code).toBe(1);
    expect(none.out).toContain('no value of tracks[0].bands[0].ratio gives reimbursementRatio = 1.5');
    const bad = await command('solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'happiness=1');
    expect(bad.err).toContain('unknown metric "happiness"');
  });
});

describe('jingsuan sweep', () => {
  it('sweeps a parameter: payout falls as the deductible rises; writes CSV and charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    const r = JSON.parse(
      (
        await command(
          'sweep',
          ...JIANGYIN_DEDUCTIBLE,
          '--from',
          '10000',
          '--to',
          '30000',
          '--steps',
          '5',
          '--metric',
          'payout',
          '--metric',
          'reimbursementRatio',
          '--json',
          '--out',
          dir,
        )
      ).out,
    );
    expect(r.rows.map((x: { x: number }) => x.x)).toEqual([10000, 15000, 20000, 25000, 30000]);
    for (let i = 1; i < 5; i++) expect(r.rows[i].payout).toBeLessThan(r.rows[i - 1].payout);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8').split('\r\n')[0]).toBe('\ufeffx,payout,reimbursementRatio');
    // The chart draws the rows it was handed: five vertices, payout in 万元 on the y axis.
    const svg = readFileSync(join(dir, 'sweep-payout.svg'), 'utf8');
    expect(svg).toContain('期望赔付 (万元)');
    expect(
      svg
        .match(/aria-label="line"[^]*?d="(M[^"]+)"/)![1]
        .split(/[ML]/)
        .filter(Boolean),
    ).toHaveLength(5);
    const chartRows = readFileSync(join(dir, 'sweep-payout.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(chartRows.map((l) => Number(l.split(',')[1]))).toEqual(r.rows.map((x: { payout: number }) => x.payout));
    expect(readFileSync(join(dir, 'sweep-reimbursementRatio.svg'), 'utf8')).toMatch(/报销比例（超各项起付线部分） \(%\)/);
  });
});

describe('jingsuan calibrate', () => {
  it('fits a perturbed Suzhou back to its targets and records the calibration in provenance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const file = join(dir, 'suzhou.json');
    copyFileSync(join(ROOT, 'scenarios/suzhou-2021.json'), file);
    const d = JSON.parse(readFileSync(file, 'utf8'));
    d.populations[1].severity.alpha.value = 3.2;
    writeFileSync(file, JSON.stringify(d));
    const r = JSON.parse((await command('calibrate', file, '--trials', '60', '--json')).out);
    expect(r.written).toBe(file);
    // The burden-reduction targets are declared in conflict (targets[].conflict): reported, not fitted to.
    for (const row of r.report)
      if (row.metric !== 'burdenReductionRate') expect(Math.abs(row.relativeError), `${row.population} ${row.metric}`).toBeLessThan(0.04);
    // Two: the populations' 17%; the assistance group's 19% (targets[].group) is not fitted (its rate is its schedule's).
    expect(r.report.filter((row: { metric: string }) => row.metric === 'burdenReductionRate').length).toBe(2);
    const fitted = JSON.parse(readFileSync(file, 'utf8'));
    // Back to the shipped calibration (α 2.8501, splice 17,686.6: scenarios/suzhou-2021.json, residents).
    expect(fitted.populations[1].severity.alpha.value).toBeCloseTo(2.8501, 2);
    expect(fitted.populations[1].severity.splice.value / 17686.6 - 1).toBeCloseTo(0, 2);
    // In both languages (issue #31): the Chinese side cites the targets' documents by name.
    expect(fitted.populations[1].severity.alpha.assumption.en).toMatch(
      /^Calibrated by jingsuan calibrate on \d{4}-\d{2}-\d{2} to the scenario's targets .*; was 3.2$/,
    );
    expect(fitted.populations[1].severity.alpha.assumption.zh).toMatch(
      /^由 jingsuan calibrate 于 \d{4}-\d{2}-\d{2} 按情景的目标值校准（《苏州市级财政支出项目绩效目标申报表.*；原值 3.2$/,
    );
    expect((await command('validate', file)).code).toBe(0);
    // The text in one language, totals in 万元 like expect and run (issue #31): fields and metrics by name, the
    // employees' compensation target 11,000万 (seed 000's 2021 target, 110,000,000 yuan) as 11,000.00 万元.
    const text = (await command('calibrate', file, '--trials', '60', '--dry-run', '--lang', 'zh')).out;
    expect(text).toMatch(/^居民 · 严重程度分布 · 尾部指数 α（越小尾部越重） \(populations\.1\.severity\.alpha\)/m);
    expect(text).toMatch(/^职工\s+期望赔付\s+11,000\.00 万元\s/m);
    expect(text).not.toMatch(/compensation|payout|beneficiaries/);
  }, 240_000);
});

describe('the analysis commands read their flags one way (cli/flags.ts), before any work', () => {
  const refusals: [string, string[], RegExp][] = [
    [
      'sweep --param __proto__.x',
      ['sweep', ...JIANGYIN_DEDUCTIBLE.slice(0, 3), '--param', '__proto__.x', '--from', '1', '--to', '2'],
      /"__proto__" is not a field of a scenario/,
    ],
    [
      'sweep --param to a track that does not exist',
      ['sweep', ...JIANGYIN_DEDUCTIBLE.slice(0, 3), '--param', 'tracks[5].deductible', '--from', '1', '--to', '2'],
      /has no number at tracks\[5\]\.deductible/,
    ],
    ...['0', '0.5', '-1', '100001', '2.5', ''].flatMap((t): [string, string[], RegExp][] => [
      [
        `sweep --trials=${t}`,
        ['sweep', ...JIANGYIN_DEDUCTIBLE, '--from', '1', '--to', '2', `--trials=${t}`],
        /--trials: ".*" must be a whole number from 1 to 100,000/,
      ],
      [
        `solve --trials=${t}`,
        ['solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=0.9', `--trials=${t}`],
        /--trials: ".*" must be a whole number from 1 to 100,000/,
      ],
    ]),
    [
      'sweep --steps 2.5',
      ['sweep', ...JIANGYIN_DEDUCTIBLE, '--from', '1', '--to', '2', '--steps', '2.5'],
      /--steps: "2.5" must be a whole number from 1 to 1,000/,
    ],
    ['sweep --from abc', ['sweep', ...JIANGYIN_DEDUCTIBLE, '--from', 'abc', '--to', '2'], /--from: "abc" is not a number/],
    [
      'solve lossRatio=95',
      ['solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=95'],
      /reads as 9500%; write a rate as a fraction or with its sign, e\.g\. lossRatio=0\.95 or lossRatio=95%/,
    ],
    ['solve payout=5%', ['solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'payout=5%'], /payout is not a rate/],
    [
      'solve --out into a missing folder',
      ['solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=0.9', '--out', '/nonexistent/x.json'],
      /--out: cannot write into the folder of \/nonexistent\/x\.json/,
    ],
    [
      'calibrate --out into a missing folder',
      ['calibrate', 'scenarios/suzhou-2021.json', '--out', '/nonexistent/x.json'],
      /--out: cannot write into the folder of/,
    ],
  ];
  for (const [label, args, message] of refusals)
    it(`refuses ${label}`, async () => {
      const r = await command(...args);
      expect(r.code, r.out).toBeGreaterThan(0);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  it('calibrate --trials=0 refuses and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal0-'));
    const file = join(dir, 'suzhou.json');
    copyFileSync(join(ROOT, 'scenarios/suzhou-2021.json'), file);
    const before = readFileSync(file, 'utf8');
    const r = await command('calibrate', file, '--trials=0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--trials: "0" must be a whole number from 1 to 100,000/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
  it('solve accepts a rate written with its percent sign: lossRatio=95% is lossRatio=0.95', async () => {
    const a = JSON.parse((await command('solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=95%', '--trials', '20', '--json')).out);
    const b = JSON.parse((await command('solve', ...JIANGYIN_DEDUCTIBLE, '--target', 'lossRatio=0.95', '--trials', '20', '--json')).out);
    expect(a.value).toBe(b.value);
    expect(a.analytic).toBeCloseTo(0.95, 6);
  });
  /** Jiangyin's funding standard at which the insurer's result after corridor and operating cost is 0 (保本). */
  const BREAK_EVEN = ['--ruleset', 'jiangyin-2020', '--param', 'funding.channels[0].perInsured', '--target', 'insurerResult=0'];
  it("solve targets the insurer's result after corridor and operating cost (保本): without a corridor, premium = claims ÷ 0.95", async () => {
    // No corridor: the insurer keeps premium − claims and pays 5% of premium; it breaks even where
    // 0.95 × premium = claims (seed 001 二(六) 保本微利). The payout does not depend on the funding standard, so the
    // solved run's premium ÷ its claims is 1/0.95 = 1.05263… within the bisection's 1e-3.
    const d = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jiangyin-2020.json'), 'utf8'));
    delete d.rulesets[0].corridor;
    const dir = mkdtempSync(join(tmpdir(), 'jingsuan-solve-'));
    const file = join(dir, 'no-corridor.json');
    writeFileSync(file, JSON.stringify(d));
    const r = await command('solve', file, ...BREAK_EVEN, '--trials', '50', '--json', '--out', join(dir, 'solved.json'));
    expect(r.code, r.out + r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.otherValues).toBeUndefined();
    const run = JSON.parse((await command('run', join(dir, 'solved.json'), '--trials', '50', '--workers', '1', '--json')).out).rulesets[0];
    expect(run.premium / run.payout.mean).toBeCloseTo(1 / 0.95, 2);
    expect(Math.abs(run.insurerResult.mean)).toBeLessThan(2e-3 * run.premium);
  });
  it("solve reports every value that reaches the target where the metric is not monotone (Jiangyin's corridor: two break-evens)", async () => {
    // Jiangyin's corridor caps what the insurer keeps (2,000,000) and what it loses (insurerLossMax): its result
    // after a 5% operating cost rises with the standard, then falls (scanned by hand with evaluateMonteCarlo at
    // 200 trials: −229.9万 at 10 元, +109.5万 at 20, +32.9万 at 49.5, −2.5万 at 60): zero twice.
    const text = (await command('solve', 'scenarios/jiangyin-2020.json', ...BREAK_EVEN, '--trials', '100')).out;
    const m = /perInsured = ([\d.]+) 元 \(was 49\.50 元\)[^\n]*\n {2}also at ([\d.]+) 元 \(insurerResult is not monotone/.exec(text);
    expect(m, text).not.toBeNull();
    const [nearer, other] = [Number(m![1]), Number(m![2])];
    expect(nearer).toBeGreaterThan(49.5);
    expect(nearer).toBeLessThan(60);
    expect(other).toBeGreaterThan(10);
    expect(other).toBeLessThan(20);
  });
});
