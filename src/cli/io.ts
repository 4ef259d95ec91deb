import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../scenario/limits.ts';
import { formatProblem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { validateText, type Validation } from '../scenario/validate.ts';

/** A failure the user caused (bad flag, bad file): printed as one clean message, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function readScenarioFile(file: string | undefined): Validation & { file: string } {
  if (!file) throw new UsageError('missing FILE: the scenario file to read');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: no such file`, 1);
  }
  if (size > LIMITS.fileBytes) {
    return { file, ok: false, problems: [{ path: '(root)', message: `file is ${size} bytes; the limit is ${LIMITS.fileBytes}` }], warnings: [], notes: [] };
  }
  return { file, ...validateText(readFileSync(file, 'utf8')) };
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
  if (!re.test(v) || v.length > 20) throw new UsageError(`${flag}: "${value}" is not an amount in yuan${allowNegative ? '' : ' (a non-negative decimal number)'}`);
  return v;
}
