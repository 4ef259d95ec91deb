import { quoted } from './characters.ts';

/** A problem found in a scenario file, addressed by its JSON path (e.g. `rulesets[0].tracks[0].deductible.value`). */
export interface Problem {
  path: string;
  message: string;
}

export type PathSegment = string | number;

/** ['rulesets', 0, 'bands'] → `rulesets[0].bands`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${quoted(String(seg))}]`;
  }
  return out || '(root)';
}

export function problem(path: readonly PropertyKey[], message: string): Problem {
  return { path: formatPath(path), message };
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/**
 * A scenario that cannot be used, with every problem by path. Here rather than beside the validator, so the
 * engine (model.ts, in every worker) throws it without loading the schema library.
 */
export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}
