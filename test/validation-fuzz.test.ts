// Fuzz (issue 2): thousands of seeded mutations of the shipped files. Each must either validate or yield
// problems that name a path and say what is wrong; no exception escapes, nothing hangs.
import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { validateData, validateText } from '../src/scenario/validate.ts';
import { loadScenarioFile } from './helpers/golden.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const NASTY: unknown[] = [
  null,
  -1,
  0,
  1e308,
  -1e-9,
  0.5,
  2,
  1.5e10,
  '',
  'x',
  '<img src=x onerror=alert(1)>',
  [],
  [1, 2],
  {},
  true,
  { __proto__: null },
  { value: 'a' },
  { value: -5 },
  { value: 1e99, source: '' },
  'NaN',
  '__proto__',
];

function paths(node: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(node)) node.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(base: Json, rng: Xoshiro128): Json {
  const d = structuredClone(base);
  const n = 1 + rng.below(3);
  for (let m = 0; m < n; m++) {
    const all = paths(d).filter((p) => p.length > 0);
    const p = all[rng.below(all.length)];
    const parent = p.slice(0, -1).reduce((o: Json, k) => o[k], d);
    const key = p[p.length - 1];
    const op = rng.below(5);
    if (op === 0) delete parent[key];
    else if (op === 1) parent[key] = structuredClone(NASTY[rng.below(NASTY.length)]);
    else if (op === 2 && typeof parent[key] === 'number') parent[key] = parent[key] * (rng.uniform() * 4 - 2);
    else if (op === 3 && parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) parent[key]['z' + rng.below(9)] = 1;
    else if (Array.isArray(parent[key])) parent[key].push(structuredClone(parent[key][0] ?? 1));
    else parent[key] = structuredClone(NASTY[rng.below(NASTY.length)]);
  }
  return d;
}

describe('validation fuzz', () => {
  for (const file of ['suzhou-2021.json', 'jilin-2017.json', 'compare-regions.json']) {
    it(`${file}: 1,500 seeded mutations each validate or yield path-named problems`, () => {
      const base = loadScenarioFile(file) as Json;
      const rng = new Xoshiro128(7, 11, 13, file.length);
      let invalid = 0;
      for (let i = 0; i < 1500; i++) {
        const d = mutate(base, rng);
        const v = i % 2 ? validateData(d) : validateText(JSON.stringify(d));
        if (!v.ok) {
          invalid++;
          expect(v.problems.length).toBeGreaterThan(0);
          for (const p of v.problems) {
            expect(p.path).toMatch(/^(\(root\)|[A-Za-z$_][\w$]*)/);
            expect(p.message.length).toBeGreaterThan(3);
            expect(p.message).not.toMatch(/internal validation error|at Object\.|TypeError/);
          }
        } else expect(v.scenario).toBeDefined();
      }
      expect(invalid).toBeGreaterThan(1000);
    });
  }
});
