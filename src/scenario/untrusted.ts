/**
 * First look at a file from someone else, before any schema: size, JSON syntax, nesting depth, string lengths
 * and keys that could pollute prototypes. Nothing here throws; everything becomes a Problem.
 */
import { FORBIDDEN_KEYS, LIMITS } from './limits.ts';
import { problem, type PathSegment, type Problem } from './problems.ts';

export function parseJsonText(text: string): { data?: unknown; problems: Problem[] } {
  // A byte-order mark (Windows editors write one) is not part of the JSON text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return {
      problems: [problem([], `file is ${bytes.toLocaleString('en')} bytes; the limit is ${LIMITS.fileBytes.toLocaleString('en')}`)],
    };
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
      // Pushed one by one in reverse (keys come off the stack in file order): a spread of 200,000 children would
      // overflow the call stack.
      const keys = Object.keys(value);
      for (const key of keys)
        if (FORBIDDEN_KEYS.has(key)) out.push(problem([...path, key], 'forbidden key (could alter object prototypes)'));
      for (let i = keys.length - 1; i >= 0; i--) {
        if (!FORBIDDEN_KEYS.has(keys[i])) stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
      }
    }
    if (out.length > 200) break;
  }
  return out;
}

/**
 * Keys that appear twice in one object of the text: JSON.parse keeps the last silently, so a planner who edited
 * a copy-pasted block would never learn which value counts. Scans the (already valid) text once, keeping a set
 * of keys per open object and the path to it.
 */
export function duplicateKeys(text: string): Problem[] {
  const out: Problem[] = [];
  type Frame = { keys: Set<string> | null; path: PathSegment[]; index: number; key: string | null };
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  const readString = (): string => {
    let s = '';
    i++; // opening quote
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          s += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          s += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
          i += 2;
        }
        continue;
      }
      s += c;
      i++;
    }
    return s;
  };
  const childPath = (): PathSegment[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.keys ? [...top.path, top.key ?? ''] : [...top.path, top.index];
  };
  let expectKey = false;
  while (i < n && out.length < 50) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const path = childPath();
      stack.push({ keys: c === '{' ? new Set() : null, path, index: 0, key: null });
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
      expectKey = !!top?.keys;
      i++;
    } else if (c === '"') {
      const s = readString();
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        if (top.keys.has(s)) out.push(problem([...top.path, s], 'appears twice in this object; the last value counts'));
        top.keys.add(s);
        top.key = s;
        expectKey = false;
      }
    } else i++;
  }
  return out;
}
