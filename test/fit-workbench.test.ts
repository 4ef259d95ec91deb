// A fit applied in the workbench, its pure parts: the severity it writes is valid in the scenario format and is a
// workbench edit, every parameter carrying the fit's provenance line (fit/into-scenario.ts) and what it replaced;
// what the dialog reports after applying (the analytic values before and after, the beneficiaries' sweep).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { setAt } from '../src/scenario/edit.ts';
import { validateData } from '../src/scenario/validate.ts';
import { beneficiarySweep, outcomeRows } from '../src/ui/fit-outcome.ts';
import type { FitOrigin } from '../src/fit/into-scenario.ts';
import type { FamilyFit } from '../src/fit/types.ts';
import { fittedSeverityEdit } from '../src/fit/fitted-severity.ts';
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

describe('what applying a fit changed', () => {
  const raw = JSON.parse(readFileSync('scenarios/jiangyin-2020.json', 'utf8'));
  const before = validateData(raw).scenario!;
  const sev = fittedSeverityEdit(fit('lognormal', { mu: 9.71956, sigma: 0.916532 }), origin, raw.populations[0].severity);
  const after = validateData(setAt(raw, ['populations', 0, 'severity'], sev)).scenario!;
  const [a0, a1] = [analyticExpectation(compileModel(before)), analyticExpectation(compileModel(after))];

  it('the rows are the analytic values of the two scenarios', () => {
    const [row] = outcomeRows(after, a0, a1, 'zh');
    expect(row).toEqual({
      name: '江阴 2020 大病保险',
      payout: [a0[0].payout, a1[0].payout],
      beneficiaries: [a0[0].beneficiaries, a1[0].beneficiaries],
    });
    expect(row.payout[1]).not.toBe(row.payout[0]);
  });

  it('the sweep runs the deductible from 0 to twice its value for both, through the current one', () => {
    const sweep = beneficiarySweep(before, after, 'zh')!;
    expect(sweep.label).toBe('江阴 2020 大病保险 · 起付标准');
    const series = (id: string) => sweep.points.filter((p) => p.ruleset === id);
    // 25 values from 0 to 36,000 (twice the 18,000 deductible): the current value is among them.
    expect(series('before').map((p) => p.x)).toEqual(Array.from({ length: 25 }, (_, i) => i * 1500));
    for (const [id, a] of [
      ['before', a0],
      ['after', a1],
    ] as const) {
      const at = series(id).find((p) => p.current)!;
      expect(at.x).toBe(18000);
      expect(at.beneficiaries).toBeCloseTo(a[0].beneficiaries!, 6);
    }
  });
});
