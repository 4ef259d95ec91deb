/**
 * Data preparation for the charts (pure, no DOM): benefit curves, distributions, corridor splits, sensitivity
 * sweeps and breakdowns, from a scenario, its compiled model and a run.
 */
import { analyticExpectation, maskProbabilities } from '../../engine/analytic.ts';
import { compileModel, type EngineModel } from '../../engine/model.ts';
import type { RawRun } from '../../engine/run.ts';
import { column, type RunResult } from '../../engine/summary.ts';
import { PAYOUT } from '../../engine/trial.ts';
import { fastBenefit } from '../../rules/fast.ts';
import { selfBurdenOf } from '../../rules/basic.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { setParam, type Path } from '../../scenario/edit.ts';
import { expectPerson } from '../../rules/expectation.ts';
import type { ExactCurve } from '../../aggregate/summary.ts';

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

export interface ValuePoint {
  ruleset: string;
  value: number;
}

/** Per-trial aggregate payout (or loss ratio) of every ruleset. */
export function trialValues(raw: RawRun, kind: 'payout' | 'lossRatio'): ValuePoint[] {
  const out: ValuePoint[] = [];
  raw.model.rulesets.forEach((r, i) => {
    const col = column(raw.model, raw.data, raw.trials, i, -1, PAYOUT);
    for (const v of col) out.push({ ruleset: r.id, value: kind === 'payout' ? v : v / r.premium });
  });
  return out;
}

/** The exact distribution as a density (probability per yuan of payout, or per unit of loss ratio). */
export interface ExactPoint {
  ruleset: string;
  value: number;
  density: number;
}

/** Exact curves (aggregate/summary.ts) as densities of the payout or of the loss ratio (payout ÷ premium). */
export function exactDensity(curves: readonly ExactCurve[], model: EngineModel, kind: 'payout' | 'lossRatio'): ExactPoint[] {
  const out: ExactPoint[] = [];
  for (const c of curves) {
    const premium = model.rulesets.find((r) => r.id === c.ruleset)?.premium ?? 0;
    const scale = kind === 'payout' ? 1 : premium;
    if (!(scale > 0)) continue;
    c.x.forEach((x, i) => out.push({ ruleset: c.ruleset, value: x / scale, density: (c.p[i] / c.width) * scale }));
  }
  return out;
}

export interface Marker {
  ruleset: string;
  value: number;
  label: string;
}

/** Premium and the payouts at which m crosses each corridor tier edge (payout = premium × (1 − edge)). */
export function premiumMarkers(model: EngineModel): Marker[] {
  const out: Marker[] = [];
  for (const r of model.rulesets) {
    out.push({ ruleset: r.id, value: r.premium, label: 'premium 保费' });
    const edges = new Set<number>();
    for (const t of r.corridor?.tiers ?? []) for (const e of [t.from, t.to]) if (e !== null && e !== 0) edges.add(e);
    for (const e of edges) out.push({ ruleset: r.id, value: r.premium * (1 - e), label: `m = ${(e * 100).toFixed(0)}%` });
  }
  return out;
}

export interface SplitPoint {
  ruleset: string;
  reading: string;
  part: 'insurer' | 'fundReturn' | 'fundTopUp';
  value: number;
}

/** Expected corridor split per ruleset and reading, as the run's summary already computed them. */
export function corridorSplits(result: RunResult): SplitPoint[] {
  const out: SplitPoint[] = [];
  for (const r of result.rulesets) {
    if (!r.corridor) continue;
    for (const [reading, c] of [['as written', r.corridor], ...r.corridor.alternatives.map((a) => [a.id, a] as const)] as const) {
      out.push(
        { ruleset: r.id, reading, part: 'insurer', value: c.insurerMean },
        { ruleset: r.id, reading, part: 'fundReturn', value: c.fundReturnMean },
        { ruleset: r.id, reading, part: 'fundTopUp', value: c.fundTopUpMean },
      );
    }
  }
  return out;
}

export interface SweepPoint {
  ruleset: string;
  x: number;
  payout: number;
  lossRatio: number;
  reimbursementRatio: number;
  burdenReductionRate: number;
  beneficiaries: number;
  current: boolean;
}

export type SweepMetric = 'payout' | 'lossRatio' | 'reimbursementRatio' | 'burdenReductionRate' | 'beneficiaries';

/**
 * Sensitivity: analytic expected payout and loss ratio as one parameter of a ruleset sweeps a range
 * (by default the first track's deductible from 0 to twice its value).
 */
export function sensitivity(scenario: Scenario, rulesetIndex: number, paramPath: Path, from: number, to: number, steps = 41): SweepPoint[] {
  const current = Number((paramPath.reduce((o: unknown, k) => (o as Record<string | number, unknown>)?.[k], scenario.rulesets[rulesetIndex] as unknown) as { value: number })?.value);
  const xs = Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
  if (Number.isFinite(current) && !xs.includes(current)) xs.push(current);
  xs.sort((a, b) => a - b);
  const id = scenario.rulesets[rulesetIndex].id;
  return xs.map((x) => {
    const s = setParam(scenario, ['rulesets', rulesetIndex, ...paramPath], x);
    // Only the swept ruleset is compiled: the others do not change.
    const one = { ...s, rulesets: [s.rulesets[rulesetIndex]], simulation: { ...s.simulation, baseline: undefined } };
    const a = analyticExpectation(compileModel(one))[0];
    return {
      ruleset: id,
      x,
      payout: a.payout ?? NaN,
      lossRatio: a.lossRatio ?? NaN,
      reimbursementRatio: a.reimbursementRatio ?? NaN,
      burdenReductionRate: a.burdenReductionRate ?? NaN,
      beneficiaries: a.beneficiaries ?? NaN,
      current: x === current,
    };
  });
}

export interface BreakdownPoint {
  ruleset: string;
  population: string;
  group: string;
  payout: number;
  beneficiaries: number;
}

/** Expected payout and beneficiaries by population and tag combination (analytic, fixed self-pay ratios). */
export function breakdown(model: EngineModel): BreakdownPoint[] {
  const out: BreakdownPoint[] = [];
  model.rulesets.forEach((r) => {
    model.populations.forEach((pop, p) => {
      if (pop.selfPayRatio === null || pop.compliantBeta !== null) return;
      const kappa = pop.selfPayRatio * pop.compliantShare;
      const claimants = pop.insured * pop.incidence;
      maskProbabilities(pop.tagShares).forEach((pr, mask) => {
        if (pr === 0) return;
        const e = expectPerson(r.schedules[p][mask], r.selfBurden, kappa, pop.severity);
        const tags = pop.tags.filter((_, i) => mask & (1 << i));
        // Members with several tags are shown together, so the legend stays readable.
        const group = tags.length === 0 ? 'general' : tags.length === 1 ? tags[0] : 'multiple';
        const prev = out.find((o) => o.ruleset === r.id && o.population === pop.id && o.group === group);
        const payout = r.exposure * claimants * pr * e.benefit;
        if (prev) {
          prev.payout += payout;
          prev.beneficiaries += claimants * pr * e.beneficiary;
        } else out.push({ ruleset: r.id, population: pop.id, group, payout, beneficiaries: claimants * pr * e.beneficiary });
      });
    });
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

export function modelOf(s: Scenario): EngineModel {
  return compileModel(s);
}

export { analyticExpectation };
