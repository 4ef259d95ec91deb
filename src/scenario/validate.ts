/**
 * Validation of a scenario file: every problem at once, each as `<json path>: <what is wrong>`, never a throw.
 */
import type { core } from 'zod';
import { quoted } from './characters.ts';
import { migrate } from './migrate.ts';
import { formatProblem, problem, ScenarioError, type Problem } from './problems.ts';
import { Scenario, SCHEMA_VERSION } from './schema.ts';
import { checkFundSemantics, checkSemantics } from './semantics.ts';
import { FundScenario } from './fund-schema.ts';
import { checkUntrusted, duplicateKeys, parseJsonText } from './untrusted.ts';

export interface Validation {
  ok: boolean;
  scenario?: Scenario;
  /** Set instead of `scenario` for fund-level files (kind "subsidyBudget" or "pooling"). */
  fund?: FundScenario;
  problems: Problem[];
  warnings: Problem[];
  notes: string[];
}

/** Validate the text of a file (size limit, JSON syntax, then everything else). */
export function validateText(text: string): Validation {
  const parsed = parseJsonText(text);
  if (parsed.problems.length || parsed.data === undefined) return { ok: false, problems: parsed.problems, warnings: [], notes: [] };
  const v = validateData(parsed.data);
  const dup = duplicateKeys(text);
  return dup.length ? { ...v, warnings: [...dup, ...v.warnings] } : v;
}

/** Validate already-parsed data (for objects built in code or in the workbench). */
export function validateData(input: unknown): Validation {
  try {
    const untrusted = checkUntrusted(input);
    if (untrusted.length) return { ok: false, problems: untrusted, warnings: [], notes: [] };
    const { data, notes } = migrate(input);
    const kind = (data as { kind?: unknown } | null)?.kind;
    if (kind !== undefined && kind !== 'insurance') {
      const fund = FundScenario.safeParse(data, { reportInput: true });
      const problems = dedupe([...(fund.success ? [] : fund.error.issues.flatMap(describeIssue)), ...checkFundSemantics(data)]);
      if (problems.length || !fund.success) return { ok: false, problems, warnings: [], notes };
      return { ok: true, fund: positiveZero(fund.data), problems: [], warnings: [], notes };
    }
    const result = Scenario.safeParse(data, { reportInput: true });
    const problems = result.success ? [] : result.error.issues.flatMap(describeIssue);
    const semantic = checkSemantics(data);
    problems.push(...semantic.problems);
    const unique = dedupe(problems);
    if (unique.length || !result.success) return { ok: false, problems: unique, warnings: semantic.warnings, notes };
    return { ok: true, scenario: positiveZero(result.data), problems: [], warnings: semantic.warnings, notes };
  } catch (err) {
    // A validator must not throw on any input; if it ever does, say so as a problem, not a stack trace.
    return { ok: false, problems: [problem([], `internal validation error: ${(err as Error).message}`)], warnings: [], notes: [] };
  }
}

/** Parse or throw one readable Error listing every problem (for code paths that need a valid scenario). */
export function requireScenario(input: unknown): Scenario {
  const v = typeof input === 'string' ? validateText(input) : validateData(input);
  if (!v.ok || !v.scenario) throw new ScenarioError(v.problems);
  return v.scenario;
}

/**
 * −0 made +0 everywhere in a valid file (issue #30): JSON allows "-0", it passes every range check, and then
 * divides into −∞ or prints as "-0.00" (an insured count of −0 gave another answer than 0). Walked iteratively
 * over what the schema built, so the caller's input is not touched.
 */
function positiveZero<T>(data: T): T {
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (Object.is(o[k], -0)) o[k] = 0;
      else if (typeof o[k] === 'object') stack.push(o[k]);
    }
  }
  return data;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return `${typeof v} ${quoted(v, 40)}`;
}

function describeIssue(issue: core.$ZodIssue): Problem[] {
  const path = issue.path;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => problem([...path, k], 'unknown key'));
    case 'invalid_type':
      if (input === undefined) return [problem(path, `is required (${issue.expected})`)];
      return [problem(path, `expected ${issue.expected}, got ${typeName(input)}`)];
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[] };
      if (u.discriminator) return [problem(path, `must be one of ${(u.options ?? []).map((o) => JSON.stringify(o)).join(', ')}`)];
      return [problem(path, `does not match any allowed form (got ${typeName(input)})`)];
    }
    case 'invalid_value':
      if (path.length && path[path.length - 1] === 'schemaVersion') {
        return [problem(path, `unsupported schema version ${quoted(input, 40)}; this build reads versions 1 to ${SCHEMA_VERSION}`)];
      }
      return [problem(path, `must be one of ${issue.values.map((v) => quoted(v)).join(', ')} (got ${typeName(input)})`)];
    case 'too_small':
    case 'too_big': {
      const custom = !/^Too (small|big)/.test(issue.message);
      if (custom) return [problem(path, issue.message)];
      const op = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'array') return [problem(path, `must have ${op} ${bound} item${Number(bound) === 1 ? '' : 's'}`)];
      if (issue.origin === 'string') return [problem(path, `must be ${op} ${bound} characters long`)];
      return [problem(path, `must be ${op} ${bound}`)];
    }
    case 'invalid_format':
      return [problem(path, issue.message)];
    default:
      return [problem(path, issue.message)];
  }
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
