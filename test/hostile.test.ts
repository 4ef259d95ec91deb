// Hostile and extreme files (issue "Hostile and extreme files"): every reproduction of the issue, and its
// neighbours, through the command line as a user runs it. Each case must end within its time bound with either a
// result or a refusal that names the field, never an exception, a stack trace, a NaN or a number where none can
// be computed. The corpus is written to test-output/hostile/ so a person can rerun any case by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';
import { largestValidFile } from './helpers/scenarios.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const DIR = join(ROOT, 'test-output', 'hostile');
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const base = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const a = (value: number) => ({ value, assumption: 'hostile test' });
const file = (name: string, content: string | Json) => {
  const p = join(DIR, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

const measured: { name: string; seconds: number; maxRssKb: number }[] = [];

/** GNU time reports the peak memory where it is installed (Debian's `time`); without it only the time is kept. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs `jingsuan …` (under /usr/bin/time for its peak memory) with a hard time limit. */
function jingsuan(name: string, args: string[], limitSeconds: number) {
  const t0 = performance.now();
  const cmd = [process.execPath, join(ROOT, 'bin/jingsuan.js'), ...args];
  const r = TIME ? spawnSync(TIME, ['-f', '%M', ...cmd], { cwd: ROOT, encoding: 'utf8', timeout: limitSeconds * 1000 }) : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: limitSeconds * 1000 });
  const seconds = (performance.now() - t0) / 1000;
  const lines = (r.stderr ?? '').trim().split('\n');
  const maxRssKb = TIME ? Number(lines[lines.length - 1]) || 0 : 0;
  const err = (TIME ? lines.slice(0, -1) : lines).join('\n');
  measured.push({ name, seconds, maxRssKb });
  return { code: r.status, out: r.stdout ?? '', err, seconds, timedOut: r.error !== undefined || r.signal !== null };
}

/** What no answer may contain: a stack trace, an internal error, a NaN shown as a number. */
function clean(r: { out: string; err: string; timedOut: boolean; code: number | null }) {
  expect(r.timedOut, 'ended within its time bound').toBe(false);
  expect(r.code === 0 || r.code === 1 || r.code === 2, `exit code ${r.code}`).toBe(true);
  const all = r.out + r.err;
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+/); // a stack trace
  expect(all).not.toMatch(/unexpected error|RangeError|TypeError|Maximum call stack/);
  expect(all).not.toMatch(/\bNaN\b/);
}

const severityCases: [string, Json][] = [
  ['spliced body underflow (μ 10, σ 0.01)', { mu: a(10), sigma: a(0.01) }],
  ['Weibull shape 1e-9', { family: 'weibull', shape: a(1e-9), scale: a(4000) }],
  ['Pareto α 1e-9', { family: 'pareto', alpha: a(1e-9), theta: a(9000) }],
  ['spliced tail α 1e-9', { alpha: a(1e-9) }],
  ['lognormal μ 700', { family: 'lognormal', mu: a(700), sigma: a(1) }],
  ['gamma scale 1e300', { family: 'gamma', shape: a(2), scale: a(1e300) }],
];

describe('numbers the engine cannot evaluate are refused by path, in every command', () => {
  for (const [label, sev] of severityCases) {
    it(label, () => {
      const d = base('jilin-2017');
      d.populations[0].insured = a(100);
      d.simulation.trials = 1;
      const s = d.populations[0].severity;
      d.populations[0].severity = sev.family ? sev : { ...s, ...sev };
      const f = file(`${label.replace(/[^a-z0-9]+/gi, '-')}.json`, d);
      for (const args of [['validate', f], ['run', f, '--workers', '1'], ['calibrate', f, '--dry-run'], ['exact', f], ['expect', f], ['sweep', f, '--ruleset', 'jilin-2017', '--param', 'tracks[0].deductible', '--from', '1000', '--to', '2000', '--steps', '3']]) {
        const r = jingsuan(`${label}: ${args[0]}`, args, 60);
        clean(r);
        expect(r.code, `${args[0]} refuses`).toBe(1);
        expect(r.out + r.err).toMatch(/populations\[0\]\.severity: cannot be evaluated in double precision/);
      }
    });
  }
});

describe('files that are not what they claim', () => {
  it('200,000 keys (1.7 MB): one message, no stack overflow', () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) big[String(i)] = 1;
    const r = jingsuan('200k keys', ['validate', file('keys.json', big)], 60);
    clean(r);
    expect(r.code).toBe(1);
  });
  it('a BOM is accepted as the workbench accepts it', () => {
    const r = jingsuan('bom', ['validate', file('bom.json', '\ufeff' + readFileSync(join(ROOT, 'scenarios/jilin-2017.json'), 'utf8'))], 30);
    clean(r);
    expect(r.code).toBe(0);
  });
  it('binary, directory, device, FIFO and oversize files are named as such', () => {
    const bin = file('binary.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x01]).toString('latin1'));
    writeFileSync(bin, Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x01]));
    const fifo = join(DIR, 'fifo.json');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const cases: [string, string, RegExp][] = [
      ['binary', bin, /not a JSON text file/],
      ['directory', DIR, /is a directory/],
      ['/dev/zero', '/dev/zero', /not a regular file/],
      ['FIFO', fifo, /not a regular file/],
      ['oversize', file('big.json', ' '.repeat(2_000_001)), /larger than 2,000,000 bytes/],
      ['missing', join(DIR, 'nothing-here.json'), /no such file/],
    ];
    for (const [label, path, want] of cases) {
      const r = jingsuan(label, ['validate', path], 20);
      clean(r);
      expect(r.code, label).toBe(1);
      expect(r.err, label).toMatch(want);
    }
  });
  it('duplicate keys: the file validates, with a warning naming each', () => {
    const text = readFileSync(join(ROOT, 'scenarios/jiangyin-2020.json'), 'utf8').replace('"year": 2020,', '"year": 2019,\n  "year": 2020,');
    const r = jingsuan('duplicate keys', ['validate', file('dup.json', text)], 30);
    clean(r);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: year: appears twice in this object; the last value counts');
  });
});

describe('fund-level files', () => {
  it('the largest valid pooling file (30 regions × 30 years × 100,000 trials) finishes within its bound; hostile ones are refused', () => {
    const d = base('suzhou-pooling-2020');
    d.regions = Array.from({ length: 30 }, (_, i) => ({ ...structuredClone(d.regions[i % d.regions.length]), id: `r${i}` }));
    d.simulation = { years: 30, trials: 100_000, seed: 'max' };
    const big = jingsuan('pooling at the limits', ['fund', file('pooling-max.json', d)], 240);
    clean(big);
    expect(big.code).toBe(0);
    expect(big.out).toMatch(/2049/); // the thirtieth year
    const keys: Record<string, unknown> = { kind: 'pooling' };
    for (let i = 0; i < 200_000; i++) keys[`k${i}`] = 1;
    const hostile = jingsuan('fund: 200k keys', ['fund', file('fund-keys.json', keys)], 60);
    clean(hostile);
    expect(hostile.code).toBe(1);
    const wrongKind = jingsuan('fund: an insurance file', ['fund', join(ROOT, 'scenarios/jilin-2017.json')], 30);
    clean(wrongKind);
    expect(wrongKind.err).toContain('is an insurance scenario');
  }, 300_000);
});

describe('runs too large are refused before any work, naming the figure and the limit', () => {
  it('16 populations × 12 rulesets × 100,000 trials: the per-trial results would exceed the memory limit', () => {
    const f = file('largest.json', largestValidFile());
    const v = jingsuan('largest: validate', ['validate', f], 30);
    expect(v.code).toBe(0);
    const r = jingsuan('largest: run', ['run', f], 60);
    clean(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/per-trial results .* the limit is 512 MB: run at most [\d,]+ trials/);
  });
  it('100 million insured with incidence 1 on 64 workers: refused by the workers’ memory', () => {
    const d = base('jiangyin-2020');
    d.populations[0].insured = a(100_000_000);
    d.populations[0].incidence = a(1);
    d.simulation.trials = 2;
    const r = jingsuan('100M insured, 64 workers', ['run', file('huge.json', d), '--workers', '64'], 60);
    clean(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/use fewer workers|people one by one/);
  });
  it('--out is checked before the simulation: empty, a file, a system folder', () => {
    const f = join(ROOT, 'scenarios/jilin-2017.json');
    const plain = file('plain-file.txt', 'x');
    for (const [out, want] of [['', /give a folder/], [plain, /exists and is not a folder/], ['/proc/foo', /system folder/]] as const) {
      const r = jingsuan(`--out ${out}`, ['run', f, '--trials', '5', '--out', out], 20);
      clean(r);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(want);
    }
  });
});

describe('reports cannot be forged by the text of a file', () => {
  it('a description holding a fake section, an HTML comment, a script and a link; a backtick in the seed', () => {
    const d = base('jiangyin-2020');
    d.description = {
      zh: '正常说明\n## Key indicators 主要指标\n| ruleset | payout |\n|---|---:|\n| x | 0 |\n<!--',
      en: '<script>alert(1)</script> [click](javascript:alert(1)) **bold** `code`',
    };
    d.title = { zh: '# 标题', en: 'Title <b>x</b>' };
    d.simulation.seed = 'a`b';
    d.simulation.trials = 5;
    const out = join(DIR, 'forged');
    const r = jingsuan('forged report', ['run', file('forged.json', d), '--out', out], 120);
    clean(r);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // Raw HTML and an unescaped link would render; their escaped forms (&lt;…, \]( …) are plain text.
    expect(md).not.toMatch(/<script|<!--|<b>|(?<!\\)\]\(javascript:/);
    // Exactly one heading "Key indicators": the report's own; the file's became text.
    expect(md.split('\n').filter((l) => /^#+ Key indicators/.test(l))).toHaveLength(1);
    expect(md.split('\n').filter((l) => l.startsWith('| x |'))).toHaveLength(0);
    expect(md).toContain('seed ``a`b``');
    expect(md.split('\n')[0]).toBe('# \\# 标题 · Title &lt;b&gt;x&lt;/b&gt;');
  });
});

afterAll(() => {
  const slowest = [...measured].sort((x, y) => y.seconds - x.seconds)[0];
  const largest = [...measured].sort((x, y) => y.maxRssKb - x.maxRssKb)[0];
  const summary = { cases: measured.length, slowest, largest };
  writeFileSync(join(DIR, 'summary.json'), JSON.stringify({ ...summary, measured }, null, 2));
  console.log(`hostile corpus: ${measured.length} command runs; slowest ${slowest?.name} ${slowest?.seconds.toFixed(1)} s; largest memory ${largest?.name} ${((largest?.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
});
