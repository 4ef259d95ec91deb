// Hostile and degenerate inputs to the exact aggregate (issue #30, round two; issue #32's wrapped mass): `jingsuan
// exact`, `expect`'s analytic columns and the workbench's exact cells must never be wrong without a word, crash, or
// print NaN/Infinity. Files are built from scenarios/jiangyin-2020.json and written to test-output/hostile-exact/
// so a person can rerun any case by hand (node bin/jingsuan.js exact FILE).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXACT_TOLERANCE, exactAggregate } from '../src/aggregate/exact.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { runScenario } from '../src/engine/run.ts';
import { NEGLIGIBLE_CV } from '../src/math/quadrature.ts';
import { normalCdf } from '../src/math/normal.ts';
import { gammaln } from '../src/math/special.ts';
import { utilisationKept } from '../src/random/claim-count.ts';
import { drawShock } from '../src/random/shock.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { csvOf } from '../src/report/columns.ts';
import { capAt, expectation } from '../src/rules/piecewise.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { exactVsMonteCarlo, resultRows, showCell } from '../src/ui/results-rows.ts';
import { a, base, clean, corpus, type Json } from './helpers/cli-corpus.ts';

const { dir, file, here, summarise } = corpus('hostile-exact');

const jiangyin = (edit: (d: Json) => void = () => {}): Json => {
  const d = base('jiangyin-2020');
  d.simulation.trials = 100;
  edit(d);
  return d;
};
const parsed = (r: { out: string }) => JSON.parse(r.out);
const noNumberThatIsNone = (text: string, where: string) => expect(text, where).not.toMatch(/\bNaN\b|\bInfinity\b/);

describe('a payout that cannot vary is a point mass, in every command', () => {
  // The exact answer for each: no one is paid more than 1e-10 yuan, so every payout is 0 to the fen; the skewness
  // of a point mass is undefined (null in JSON, "—" in the table, with the note saying why).
  const cases: [string, (d: Json) => void][] = [
    ['cap 0', (d) => (d.rulesets[0].cap = a(0))],
    ['cap 1e-10', (d) => (d.rulesets[0].cap = a(1e-10))],
    ['cap 1e-20', (d) => (d.rulesets[0].cap = a(1e-20))],
    ['insured 0', (d) => (d.populations[0].insured = a(0))],
  ];
  for (const [label, edit] of cases)
    it(label, async () => {
      const f = file(`${label.replace(/[^a-z0-9]+/gi, '-')}.json`, jiangyin(edit));
      const json = await here(`${label}: exact --json`, ['exact', f, '--json'], 60);
      clean(json);
      const r = parsed(json).rulesets[0];
      expect(r.method).toBe('fft');
      expect(Math.abs(r.payout.mean)).toBeLessThan(0.005);
      expect(r.payout.sd).toBe(0);
      expect(r.payout.skewness).toBeNull();
      for (const q of ['p05', 'p50', 'p95', 'p995', 'tvar995']) expect(r.payout[q], q).toBe(r.payout.mean);
      expect(r.pointMass).toMatch(/point mass/);
      if (label === 'insured 0') expect(r.lossRatio, 'no premium, no loss ratio').toBeNull();
      else expect(r.lossRatio.probAbove1, 'an all-zero payout never exceeds the premium').toBe(0);
      noNumberThatIsNone(json.out, 'exact --json');

      const text = await here(`${label}: exact`, ['exact', f], 60);
      clean(text);
      expect(text.out).toMatch(/a point mass at 0\.00 yuan\): sd 0, skewness undefined/);
      const row = text.out.split('\n').find((l) => l.startsWith('jiangyin-2020'))!;
      expect(row.split(/\s{2,}/)[3], 'the skewness column').toBe('—');

      const ex = await here(`${label}: expect --json`, ['expect', f, '--json'], 60);
      clean(ex);
      expect(parsed(ex).rulesets[0].payout, 'the analytic payout is a number, 0').toBeCloseTo(0, 2);
      noNumberThatIsNone(ex.out, 'expect --json');

      const out = join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}-out`);
      const run = await here(`${label}: run --out`, ['run', f, '--trials', '20', '--workers', '1', '--out', out], 120);
      clean(run);
      for (const name of readdirSync(out).filter((n) => /\.(csv|json|md|svg)$/.test(n)))
        noNumberThatIsNone(readFileSync(join(out, name), 'utf8'), name);
    });

  it('an insured count of -0 is 0 (the same answers, no "-0.00")', async () => {
    const zero = JSON.stringify(jiangyin((d) => (d.populations[0].insured = a(0))));
    const text = zero.replace('"insured":{"value":0,', '"insured":{"value":-0,');
    expect(text).not.toBe(zero);
    expect(Object.is(requireScenario(text).populations[0].insured.value, 0)).toBe(true);
    const fz = file('insured-0.json', zero);
    const fm = file('insured-minus-0.json', text);
    for (const args of [['exact', '--json'], ['exact'], ['expect']]) {
      const [z, m] = [
        await here(`0: ${args}`, [args[0], fz, ...args.slice(1)], 60),
        await here(`-0: ${args}`, [args[0], fm, ...args.slice(1)], 60),
      ];
      clean(m);
      // The time taken differs: the JSON's milliseconds and the table's last column (ms).
      const strip = (s: string) =>
        s
          .replace(/"milliseconds": [\d.]+/g, '')
          .replace(/ +\d+ *$/gm, '')
          .replace(/ +ms *$/gm, '');
      expect(strip(m.out), args.join(' ')).toBe(strip(z.out));
      expect(m.out).not.toMatch(/-0\.0/);
    }
  });

  it('a cap reached within rounding of a knot leaves no zero-width piece (capAt)', () => {
    // Benefit 0.6·(x − 18,000) above the deductible, capped at 1e-20: 18,000 + 1e-20/0.6 rounds to 18,000.
    for (const cap of [1e-20, 1e-15, 1e-13]) {
      const f = capAt({ xs: [0, 18000], ys: [0, 0], tail: 0.6 }, cap);
      for (let i = 1; i < f.xs.length; i++) expect(f.xs[i], `cap ${cap}: knots increase`).toBeGreaterThan(f.xs[i - 1]);
      expect(f.tail).toBe(0);
      // The knot at 18,000 takes the cap, so the piece below it rises from 0 to the cap: the function moves by at
      // most the cap (nothing a fen can show), and its expectation lies between the true cap·P(X > 18,000) and the cap.
      const lev = (u: number) => 20000 * (1 - Math.exp(-u / 20000));
      const e = expectation(f, lev, 20000);
      expect(Number.isFinite(e)).toBe(true);
      // Exponential amounts of mean 20,000: P(X > 18,000) = e^{−0.9}.
      expect(e).toBeGreaterThanOrEqual(cap * Math.exp(-0.9) * (1 - 1e-9));
      expect(e).toBeLessThanOrEqual(cap);
    }
  });
});

describe('wide parameter shocks: exact matches the analytic mean within its tolerance, or says why not', () => {
  const families = ['gamma', 'lognormal'] as const;
  const shocks = ['costLevel', 'utilisation'] as const;
  for (const family of families)
    for (const shock of shocks)
      it(`${shock}, ${family}, cv 0.05 … 2`, () => {
        for (const cv of [0.05, 0.2, 0.5, 1, 2]) {
          const s = jiangyin((d) => (d.simulation.parameterRisk[shock] = { cv: a(cv), distribution: family }));
          const model = compileModel(requireScenario(s));
          const r = exactAggregate(model)[0];
          const analytic = analyticExpectation(model)[0].payout!;
          const at = `${shock} ${family} cv ${cv}`;
          if (r.method === 'fft') {
            expect(Math.abs(r.payout!.mean / analytic - 1), at).toBeLessThanOrEqual(EXACT_TOLERANCE);
            expect(r.discretisation!.outside, at).toBeLessThanOrEqual(EXACT_TOLERANCE);
            expect(Number.isFinite(r.payout!.sd) && r.payout!.sd < analytic * 10, `${at}: sd ${r.payout!.sd}`).toBe(true);
          } else {
            expect(r.cause, at).toBe('tolerance');
            expect(r.reason, at).toMatch(/misses the model's mean by|of its mass off the grid/);
            expect(r.reason, at).toContain(`${shock === 'costLevel' ? 'cost level' : 'utilisation'}: ${family}, cv ${cv}`);
            expect(r.payout, `${at}: no figures shown as exact`).toBeUndefined();
          }
          // Narrow shocks (the real schemes' cv is 0.03–0.04) must stay on the exact path: the check is not vacuous.
          if (cv <= 0.2) expect(r.method, at).toBe('fft');
        }
      });

  it('a gamma cost shock of cv 0.5 is exact, and Monte Carlo agrees (mean within 4 se, P50 and P95 within 6%)', async () => {
    // The mixing over the cost nodes had missed this mean by 15% (mix-cost.ts: the tails, the scale, ln E[S | c]).
    const s = requireScenario(jiangyin((d) => (d.simulation.parameterRisk.costLevel = { cv: a(0.5), distribution: 'gamma' })));
    const e = exactAggregate(compileModel(s))[0];
    expect(e.method).toBe('fft');
    // 16,000 trials: the P95 of 4,000 has a sampling sd near 4% here (the shock's own sample quantile, levered by
    // the deductible; six seeds measured on issue #32), which left the 6% bound at about 1.5 sd.
    const mc = (await runScenario(s, { trials: 16_000, seed: 'gamma-0.5', workers: 1 })).rulesets[0].payout;
    expect(Math.abs(mc.mean - e.payout!.mean) / mc.se).toBeLessThan(4);
    expect(Math.abs(mc.p50 / e.payout!.p50 - 1)).toBeLessThan(0.06);
    expect(Math.abs(mc.p95 / e.payout!.p95 - 1)).toBeLessThan(0.06);
  });

  it('the refusal reads in the table and in the workbench cells', async () => {
    const f = file(
      'gamma-cost-cv-2.json',
      jiangyin((d) => (d.simulation.parameterRisk.costLevel = { cv: a(2), distribution: 'gamma' })),
    );
    const text = await here('gamma cv 2: exact', ['exact', f, '--lang', 'en'], 60);
    clean(text);
    expect(text.out).toMatch(
      /Monte Carlo only: the exact distribution misses the model's mean by [\d.]+%.*\(tolerance 0\.10%\): the parameter shocks \(cost level: gamma, cv 2/,
    );
    const json = parsed(await here('gamma cv 2: exact --json', ['exact', f, '--json'], 60)).rulesets[0];
    expect(json).toMatchObject({ method: 'monteCarlo-only', cause: 'tolerance' });
    const model = compileModel(requireScenario(readFileSync(f, 'utf8')));
    const exact = { rulesets: exactAggregate(model), curves: [], milliseconds: 0 };
    const analytic = analyticExpectation(model);
    for (const lang of ['zh', 'en'] as const) {
      const rows = resultRows({ analytic, result: null, comparisons: [], baseline: 'jiangyin-2020', exact, lang });
      const cell = rows.find((r) => r.label.en === 'probability of loss (exact)')!;
      expect(cell.cell('jiangyin-2020', 0)).toBe(
        lang === 'zh'
          ? '仅蒙特卡洛（精确分布偏离模型均值，超出容差：参数冲击过宽）'
          : "Monte Carlo only (the exact distribution misses the model's mean beyond its tolerance: parameter shocks too wide)",
      );
    }
  });

  it('E[min(1, q·U)]/q in closed form equals the integral over the density (midpoint rule in ln u, 200,000 points)', () => {
    const pop = { insured: 1000, incidence: 0.1, frequency: { family: 'binomial' as const, cv: 0 } };
    for (const family of ['gamma', 'lognormal'] as const)
      for (const cv of [0.5, 1, 2]) {
        // The density of ln U, as mix-cost.ts writes it, integrated independently of the closed form's P and Φ.
        const lnDensity =
          family === 'gamma'
            ? (z: number) => {
                const k = 1 / (cv * cv);
                return Math.exp(k * Math.log(k) - gammaln(k) + k * z - k * Math.exp(z));
              }
            : (z: number) => {
                const s = Math.sqrt(Math.log1p(cv * cv));
                return Math.exp(-0.5 * ((z + s * s * 0.5) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
              };
        const n = 200_000;
        const [lo, hi] = [-60, 8];
        const dz = (hi - lo) / n;
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const z = lo + (i + 0.5) * dz;
          sum += lnDensity(z) * Math.min(1, 0.1 * Math.exp(z)) * dz;
        }
        expect(utilisationKept(pop, { family, cv }), `${family} cv ${cv}`).toBeCloseTo(sum / 0.1, 6);
      }
    // Without a binomial, or with a narrow shock, nothing is lost.
    expect(utilisationKept({ ...pop, frequency: { family: 'poisson', cv: 0 } }, { family: 'gamma', cv: 2 })).toBe(1);
    expect(utilisationKept(pop, { family: 'lognormal', cv: 0.03 })).toBeCloseTo(1, 12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('the Monte Carlo risk split stays finite under a gamma cost shock of cv 2 (process sd had read 1.5e20 yuan)', async () => {
    const s = jiangyin((d) => (d.simulation.parameterRisk.costLevel = { cv: a(2), distribution: 'gamma' }));
    const r = (await runScenario(requireScenario(s), { trials: 400, seed: 'wide', workers: 1 })).rulesets[0];
    const risk = r.risk!;
    // Process variance is the part of the total the shocks leave: in expectation no larger than the total.
    expect(risk.processSd).toBeGreaterThan(0);
    expect(risk.processSd).toBeLessThan(2 * risk.totalSd);
    expect(risk.parameterShare).toBeGreaterThan(0.5);
  });
});

describe('a shock of negligible spread is no shock, in exact and Monte Carlo', () => {
  const none = (shock: 'costLevel' | 'utilisation') => jiangyin((d) => (d.simulation.parameterRisk[shock] = { cv: a(0) }));
  for (const shock of ['costLevel', 'utilisation'] as const)
    it(shock, async () => {
      const reference = exactAggregate(compileModel(requireScenario(none(shock))))[0];
      for (const family of ['gamma', 'lognormal'] as const)
        for (const cv of [1e-20, 1e-12, 1e-9, NEGLIGIBLE_CV / 2]) {
          const s = jiangyin((d) => (d.simulation.parameterRisk[shock] = { cv: a(cv), distribution: family }));
          const model = compileModel(requireScenario(s));
          const key = shock === 'costLevel' ? 'cost' : 'utilisation';
          expect(model.parameterRisk?.[key], `${family} ${cv}`).toBeNull();
          const r = exactAggregate(model)[0];
          expect(r.payout, `${shock} ${family} cv ${cv}`).toEqual(reference.payout);
          expect(drawShock(new Xoshiro128(1, 2, 3, 4), { family, cv })).toBe(1);
        }
      // Monte Carlo: the same trials as without the shock (same seed), number for number.
      const tiny = jiangyin((d) => (d.simulation.parameterRisk[shock] = { cv: a(1e-12), distribution: 'gamma' }));
      const [x, y] = await Promise.all(
        [tiny, none(shock)].map((s) => runScenario(requireScenario(s) as Scenario, { trials: 30, seed: 'tiny', workers: 1 })),
      );
      expect(x.rulesets[0].payout).toEqual(y.rulesets[0].payout);
    });

  it('a negative binomial of negligible mixing cv is the Poisson', () => {
    const freq = (f: Json) => jiangyin((d) => (d.populations[0].frequency = f));
    const poisson = exactAggregate(compileModel(requireScenario(freq({ family: 'poisson' }))))[0];
    const nb = exactAggregate(compileModel(requireScenario(freq({ family: 'negativeBinomial', cv: a(1e-12) }))))[0];
    expect(nb.payout).toEqual(poisson.payout);
    expect(poisson.payout!.sd).toBeGreaterThan(0);
  });
});

describe('the workbench comparison and the CSVs never show NaN', () => {
  it('no standard error: words instead of a gap in standard errors', () => {
    expect(exactVsMonteCarlo(0, { mean: 0, se: 0 }, 'en')).toBe('✓ equal (every trial pays the same: no standard error)');
    expect(exactVsMonteCarlo(0, { mean: 0.004, se: 0 }, 'zh')).toBe('✓ 相同（各次模拟赔付相同，无标准误）');
    expect(exactVsMonteCarlo(0, { mean: 12.34, se: 0 }, 'en')).toBe(
      '⚠ differs by 12.34 yuan (every trial pays the same: no standard error)',
    );
    expect(exactVsMonteCarlo(NaN, { mean: 0, se: 0 }, 'en')).toBe('—');
    expect(exactVsMonteCarlo(100, { mean: 130, se: 10 }, 'en')).toEqual([3]);
    expect(exactVsMonteCarlo(100, undefined, 'en')).toEqual([]);
  });

  it('a standard error under half a fen: compared to the fen, not counted in standard errors', async () => {
    // A gap of 4e-17 yuan in an se of 1e-20 is 4,000 se of rounding noise; money agrees to the fen.
    expect(exactVsMonteCarlo(0, { mean: 4e-17, se: 1e-20 }, 'zh')).toBe('✓ 相同（各次模拟赔付相差不到一分）');
    expect(exactVsMonteCarlo(0, { mean: 0.02, se: 0.001 }, 'en')).toBe(
      "⚠ differs by 0.02 yuan (the trials' payouts differ by less than a fen)",
    );
    expect(exactVsMonteCarlo(100, { mean: 100.02, se: 0.005 }, 'en')).toEqual([expect.closeTo(4, 9)]);
    // The cap of 1e-20 yuan of the visual review: the row read "⚠ -4256.6 se" beside a point mass at 0.00 yuan.
    const s = requireScenario(jiangyin((d) => (d.rulesets[0].cap = a(1e-20))));
    const model = compileModel(s);
    const result = await runScenario(s, { trials: 50, seed: 'tiny-cap', workers: 1 });
    const exact = { rulesets: exactAggregate(model), curves: [], milliseconds: 0 };
    expect(exact.rulesets[0].pointMass).toMatch(/point mass at 0\.00 yuan/);
    expect(result.rulesets[0].payout.se).toBeGreaterThan(0);
    expect(result.rulesets[0].payout.se).toBeLessThan(0.005);
    const rows = resultRows({
      analytic: analyticExpectation(model),
      result,
      comparisons: [],
      baseline: 'jiangyin-2020',
      exact,
      lang: 'en',
    });
    const gap = rows.find((r) => r.label.en === 'exact vs Monte Carlo (in standard errors)')!;
    expect(showCell(gap, 'jiangyin-2020', 0, 'wan')).toBe("✓ equal (the trials' payouts differ by less than a fen)");
  });

  it('a zero cap through the whole table: no cell reads NaN', async () => {
    const s = requireScenario(jiangyin((d) => (d.rulesets[0].cap = a(0))));
    const model = compileModel(s);
    const result = await runScenario(s, { trials: 20, seed: 'zero', workers: 1 });
    expect(result.rulesets[0].payout.se).toBe(0);
    const exact = { rulesets: exactAggregate(model), curves: [], milliseconds: 0 };
    for (const lang of ['zh', 'en'] as const) {
      const rows = resultRows({ analytic: analyticExpectation(model), result, comparisons: [], baseline: 'jiangyin-2020', exact, lang });
      const shown = rows.map((r) => showCell(r, 'jiangyin-2020', 0, 'wan'));
      for (const c of shown) expect(c).not.toMatch(/NaN|Infinity/);
      const gap = rows.find((r) => r.label.en === 'exact vs Monte Carlo (in standard errors)')!;
      expect(showCell(gap, 'jiangyin-2020', 0, 'wan')).toBe(
        lang === 'zh' ? '✓ 相同（各次模拟赔付相同，无标准误）' : '✓ equal (every trial pays the same: no standard error)',
      );
    }
  });

  it('a CSV cell of a number that is none is empty', () => {
    expect(csvOf(['a', 'b', 'c', 'd'], [[NaN, Infinity, -Infinity, 0.5]])).toBe('\ufeffa,b,c,d\r\n,,,0.5\r\n');
  });
});

afterAll(summarise);
