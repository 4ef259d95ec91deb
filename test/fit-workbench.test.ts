// The workbench's severity fit, its pure parts: the severity a fit writes (valid in the scenario format, with its
// provenance on every parameter) and the diagnostic figures (bar areas are the data's shares; the fitted side is
// conditional on the truncation point).
import { describe, expect, it } from 'vitest';
import { cdfPoints, conditionalCdf, densityBars, fittedCurve } from '../src/analysis/fit-diagnostics.ts';
import type { FamilyFit, FitData } from '../src/fit/types.ts';
import { Lognormal } from '../src/random/severity/index.ts';
import { fittedSeverity, type FitOrigin } from '../src/scenario/fitted-severity.ts';
import { Severity } from '../src/scenario/schema.ts';

const fit = (family: string, parameters: Record<string, number>): FamilyFit => ({
  family,
  parameters,
  logLikelihood: -9293.0519,
  aic: 18590.1038,
  bic: 18603.4,
  standardErrors: {},
  ci95: {},
  covariance: null,
  gof: {},
  converged: true,
  warnings: [],
});
const origin: FitOrigin = { fileName: '赔付.csv', sha256: 'ab'.repeat(32), n: 5768, grouped: true, truncate: 0, date: '2026-12-06' };
const bands: FitData = {
  kind: 'grouped',
  lower: [0, 5000, 10000, 20000, 50000, 100000, 200000],
  upper: [5000, 10000, 20000, 50000, 100000, 200000, Infinity],
  counts: [412, 1306, 1893, 1411, 538, 167, 41],
  truncate: 0,
};
const ln = new Lognormal(9.71956, 0.916532);

describe('the severity a fit writes', () => {
  it('is a valid scenario severity with the fit and the data named on every parameter', () => {
    const before = { family: 'spliced', mu: { value: 5.9 }, sigma: { value: 1.2 } };
    const sev = fittedSeverity(fit('lognormal', { mu: 9.71956, sigma: 0.916532 }), origin, before);
    expect(Severity.safeParse(sev).success).toBe(true);
    expect(sev).toEqual({
      family: 'lognormal',
      mu: { value: 9.71956, assumption: expect.any(String) },
      sigma: { value: 0.916532, assumption: expect.any(String) },
    });
    expect((sev.mu as { assumption: string }).assumption).toBe(
      `edited in the workbench (fitted by maximum likelihood to 赔付.csv: banded counts, n = 5768; log-likelihood -9293.05, AIC 18590.10; 2026-12-06; SHA-256 ${'ab'.repeat(32)}; was spliced mu=5.9, sigma=1.2)`,
    );
    const truncated = fittedSeverity(fit('gamma', { shape: 1.2, scale: 21000 }), { ...origin, grouped: false, truncate: 18000 }, null);
    expect((truncated.shape as { assumption: string }).assumption).toContain(
      'individual amounts, n = 5768, records above 18000 yuan (left-truncated)',
    );
    expect((truncated.shape as { assumption: string }).assumption).toMatch(/; was none\)$/);
  });
});

describe('diagnostic figures', () => {
  it('bars: each area (share per unit ln amount × ln width) is the band’s share, observed and fitted', () => {
    const bars = densityBars(bands, ln);
    const total = 5768;
    bars.forEach((b, i) => {
      const w = Math.log(b.upper / b.lower);
      expect(b.observed * w).toBeCloseTo(bands.kind === 'grouped' ? bands.counts[i] / total : 0, 12);
      expect(b.fitted * w).toBeCloseTo(ln.cdf(bands.upper[i]) - ln.cdf(bands.lower[i]), 12);
    });
    // Drawn edges: a band from 0 from a tenth of its upper limit; the open top band to twice its lower.
    expect([bars[0].lower, bars[6].upper]).toEqual([500, 400000]);
    expect(bars.reduce((s, b) => s + b.fitted * Math.log(b.upper / b.lower), 0)).toBeCloseTo(1, 12);
  });

  it('individual amounts: weights count, every amount in a bar, the empirical cdf reaches 1', () => {
    const data: FitData = { kind: 'individual', amounts: [1000, 2000, 2000, 8000, 50000], weights: [1, 2, 1, 3, 1], truncate: 0 };
    const bars = densityBars(data, ln, 4);
    expect(bars.reduce((s, b) => s + b.observed * Math.log(b.upper / b.lower), 0)).toBeCloseTo(1, 12);
    expect(bars[0].lower).toBe(1000);
    expect(bars[3].upper).toBeCloseTo(50000, 8);
    expect(cdfPoints(data, ln)).toEqual([
      { x: 1000, empirical: 1 / 8, fitted: ln.cdf(1000) },
      { x: 2000, empirical: 4 / 8, fitted: ln.cdf(2000) },
      { x: 8000, empirical: 7 / 8, fitted: ln.cdf(8000) },
      { x: 50000, empirical: 1, fitted: ln.cdf(50000) },
    ]);
  });

  it('with left truncation at d the fit is drawn as X | X > d', () => {
    const d = 18000;
    const F = conditionalCdf(ln, d);
    expect(F(d)).toBe(0);
    expect(F(Infinity)).toBe(1);
    expect(F(40000)).toBeCloseTo((ln.cdf(40000) - ln.cdf(d)) / (1 - ln.cdf(d)), 14);
    const curve = fittedCurve({ ...bands, truncate: d }, ln, 10000, 400000, 5);
    expect(curve[0].density).toBe(0);
    const x = curve[2].x;
    expect(curve[2].density).toBeCloseTo((x * ln.density(x)) / (1 - ln.cdf(d)), 14);
  });
});
