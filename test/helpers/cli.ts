import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './golden.ts';

/** Runs the command as a user would: `node bin/jingsuan.js …` from the repository root. */
export function jingsuan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/jingsuan.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
