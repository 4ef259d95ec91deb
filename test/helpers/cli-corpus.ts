// The hostile-file corpus run through the command line as a user runs it (test/hostile*.test.ts): each case
// is written to test-output/<dir>/ so a person can rerun it by hand; each run's time and peak memory are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { command } from './cli.ts';
import { ROOT } from './golden.ts';

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const base = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
export const a = (value: number) => ({ value, assumption: 'hostile test' });

/** GNU time reports the peak memory where it is installed (Debian's `time`); without it only the time is kept. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export function corpus(dirName: string) {
  const dir = join(ROOT, 'test-output', dirName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const measured: { name: string; seconds: number; maxRssKb: number | null }[] = [];
  const file = (name: string, content: string | Json) => {
    const p = join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  /** Runs `jingsuan …` (under /usr/bin/time for its peak memory) with a hard time limit. */
  function jingsuan(name: string, args: string[], limitSeconds: number) {
    const t0 = performance.now();
    const cmd = [process.execPath, join(ROOT, 'bin/jingsuan.js'), ...args];
    const opts = { cwd: ROOT, encoding: 'utf8' as const, timeout: limitSeconds * 1000 };
    const r = TIME ? spawnSync(TIME, ['-f', '%M', ...cmd], opts) : spawnSync(cmd[0], cmd.slice(1), opts);
    const seconds = (performance.now() - t0) / 1000;
    const lines = (r.stderr ?? '').trim().split('\n');
    const maxRssKb = TIME ? Number(lines[lines.length - 1]) || 0 : 0;
    const err = (TIME ? lines.slice(0, -1) : lines).join('\n');
    measured.push({ name, seconds, maxRssKb });
    return { code: r.status, out: r.stdout ?? '', err, seconds, timedOut: r.error !== undefined || r.signal !== null };
  }
  /**
   * The same command in this process (helpers/cli.ts `command`), for cases whose answer is a refusal or a result,
   * not a process's memory: its time is kept (a case over its bound fails), its memory is the test process's.
   */
  async function here(name: string, args: string[], limitSeconds: number) {
    const t0 = performance.now();
    const r = await command(...args);
    const seconds = (performance.now() - t0) / 1000;
    measured.push({ name, seconds, maxRssKb: null });
    return { ...r, seconds, timedOut: seconds > limitSeconds };
  }
  /** Writes test-output/<dir>/summary.json: every run's time and memory, the slowest and the largest. */
  function summarise() {
    const slowest = [...measured].sort((x, y) => y.seconds - x.seconds)[0];
    const largest = [...measured].sort((x, y) => (y.maxRssKb ?? 0) - (x.maxRssKb ?? 0))[0];
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ cases: measured.length, slowest, largest, measured }, null, 2));
    const memory = largest?.maxRssKb ? `; largest memory ${largest.name} ${(largest.maxRssKb / 1024).toFixed(0)} MB` : '';
    console.log(`${dirName}: ${measured.length} command runs; slowest ${slowest?.name} ${slowest?.seconds.toFixed(1)} s${memory}`);
  }
  return { dir, file, jingsuan, here, summarise };
}

/** What no answer may contain: a stack trace, an internal error, a NaN shown as a number. */
export function clean(r: { out: string; err: string; timedOut: boolean; code: number | null }, label = '', echoed?: string) {
  // A value the user gave ("NaN" as a seed or a flag's value) may be quoted back: that is not a NaN computed.
  const all = echoed ? (r.out + r.err).split(echoed).join('«given»') : r.out + r.err;
  const what = (s: string) => `${label ? label + ': ' : ''}${s}${label ? ` (${all.slice(0, 300)})` : ''}`;
  expect(r.timedOut, what('ended within its time bound')).toBe(false);
  expect(r.code === 0 || r.code === 1 || r.code === 2, what(`exit code ${r.code}`)).toBe(true);
  expect(all, what('a stack trace')).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(all, what('an internal error')).not.toMatch(/unexpected error|RangeError|TypeError|Maximum call stack/);
  expect(all, what('NaN')).not.toMatch(/\bNaN\b/);
}
