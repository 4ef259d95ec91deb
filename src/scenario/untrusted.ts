/**
 * First look at a file from someone else, before any schema: size, JSON syntax, nesting depth, string lengths
 * and keys that could pollute prototypes. Nothing here throws; everything becomes a Problem.
 */
import { FORBIDDEN_KEYS, LIMITS } from './limits.ts';
import { problem, type PathSegment, type Problem } from './problems.ts';

export function parseJsonText(text: string): { data?: unknown; problems: Problem[] } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return { problems: [problem([], `file is ${bytes.toLocaleString('en')} bytes; the limit is ${LIMITS.fileBytes.toLocaleString('en')}`)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problems: [problem([], `not valid JSON: ${(err as Error).message}`)] };
  }
  return { data, problems: checkUntrusted(data) };
}

/** Depth, string length and forbidden keys, walked iteratively so hostile nesting cannot overflow the stack. */
export function checkUntrusted(data: unknown): Problem[] {
  const out: Problem[] = [];
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (path.length > LIMITS.depth) {
      out.push(problem(path, `nested deeper than ${LIMITS.depth} levels`));
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > LIMITS.stringLength) out.push(problem(path, `text longer than ${LIMITS.stringLength} characters`));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const children: Array<{ value: unknown; path: PathSegment[] }> = [];
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) out.push(problem([...path, key], 'forbidden key (could alter object prototypes)'));
        else children.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
      stack.push(...children.reverse());
    }
    if (out.length > 200) break;
  }
  return out;
}
