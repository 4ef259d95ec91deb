// Validation of scenario files (issue 2): every shipped file is valid, and each kind of mistake is reported as
// "<json path>: <what is wrong>", all at once.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/scenario/problems.ts';
import { validateData, validateText } from '../src/scenario/validate.ts';
import { continuousBodyWeight } from '../src/random/severity/lognormal-pareto.ts';
import { loadScenarioFile } from './helpers/golden.ts';

const SHIPPED = ['suzhou-2021.json', 'jiangyin-2020.json', 'jilin-2017.json', 'compare-regions.json'];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const jiangyin = () => loadScenarioFile('jiangyin-2020.json') as Json;
const lines = (data: unknown) => validateData(data).problems.map(formatProblem);

describe('shipped scenarios', () => {
  for (const f of SHIPPED) {
    it(`${f} is valid, warning-free and references the schema`, () => {
      const data = loadScenarioFile(f) as Json;
      const v = validateData(data);
      expect(v.problems.map(formatProblem)).toEqual([]);
      expect(v.warnings.map(formatProblem)).toEqual([]);
      expect(data.$schema).toBe('../scenario.schema.json');
    });
  }

  it('compare-regions uses the same rules as the regional files', () => {
    const cmp = loadScenarioFile('compare-regions.json') as Json;
    const strip = (r: Json) => ({ ...r, funding: undefined });
    for (const [file, id] of [
      ['suzhou-2021.json', 'suzhou-2021'],
      ['jiangyin-2020.json', 'jiangyin-2020'],
      ['jilin-2017.json', 'jilin-2017'],
    ]) {
      const own = (loadScenarioFile(file) as Json).rulesets.find((r: Json) => r.id === id);
      expect(strip(cmp.rulesets.find((r: Json) => r.id === id))).toEqual(strip(own));
    }
  });
});

describe('problems are named by JSON path', () => {
  it('unknown key', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].deductable = 5;
    expect(lines(d)).toContain('rulesets[0].tracks[0].deductable: unknown key');
  });
  it('wrong type', () => {
    const d = jiangyin();
    d.populations[0].insured.value = '1350000';
    expect(lines(d)).toContain('populations[0].insured.value: expected number, got string "1350000"');
  });
  it('negative amount', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].deductible.value = -1;
    expect(lines(d)).toContain('rulesets[0].tracks[0].deductible.value: must not be negative');
  });
  it('bands not increasing', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].bands.splice(1, 0, { to: 90000, ratio: 0.7, source: 'x' });
    expect(lines(d)).toContain('rulesets[0].tracks[0].bands[1].to: bands not increasing: 90000 is not above the previous edge 100000');
  });
  it('open band before the last', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].bands[0].to = null;
    expect(lines(d)).toContain('rulesets[0].tracks[0].bands[0].to: only the last band may be open-ended (null)');
  });
  it('ratio outside [0, 1]', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].bands[1].ratio = 1.2;
    expect(lines(d)).toContain('rulesets[0].tracks[0].bands[1].ratio: must be between 0 and 1 (0–100%)');
  });
  it('share outside [0, 1]', () => {
    const d = jiangyin();
    d.populations[0].groups[0].share.value = -0.1;
    expect(lines(d)).toContain('populations[0].groups[0].share.value: must be between 0 and 1 (0–100%)');
  });
  it('duplicate id', () => {
    const d = jiangyin();
    d.rulesets.push(structuredClone(d.rulesets[0]));
    expect(lines(d)).toContain('rulesets[1].id: duplicate ruleset id "jiangyin-2020" (also at index 0)');
  });
  it('ruleset referring to an unknown group', () => {
    const d = jiangyin();
    d.rulesets[0].modifiers[0].group = 'veterans';
    expect(lines(d)).toContain('rulesets[0].modifiers[0].group: unknown group "veterans": no population declares it (known: assistance)');
  });
  it('a parameter without provenance', () => {
    const d = jiangyin();
    delete d.rulesets[0].tracks[0].deductible.source;
    expect(lines(d)).toContain(
      'rulesets[0].tracks[0].deductible: needs a "source" (document and section) or an "assumption" (why this value)',
    );
  });
  it('limits on trials and insured counts', () => {
    const d = jiangyin();
    d.simulation.trials = 10_000_000;
    d.populations[0].insured.value = 5e9;
    const l = lines(d);
    expect(l).toContain('simulation.trials: must not exceed 100000');
    expect(l).toContain('populations[0].insured.value: must not exceed 100000000');
  });
  it('a spliced severity whose density jumps at the splice is warned about, naming the jump', () => {
    const d = jiangyin();
    // The spliced fit Suzhou 2021 shipped before the composite: body and tail joined on the 12,000 deductible.
    const a = (value: number) => ({ value, assumption: 'test' });
    d.populations[0].severity = {
      family: 'spliced',
      mu: a(5.8965984),
      sigma: a(1.2),
      splice: a(12000),
      alpha: a(2.4069503),
      bodyWeight: a(0.82680312),
    };
    const v = validateData(d);
    expect(v.problems).toEqual([]);
    expect(v.warnings.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(
      /populations\[0\]\.severity\.family: the spliced density jumps ×105 at the splice point/,
    );
    // A splice weight chosen for continuity (w = the composite's body weight) is not warned about.
    d.populations[0].severity.bodyWeight = a(continuousBodyWeight(5.8965984, 1.2, 12000, 2.4069503));
    expect(validateData(d).warnings.filter((p) => /jumps/.test(p.message))).toEqual([]);
  });
  it('unknown severity family', () => {
    const d = jiangyin();
    d.populations[0].severity = { family: 'cauchy' };
    expect(lines(d)).toContain(
      'populations[0].severity.family: must be one of "lognormal", "gamma", "pareto", "weibull", "loglogistic", "spliced", "lognormalPareto", "empirical"',
    );
  });
  it('reports all problems at once', () => {
    const d = jiangyin();
    d.rulesets[0].tracks[0].bands[1].ratio = 2;
    d.populations[0].incidence.value = 3;
    d.rulesets[0].modifiers[0].group = 'nobody';
    d.extra = 1;
    expect(lines(d).length).toBeGreaterThanOrEqual(4);
  });
  it('rejects __proto__ and constructor keys in the text of a file', () => {
    const text = JSON.stringify(jiangyin()).replace('"rulesets":', '"__proto__": {"polluted": true}, "constructor": 1, "rulesets":');
    const v = validateText(text);
    expect(v.ok).toBe(false);
    expect(v.problems.map(formatProblem)).toEqual([
      '__proto__: forbidden key (could alter object prototypes)',
      'constructor: forbidden key (could alter object prototypes)',
    ]);
    expect(({} as Json).polluted).toBeUndefined();
  });
  it('refuses an oversized file and invalid JSON with one clear line', () => {
    expect(validateText(' '.repeat(2_000_001)).problems.map(formatProblem)[0]).toMatch(
      /^\(root\): file is 2,000,001 bytes; the limit is 2,000,000$/,
    );
    expect(validateText('{"id": ').problems.map(formatProblem)[0]).toMatch(/^\(root\): not valid JSON: /);
  });
  it('refuses hostile nesting without overflowing the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const v = validateText(deep);
    expect(v.ok).toBe(false);
    expect(v.problems[0].message).toBe('nested deeper than 24 levels');
  });
});

describe('scenario.schema.json', () => {
  it('is the committed output of the same zod definition the validator uses (npm run schema)', async () => {
    const { readFileSync } = await import('node:fs');
    const { scenarioJsonSchema } = await import('../src/scenario/json-schema.ts');
    const { ROOT } = await import('./helpers/golden.ts');
    const committed = JSON.parse(readFileSync(`${ROOT}scenario.schema.json`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    expect(committed.properties.rulesets.items.properties.tracks).toBeDefined();
    const { fundJsonSchema } = await import('../src/scenario/json-schema.ts');
    expect(JSON.parse(readFileSync(`${ROOT}fund.schema.json`, 'utf8'))).toEqual(JSON.parse(JSON.stringify(fundJsonSchema())));
  });
  it('fund-level files are valid and reference fund.schema.json; a missing provenance is named', () => {
    for (const f of ['suzhou-resident-subsidy-2021.json', 'suzhou-pooling-2020.json']) {
      const d = loadScenarioFile(f) as Json;
      expect(validateData(d).problems.map(formatProblem)).toEqual([]);
      expect(d.$schema).toBe('../fund.schema.json');
    }
    const d = loadScenarioFile('suzhou-resident-subsidy-2021.json') as Json;
    delete d.groups[1].count.source;
    d.groups[2].payer = 'county';
    expect(lines(d)).toEqual([
      'groups[2].payer: must be one of "city", "province" (got string "county")',
      'groups[1].count: needs a "source" (document and section) or an "assumption" (why this value)',
    ]);
  });
});
