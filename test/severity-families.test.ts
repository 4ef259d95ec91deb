/**
 * A severity family is one declaration (src/scenario/severity-families/<family>.ts) and one line in the registry
 * (its index.ts); its distribution (random/severity/index.ts) and likelihood (fit/families-registry.ts) are keyed by
 * the registry's ids. The type-level half: an incomplete declaration does not compile (each `@ts-expect-error`
 * below fails `npx tsc --noEmit` if the error it expects goes away). The runtime half: every registered family has
 * a name for every schema field and its bench spec round-trips spec → schema → distribution → cdf.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FAMILIES as FIT_FAMILIES } from '../src/fit/families-registry.ts';
import { SCENARIO_FAMILIES } from '../src/fit/into-scenario.ts';
import { severityOf } from '../src/random/severity/index.ts';
import { familyName, severityParamName } from '../src/report/severity-names.ts';
import { finite, param, positive } from '../src/scenario/param.ts';
import { PlainSeverity, Severity } from '../src/scenario/schema.ts';
import { benchValue, REGION, severityFamily } from '../src/scenario/severity-families/family.ts';
import { estimatedParameters, SEVERITY_FAMILIES } from '../src/scenario/severity-families/index.ts';
import { parameterRegion, SEVERITY_PARAMETERS } from '../src/scenario/severity-parameters.ts';

/** A complete two-parameter declaration: the shape a new family's module has. */
const exponentialLike = {
  id: 'inverseWeibull',
  name: { zh: '逆威布尔分布', en: 'inverse Weibull' },
  fields: { shape: param(positive(), 'Shape τ.'), scale: param(positive(), 'Scale θ (yuan).') },
  fieldNames: { shape: { zh: '形状 τ', en: 'shape τ' }, scale: { zh: '尺度 θ（元）', en: 'scale θ (yuan)' } },
  estimated: { shape: REGION.positive, scale: REGION.positive },
  calibration: { free: [['scale', 'log']] as const, incidence: true },
  bench: { shape: benchValue(2), scale: benchValue(5000) },
} as const;

describe('a severity family declaration is complete or does not compile', () => {
  it('a complete declaration compiles', () => {
    expect(severityFamily(exponentialLike).id).toBe('inverseWeibull');
  });

  it('refuses a declaration that forgets a name, the calibration, a bench value or names a field it lacks', () => {
    const { scale: _scale, ...onlyShapeNamed } = exponentialLike.fieldNames;
    // @ts-expect-error — fieldNames lacks `scale`: a parameter without a name.
    severityFamily({ ...exponentialLike, fieldNames: onlyShapeNamed });

    const { calibration: _calibration, ...uncalibrated } = exponentialLike;
    // @ts-expect-error — no calibration: the family must say what calibration fits, or why it cannot.
    severityFamily(uncalibrated);

    // @ts-expect-error — calibration frees `rate`, which is not a field of the family.
    severityFamily({ ...exponentialLike, calibration: { free: [['rate', 'log']] as const, incidence: true } });

    // @ts-expect-error — `bench` lacks the required `scale`.
    severityFamily({ ...exponentialLike, bench: { shape: benchValue(2) } });

    // @ts-expect-error — `estimated` names `rate`, which is not a field of the family.
    severityFamily({ ...exponentialLike, estimated: { shape: REGION.positive, rate: REGION.positive } });

    // @ts-expect-error — a new field (`location`) without a name.
    severityFamily({ ...exponentialLike, fields: { ...exponentialLike.fields, location: param(finite(), 'Shift (yuan).') } });
    expect(true).toBe(true);
  });
});

describe('every registered family', () => {
  /** The union members of the scenario schema, by family id, in the schema's order. */
  const members = (Severity as unknown as { options: z.ZodObject[] }).options;

  it('is a member of the scenario schema in registry order, with `uncertainty` exactly when it has parameters', () => {
    expect(members.map((m) => (m.shape.family as z.ZodLiteral).value)).toEqual(SEVERITY_FAMILIES.map((f) => f.id));
    for (const [i, f] of SEVERITY_FAMILIES.entries()) {
      expect('uncertainty' in members[i].shape, f.id).toBe(estimatedParameters(f).length > 0);
      expect(Object.keys((PlainSeverity as unknown as { options: z.ZodObject[] }).options[i].shape)).not.toContain('uncertainty');
    }
  });

  it('has a zh and an en name for itself and for every schema field (none falls back to the id)', () => {
    for (const [i, f] of SEVERITY_FAMILIES.entries()) {
      expect(familyName(f.id, 'zh')).not.toBe(f.id);
      expect(familyName(f.id, 'en').length).toBeGreaterThan(0);
      const fields = Object.keys(members[i].shape).filter((k) => !['family', 'uncertainty', 'source', 'assumption'].includes(k));
      expect(fields.length, f.id).toBeGreaterThan(0);
      for (const k of fields) {
        expect(severityParamName(f.id, k, 'zh'), `${f.id}.${k}`).not.toBe(k);
        expect(severityParamName(f.id, k, 'en'), `${f.id}.${k}`).not.toBe(k);
      }
    }
  });

  it('round-trips its bench spec: the schema accepts it, its distribution has its id, cdf rises from 0 to 1 and inverts the quantile', () => {
    for (const f of SEVERITY_FAMILIES) {
      const spec = Severity.parse({ family: f.id, ...f.bench });
      const sev = severityOf(spec);
      expect(sev.family).toBe(f.id);
      expect(sev.cdf(0)).toBe(0);
      expect(sev.cdf(1e12)).toBeCloseTo(1, 12);
      let last = 0;
      for (const p of [0.05, 0.25, 0.5, 0.75, 0.95, 0.999]) {
        const x = sev.quantile(p);
        expect(x, `${f.id} quantile(${p})`).toBeGreaterThanOrEqual(last);
        last = x;
        // A continuous family inverts to 1e-9; the empirical table's cdf jumps past p at its atom.
        if (f.id === 'empirical') expect(sev.cdf(x)).toBeGreaterThanOrEqual(p - 1e-12);
        else expect(Math.abs(sev.cdf(x) - p), `${f.id} cdf(quantile(${p}))`).toBeLessThan(1e-9);
      }
    }
  });

  it('with parameters, has a likelihood over exactly its estimated parameters, and the fit writes only registered families', () => {
    const parametric = SEVERITY_FAMILIES.filter((f) => estimatedParameters(f).length > 0).map((f) => f.id);
    expect([...FIT_FAMILIES.map((g) => g.id)].sort()).toEqual([...parametric].sort());
    for (const g of FIT_FAMILIES) {
      expect(g.parameters).toEqual(SEVERITY_PARAMETERS[g.id]);
      expect(g.scales.length).toBe(g.parameters.length);
    }
    expect(SCENARIO_FAMILIES).toEqual(parametric);
  });

  it('calibrates only its own fields, and its estimated parameters are fields', () => {
    for (const [i, f] of SEVERITY_FAMILIES.entries()) {
      const fields = Object.keys(members[i].shape);
      for (const k of estimatedParameters(f)) expect(fields, `${f.id}.${k}`).toContain(k);
      if ('free' in f.calibration) for (const [k] of f.calibration.free) expect(fields, `${f.id}.${k}`).toContain(k);
    }
  });
});

describe('the declarations keep the tables they replaced', () => {
  // The literal tables below are the ones src/scenario/severity-parameters.ts, src/fit/into-scenario.ts and
  // src/engine/bench.ts held before the families declared them (commit a8d8979).
  it('estimated parameters, in the fit order', () => {
    expect(SEVERITY_PARAMETERS).toEqual({
      lognormal: ['mu', 'sigma'],
      gamma: ['shape', 'scale'],
      pareto: ['alpha', 'theta'],
      weibull: ['shape', 'scale'],
      loglogistic: ['scale', 'shape'],
      spliced: ['mu', 'sigma', 'splice', 'alpha', 'bodyWeight'],
      lognormalPareto: ['mu', 'sigma', 'splice', 'alpha'],
    });
  });

  it('draw regions: μ unbounded, a body weight in (0, 1), log-logistic shape above 1, a tail index above 1 when its estimate is', () => {
    expect(parameterRegion('spliced', 'mu', 7)).toEqual({ lower: -Infinity, upper: Infinity });
    expect(parameterRegion('spliced', 'bodyWeight', 0.9)).toEqual({ lower: 0, upper: 1 });
    expect(parameterRegion('loglogistic', 'shape', 3)).toEqual({ lower: 1, upper: Infinity });
    expect(parameterRegion('gamma', 'shape', 0.5)).toEqual({ lower: 0, upper: Infinity });
    expect(parameterRegion('pareto', 'alpha', 2.5)).toEqual({ lower: 1, upper: Infinity });
    expect(parameterRegion('lognormalPareto', 'alpha', 0.8)).toEqual({ lower: 0, upper: Infinity });
    expect(parameterRegion('lognormalPareto', 'splice', 9000)).toEqual({ lower: 0, upper: Infinity });
  });
});
