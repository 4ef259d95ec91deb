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
