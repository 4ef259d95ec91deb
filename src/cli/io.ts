import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LIMITS } from '../scenario/limits.ts';
import { formatProblem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { validateText, type Validation } from '../scenario/validate.ts';
import { checkEvaluable } from '../engine/validate-model.ts';

/** A failure the user caused (bad flag, bad file): printed as one clean message, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * Reads at most `limit` + 1 bytes of a regular file, whatever its size claims: /dev/zero, a FIFO or a file that
 * grows while read cannot exhaust memory or hang (opened non-blocking; anything but a regular file is refused).
 * `what` names the file in messages ("a scenario file", "a claims file").
 */
export function readBoundedBytes(file: string, limit: number, what = 'a scenario file'): { bytes: Buffer } | { error: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: fileError(file, err, what) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: `${file}: is a directory, not ${what}` };
    if (!st.isFile()) return { error: `${file}: not a regular file (a device, pipe or socket cannot be ${what})` };
    const buf = Buffer.alloc(limit + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > limit) return { error: `${file}: larger than ${limit.toLocaleString('en')} bytes, the limit for ${what}` };
    }
    return { bytes: buf.subarray(0, got) };
  } catch (err) {
    return { error: fileError(file, err, what) };
  } finally {
    closeSync(fd);
  }
}

/** A scenario file's text (readBoundedBytes), refused when it is binary or not UTF-8. */
export function readBounded(file: string, limit: number): { text: string } | { error: string } {
  const r = readBoundedBytes(file, limit);
  if ('error' in r) return r;
  const bytes = r.bytes;
  // A text file, not a binary: NUL bytes and invalid UTF-8 are refused with a message, not echoed.
  if (bytes.includes(0)) return { error: `${file}: not a JSON text file (it contains binary data)` };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\ufffd')) return { error: `${file}: not a JSON text file (it is not valid UTF-8)` };
  return { text };
}

function fileError(file: string, err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file}: is a directory, not ${what}`;
  if (code === 'ENOTDIR') return `${file}: a part of the path is not a directory`;
  return `${file}: cannot be read (${code ?? (err as Error)?.message ?? 'unknown error'})`;
}

export function readScenarioFile(file: string | undefined): Validation & { file: string } {
  if (!file) throw new UsageError('missing FILE: the scenario file to read');
  const r = readBounded(file, LIMITS.fileBytes);
  if ('error' in r) throw new UsageError(r.error, 1);
  return { file, ...checkEvaluable(validateText(r.text)) };
}

/** Reads a file that must be valid; otherwise every problem, one per line, and exit 1. */
export function loadScenario(file: string | undefined): Scenario {
  const v = readScenarioFile(file);
  if (v.ok && v.fund) throw new UsageError(`${v.file} is a fund-level file (kind "${v.fund.kind}"): use \`jingsuan fund ${v.file}\``, 1);
  if (!v.ok || !v.scenario) throw new UsageError(v.problems.map(formatProblem).join('\n'), 1);
  return v.scenario;
}

export function loadFundScenario(file: string | undefined): FundScenario {
  const v = readScenarioFile(file);
  if (v.ok && v.scenario) throw new UsageError(`${v.file} is an insurance scenario: use \`jingsuan run ${v.file}\``, 1);
  if (!v.ok || !v.fund) throw new UsageError(v.problems.map(formatProblem).join('\n'), 1);
  return v.fund;
}

export function findRuleset(s: Scenario, id: string | undefined) {
  if (!id) throw new UsageError(`--ruleset is required (one of: ${s.rulesets.map((r) => r.id).join(', ')})`);
  const r = s.rulesets.find((x) => x.id === id);
  if (!r) throw new UsageError(`--ruleset: unknown ruleset "${id}" (known: ${s.rulesets.map((x) => x.id).join(', ')})`);
  return r;
}

/** A yuan amount from the command line: a plain decimal number, kept as its string for exact arithmetic. */
export function parseAmount(flag: string, value: string | undefined, { required = true, allowNegative = false } = {}): string | undefined {
  if (value === undefined) {
    if (required) throw new UsageError(`${flag} is required (an amount in yuan, e.g. 150000)`);
    return undefined;
  }
  const v = value.trim().replace(/_/g, '');
  const re = allowNegative ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
  if (!re.test(v) || v.length > 20)
    throw new UsageError(`${flag}: "${value}" is not an amount in yuan${allowNegative ? '' : ' (a non-negative decimal number)'}`);
  return v;
}

/**
 * Checks an --out folder before any work (a whole simulation must not end in "cannot write"): not empty, not a
 * file, not under /proc, /sys or /dev (where mkdir can hang or mean something else), created and writable.
 */
export function prepareOutDir(flag: string, dir: unknown): string {
  if (typeof dir !== 'string' || dir.trim() === '') throw new UsageError(`${flag}: give a folder to write into`);
  const abs = resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs))
    throw new UsageError(`${flag}: ${dir} is inside a system folder (/proc, /sys, /dev); choose another folder`);
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new UsageError(`${flag}: ${dir} exists and is not a folder`);
  try {
    mkdirSync(abs, { recursive: true });
    const probe = join(abs, `.jingsuan-write-test-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (err) {
    throw new UsageError(`${flag}: cannot write into ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return abs;
}

/**
 * Checks a file an option will write (calibrate's and solve's --out, or the input itself) before any work: its
 * folder exists and is writable, and it is not a folder or a device.
 */
export function prepareOutFile(flag: string, file: unknown): string {
  if (typeof file !== 'string' || file.trim() === '') throw new UsageError(`${flag}: give a file to write`);
  const abs = resolve(file);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) throw new UsageError(`${flag}: ${file} is inside a system folder (/proc, /sys, /dev)`);
  if (existsSync(abs) && !statSync(abs).isFile()) throw new UsageError(`${flag}: ${file} exists and is not a regular file`);
  try {
    accessSync(dirname(abs), constants.W_OK);
  } catch (err) {
    throw new UsageError(`${flag}: cannot write into the folder of ${file} (${(err as NodeJS.ErrnoException).code ?? 'not writable'})`);
  }
  return abs;
}

/** Writes a text file whole or not at all: a temporary file beside it, renamed over it (atomic on POSIX). */
export function writeTextAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
