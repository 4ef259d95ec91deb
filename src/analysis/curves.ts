/**
 * What the rules and the claims look like before any run: the benefit curve of each ruleset and group, and a
 * population's severity density (pure, for the charts and the notebooks).
 */
import type { EngineModel } from '../engine/model.ts';
import { selfBurdenOf } from '../rules/basic.ts';
import { fastBenefit } from '../rules/fast.ts';

export interface CurvePoint {
  ruleset: string;
  group: string;
  burden: number;
  benefit: number;
  ratio: number;
}

/**
 * Benefit and effective reimbursement ratio (benefit ÷ burden) against annual self-burden, per ruleset, for the
 * general member and for each single group tag (compliant self-pay set by the first population's ratios).
 */
export function benefitCurves(model: EngineModel, maxBurden = 400_000, points = 161): CurvePoint[] {
  const out: CurvePoint[] = [];
  const pop = model.populations[0];
  const kappa = (pop.selfPayRatio ?? pop.meanSelfPayRatio) * pop.compliantShare;
  model.rulesets.forEach((r) => {
    const masks: [string, number][] = [['general', 0], ...pop.tags.map((t, i) => [t, 1 << i] as [string, number])];
    for (const [group, mask] of masks) {
      if (mask && !r.spec.modifiers.some((m) => m.group === pop.tags[Math.log2(mask)])) continue;
      // The compiled schedules act on annual amounts (rules/exposure.ts); the curve shows the year's burden as a
      // person meets it, so it evaluates b(x) = c · b'(x / c).
      const f = r.schedules[0][mask];
      const c = r.exposure;
      for (let i = 0; i < points; i++) {
        const x = (maxBurden * i) / (points - 1);
        const xa = x / c;
        const b = c * fastBenefit(f, r.basic ? selfBurdenOf(r.basic, xa) : xa, kappa * xa);
        out.push({ ruleset: r.id, group, burden: x, benefit: b, ratio: x > 0 ? b / x : 0 });
      }
    }
  });
  return out;
}

/** Density of a population's severity on a log grid (for the small plot beside each population). */
export function severityDensity(model: EngineModel, p: number, points = 120): { x: number; density: number }[] {
  const sev = model.populations[p].severity;
  const lo = Math.max(1, sev.quantile(0.005));
  const hi = sev.quantile(0.995);
  const out: { x: number; density: number }[] = [];
  const lx = Math.log(lo);
  const step = (Math.log(hi) - lx) / points;
  for (let i = 0; i < points; i++) {
    const a = Math.exp(lx + i * step);
    const b = Math.exp(lx + (i + 1) * step);
    // Probability per unit of log amount: how the mass spreads over orders of magnitude.
    out.push({ x: Math.sqrt(a * b), density: (sev.cdf(b) - sev.cdf(a)) / step });
  }
  return out;
}
