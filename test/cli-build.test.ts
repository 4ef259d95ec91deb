// bin/cli-build.js: the command line runs from a compiled copy of the sources, rebuilt when any source changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceStamp } from '../bin/cli-build.js';
import { ROOT } from './helpers/golden.ts';

const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/jingsuan.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('compiled command line', () => {
  it('answers as the sources do: results, and the problems of a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingsuan-bad-'));
    const bad = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jiangyin-2020.json'), 'utf8'));
    bad.rulesets[0].tracks[0].bands[0].ratio = 1.5;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    for (const args of [
      ['expect', 'scenarios/jiangyin-2020.json', '--json'],
      ['benefit', 'scenarios/jilin-2017.json', '--amount', '250000', '--json'],
      ['validate', join(dir, 'bad.json')],
    ]) {
      const compiled = run({}, ...args);
      const source = run({ JINGSUAN_FROM_SOURCE: '1' }, ...args);
      expect([compiled.status, compiled.stdout, compiled.stderr]).toEqual([source.status, source.stdout, source.stderr]);
    }
    const answer = run({}, 'validate', join(dir, 'bad.json'));
    expect(answer.status).toBe(1);
    expect(answer.stdout).toContain('rulesets[0].tracks[0].bands[0].ratio: must be between 0 and 1');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is rebuilt after an edit, an added file or a removed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingsuan-stamp-'));
    try {
      mkdirSync(join(dir, 'cli'));
      writeFileSync(join(dir, 'cli', 'a.ts'), 'export const a = 1;');
      const first = sourceStamp(dir);
      expect(sourceStamp(dir)).toBe(first);
      writeFileSync(join(dir, 'cli', 'a.ts'), 'export const a = 2;');
      utimesSync(join(dir, 'cli', 'a.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
      const edited = sourceStamp(dir);
      expect(edited).not.toBe(first);
      writeFileSync(join(dir, 'b.ts'), '');
      const added = sourceStamp(dir);
      expect(added).not.toBe(edited);
      rmSync(join(dir, 'b.ts'));
      expect(sourceStamp(dir)).toBe(edited);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when its reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/jingsuan.js expect scenarios/compare-regions.json | head -c 10`], {
      cwd: ROOT,
    });
    expect(r.stderr.toString()).toBe('');
    expect(r.stdout.length).toBe(10);
  });
});
