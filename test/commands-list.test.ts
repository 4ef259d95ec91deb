// The commands are listed once, in src/cli/commands.ts COMMANDS (name, summary, module): `jingsuan --help` prints
// that list, and README's command table is checked against it here, so a command added there and forgotten in the
// README (or a flag the README names that the command does not take) fails a test instead of going unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, usage } from '../src/cli/commands.ts';
import { ROOT } from './helpers/golden.ts';

/** README's command table: each row's synopsis, `name ARGS [--flag X]...`. */
function readmeRows(): string[] {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const table = readme.slice(readme.indexOf('| command | what it does |'));
  const rows: string[] = [];
  for (const line of table.split('\n').slice(2)) {
    const m = /^\| `([^`]+)` \|/.exec(line);
    if (!m) break;
    rows.push(m[1]);
  }
  return rows;
}

describe('the list of commands', () => {
  const rows = readmeRows();

  it('README’s command table has one row per command of COMMANDS, in the same order', () => {
    expect(rows.map((r) => r.split(' ')[0])).toEqual(Object.keys(COMMANDS));
  });

  it('`jingsuan --help` lists every command with its summary', () => {
    const text = usage();
    for (const [name, c] of Object.entries(COMMANDS))
      expect(text).toMatch(new RegExp(`^  ${name} +${c.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  it('each command’s help starts with its usage line, and takes every flag its README row names', async () => {
    for (const row of rows) {
      const name = row.split(' ')[0];
      const command = await COMMANDS[name].load();
      expect(command.help.startsWith(`usage: jingsuan ${name}`), name).toBe(true);
      for (const [, flag] of row.matchAll(/--([a-z-]+)/g)) expect(Object.keys(command.options), `${name} --${flag}`).toContain(flag);
    }
  }, 30_000);
});
