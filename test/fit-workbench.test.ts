// A fit applied in the workbench, its pure part: the severity it writes is valid in the scenario format and is a
// workbench edit, every parameter carrying the fit's provenance line (fit/into-scenario.ts) and what it replaced.
import { describe, expect, it } from 'vitest';
import type { FitOrigin } from '../src/fit/into-scenario.ts';
import type { FamilyFit } from '../src/fit/types.ts';
import { fittedSeverityEdit } from '../src/scenario/fitted-severity.ts';
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
const origin: FitOrigin = { file: '赔付.csv', sha256: 'ab'.repeat(32), n: 5768, grouped: true, truncate: 0, date: '2026-12-06' };

describe('the severity a fit writes in the workbench', () => {
  it('is a valid severity, each parameter an edit naming the data, the fit and what it replaced', () => {
    const before = { family: 'lognormalPareto', mu: { value: 8.5 }, sigma: { value: 1.2 } };
    const sev = fittedSeverityEdit(fit('lognormal', { mu: 9.71956, sigma: 0.916532 }), origin, before);
    expect(Severity.safeParse(sev).success).toBe(true);
    const line =
      `edited in the workbench (Fitted by jingsuan fit on 2026-12-06 from 赔付.csv (SHA-256 ${'ab'.repeat(32)}, n = 5768, grouped, ` +
      'log-likelihood -9293.05, AIC 18590.1); was lognormalPareto mu=8.5, sigma=1.2)';
    expect(sev).toEqual({ family: 'lognormal', mu: { value: 9.71956, assumption: line }, sigma: { value: 0.916532, assumption: line } });
  });

  it('left truncation is named; a family the scenario format lacks is refused', () => {
    const sev = fittedSeverityEdit(fit('gamma', { shape: 1.2, scale: 21000 }), { ...origin, grouped: false, truncate: 18000 }, null);
    expect((sev.shape as { assumption: string }).assumption).toMatch(/n = 5768, left-truncated at 18000 yuan, .*; was none\)$/);
    expect(() => fittedSeverityEdit(fit('burr', { a: 1 }), origin, null)).toThrow(/burr has no form in a scenario file/);
  });
});
