/**
 * Every command's flags are read here, one way: a whole number within bounds, a finite number within bounds.
 * Each refusal names the flag and says what it takes, before any work (the file is not touched).
 */
import { UsageError } from './io.ts';

/** A whole number from min to max (digits only: "2.5", "-1", "1e3" and "" are refused), or undefined when absent. */
export function intFlag(name: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n < min || n > max)
    throw new UsageError(`--${name}: "${v}" must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
  return n;
}

/** A finite number (decimal, optionally signed or with an exponent) within [min, max], or undefined when absent. */
export function numberFlag(name: string, v: unknown, min = -Infinity, max = Infinity): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new UsageError(`--${name}: "${v}" is not a number`);
  if (n < min || n > max)
    throw new UsageError(`--${name}: ${text} must be ${Number.isFinite(max) ? `from ${min} to ${max}` : `at least ${min}`}`);
  return n;
}

/** As numberFlag, for a flag the command cannot do without. */
export function requiredNumber(name: string, v: unknown, min?: number, max?: number): number {
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return numberFlag(name, v, min, max)!;
}

/**
 * --lang: the language of a command's tables and words, zh or en (issue #31: one language a line, not both).
 * Absent, the locale decides as a terminal program's messages do (LC_ALL, then LC_MESSAGES, then LANG): a locale
 * starting with "zh" reads Chinese, any other (C, POSIX, en_US…) English, which the help and messages are in.
 */
export function langFlag(v: unknown, env: NodeJS.ProcessEnv = process.env): 'zh' | 'en' {
  if (v === undefined) {
    const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return /^zh/i.test(locale) ? 'zh' : 'en';
  }
  if (v === 'zh' || v === 'en') return v;
  throw new UsageError(`--lang: "${v}" must be zh (中文) or en (English)`);
}

/** --unit: money totals in 万元 (wanyuan, the default, as the bureaus' tables) or 元 (yuan). */
export function unitFlag(v: unknown): 'wan' | 'yuan' {
  if (v === undefined || v === 'wanyuan') return 'wan';
  if (v === 'yuan') return 'yuan';
  throw new UsageError(`--unit: "${v}" must be wanyuan (万元, the default) or yuan (元)`);
}

/** The two flags as a command declares them. */
export const LANG_UNIT_OPTIONS = { lang: { type: 'string' }, unit: { type: 'string' } } as const;
