// src/fit: maximum-likelihood severity fits recover the parameters of data drawn (seeded) from each family, the
// log-densities agree with the severity classes' densities, goodness-of-fit statistics follow their definitions,
// and bad data get a message naming the problem. R's reference fits are in fit-mle-r.test.ts.
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../src/fit/families-registry.ts';
import { FIT_FAMILIES, fitFamilyParameters, fitSeverities } from '../src/fit/fit.ts';
import { andersonDarlingPValue, kolmogorovPValue } from '../src/fit/gof.ts';
import { prepareSample } from '../src/fit/likelihood-data.ts';
import { logLikelihood } from '../src/fit/likelihood.ts';
import type { FamilyFit, FitData } from '../src/fit/types.ts';
import { Gamma, LogLogistic, Lognormal, LognormalPareto, Pareto, Spliced, Weibull, type Severity } from '../src/random/severity/index.ts';
import { trialStream } from '../src/random/stream.ts';

const TRUTH: Record<string, { severity: Severity; parameters: Record<string, number> }> = {
  lognormal: { severity: new Lognormal(9.1, 1.05), parameters: { mu: 9.1, sigma: 1.05 } },
  gamma: { severity: new Gamma(1.6, 7000), parameters: { shape: 1.6, scale: 7000 } },
  pareto: { severity: new Pareto(3.2, 25000), parameters: { alpha: 3.2, theta: 25000 } },
  weibull: { severity: new Weibull(0.9, 11000), parameters: { shape: 0.9, scale: 11000 } },
  loglogistic: { severity: new LogLogistic(9000, 2.3), parameters: { scale: 9000, shape: 2.3 } },
  lognormalPareto: { severity: new LognormalPareto(9.2, 0.9, 60000, 2), parameters: { mu: 9.2, sigma: 0.9, splice: 60000, alpha: 2 } },
  spliced: {
    severity: new Spliced(9, 0.8, 50000, 2.2, 0.94),
    parameters: { mu: 9, sigma: 0.8, splice: 50000, alpha: 2.2, bodyWeight: 0.94 },
  },
};

function draw(severity: Severity, n: number, salt: string): number[] {
  const rng = trialStream('fit-mle', 0, salt);
  return Array.from({ length: n }, () => severity.sample(rng));
}

const individual = (amounts: number[], truncate = 0): FitData => ({ kind: 'individual', amounts, weights: amounts.map(() => 1), truncate });

function grouped(amounts: number[], breaks: number[], truncate = 0): FitData {
  const lower = breaks.slice(0, -1);
  const upper = breaks.slice(1);
  const counts = lower.map((l, i) => amounts.filter((x) => x >= l && x < upper[i]).length);
  return { kind: 'grouped', lower, upper, counts, truncate };
}

function only(fits: FamilyFit[], family: string): FamilyFit {
  const f = fits.find((g) => g.family === family);
  if (!f) throw new Error(`no fit for ${family}`);
  return f;
}

/**
 * The composite's splice estimate spreads about three times its standard error (the simulation below), so its
 * bound is widened by that factor.
 */
const SPREAD: Record<string, number> = { 'lognormalPareto.splice': 3 };

/** |estimate − truth| within z standard errors for every parameter with one. */
function expectWithin(fit: FamilyFit, truth: Record<string, number>, z: number) {
  for (const [name, value] of Object.entries(truth)) {
    const se = fit.standardErrors[name];
    if (se === null) continue;
    expect(
      Math.abs(fit.parameters[name] - value) / se / (SPREAD[`${fit.family}.${name}`] ?? 1),
      `${fit.family}.${name}: ${fit.parameters[name]} vs ${value} (se ${se})`,
    ).toBeLessThan(z);
  }
}

describe('maximum-likelihood recovery (n = 5,000 drawn with a fixed seed from each family)', () => {
  // A 3.5-standard-error bound: each of the ~20 checks fails by chance with probability 5e-4 at a fresh seed.
  for (const family of FIT_FAMILIES) {
    it(`${family}: every estimate within 3.5 standard errors of the truth, converged, and first or close by AIC`, () => {
      const { severity, parameters } = TRUTH[family];
      const fits = fitSeverities(individual(draw(severity, 5000, family)));
      const fit = only(fits, family);
      expect(fit.converged).toBe(true);
      expect(Object.keys(fit.parameters)).toEqual(Object.keys(parameters));
      expectWithin(fit, parameters, 3.5);
      // The true family's AIC is within 10 of the best (the composites nest near-lognormal fits).
      expect(fit.aic - fits[0].aic).toBeLessThan(10);
      // Ranked: converged fits by AIC, then the others by AIC.
      const ranked = [...fits].sort((a, b) => Number(b.converged) - Number(a.converged) || a.aic - b.aic);
      expect(fits.map((f) => f.family)).toEqual(ranked.map((f) => f.family));
    });
  }
  it('the legacy spliced family finds its splice to 2% (no standard error: the likelihood jumps there)', () => {
    const fit = only(fitSeverities(individual(draw(TRUTH.spliced.severity, 5000, 'spliced')), { families: ['spliced'] }), 'spliced');
    expect(fit.standardErrors.splice).toBeNull();
    expect(Math.abs(fit.parameters.splice / 50000 - 1)).toBeLessThan(0.02);
    expect(fit.covariance?.parameters).toEqual(['mu', 'sigma', 'alpha', 'bodyWeight']);
  });
  it('left-truncated at 12,000: lognormal and gamma recovered within 3.5 standard errors from the amounts above it', () => {
    for (const family of ['lognormal', 'gamma']) {
      const xs = draw(TRUTH[family].severity, 20000, `${family}-truncated`).filter((x) => x > 12000);
      const fit = only(fitSeverities(individual(xs, 12000), { families: [family] }), family);
      expect(fit.converged).toBe(true);
      expectWithin(fit, TRUTH[family].parameters, 3.5);
    }
  });
  it('grouped in a bureau table (0–5,000, …, 200,000 and above): every family recovered within 3.5 standard errors', () => {
    const breaks = [0, 5000, 10000, 15000, 20000, 30000, 40000, 50000, 75000, 100000, 150000, 200000, Infinity];
    for (const family of ['lognormal', 'gamma', 'pareto', 'weibull', 'loglogistic', 'lognormalPareto']) {
      const fit = only(
        fitSeverities(grouped(draw(TRUTH[family].severity, 5000, `${family}-grouped`), breaks), { families: [family] }),
        family,
      );
      expect(fit.converged, family).toBe(true);
      expectWithin(fit, TRUTH[family].parameters, 3.5);
      expect(fit.gof.chiSquare!.df).toBeGreaterThan(0);
    }
  });
  it('weights are repeats: amounts with counts give the fit of the expanded amounts', () => {
    const xs = draw(TRUTH.lognormal.severity, 500, 'weights').map((x) => Math.round(x / 1000) * 1000 + 500);
    const distinct = [...new Set(xs)];
    const weighted: FitData = {
      kind: 'individual',
      amounts: distinct,
      weights: distinct.map((x) => xs.filter((y) => y === x).length),
      truncate: 0,
    };
    const a = fitSeverities(weighted, { families: ['gamma'] })[0];
    const b = fitSeverities(individual(xs), { families: ['gamma'] })[0];
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 8);
    expect(a.parameters.shape).toBeCloseTo(b.parameters.shape, 8);
    expect(a.gof.ks!.statistic).toBeCloseTo(b.gof.ks!.statistic, 12);
    expect(a.gof.ad!.statistic).toBeCloseTo(b.gof.ad!.statistic, 8);
  });
});

describe('standard errors against the spread of estimates over simulated data sets', () => {
  const sd = (v: number[]) => {
    const m = v.reduce((a, b) => a + b) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
  };
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
  it('lognormalPareto, 40 data sets of 2,000: mu, sigma, alpha within −30%…+60% of the spread; the splice spreads 2–4 times its SE', () => {
    const fits = Array.from({ length: 40 }, (_, rep) => {
      const rng = trialStream('fit-mle-spread', rep);
      const severity = TRUTH.lognormalPareto.severity;
      const xs = Array.from({ length: 2000 }, () => severity.sample(rng));
      return fitSeverities(individual(xs), { families: ['lognormalPareto'] })[0];
    });
    const ratios: Record<string, number> = {};
    for (const name of ['mu', 'sigma', 'alpha']) {
      ratios[name] = sd(fits.map((f) => f.parameters[name])) / median(fits.map((f) => f.standardErrors[name]!));
      // 40 data sets estimate a standard deviation to about ±11% (1/√(2·39)); alpha at n = 2,000 spreads a third more
      // than its Wald SE (seen: mu 1.08, sigma 1.03, alpha 1.34, splice 2.3 at this seed).
      expect(ratios[name], name).toBeGreaterThan(0.7);
      expect(ratios[name], name).toBeLessThan(1.6);
    }
    // The splice's estimates are skewed with a long right tail: their spread by the interquartile range / 1.349.
    const splices = fits.map((f) => f.parameters.splice).sort((a, b) => a - b);
    ratios.splice = (splices[30] - splices[10]) / 1.349 / median(fits.map((f) => f.standardErrors.splice!));
    expect(ratios.splice).toBeGreaterThan(2);
    expect(ratios.splice).toBeLessThan(4);
    expect(fits[0].warnings.join()).toMatch(/understates the estimate's spread/);
  });
});

describe('likelihood pieces', () => {
  it('each family’s log-density is ln of its severity class’s density (src/random/severity) at amounts across the range', () => {
    for (const family of FAMILIES) {
      const p = Object.values(TRUTH[family.id].parameters);
      const severity = TRUTH[family.id].severity;
      const f = family.logDensity(p);
      for (const x of [50, 1200, 9000, 49999, 50001, 60000, 75000, 4e5, 3e6])
        expect(f(x, Math.log(x)), `${family.id} at ${x}`).toBeCloseTo(Math.log(severity.density(x)), 9);
    }
  });
  it('the running-sum log-likelihoods equal the sum over amounts', () => {
    const xs = draw(TRUTH.lognormalPareto.severity, 300, 'sums');
    const s = prepareSample(individual(xs));
    for (const family of FAMILIES) {
      const p = Object.values(TRUTH[family.id].parameters);
      const f = family.logDensity(p);
      const direct = xs.reduce((acc, x) => acc + f(x, Math.log(x)), 0);
      expect(logLikelihood(family, p, s), family.id).toBeCloseTo(direct, 7);
    }
  });
  it('truncation subtracts n ln S(d); grouped data sum n ln P(band)', () => {
    const ln = new Lognormal(9, 1);
    const xs = [13000, 20000, 55000];
    const s = prepareSample(individual(xs, 12000));
    const expected = xs.reduce((acc, x) => acc + Math.log(ln.density(x) / ln.survival(12000)), 0);
    expect(logLikelihood(FAMILIES[0], [9, 1], s)).toBeCloseTo(expected, 10);
    const g = prepareSample({ kind: 'grouped', lower: [0, 5000, 20000], upper: [5000, 20000, Infinity], counts: [3, 0, 2], truncate: 0 });
    expect(logLikelihood(FAMILIES[0], [9, 1], g)).toBeCloseTo(3 * Math.log(ln.cdf(5000)) + 2 * Math.log(ln.survival(20000)), 10);
  });
  it('parameter names are the scenario schema’s', () => {
    expect(FIT_FAMILIES).toEqual(['lognormal', 'gamma', 'pareto', 'weibull', 'loglogistic', 'lognormalPareto', 'spliced']);
    expect(fitFamilyParameters('loglogistic')).toEqual(['scale', 'shape']);
    expect(fitFamilyParameters('lognormalPareto')).toEqual(['mu', 'sigma', 'splice', 'alpha']);
  });
});

describe('goodness of fit', () => {
  it('KS and AD p-values match published values (Kolmogorov limit; Marsaglia & Marsaglia 2004 table)', () => {
    // Q(λ) at λ = 1.358 is 0.05 (the 5% critical value); with Stephens' correction D = 1.358/(√n + 0.12 + 0.11/√n).
    const n = 400;
    expect(kolmogorovPValue(1.358 / (20 + 0.12 + 0.11 / 20), n)).toBeCloseTo(0.05, 3);
    // A² asymptotic 5% and 1% points 2.492 and 3.857 (D'Agostino & Stephens 1986, table 4.2, case 0).
    expect(andersonDarlingPValue(2.492)).toBeCloseTo(0.05, 3);
    expect(andersonDarlingPValue(3.857)).toBeCloseTo(0.01, 3);
  });
  it('grouped χ²: bands with expected counts below 5 are merged and said so; df = bands − 1 − k', () => {
    const xs = draw(TRUTH.lognormal.severity, 2000, 'chi');
    const fit = fitSeverities(grouped(xs, [0, 5000, 10000, 20000, 50000, 100000, 200000, 500000, Infinity]), {
      families: ['lognormal'],
    })[0];
    const chi = fit.gof.chiSquare!;
    // Expected above 200,000: 2000·S(200000) ≈ 3.6 and above 500,000 ≈ 0.2 → the top three bands are one.
    expect(fit.warnings.join()).toMatch(/8 bands merged into 6/);
    expect(chi.df).toBe(6 - 1 - 2);
    expect(chi.pValue).toBeGreaterThan(0.001);
  });
});

describe('bad data: an Error naming the problem, never NaN', () => {
  const cases: [string, FitData, RegExp][] = [
    ['no rows', { kind: 'individual', amounts: [], weights: [], truncate: 0 }, /amounts: no rows/],
    ['a single distinct amount', individual([5000, 5000, 5000]), /every amount is 5000/],
    ['a negative amount', individual([5000, -1, 7000]), /amounts: row 2 is -1/],
    ['all counts zero', { kind: 'individual', amounts: [1, 2], weights: [0, 0], truncate: 0 }, /every count is zero/],
    ['truncation above every amount', individual([5000, 8000], 10000), /row 1 is 5000, not above the truncation point 10000/],
    [
      'grouped counts all zero',
      { kind: 'grouped', lower: [0, 10], upper: [10, Infinity], counts: [0, 0], truncate: 0 },
      /every count is zero/,
    ],
    ['claims in one band', { kind: 'grouped', lower: [0, 10], upper: [10, Infinity], counts: [5, 0], truncate: 0 }, /one band/],
    [
      'bands below the truncation',
      { kind: 'grouped', lower: [0, 10], upper: [10, 20], counts: [1, 1], truncate: 50 },
      /below the truncation point 50/,
    ],
  ];
  for (const [what, data, message] of cases) it(what, () => expect(() => fitSeverities(data)).toThrow(message));
  it('too few bands for a family asked for by name; left out when not asked', () => {
    const data: FitData = { kind: 'grouped', lower: [0, 5000, 20000], upper: [5000, 20000, Infinity], counts: [50, 30, 10], truncate: 0 };
    expect(() => fitSeverities(data, { families: ['lognormalPareto'] })).toThrow(
      /3 bands cannot identify the 4 parameters of lognormalPareto/,
    );
    const fits = fitSeverities(data);
    expect(fits.map((f) => f.family).sort()).toEqual(['gamma', 'loglogistic', 'lognormal', 'pareto', 'weibull']);
    for (const f of fits) for (const v of [f.logLikelihood, f.aic, ...Object.values(f.parameters)]) expect(Number.isFinite(v)).toBe(true);
  });
  it('too few distinct amounts for a family: an Error when asked for by name, left out when not', () => {
    expect(() => fitSeverities(individual([100, 200, 5000]), { families: ['spliced'] })).toThrow(
      /3 distinct amounts cannot identify the 5 parameters of spliced/,
    );
    expect(
      fitSeverities(individual([100, 200, 5000]))
        .map((f) => f.family)
        .sort(),
    ).toEqual(['gamma', 'loglogistic', 'lognormal', 'pareto', 'weibull']);
  });
  it('no family asked for', () => expect(() => fitSeverities(individual([1, 2]), { families: [] })).toThrow(/families: none asked for/));
  it('an unknown family', () => expect(() => fitSeverities(individual([1, 2]), { families: ['beta'] })).toThrow(/unknown family "beta"/));
  it('a family that runs to an edge is reported not converged, and the others are fitted', () => {
    // Lognormal data truncated at 12,000: the gamma's shape runs to 0 (R's fitdist fails here too, fit-mle-r.test.ts).
    const xs = draw(new Lognormal(9, 1.1), 6000, 'edge').filter((x) => x > 12000);
    const fits = fitSeverities(individual(xs, 12000));
    const gamma = only(fits, 'gamma');
    expect(gamma.converged).toBe(false);
    expect(gamma.warnings.join()).toMatch(/shape runs to/);
    expect(only(fits, 'lognormal').converged).toBe(true);
    for (const f of fits) expect(Number.isNaN(f.logLikelihood)).toBe(false);
    // Converged fits are ranked first.
    const firstNotConverged = fits.findIndex((f) => !f.converged);
    expect(fits.slice(firstNotConverged).every((f) => !f.converged)).toBe(true);
  });
});

describe('speed', () => {
  it('all seven families on 2,000 amounts in well under a second (2 s bound on a shared machine)', () => {
    const xs = draw(TRUTH.lognormalPareto.severity, 2000, 'speed');
    const t = performance.now();
    fitSeverities(individual(xs));
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
