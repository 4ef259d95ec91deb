// `jingsuan fit DATA` (docs/model.md "Command line"): the --json keys, the table, flags checked
// before work, the diagnostic charts of --out and the provenance --into writes. The fits' numbers themselves are
// test/fit-mle*.test.ts's (against R fitdistrplus); here the lognormal, whose MLE has a closed form (Klugman,
// Panjer & Willmot, Loss Models, 4th ed., §13.1: μ̂ and σ̂² the weighted mean and variance of ln x), checks that
// the command fits the file's amounts with their counts.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateText } from '../src/scenario/validate.ts';
import { command } from './helpers/cli.ts';
import { ROOT } from './helpers/golden.ts';

const FIXTURES = 'test/fixtures/fit';
const BOM = `${FIXTURES}/individual-bom.csv`;
const GBK = `${FIXTURES}/grouped-gbk.csv`;
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, file)))
    .digest('hex');
const tmp = () => mkdtempSync(join(tmpdir(), 'jingsuan-fit-'));

/** The amounts and counts of individual-bom.csv, read here independently of the reader under test. */
function amountsAndCounts() {
  const lines = readFileSync(join(ROOT, BOM), 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  return lines.map((l) => l.split(',').map(Number) as [number, number]);
}

/** Weighted lognormal MLE and its log-likelihood Σ w (−ln x − ln σ − ½ ln 2π − (ln x − μ)²/2σ²). */
function lognormalMle(rows: [number, number][]) {
  const n = rows.reduce((s, [, w]) => s + w, 0);
  const mu = rows.reduce((s, [x, w]) => s + w * Math.log(x), 0) / n;
  const sigma = Math.sqrt(rows.reduce((s, [x, w]) => s + w * (Math.log(x) - mu) ** 2, 0) / n);
  const ll = rows.reduce(
    (s, [x, w]) => s + w * (-Math.log(x) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - (Math.log(x) - mu) ** 2 / (2 * sigma ** 2)),
    0,
  );
  return { n, mu, sigma, ll };
}

describe('jingsuan fit --json', () => {
  let json: { data: Record<string, unknown>; fits: Record<string, unknown>[] };
  beforeAll(async () => {
    const r = await command('fit', BOM, '--json');
    expect(r.code, r.err).toBe(0);
    json = JSON.parse(r.out);
  });

  it('prints exactly the contract keys first: data {rows, n, grouped, truncate, encoding}, fits [{family, parameters, …, gof}]', () => {
    expect(Object.keys(json)).toEqual(['data', 'fits']);
    expect(Object.keys(json.data).slice(0, 5)).toEqual(['rows', 'n', 'grouped', 'truncate', 'encoding']);
    expect(json.data).toMatchObject({ rows: 80, n: 179, grouped: false, truncate: 0, encoding: 'utf-8-bom', sha256: sha256(BOM) });
    for (const fit of json.fits)
      expect(Object.keys(fit).slice(0, 8)).toEqual([
        'family',
        'parameters',
        'logLikelihood',
        'aic',
        'bic',
        'standardErrors',
        'ci95',
        'gof',
      ]);
    expect(json.fits.map((f) => f.family).sort()).toEqual([
      'gamma',
      'loglogistic',
      'lognormal',
      'lognormalPareto',
      'pareto',
      'spliced',
      'weibull',
    ]);
    const aic = json.fits.map((f) => f.aic as number);
    expect(aic).toEqual([...aic].sort((a, b) => a - b));
  });

  it('fits the amounts with their counts: the lognormal is the closed-form weighted MLE, AIC = 4 − 2ℓ, BIC = 2 ln n − 2ℓ', () => {
    const want = lognormalMle(amountsAndCounts());
    expect(want.n).toBe(179);
    const fit = json.fits.find((f) => f.family === 'lognormal')! as {
      parameters: { mu: number; sigma: number };
      logLikelihood: number;
      aic: number;
      bic: number;
    };
    expect(fit.parameters.mu).toBeCloseTo(want.mu, 6);
    expect(fit.parameters.sigma).toBeCloseTo(want.sigma, 6);
    expect(fit.logLikelihood).toBeCloseTo(want.ll, 6);
    expect(fit.aic).toBeCloseTo(4 - 2 * want.ll, 6);
    expect(fit.bic).toBeCloseTo(2 * Math.log(179) - 2 * want.ll, 6);
  });

  it('reads GBK grouped bands with --grouped: the χ² goodness of fit, the open top band counted in n', async () => {
    const r = await command('fit', GBK, '--grouped', '--family', 'lognormal', '--family', 'gamma', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.data).toMatchObject({ rows: 7, n: 5768, grouped: true, truncate: 0, encoding: 'gb18030' });
    expect(out.fits.map((f: { family: string }) => f.family).sort()).toEqual(['gamma', 'lognormal']);
    for (const f of out.fits) expect(f.gof.chiSquare.df).toBeGreaterThan(0);
  });

  it('passes --truncate to the fit: the claims above 5,000 fitted as left-truncated lie lower and wider than fitted naively', async () => {
    const file = join(tmp(), 'above-5000.csv');
    writeFileSync(
      file,
      amountsAndCounts()
        .filter(([x]) => x >= 5000)
        .map(([x, w]) => `${x},${w}`)
        .join('\n'),
    );
    const truncated = JSON.parse((await command('fit', file, '--truncate', '5000', '--family', 'lognormal', '--json')).out);
    const naive = JSON.parse((await command('fit', file, '--family', 'lognormal', '--json')).out);
    expect(truncated.data).toMatchObject({ truncate: 5000, rows: 76 });
    // The naive fit is the closed form on the subset; the truncated one restores the mass below 5,000 it never saw.
    const subset = lognormalMle(amountsAndCounts().filter(([x]) => x >= 5000));
    expect(naive.fits[0].parameters.mu).toBeCloseTo(subset.mu, 6);
    expect(truncated.fits[0].parameters.mu).toBeLessThan(subset.mu - 0.05);
    expect(truncated.fits[0].parameters.sigma).toBeGreaterThan(subset.sigma + 0.02);
  });
});

describe('jingsuan fit: the table and the refusals', () => {
  it('prints the families ranked by AIC with their parameters, ℓ, AIC, ΔAIC, BIC and goodness of fit', async () => {
    const r = await command('fit', BOM, '--family', 'lognormal', '--family', 'gamma');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${BOM}: 80 rows, n = 179 claims (utf-8-bom)`);
    expect(lines[2]).toMatch(/^#\s+family\s+parameters \(± s\.e\.\)\s+log-lik\s+AIC\s+ΔAIC\s+BIC\s+goodness of fit$/);
    expect(lines[3]).toMatch(
      /^1\s+lognormal\s+mu=10\.43 ±0\.079 sigma=1\.056 ±0\.056\s+-2,131\.12\s+4,266\.25\s+0\.00\s+4,272\.62\s+KS 0\.0753 p=0\.253\s+AD 1\.083 p=0\.317$/,
    );
    expect(lines[4]).toMatch(/^2\s+gamma\s/);
  });

  it('refuses an unknown family with exit 1, listing the families, before reading the file', async () => {
    const r = await command('fit', 'no-such-file.csv', '--family', 'lognormal', '--family', 'cauchy');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'jingsuan fit: --family: unknown family "cauchy" (families: lognormal, gamma, pareto, weibull, loglogistic, lognormalPareto, spliced)\n',
    );
  });

  it('checks every flag before work', async () => {
    const cases: [string[], number, string][] = [
      [[], 2, 'jingsuan fit: missing DATA: the claims file to fit (CSV, TSV or .xlsx)\n'],
      [[BOM, '--truncate', 'abc'], 2, 'jingsuan fit: --truncate: "abc" is not an amount in yuan (a non-negative decimal number)\n'],
      [[BOM, '--population', 'members'], 2, 'jingsuan fit: --population goes with --into SCENARIO\n'],
      [
        [BOM, '--into', 'scenarios/jiangyin-2020.json'],
        2,
        'jingsuan fit: --into needs --population ID: the population whose severity to write\n',
      ],
      [[BOM, '--with-uncertainty'], 2, 'jingsuan fit: --with-uncertainty goes with --into SCENARIO --population ID\n'],
      [['no-such-file.csv'], 1, 'jingsuan fit: no-such-file.csv: no such file\n'],
      [[FIXTURES], 1, `jingsuan fit: ${FIXTURES}: is a directory, not a claims file\n`],
    ];
    for (const [args, code, err] of cases) {
      const r = await command('fit', ...args);
      expect([r.code, r.err], args.join(' ')).toEqual([code, err]);
    }
  });

  it('refuses bad data with its row and column and writes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '金额,人次\n1000,1\n2000,1\n-5,1\n');
    const out = join(dir, 'out');
    const r = await command('fit', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`jingsuan fit: ${file}: row 4, column A (金额): "-5" is not a positive amount (an amount must be above zero)\n`);
    expect(r.out).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('jingsuan fit --out', () => {
  const CHARTS: Record<string, string> = {
    'fit-histogram': 'series,lower,upper,x,count,density',
    'fit-qq': 'family,probability,fitted,empirical',
    'fit-pp': 'family,x,empirical,fitted',
    'fit-cdf': 'series,x,cdf',
  };

  it('writes the histogram, Q–Q, P–P and cdf charts as SVG (titled), PNG and CSV', async () => {
    const dir = tmp();
    const r = await command('fit', BOM, '--out', dir, '--family', 'lognormal', '--family', 'gamma');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      Object.keys(CHARTS)
        .flatMap((id) => [`${id}.csv`, `${id}.png`, `${id}.svg`])
        .sort(),
    );
    for (const [id, header] of Object.entries(CHARTS)) {
      const doc = new JSDOM(readFileSync(join(dir, `${id}.svg`), 'utf8'), { contentType: 'image/svg+xml' }).window.document;
      expect(doc.documentElement.tagName).toBe('svg');
      expect(doc.querySelector('title')?.textContent).toMatch(/[图度数]/);
      expect([...doc.querySelectorAll('text')].map((t) => t.textContent).join('')).toContain(`SHA-256 ${sha256(BOM).slice(0, 12)}`);
      const png = readFileSync(join(dir, `${id}.png`));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.length).toBeGreaterThan(20_000);
      const csv = readFileSync(join(dir, `${id}.csv`), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(`\ufeff${header}`);
    }
    // The histogram's bars hold every claim but those beyond its right end, at density count / (n · width).
    const rows = readFileSync(join(dir, 'fit-histogram.csv'), 'utf8')
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(','));
    const bars = rows.filter((c) => c[0] === 'empirical').map((c) => c.slice(1, 6).map(Number));
    const beyond = amountsAndCounts()
      .filter(([x]) => x > bars[bars.length - 1][1])
      .reduce((s, [, w]) => s + w, 0);
    expect(bars.reduce((s, b) => s + b[3], 0) + beyond).toBe(179);
    for (const [lower, upper, , count, density] of bars) expect(density).toBeCloseTo(count / (179 * (upper - lower)), 15);
    expect(new Set(rows.filter((c) => c[0] !== 'empirical').map((c) => c[0]))).toEqual(new Set(['lognormal', 'gamma']));
  });

  it("grouped data: the bands' own densities (Turnbull's estimate), the open top band left out and said so", async () => {
    const dir = tmp();
    const r = await command('fit', GBK, '--grouped', '--out', dir, '--family', 'lognormal');
    expect(r.code, r.err).toBe(0);
    const rows = readFileSync(join(dir, 'fit-histogram.csv'), 'utf8')
      .split('\r\n')
      .slice(1, 7)
      .map((l) => l.split(',').slice(0, 6));
    const counts = [412, 1306, 1893, 1411, 538, 167];
    const limits = [0, 5000, 10000, 20000, 50000, 100000, 200000];
    rows.forEach((c, i) => {
      expect(c.slice(0, 5)).toEqual(['empirical', String(limits[i]), String(limits[i + 1]), '', String(counts[i])]);
      expect(Number(c[5])).toBeCloseTo(counts[i] / (5768 * (limits[i + 1] - limits[i])), 15);
    });
    const svg = readFileSync(join(dir, 'fit-histogram.svg'), 'utf8');
    expect(svg).toContain('Turnbull');
    expect(svg).toContain('开放的最高组（20 万元以上，41 件）未画出。');
  });
});

describe('jingsuan fit --into', () => {
  const JIANGYIN = join(ROOT, 'scenarios/jiangyin-2020.json');
  const copy = () => {
    const file = join(tmp(), 'jiangyin.json');
    copyFileSync(JIANGYIN, file);
    return file;
  };

  it('writes the best fit by AIC into the population, each parameter with its source; the file validates', async () => {
    const file = copy();
    const r = await command('fit', BOM, '--family', 'lognormal', '--family', 'gamma', '--into', file, '--population', 'members', '--json');
    expect(r.code, r.err).toBe(0);
    const best = JSON.parse(r.out).fits[0];
    expect(best.family).toBe('lognormal');
    const text = readFileSync(file, 'utf8');
    expect(validateText(text).ok).toBe(true);
    const severity = JSON.parse(text).populations[0].severity;
    const date = new Date().toISOString().slice(0, 10);
    const source = `Fitted by jingsuan fit on ${date} from individual-bom.csv (SHA-256 ${sha256(BOM)}, n = 179, log-likelihood ${best.logLikelihood.toFixed(2)}, AIC ${best.aic.toFixed(2)})`;
    expect(severity).toEqual({
      family: 'lognormal',
      mu: { value: best.parameters.mu, source },
      sigma: { value: best.parameters.sigma, source },
    });
    // The rest of the scenario is as it was.
    const before = JSON.parse(readFileSync(JIANGYIN, 'utf8'));
    before.populations[0].severity = severity;
    expect(JSON.parse(text)).toEqual(before);
    expect(r.err).toContain('wrote the lognormal fit into');
    expect(r.err).toContain(
      `population members has costLevel ${before.populations[0].costLevel.value}: the engine multiplies the fitted amounts by it`,
    );
  });

  it("--with-uncertainty adds the estimates' covariance: parameters, a symmetric matrix, n and the source", async () => {
    const file = copy();
    const r = await command('fit', BOM, '--family', 'gamma', '--into', file, '--population', 'members', '--with-uncertainty', '--json');
    expect(r.code, r.err).toBe(0);
    const fit = JSON.parse(r.out).fits[0];
    const severity = JSON.parse(readFileSync(file, 'utf8')).populations[0].severity;
    expect(Object.keys(severity)).toEqual(['family', 'shape', 'scale', 'uncertainty']);
    expect(severity.uncertainty).toEqual({
      parameters: ['shape', 'scale'],
      covariance: fit.covariance.matrix,
      n: 179,
      source: severity.shape.source,
    });
    const [[a, b], [c, d]] = severity.uncertainty.covariance;
    expect(b).toBe(c);
    expect(Math.sqrt(a)).toBeCloseTo(fit.standardErrors.shape, 10);
    expect(Math.sqrt(d)).toBeCloseTo(fit.standardErrors.scale, 10);
    // The file validates with its covariance, and a run carries the fit's uncertainty into the payout's spread.
    expect(validateText(readFileSync(file, 'utf8')).ok).toBe(true);
    const run = JSON.parse((await command('run', file, '--trials', '40', '--workers', '1', '--json')).out);
    const risk = run.rulesets[0].risk;
    expect(risk.fitSd).toBeGreaterThan(0);
    expect(risk.fitShare).toBeGreaterThan(0);
    expect(risk.fitShare).toBeLessThan(1);
  });

  it("writes a lognormalPareto fit as the schema's lognormalPareto (its body weight follows from continuity); the file validates", async () => {
    const file = copy();
    const r = await command('fit', BOM, '--family', 'lognormalPareto', '--into', file, '--population', 'members', '--json');
    expect(r.code, r.err).toBe(0);
    const fit = JSON.parse(r.out).fits[0];
    const text = readFileSync(file, 'utf8');
    expect(validateText(text).ok).toBe(true);
    const severity = JSON.parse(text).populations[0].severity;
    expect(Object.keys(severity)).toEqual(['family', 'mu', 'sigma', 'splice', 'alpha']);
    expect(severity.family).toBe('lognormalPareto');
    for (const k of ['mu', 'sigma', 'splice', 'alpha']) expect(severity[k].value).toBe(fit.parameters[k]);
  });

  it('refuses a population the scenario does not have, listing its ids, before fitting', async () => {
    const file = copy();
    const r = await command('fit', 'no-such-file.csv', '--into', file, '--population', 'farmers');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`jingsuan fit: --population: ${file} has no population "farmers" (its populations: members)\n`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(JIANGYIN, 'utf8'));
  });

  it('never writes a scenario that would not validate (a loglogistic shape below 1 has no finite mean)', async () => {
    const file = copy();
    const r = await command('fit', `${FIXTURES}/wide-spread.csv`, '--family', 'loglogistic', '--into', file, '--population', 'members');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^1\s+loglogistic\s+scale=/m);
    expect(r.err).toBe(
      `jingsuan fit: --into: the scenario with the loglogistic fit would not validate, so ${file} is left as it was:\npopulations[0].severity.shape.value: must be > 1 (finite mean)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(JIANGYIN, 'utf8'));
    expect(readdirSync(join(file, '..'))).toEqual(['jiangyin.json']);
  });
});
