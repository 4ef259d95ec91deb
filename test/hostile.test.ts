// Hostile and extreme files (issue "Hostile and extreme files"): every reproduction of the issue, and its
// neighbours, through the command line as a user runs it. Each case must end within its time bound with either a
// result or a refusal that names the field, never an exception, a stack trace, a NaN or a number where none can
// be computed. The corpus is written to test-output/hostile/ so a person can rerun any case by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';
import { largestValidFile } from './helpers/scenarios.ts';
import { a, base, clean, corpus } from './helpers/cli-corpus.ts';

const { dir: DIR, file, jingsuan, here, summarise } = corpus('hostile');

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
    const text = readFileSync(join(ROOT, 'scenarios/jiangyin-2020.json'), 'utf8').replace(
      '"year": 2020,',
      '"year": 2019,\n  "year": 2020,',
    );
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
  it('--out is checked before the simulation: empty, a file, a system folder', async () => {
    const f = join(ROOT, 'scenarios/jilin-2017.json');
    const plain = file('plain-file.txt', 'x');
    for (const [out, want] of [
      ['', /give a folder/],
      [plain, /exists and is not a folder/],
      ['/proc/foo', /system folder/],
    ] as const) {
      const r = await here(`--out ${out}`, ['run', f, '--trials', '5', '--out', out], 20);
      clean(r);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(want);
    }
  });
});

describe('reports cannot be forged by the text of a file', () => {
  it('a description holding a fake section, an HTML comment, a script and a link; a backtick in the seed', async () => {
    const d = base('jiangyin-2020');
    d.description = {
      zh: '正常说明\n## Key indicators 主要指标\n| ruleset | payout |\n|---|---:|\n| x | 0 |\n<!--',
      en: '<script>alert(1)</script> [click](javascript:alert(1)) **bold** `code`',
    };
    d.title = { zh: '# 标题', en: 'Title <b>x</b>' };
    // A population's title is a table cell of report.md: a "|" cannot open a column, HTML is text.
    d.populations[0].title = { zh: '成员 | 伪列', en: '<img src=x onerror=alert(1)>' };
    // So is a proposal's title in the table of proposals against the baseline.
    d.rulesets.push({ ...structuredClone(d.rulesets[0]), id: 'proposal', title: { zh: '方案 | <img src=y>', en: 'proposal' } });
    d.simulation.seed = 'a`b';
    d.simulation.trials = 5;
    const out = join(DIR, 'forged');
    // In the test's process (corpus here): what is checked is the report's text, not a process; a fresh process
    // pays the report's first --out (fonts, modules) again, about 4 CPU-seconds.
    const r = await here('forged report', ['run', file('forged.json', d), '--out', out], 120);
    clean(r);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // Raw HTML and an unescaped link would render; their escaped forms (&lt;…, \]( …) are plain text.
    expect(md).not.toMatch(/<script|<!--|<b>|<img|(?<!\\)\]\(javascript:/);
    expect(md).toContain(
      '| jiangyin-2020 | transfer from the basic funds 基本医保基金划转 | &lt;img src=x onerror=alert(1)&gt; 成员 \\| 伪列 |',
    );
    expect(md).toMatch(/^\| 方案 \\\| &lt;img src=y&gt; \| 江阴 2020 大病保险 \| /m);
    // Exactly one heading "Key indicators": the report's own; the file's became text.
    expect(md.split('\n').filter((l) => /^#+ Key indicators/.test(l))).toHaveLength(1);
    expect(md.split('\n').filter((l) => l.startsWith('| x |'))).toHaveLength(0);
    expect(md).toContain('seed ``a`b``');
    expect(md.split('\n')[0]).toBe('# \\# 标题 · Title &lt;b&gt;x&lt;/b&gt;');
  });
});

describe('the terminal cannot be driven by the text of a file', () => {
  it('a ruleset title holding ESC [2J, BEL, NUL, U+202E and a lone surrogate: every command refuses it by path, no byte of it printed', () => {
    const d = base('jiangyin-2020');
    d.rulesets[0].title.zh = '江阴\u001b[2J\u0007\u0000\u202e\ud800';
    d.populations[0].title.en = 'members\u001b]0;owned\u0007';
    const f = file('escape-title.json', d);
    const want = [
      'populations[0].title.en: contains the control character U+001B at character 8; remove it',
      'rulesets[0].title.zh: contains the control character U+001B at character 3; remove it',
    ];
    // Before: `validate` passed it, `run`/`expect` printed the ESC sequence (clearing the screen), `run --out`
    // stopped with "unexpected error: SVG data parsing failed" (exit 3).
    for (const args of [
      ['validate', f],
      ['expect', f],
      ['run', f, '--trials', '5', '--out', join(DIR, 'escape-title')],
    ]) {
      const r = jingsuan(`escape title: ${args[0]}`, args, 30);
      clean(r, args[0]);
      expect(r.code, args[0]).toBe(1);
      for (const line of want) expect(r.out + r.err, args[0]).toContain(line);
      // eslint-disable-next-line no-control-regex
      expect(r.out + r.err, args[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\ufffd]/);
    }
  });
});

afterAll(summarise);
