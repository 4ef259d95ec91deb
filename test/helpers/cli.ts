import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { format } from 'node:util';
import { main } from '../../src/cli/main.ts';
import { ROOT } from './golden.ts';

export interface CommandResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs the command as a user would: `node bin/jingsuan.js …` from the repository root, in a process of its own.
 * For what only a process shows (the entry script, exit codes as a shell sees them, the compiled build): each start
 * costs about 0.3 CPU-seconds of loading, so the commands' behaviour is tested through `command` below.
 */
export function jingsuan(...args: string[]): CommandResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/jingsuan.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The same command in this process: the entry's `main` (src/cli/main.ts) with what it writes to the console kept
 * as its stdout and stderr, and its return value as the exit code; relative paths from the repository root, as
 * `jingsuan` runs. The commands write only through console (and progress to a terminal's stderr, which a test has
 * not), so the text is the text a shell would show.
 */
export async function command(...args: string[]): Promise<CommandResult> {
  if (process.cwd() !== ROOT.replace(/\/$/, '')) process.chdir(ROOT);
  const out: string[] = [];
  const err: string[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  console.log = console.info = (...a: unknown[]) => void out.push(`${format(...a)}\n`);
  console.warn = console.error = (...a: unknown[]) => void err.push(`${format(...a)}\n`);
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    Object.assign(console, saved);
  }
}
