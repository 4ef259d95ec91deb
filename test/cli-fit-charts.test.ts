// The points behind `jingsuan fit --out`'s charts (src/report/charts/fit-data.ts) and their specs in both languages
// (fit-charts.ts): the fitted quantile, cdf and density against the engine's own Lognormal class, conditional on a
// truncation point as Loss Models (Klugman, Panjer & Willmot, 4th ed., §8.2) defines it, and the empirical sides.
import { describe, expect, it } from 'vitest';
import type { FamilyFit, FitData } from '../src/fit/types.ts';
import { fitCharts } from '../src/report/charts/fit-charts.ts';
import { fitDiagnostics, fittedCurve } from '../src/report/charts/fit-data.ts';
import { Lognormal } from '../src/random/severity/lognormal.ts';

const fit = (family: string, parameters: Record<string, number>): FamilyFit => ({
  family,
  parameters,
  logLikelihood: 0,
  aic: 0,
  bic: 0,
  standardErrors: {},
  ci95: {},
  covariance: null,
  gof: {},
  converged: true,
  warnings: [],
});
const LN = fit('lognormal', { mu: 10, sigma: 1 });
const ref = new Lognormal(10, 1);

describe('fittedCurve', () => {
  it('without truncation: the quantile (by bisection), cdf and density of the fitted lognormal', () => {
    const c = fittedCurve(LN, 0);
    for (const p of [0.001, 0.01, 0.5, 0.9, 0.999]) expect(c.quantile(p) / ref.quantile(p)).toBeCloseTo(1, 8);
    expect(c.quantile(0.5)).toBeCloseTo(Math.exp(10), 4);
    for (const x of [1000, 22026, 300000]) {
      expect(c.cdf(x)).toBeCloseTo(ref.cdf(x), 12);
      // f(x) = φ((ln x − μ)/σ) / (xσ)
      const z = Math.log(x) - 10;
      expect(c.density(x)).toBeCloseTo(Math.exp(-0.5 * z * z) / (x * Math.sqrt(2 * Math.PI)), 15);
    }
  });

  it('left-truncated at d: F*(x) = (F(x) − F(d))/S(d), f* = f/S(d) integrating to 1 above d, quantiles above d', () => {
    const d = 20000;
    const c = fittedCurve(LN, d);
    const s = ref.survival(d);
    expect(c.cdf(d)).toBe(0);
    expect(c.cdf(15000)).toBe(0);
    expect(c.density(15000)).toBe(0);
    expect(c.cdf(50000)).toBeCloseTo((ref.cdf(50000) - ref.cdf(d)) / s, 12);
    expect(c.quantile(0.5)).toBeCloseTo(ref.upperQuantile(0.5 * s), 2);
    // Trapezoid rule on ln x from d to 1e9: ∫ f*(x) x d(ln x) = 1 to the rule's accuracy.
    const k = 20000;
    const h = (Math.log(1e9) - Math.log(d)) / k;
    let integral = 0;
    for (let i = 0; i <= k; i++) {
      const x = d * Math.exp(i * h);
      integral += (i === 0 || i === k ? 0.5 : 1) * c.density(x) * x * h;
    }
    expect(integral).toBeCloseTo(1, 6);
  });
});

describe('fitDiagnostics', () => {
  it('grouped: P–P and Q–Q at the band limits, band densities, the open top band beyond', () => {
    const data: FitData = { kind: 'grouped', lower: [0, 10000, 30000], upper: [10000, 30000, Infinity], counts: [20, 50, 30], truncate: 0 };
    const d = fitDiagnostics(data, [fittedCurve(LN, 0)]);
    expect(d.bars).toEqual([
      { lower: 0, upper: 10000, count: 20, density: 20 / (100 * 10000) },
      { lower: 10000, upper: 30000, count: 50, density: 50 / (100 * 20000) },
    ]);
    expect(d.beyond).toEqual({ from: 30000, count: 30 });
    expect(d.pp.map((p) => [p.x, p.empirical])).toEqual([
      [0, 0],
      [10000, 0.2],
      [30000, 0.7],
    ]);
    expect(d.pp[1].fitted).toBeCloseTo(ref.cdf(10000), 12);
    expect(d.qq.map((q) => q.empirical)).toEqual([10000, 30000]);
    expect(d.qq[1].fitted / ref.quantile(0.7)).toBeCloseTo(1, 8);
    expect(d.empiricalCdf).toEqual([
      { x: 0, cdf: 0 },
      { x: 10000, cdf: 0.2 },
      { x: 30000, cdf: 0.7 },
    ]);
  });

  it('individual: every claim in a bar or beyond, Hazen plotting positions, ties merged with their counts', () => {
    const amounts = Array.from({ length: 300 }, (_, i) => Math.round(ref.quantile((i + 0.5) / 300)));
    const data: FitData = { kind: 'individual', amounts: [...amounts, amounts[10]], weights: [...amounts.map(() => 1), 2], truncate: 0 };
    const d = fitDiagnostics(data, [fittedCurve(LN, 0)]);
    expect(d.n).toBe(302);
    expect(d.bars.reduce((s, b) => s + b.count, 0) + (d.beyond?.count ?? 0)).toBe(302);
    for (const b of d.bars) expect(b.density).toBeCloseTo(b.count / (302 * (b.upper - b.lower)), 15);
    // The tied amount holds 3 of 302 claims: its plotting position is the middle of its step of the cdf.
    const tied = d.qq.find((q) => q.empirical === amounts[10])!;
    expect(tied.probability).toBeCloseTo((10 + 1.5) / 302, 12);
    expect(d.qq).toHaveLength(300);
    // Amounts at the lognormal's own quantiles (i + ½)/300 lie on the Q–Q diagonal, to their rounding to the yuan.
    const plain = fitDiagnostics({ kind: 'individual', amounts, weights: amounts.map(() => 1), truncate: 0 }, [fittedCurve(LN, 0)]);
    for (const q of plain.qq) expect(Math.abs(q.fitted / q.empirical - 1)).toBeLessThan(1e-3);
  });
});

describe('fitCharts', () => {
  it('four charts with bilingual titles; the grouped histogram names Turnbull and the open band', () => {
    const data: FitData = { kind: 'grouped', lower: [0, 10000, 30000], upper: [10000, 30000, Infinity], counts: [20, 50, 30], truncate: 0 };
    const d = fitDiagnostics(data, [fittedCurve(LN, 0)]);
    const ctx = (lang: 'zh' | 'en') => ({ lang, footnote: 'f', families: ['lognormal', 'gamma'] });
    const zh = fitCharts(d, ctx('zh'));
    const en = fitCharts(d, ctx('en'));
    expect(zh.map((c) => c.id)).toEqual(['fit-histogram', 'fit-qq', 'fit-pp', 'fit-cdf']);
    expect(en.map((c) => c.title)).toEqual([
      'Grouped claim amounts: band densities and fitted densities',
      'Q–Q plot: empirical against fitted quantiles',
      'P–P plot: empirical against fitted probabilities',
      'Empirical and fitted distribution functions',
    ]);
    expect(zh[0].title).toBe('分组理赔金额：各组经验密度与拟合密度');
    expect(en[0].subtitle).toBe("Turnbull's estimate for interval data reduces to this band histogram when bands do not overlap");
    expect(en[0].footnote).toBe('The open top band (3 and above, 10k yuan; 30 claims) not drawn. f');
    expect(zh[0].footnote).toBe('开放的最高组（3 万元以上，30 件）未画出。f');
    expect(zh[1].footnote).toBe('f');
    const truncated = fitDiagnostics({ ...data, lower: [5000, 10000, 30000], truncate: 5000 }, [fittedCurve(LN, 5000)]);
    expect(fitCharts(truncated, ctx('en'))[3].footnote).toBe(
      'Data left-truncated at 5,000 yuan: empirical and fitted are both conditional on X > 5,000. f',
    );
  });
});
