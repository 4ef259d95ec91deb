// Hostile inputs, round two (issue #30): every flag of every command (COMMANDS, read from the commands themselves,
// so a new flag joins the corpus by being declared) at fifteen edge values, on a small file. Each run ends within
// its bound with a result (exit 0) or a refusal (1 or 2) that names the flag or the field; no output holds NaN,
// Infinity, a stack trace or an internal error, and a refused run writes no file. Paths given to --out and
// --into are kept inside the corpus's folder (a run that is accepted writes there, never into the repository).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.ts';
import { a, base, clean, corpus } from './helpers/cli-corpus.ts';

const { dir, file, here, summarise } = corpus('hostile-flags');

/** Values a flag may be given by mistake or by malice. */
const EDGES = [
  '0',
  '-1',
  '0.5',
  '-0',
  '1e309',
  'NaN',
  '',
  'abc',
  '100001',
  '1e-320',
  '99999999999999999999',
  '__proto__.x',
  'tracks[99].deductible',
  ' 5',
  '0x10',
];

const small = base('jiangyin-2020');
small.populations[0].insured = a(20_000);
small.simulation.trials = 20;
const f = file('small.json', small);
const R = small.rulesets[0].id;

/** A working invocation of each command, to which one flag at a time is given an edge value. */
const WORKING: Record<string, string[]> = {
  validate: [f],
  benefit: [f, '--ruleset', R, '--burden', '50000'],
  corridor: [f, '--ruleset', R, '--premium', '1000000', '--claims', '900000'],
  expect: [f],
  run: [f, '--workers', '1', '--trials', '20'],
  exact: [f],
  fund: ['scenarios/suzhou-pooling-2020.json'],
  calibrate: [f, '--dry-run', '--trials', '20'],
  solve: [f, '--ruleset', R, '--param', 'tracks[0].deductible', '--target', 'lossRatio=40%', '--trials', '20'],
  sweep: [f, '--ruleset', R, '--param', 'tracks[0].deductible', '--from', '10000', '--to', '20000', '--steps', '3', '--trials', '20'],
  fit: ['test/fixtures/fit/individual-utf8.csv', '--family', 'lognormal'],
};

/** Path flags take paths under the corpus folder: missing parents, a file where a folder is wanted, a device. */
const PATH_FLAGS = new Set(['out', 'into']);
const pathEdges = () => ['', '/dev/null', join(dir, 'no-such', 'deeper', 'x'), f, join(dir, 'out-ok'), '/proc/version'];

function withFlag(args: string[], flag: string, value: string): string[] {
  const at = args.indexOf(`--${flag}`);
  if (at < 0) return [...args, `--${flag}`, value];
  const copy = [...args];
  copy[at + 1] = value;
  return copy;
}

describe('every flag of every command at the edges', async () => {
  const counts = { runs: 0, refused: 0, accepted: 0 };
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === 'bench') continue; // its one value flag (--large) sizes a benchmark: tested in cli.test.ts
    const cmd = await entry.load();
    const working = WORKING[name];
    it(`${name}: the working invocation works`, async () => {
      expect(working, `a working invocation of ${name} is listed`).toBeDefined();
      const r = await here(`${name}: working`, [name, ...working], 60);
      clean(r, name);
      expect(r.code, r.out + r.err).toBe(0);
    }, 60_000);
    for (const [flag, option] of Object.entries(cmd.options)) {
      if (option.type !== 'string') continue;
      it(`${name} --${flag}`, async () => {
        // 'sweep' reads --param before --to, so a path's edge is given where the command reads a path.
        for (const value of PATH_FLAGS.has(flag) ? pathEdges() : EDGES) {
          const args = [name, ...withFlag(working, flag, value)];
          const label = `${name} --${flag} ${JSON.stringify(value)}`;
          const before = existsSync(join(dir, 'no-such'));
          const r = await here(label, args, 60);
          counts.runs++;
          clean(r, label, value || undefined);
          // A refusal may print the command's help, whose words are its own ("skewness undefined"): read what precedes it.
          const said = (r.out + r.err).split('\nusage: jingsuan')[0];
          expect(said, label).not.toMatch(/\bInfinity\b|\bundefined\b/);
          if (r.code === 0) counts.accepted++;
          else {
            expect(existsSync(join(dir, 'no-such')), `${label}: no folder made for a refused path`).toBe(before);
            counts.refused++;
            // The refusal names the flag, or (for a value the command took and applied to the file) the field.
            expect(r.out + r.err, label).toMatch(new RegExp(`--${flag}|\\w+(\\[\\d+\\])?(\\.\\w+)+: |[a-z]+: `));
          }
        }
      }, 240_000);
    }
  }
  afterAll(() => {
    console.log(`hostile-flags: ${counts.runs} runs; ${counts.refused} refused, ${counts.accepted} accepted`);
    // An accepted --out wrote only finite numbers.
    const out = join(dir, 'out-ok');
    if (existsSync(out))
      for (const n of readdirSync(out))
        if (/\.(csv|json|md)$/.test(n)) expect(readFileSync(join(out, n), 'utf8'), n).not.toMatch(/\bNaN\b|\bInfinity\b/);
    summarise();
  });
});
