// Hostile and degenerate fund-level files (issue #30, round two): every numeric field of both fund files
// (scenarios/suzhou-resident-subsidy-2021.json, suzhou-pooling-2020.json) set to a seeded set of edge values
// and to its own bounds (read from fund.schema.json), through `jingsuan fund FILE` and `fund FILE --json`. Each
// case ends with either a refusal naming the field's JSON path, or output with no NaN, no Infinity and no stack
// trace. The corpus is written to test-output/hostile-fund/ so a person can rerun any case by hand.
// And the zero-premium case everywhere: a loss ratio without a premium is not a number, said in words in text,
// report.md and the briefing, null with lossRatioReason in JSON, an empty cell in CSV (docs/model.md).
import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base, clean, corpus, type Json } from './helpers/cli-corpus.ts';
import { ROOT } from './helpers/golden.ts';

const { file, here, summarise } = corpus('hostile-fund');

/** What no answer may contain beyond clean(): Infinity shown as a number (text or JSON). */
function finite(r: { out: string; err: string }) {
  expect(r.out + r.err).not.toMatch(/Infinity|∞/);
}

type Path = (string | number)[];
const label = (p: Path) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

/** Every numeric leaf of a file, by path. */
function numericPaths(node: Json, path: Path = []): Path[] {
  if (typeof node === 'number') return [path];
  if (Array.isArray(node)) return node.flatMap((v, i) => numericPaths(v, [...path, i]));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => numericPaths(v, [...path, k]));
  return [];
}

const schema = JSON.parse(readFileSync(join(ROOT, 'fund.schema.json'), 'utf8'));

/** The JSON-schema node of a path in a file (the branch of a oneOf whose constant fields the file matches). */
function schemaAt(doc: Json, path: Path): Json {
  let node = schema;
  let data = doc;
  const pick = (n: Json, d: Json): Json => {
    const branches = n.oneOf ?? n.anyOf;
    if (!branches) return n;
    const fits = branches.find((b: Json) =>
      Object.entries(b.properties ?? {}).every(([k, p]: [string, Json]) => p.const === undefined || d?.[k] === p.const),
    );
    return pick(fits ?? branches[0], d);
  };
  for (const k of path) {
    node = pick(node, data);
    node = typeof k === 'number' ? node.items : node.properties?.[k];
    data = data?.[k];
    if (!node) return {};
  }
  return pick(node, data);
}

const EDGES = [0, -0, 1e-300, 1e-9, 0.5, 1e308, -1];

function valuesFor(doc: Json, path: Path): number[] {
  const s = schemaAt(doc, path);
  const bounds = [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum].filter((x) => typeof x === 'number');
  return [...new Set([...EDGES, ...bounds])];
}

function setAt(doc: Json, path: Path, v: number) {
  let n = doc;
  for (const k of path.slice(0, -1)) n = n[k];
  n[path[path.length - 1]] = v;
}

const counts = { cases: 0, refused: 0, passed: 0 };

for (const name of ['suzhou-resident-subsidy-2021', 'suzhou-pooling-2020']) {
  describe(`${name}: every numeric field at the edges`, () => {
    const d0 = base(name);
    if (d0.simulation) d0.simulation.trials = 200; // the sweep is about values, not precision
    for (const path of numericPaths(d0)) {
      if (path[0] === 'schemaVersion') continue;
      it(
        label(path),
        async () => {
          for (const v of valuesFor(d0, path)) {
            const d = structuredClone(d0);
            setAt(d, path, v);
            const f = file(`${name}-${label(path).replace(/[^A-Za-z0-9]+/g, '_')}-${String(v)}.json`, d);
            const text = await here(`${label(path)} = ${v}`, ['fund', f], 60);
            const json = await here(`${label(path)} = ${v} --json`, ['fund', f, '--json'], 60);
            for (const r of [text, json]) {
              counts.cases++;
              clean(r);
              finite(r);
              if (r.code === 0) counts.passed++;
              else {
                counts.refused++;
                expect(r.err, `${label(path)} = ${v}: the refusal names the field`).toContain(label(path).replace(/\.value$/, ''));
              }
            }
            if (json.code === 0) JSON.parse(json.out);
          }
        },
        120_000,
      );
    }
  });
}

/** Runs `fund FILE --lang L` and `fund FILE --json` on a file; both must be clean and finite. */
async function both(name: string, d: Json, lang: 'en' | 'zh' = 'en') {
  const f = file(`${name}.json`, d);
  const text = await here(name, ['fund', f, '--lang', lang], 60);
  const json = await here(`${name} --json`, ['fund', f, '--json'], 60);
  for (const r of [text, json]) {
    clean(r);
    finite(r);
  }
  return { text, json: json.code === 0 ? JSON.parse(json.out) : null, jsonRun: json };
}

describe('degenerate but valid fund files come out in words', () => {
  it('a pooling file without expenditure has no reserve months: "no expenditure" / "无支出", JSON null with the reason', async () => {
    const d = base('suzhou-pooling-2020');
    d.simulation.trials = 100;
    for (const r of d.regions) r.employees.expenditure.value = r.residents.expenditure.value = 0;
    const { text, json } = await both('pooling-no-expenditure', d);
    expect(text.code).toBe(0);
    // Mean, P5 and P95 of each of the 5 years, each in the reader's language only (--lang).
    expect(text.out.match(/no expenditure/g)).toHaveLength(15);
    expect(text.out).not.toMatch(/无支出/);
    const zh = (await both('pooling-no-expenditure-zh', d, 'zh')).text.out;
    expect(zh.match(/无支出/g)).toHaveLength(15);
    expect(zh).not.toMatch(/no expenditure/);
    for (const y of json.years) {
      expect(y.reserveMonths).toBeNull();
      expect(y.reserveMonthsReason).toBe('no-expenditure');
      expect(y.noExpenditure).toBe(1);
      expect(y.probAlarm).toBe(0); // nothing is paid out: no alarm
    }
  });
  it('a cost trend that can fall to nothing: those trials are counted apart, the rest make the distribution', async () => {
    const d = base('suzhou-pooling-2020');
    d.simulation.trials = 400;
    d.expenditureGrowth.value = -0.5;
    d.expenditureGrowthSd.value = 0.5; // 1 + g + sd·z ≤ 0 when z ≤ −1: about 16% of the years' draws
    const { text, json } = await both('pooling-trend-to-zero', d);
    expect(json.years[0].noExpenditure).toBe(0);
    const last = json.years[4];
    // P(a 4-year path touches 0) = 1 − Φ(1)^4 ≈ 0.50 (one zero growth factor ends the path's expenditure).
    expect(last.noExpenditure).toBeGreaterThan(0.4);
    expect(last.noExpenditure).toBeLessThan(0.6);
    expect(Number.isFinite(last.reserveMonths.mean)).toBe(true);
    expect(text.out).toMatch(/2024: in [\d.]+% of the trials the year has no expenditure/);
    const zh = (await both('pooling-trend-to-zero-zh', d, 'zh')).text.out;
    expect(zh).toMatch(/2024：[\d.]+% 的模拟中该年无支出/);
  });
  it('a subsidy file with nobody in the forecast: the subsidised share is "no insured in the forecast"', async () => {
    const d = base('suzhou-resident-subsidy-2021');
    for (const g of d.groups) g.count.value = 0;
    d.subsidyPerPerson.value = 0;
    const { text, json } = await both('subsidy-nobody', d);
    expect(text.out).toContain('Subsidy at the projected count: no insured in the forecast');
    expect(json.projectedBudget).toMatchObject({ subsidisedShare: null, subsidisedShareReason: 'no-insured', predicted: null });
    expect(json.budget.total).toBe('0.00');
  });
  it('a cost with no finite mean has no fund payment rate: in words, JSON null with the reason', async () => {
    const d = base('suzhou-resident-subsidy-2021');
    d.groups[0].paymentRate.cost = {
      family: 'pareto',
      alpha: { value: 0.8, assumption: 'hostile' },
      theta: { value: 5000, assumption: 'hostile' },
    };
    const { text, json } = await both('subsidy-infinite-mean-cost', d);
    // The payment-rate table's row for the group: its title, then the modelled rate in words, then the target.
    const rates = text.out.slice(text.out.indexOf('Fund payment rates'));
    const row = rates.split('\n').find((l) => l.startsWith(d.groups[0].title.en));
    expect(row).toMatch(/not computable \(the cost distribution has no finite mean\)\s+\d+\.\d%$/);
    expect(json.paymentRates[0]).toMatchObject({ modelled: null, modelledReason: 'cost-mean-not-finite' });
    expect(json.paymentRates[1].modelled).toBeGreaterThan(0);
  });
  it('a deductible of 0 pays from the first yuan (it was 0 ÷ 0): the rate is the payment rate below the cap', async () => {
    const d = base('suzhou-resident-subsidy-2021');
    const pr = d.groups[0].paymentRate;
    pr.basic.deductible.value = 0;
    delete pr.basic.cap;
    const { json } = await both('subsidy-deductible-0', d);
    // No deductible, no cap: the fund pays `rate` of every yuan, whatever the cost distribution.
    expect(json.paymentRates[0].modelled).toBeCloseTo(pr.basic.rate.value, 12);
    pr.basic.cap = { value: 0, assumption: 'hostile' };
    const capped = await both('subsidy-cap-0', d);
    expect(capped.json.paymentRates[0].modelled).toBe(0); // a cap of 0 pays nothing
  });
  it('refusals name the field: a growth past its bounds, a year given twice, a fund amount below a fen', async () => {
    const d = base('suzhou-pooling-2020');
    d.revenueGrowth.value = -1;
    d.alarmMonths.value = 1e308;
    d.regions[2].balance.value = 1e-9;
    const p = await both('pooling-refused', d);
    expect(p.text.code).toBe(1);
    expect(p.text.err).toContain('revenueGrowth.value: must be between -0.5 and 1');
    expect(p.text.err).toContain('alarmMonths.value: must be between 0 and 120');
    expect(p.text.err).toContain('regions[2].balance.value: must be 0 or at least 0.01 (one fen)');
    const s = base('suzhou-resident-subsidy-2021');
    s.history[3].year = s.history[1].year;
    const h = await both('subsidy-year-twice', s);
    expect(h.text.code).toBe(1);
    expect(h.text.err).toContain(`history[3].year: year ${s.history[1].year} appears twice (also at index 1)`);
  });
});

describe('a ruleset without premium: its loss ratio is "no premium 无保费", never NaN or Infinity', () => {
  it('run, run --json and run --out (every file) on compare-regions with one ruleset unfunded', async () => {
    const d = base('compare-regions');
    for (const c of d.rulesets[1].funding.channels) c.perInsured.value = 0;
    d.simulation.trials = 200;
    const f = file('compare-regions-no-premium.json', d);
    const text = await here('no premium: run', ['run', f, '--workers', '1', '--lang', 'en'], 120);
    clean(text);
    finite(text);
    expect(text.code).toBe(0);
    // The indicators' row of the unfunded ruleset: loss ratio, its P95 and P(> 100%) in words.
    const row = text.out.split('\n').find((l) => l.startsWith(d.rulesets[1].id) && l.includes('no premium'))!;
    expect(row.match(/no premium/g)).toHaveLength(3);
    const json = await here('no premium: run --json', ['run', f, '--workers', '1', '--json'], 120);
    clean(json);
    finite(json);
    const r = JSON.parse(json.out);
    const [funded, unfunded] = [r.rulesets[0], r.rulesets[1]];
    expect(unfunded.premium).toBe(0);
    expect(unfunded.lossRatio).toEqual({ mean: null, p05: null, p95: null, probAbove1: null, sd: null });
    expect(unfunded.lossRatioReason).toBe('no-premium');
    for (const p of unfunded.populations) expect(p.lossRatioReason).toBe('no-premium');
    expect(funded.lossRatioReason).toBeUndefined();
    expect(funded.lossRatio.mean).toBeGreaterThan(0);
    const cmp = r.comparisons.find((c: Json) => c.a === unfunded.id || c.b === unfunded.id); // the unfunded one is the baseline
    expect(cmp.lossRatioDiff.mean).toBeNull();
    expect(cmp.lossRatioDiffReason).toBe('no-premium');
    expect(Number.isFinite(cmp.payoutDiff.mean)).toBe(true);

    const dir = file('no-premium-out', '').replace(/$/, '-dir');
    const out = await here('no premium: run --out', ['run', f, '--workers', '1', '--out', dir], 180);
    clean(out);
    finite(out);
    expect(out.code).toBe(0);
    for (const name of readdirSync(dir)) {
      const body = name.endsWith('.docx')
        ? strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, name))))['word/document.xml'])
        : name.endsWith('.png')
          ? ''
          : readFileSync(join(dir, name), 'utf8');
      expect(body, name).not.toMatch(/\bNaN\b|Infinity/);
    }
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('no premium 无保费');
    const docx = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'report.docx'))))['word/document.xml']);
    expect(docx).toContain('无保费');
    // CSV: a figure that is not a number is an empty cell (the header row, then one row per ruleset).
    const indicators = readFileSync(join(dir, 'indicators.csv'), 'utf8').split('\r\n');
    const cells = indicators[2].split(',');
    expect(cells[0]).toBe(unfunded.id);
    expect(cells.slice(6, 9)).toEqual(['', '', '']); // loss ratio, its P95, P(loss ratio > 100%)
    // The loss-ratio distribution holds only the funded rulesets (named by their titles, issue #31).
    const dist = readFileSync(join(dir, 'loss-ratio-distribution.csv'), 'utf8');
    expect(dist).not.toContain(d.rulesets[1].title!.zh);
    expect(dist).toContain(d.rulesets[0].title!.zh);
  }, 300_000);
  it('exact, expect and sweep --out on a file whose only funding channel is 0 (jiangyin-2020)', async () => {
    const d = base('jiangyin-2020');
    d.rulesets[0].funding.channels[0].perInsured.value = 0;
    d.targets = [{ metric: 'lossRatio', value: 0.9, source: 'hostile test' }];
    const f = file('jiangyin-no-premium.json', d);
    const runs = {
      exact: await here('no premium: exact', ['exact', f, '--lang', 'en'], 120),
      exactZh: await here('no premium: exact in Chinese', ['exact', f, '--lang', 'zh'], 120),
      exactJson: await here('no premium: exact --json', ['exact', f, '--json'], 120),
      expect: await here('no premium: expect', ['expect', f, '--lang', 'zh'], 60),
      expectJson: await here('no premium: expect --json', ['expect', f, '--json'], 60),
    };
    for (const r of Object.values(runs)) {
      clean(r);
      finite(r);
      expect(r.code).toBe(0);
    }
    expect(runs.exact.out.match(/no premium/g)).toHaveLength(3); // LR and P(LR > 1), and the line saying so
    expect(runs.exactZh.out.match(/无保费/g)).toHaveLength(3);
    expect(runs.exactZh.out).not.toContain('no premium');
    expect(runs.expect.out).toContain('无保费'); // one language a line (issue #31)
    expect(runs.expect.out).not.toContain('no premium');
    const ex = JSON.parse(runs.exactJson.out).rulesets[0];
    expect(ex.lossRatio).toBeNull();
    expect(ex.lossRatioReason).toBe('no-premium');
    const an = JSON.parse(runs.expectJson.out);
    expect(JSON.stringify(an)).toContain('"lossRatioReason":"no-premium"');
    // A loss-ratio target beside a run without premium: the modelled value in words ("NaN%" before), null + reason.
    const run = await here('no premium: run with a target', ['run', f, '--workers', '1', '--trials', '100', '--lang', 'en'], 120);
    const json = await here('no premium: run --json with a target', ['run', f, '--workers', '1', '--trials', '100', '--json'], 120);
    for (const r of [run, json]) {
      clean(r);
      finite(r);
    }
    expect(run.out.split('\n').find((l) => l.startsWith('expected loss ratio'))).toContain('no premium');
    expect(JSON.parse(json.out).targets[0]).toMatchObject({ modelled: null, modelledReason: 'no-premium', relativeError: null });
    // sweep and solve over a parameter that does not set the premium: no loss ratio at any value, in words.
    const sweepArgs = ['--ruleset', d.rulesets[0].id, '--param', 'tracks[0].deductible'];
    const swText = await here(
      'no premium: sweep',
      ['sweep', f, ...sweepArgs, '--from', '1000', '--to', '20000', '--steps', '3', '--lang', 'zh'],
      60,
    );
    clean(swText);
    finite(swText);
    expect(swText.out.match(/无保费/g)).toHaveLength(3);
    const solved = await here('no premium: solve', ['solve', f, ...sweepArgs, '--target', 'lossRatio=0.9', '--trials', '100'], 60);
    clean(solved);
    expect(solved.code).toBe(1);
    expect(solved.out).toContain('the ruleset has no premium 无保费, so no loss ratio at any value');
    const dir = file('jiangyin-no-premium-sweep', '').replace(/$/, '-dir');
    const sw = await here(
      'no premium: sweep --out',
      [
        'sweep',
        f,
        '--ruleset',
        d.rulesets[0].id,
        '--param',
        'tracks[0].deductible',
        '--from',
        '1000',
        '--to',
        '20000',
        '--steps',
        '3',
        '--out',
        dir,
      ],
      120,
    );
    clean(sw);
    finite(sw);
    for (const name of readdirSync(dir).filter((n) => !n.endsWith('.png')))
      expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/\bNaN\b|Infinity/);
    expect(readdirSync(dir)).not.toContain('sweep-lossRatio.svg'); // nothing to draw
  }, 300_000);
});

afterAll(() => {
  summarise();
  console.log(`hostile-fund sweep: ${counts.cases} cases, ${counts.refused} refused, ${counts.passed} passed`);
});
