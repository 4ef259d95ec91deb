// Hostile inputs, round two (issue #30): every numeric field of the scenario format at eleven edge values, drawn by
// a fixed seed, through validate, expect, exact, run (text and --json), benefit and corridor (every eighth case also
// sweep, solve and calibrate); and a few through run --out, whose
// every file is read back. Each case ends within its bound with a result or a refusal that names the field; no
// output holds NaN, Infinity, a stack trace or an internal error. The file all cases start from holds every
// numeric field the schema has (checked against scenario.schema.json below), so no field is missed because the
// shipped files leave it out. The corpus is written to test-output/hostile-fields/ for rerunning by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { SEVERITY_FAMILIES } from '../src/scenario/severity-families/index.ts';
import { validateData } from '../src/scenario/validate.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { a, base, clean, corpus, type Json } from './helpers/cli-corpus.ts';
import { ROOT } from './helpers/golden.ts';

const { dir, file, here, summarise } = corpus('hostile-fields');

/** Eleven values at the edges a number can take in JSON (−0 is written as such: JSON.stringify drops its sign). */
const EDGES = [0, -0, 5e-324, 1e-20, 1e-9, 0.5, 1, 2, -1, 1e15, 1e308];

/** Jiangyin 2020 with one small population per severity family and every optional numeric field set. */
function everything(): Json {
  const d = base('jiangyin-2020');
  const first = d.populations[0];
  first.insured = a(20_000);
  first.frequency = { family: 'negativeBinomial', cv: a(0.1), assumption: 'hostile test' };
  first.selfPay = {
    beta: { alpha: 2, beta: 5, assumption: 'hostile test' },
    compliantShare: a(0.4),
    compliantBeta: { alpha: 2, beta: 3, assumption: 'hostile test' },
  };
  // Issue #33's household measures: a cost–income rank correlation and spending shares on every population (each
  // copies the first: every severity family's survival ranks a member's cost).
  first.income.rankCorrelation = a(-0.3);
  first.spending = { consumptionShare: a(0.7), foodShare: a(0.3) };
  first.groups[0].income.rankCorrelation = a(0.2);
  d.populations = [first];
  for (const f of SEVERITY_FAMILIES) {
    if (f.id === 'lognormalPareto') continue; // the first population's
    d.populations.push({
      ...structuredClone(first),
      id: `p-${f.id}`,
      title: { zh: f.id, en: f.id },
      insured: a(5_000),
      severity: { family: f.id, ...structuredClone(f.bench) },
    });
  }
  d.populations[1].severity.uncertainty = {
    parameters: ['mu', 'sigma'],
    covariance: [
      [1e-4, 0],
      [0, 1e-4],
    ],
    n: 400,
    source: 'hostile test',
  };
  d.populations[1].selfPay = { ratio: a(0.3), compliantShare: a(0.5) };
  const r = d.rulesets[0];
  r.basic = { deductible: a(1000), rate: a(0.7), cap: a(300_000) };
  r.cap = a(400_000);
  r.ratioCeiling = { value: 0.9, bindsModifiers: true, assumption: 'hostile test' };
  r.policyRangeDeduction = a(35_000);
  r.tracks[0].cap = a(350_000);
  Object.assign(r.modifiers[0], { deductible: 20_000, cap: 500_000, capFactor: 1.2 });
  r.funding.channels.push({ channel: 'fiscalSubsidy', total: a(1_000_000) });
  r.corridor.alternatives = [
    {
      id: 'alt',
      title: { zh: '另一读法', en: 'another reading' },
      tiers: [{ from: -0.05, to: 0.05, insurerShare: 0.5, basis: 'marginal', assumption: 'hostile test' }],
      assumption: 'hostile test',
    },
  ];
  // A second ruleset with Suzhou's prepaid transfers and holdback, and Jilin's corridor of bounded tiers.
  const second = structuredClone(r);
  second.id = 'rules-b';
  second.title = { zh: '方案乙', en: 'rules B' };
  second.funding.transfers = structuredClone(base('suzhou-2021').rulesets[0].funding.transfers);
  second.corridor.tiers = structuredClone(base('jilin-2017').rulesets[0].corridor.tiers);
  // A deductible indexed to an income figure (issue #33, scenario/income-index.ts), on the second ruleset so the
  // analyses' sweeps of the first's deductible stay as they were: 0.5 × 40,000 = 20,000 on the track and the modifier.
  d.incomeIndex = { urban: a(40_000) };
  second.tracks[0].deductible = { value: 20_000, indexedTo: { share: a(0.5), income: 'urban' }, assumption: 'hostile test' };
  second.modifiers[0].deductibleIndexedTo = { share: a(0.5), income: 'urban' };
  // The out-of-pocket ceiling on the second ruleset only: its household figures integrate over income band by band.
  second.assistance.ceiling = [
    { incomeBelow: a(20_000), share: a(0.1) },
    { incomeBelow: null, share: a(0.4) },
  ];
  d.rulesets.push(second);
  d.simulation.seed = 2020;
  d.simulation.trials = 20;
  d.simulation.parameterRisk.costLevel.distribution = 'gamma';
  d.simulation.trend = {
    costGrowth: { mean: a(0.06), sd: a(0.03) },
    fundingGrowth: a(0.05),
    insuredGrowth: a(0.01),
    incomeGrowth: a(0.07),
    assumption: 'hostile test',
  };
  d.targets = [{ metric: 'payout', ruleset: r.id, value: 5_000_000, assumption: 'hostile test' }];
  // The household layer (issue #33): the shipped file's incomes (population and group), assistance and poverty
  // line, and the sample size (the smallest allowed: every case's run draws it).
  d.household.members = 1000;
  // The file's own typical case: its amount and income are numbers a file carries like any other.
  d.household.typicalCase = { population: d.populations[0].id, amount: 100_000, income: 50_000 };
  return d;
}

type Path = (string | number)[];
function numericPaths(node: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof node === 'number') out.push(prefix);
  else if (Array.isArray(node)) node.forEach((v, i) => numericPaths(v, [...prefix, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) numericPaths(v, [...prefix, k], out);
  return out;
}

/** The schema's numeric fields as templates (`rulesets[].cap.value`), union branches merged. */
function schemaNumericFields(): Set<string> {
  const schema = JSON.parse(readFileSync(join(ROOT, 'scenario.schema.json'), 'utf8'));
  const out = new Set<string>();
  const walk = (n: Json, path: string) => {
    if (!n || typeof n !== 'object') return;
    const types = [n.type].flat();
    if (types.includes('number') || types.includes('integer')) out.add(path);
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${path}.${k}`);
    if (n.items) walk(n.items, `${path}[]`);
    for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of n[k] ?? []) walk(x, path);
  };
  walk(schema, '');
  return out;
}
const template = (p: Path) => p.map((k) => (typeof k === 'number' ? '[]' : `.${k}`)).join('');

/** Writes the file with −0 kept as −0 (JSON.stringify writes 0). */
function writeCase(name: string, d: Json): string {
  return file(name, JSON.stringify(d, (_k, v) => (Object.is(v, -0) ? '__minus_zero__' : v)).replace(/"__minus_zero__"/g, '-0'));
}

/** What no output may hold beyond clean()'s list: Infinity as a number, the word undefined (∞ is how a corridor tier or an open band is written: it may). */
function finiteText(text: string, what: string) {
  expect(text, what).not.toMatch(/\bInfinity\b|\bundefined\b/);
  expect(text, what).not.toMatch(/\bNaN\b/);
}

const all = everything();
const numeric = numericPaths(all).filter((p) => p[0] !== 'schemaVersion' && p[0] !== 'year');

describe('the field corpus covers the format', () => {
  it('the starting file is valid and holds every numeric field of scenario.schema.json', () => {
    const v = validateData(all);
    expect(v.ok ? [] : v.problems).toEqual([]);
    const present = new Set(numeric.map(template));
    const missing = [...schemaNumericFields()].filter((t) => !['.schemaVersion', '.year'].includes(t) && !present.has(t));
    expect(missing).toEqual([]);
  });
});

describe('every numeric field at the edges, drawn by a fixed seed', () => {
  const rng = new Xoshiro128(30, 2, 11, 7);
  // Every field once at a drawn edge, then more drawn pairs: 2 × fields in all.
  const cases: { n: number; path: Path; value: number }[] = [];
  const draw = (path: Path) => cases.push({ n: cases.length, path, value: EDGES[rng.below(EDGES.length)] });
  numeric.forEach(draw);
  while (cases.length < 2 * numeric.length) draw(numeric[rng.below(numeric.length)]);
  const counts = { cases: 0, refused: 0, computed: 0 };
  const batches = 8;
  for (let b = 0; b < batches; b++) {
    const mine = cases.filter((_c, i) => i % batches === b);
    it(`batch ${b + 1} of ${batches}: ${mine.length} cases end with a result or a refusal by path, every output finite`, async () => {
      for (const { n, path, value } of mine) {
        const d = structuredClone(all);
        const parent = path.slice(0, -1).reduce((o: Json, k) => o[k], d);
        parent[path[path.length - 1]] = value;
        const label = `${template(path).slice(1)} = ${Object.is(value, -0) ? '-0' : value}`;
        const f = writeCase(`${n}.json`, d);
        const v = await here(`${label}: validate`, ['validate', f], 20);
        clean(v, `${label}: validate`);
        counts.cases++;
        if (v.code !== 0) {
          counts.refused++;
          // The refusal names a field of the file (its JSON path), not an internal place.
          expect(v.out + v.err, label).toMatch(/^(\(root\)|[a-zA-Z]+[\w[\].]*): /m);
          continue;
        }
        counts.computed++;
        const R = all.rulesets[0].id;
        const P = 'tracks[0].deductible';
        // Every case through the engine's three doors and one person's benefit and corridor; every eighth also
        // through the analyses (sweep, solve, calibrate), which run the engine many times.
        const analyses =
          n % 8 === 0
            ? [
                ['sweep', f, '--ruleset', R, '--param', P, '--from', '10000', '--to', '20000', '--steps', '2', '--trials', '10'],
                ['solve', f, '--ruleset', R, '--param', P, '--target', 'lossRatio=50%', '--trials', '10'],
                ['calibrate', f, '--dry-run', '--trials', '10'],
              ]
            : [];
        for (const args of [
          ['expect', f],
          ['exact', f],
          ['run', f, '--workers', '1'],
          ['run', f, '--workers', '1', '--json', '--years', '2'],
          ['benefit', f, '--ruleset', R, '--group', 'assistance', '--burden', '123456.78', '--compliant-self-pay', '2000'],
          ['corridor', f, '--ruleset', R, '--premium', '1000000', '--claims', '1030000'],
          ...analyses,
        ]) {
          const r = await here(`${label}: ${args.join(' ')}`, args, 60);
          clean(r, `${label}: ${args.join(' ')}`);
          finiteText(r.out + r.err, `${label}: ${args[0]}`);
          // Exit 1 is a refusal naming the field, or solve's answer that no value reaches the target.
          if (r.code !== 0)
            expect(r.out + r.err, `${label}: ${args[0]} refuses by path`).toMatch(/[a-z]+(\[\d+\])?[\w[\].]*: |^no value of /m);
        }
      }
    }, 240_000);
  }
  afterAll(() => {
    console.log(
      `hostile-fields: ${counts.cases} cases over ${numeric.length} numeric fields; ${counts.refused} refused by path, ${counts.computed} computed`,
    );
  });
});

describe('run --out with degenerate values writes only finite numbers', () => {
  const degenerate: [string, (d: Json) => void][] = [
    ['a cap of 1e-20 yuan', (d) => (d.rulesets[0].cap = a(1e-20))],
    ['no premium', (d) => (d.rulesets[0].funding.channels = [{ channel: 'fundTransfer', perInsured: a(0) }])],
    ['no insured', (d) => d.populations.forEach((p: Json) => (p.insured = a(0)))],
  ];
  for (const [label, change] of degenerate) {
    it(
      label,
      async () => {
        const d = base('jiangyin-2020');
        d.populations[0].insured = a(20_000);
        d.simulation.trials = 20;
        change(d);
        const f = writeCase(`out-${label.replace(/\W+/g, '-')}.json`, d);
        const out = join(dir, `out-${label.replace(/\W+/g, '-')}`);
        const r = await here(`${label}: run --out`, ['run', f, '--workers', '1', '--out', out], 120);
        clean(r);
        expect(r.code).toBe(0);
        for (const name of readdirSync(out)) {
          const p = join(out, name);
          if (/\.(csv|json|md|svg)$/.test(name)) finiteText(readFileSync(p, 'utf8'), `${label}: ${name}`);
          if (name.endsWith('.docx')) {
            const xml = unzipSync(readFileSync(p));
            for (const [part, bytes] of Object.entries(xml))
              if (part.endsWith('.xml')) finiteText(strFromU8(bytes), `${label}: ${name} ${part}`);
          }
        }
      },
      120_000,
    );
  }
});

afterAll(summarise);
