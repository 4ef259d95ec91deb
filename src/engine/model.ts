/**
 * A validated scenario compiled for the engine: severities, every ruleset's fast schedule for every combination
 * of a population's tags, the sampling threshold (below it nobody can be paid by any ruleset) and the exact
 * conditional expectations that stand in for the members below it.
 */
import { corridorRule } from '../finance/corridor-rule.ts';
import type { CorridorRule } from '../finance/corridor.ts';
import { severityOf, type Severity } from '../random/severity/index.ts';
import { scaled } from '../random/severity/scaled.ts';
import type { Shock, ShockFamily } from '../random/shock.ts';
import { negligibleCv } from '../math/quadrature.ts';
import type { CountSpec } from '../random/claim-count.ts';
import { exposureOf, onAnnualAmounts } from '../rules/exposure.ts';
import { selfBurdenCurve, type BasicLayer } from '../rules/basic.ts';
import { baseCurve } from '../rules/expectation.ts';
import { compileFast, type FastSchedule } from '../rules/fast.ts';
import { evaluate, expectation, inverse, type Piecewise } from '../rules/piecewise.ts';
import { resolveSchedule, tagCombinations } from '../rules/schedule.ts';
import type { Population, Ruleset, Scenario } from '../scenario/schema.ts';
import { premiumChannels, type PremiumChannel } from '../finance/premium.ts';
import { distinctMonthsTable } from './distinct-months.ts';
import { severityProblems } from './numerics.ts';
import { problem } from '../scenario/problems.ts';
import { ScenarioError } from '../scenario/problems.ts';
import { amountKernel, type AmountKernel } from './amount-kernel.ts';
import { maskPmf, recordsPmf } from './claimant-pmfs.ts';
import { compileFit, type FitUncertainty } from './fit-draw.ts';

/** What the members with cost below the sampling threshold contribute, for one severity (model.ts, belowThreshold). */
export interface BelowThreshold {
  tailProb: number;
  /** Per member with cost below the threshold: E[X | X ≤ t] and, per ruleset, E[self-burden | X ≤ t]. */
  meanAmountBelow: number;
  meanSelfBurdenBelow: Float64Array;
}

export interface PopulationModel extends BelowThreshold {
  id: string;
  spec: Population;
  insured: number;
  incidence: number;
  /** binomial(insured, incidence) by default; Poisson or negative binomial (gamma mixing with cv) otherwise. */
  frequency: CountSpec['frequency'];
  severity: Severity;
  /**
   * The fitted severity's parameter uncertainty, drawn once per trial (engine/fit-draw.ts); null when the
   * severity carries none or simulation.parameterRisk.fitUncertainty is false.
   */
  fit: FitUncertainty | null;
  /** Regional cost level (1 = the severity as written): `severity` is the written one scaled by it. */
  costLevel: number;
  /** Fixed self-pay ratio, or null when it is Beta-distributed. */
  selfPayRatio: number | null;
  beta: { alpha: number; beta: number } | null;
  meanSelfPayRatio: number;
  compliantShare: number;
  /** Random compliant share per person, or null when it is fixed. */
  compliantBeta: { alpha: number; beta: number } | null;
  tags: string[];
  tagShares: Float64Array;
  extraEpisodes: number;
  /** P(k records) at [k] (claimants.ts, recordsPmf). */
  recordsPmf: Float64Array;
  /** P(tag mask m) at [m] (claimants.ts, maskPmf). */
  maskPmf: Float64Array;
  /** Share of the year's amount in the first record; NaN = all records equal. */
  firstShare: number;
  /** E[distinct months among the last m of k records] at [k · TABLE_STRIDE + m] (distinct-months.ts). */
  distinctMonths: Float64Array;
  months: number;
  /** Members with amount above `threshold` are sampled one by one. */
  threshold: number;
  /**
   * Per tag mask: the lowest amount any ruleset can pay a member with that mask (≥ threshold, the least of them).
   * Members of a mask between the two are counted but not drawn (engine/claimants.ts, thinning).
   */
  maskThreshold: Float64Array;
}

export interface RulesetModel {
  id: string;
  spec: Ruleset;
  /** Share of the annual amount the months in force see (rules/exposure.ts); money sums are multiplied by it. */
  exposure: number;
  basic: BasicLayer | null;
  selfBurden: Piecewise;
  /** schedules[p][mask]: the fast schedule for population p's tag combination `mask`. */
  schedules: FastSchedule[][];
  /** kernels[p][mask]: benefit as a function of the amount alone, where population p's shares are fixed (else null). */
  kernels: (AmountKernel[] | null)[];
  premium: number;
  premiumByPopulation: Float64Array;
  premiumChannels: PremiumChannel[];
  corridor: CorridorRule | null;
  alternatives: { id: string; rule: CorridorRule }[];
}

export interface EngineModel {
  scenario: Scenario;
  populations: PopulationModel[];
  rulesets: RulesetModel[];
  baseline: number;
  /** Per-trial shocks (random/shock.ts), or null when the scenario has no parameter risk. */
  parameterRisk: { cost: Shock | null; utilisation: Shock | null; shared: boolean } | null;
  /**
   * Year y > 1 of a multi-year run (engine/years.ts): each trial's cost index is the product of y − 1 growth
   * factors 1 + g, g ~ Normal(mean, sd), drawn from the trial's own trend stream (the same path for every year).
   */
  trend: { yearsAhead: number; mean: number; sd: number; pathSeed: string | number } | null;
}

export interface CompileOptions {
  /** Year of a multi-year run, 1 = the scenario's own year (default). */
  year?: number;
  /** Seed of the trend paths (the run's base seed, the same for every year). */
  pathSeed?: string | number;
}

const IDENTITY: Piecewise = { xs: [0], ys: [0], tail: 1 };

/**
 * Tail probability above the threshold t and the conditional means below it, for a severity (possibly scaled).
 * Each distinct curve's expectation is computed once: without a basic layer every ruleset's self-burden is the
 * amount itself, and under a cost shock this runs every trial for every population and tag mask (thinning.ts), with
 * limited expected values that are most of its cost.
 */
export function belowThreshold(severity: Severity, t: number, rulesetCurves: readonly Piecewise[]): BelowThreshold {
  const tailProb = Number.isFinite(t) ? severity.survival(t) : 0;
  const below = 1 - tailProb;
  const mean = (c: Piecewise) => (below > 0 ? expectationBelow(c, t, severity) / below : 0);
  const meanAmountBelow = mean(IDENTITY);
  const meanSelfBurdenBelow = new Float64Array(rulesetCurves.length);
  rulesetCurves.forEach((c, r) => {
    const same = sameCurve(c, IDENTITY) ? -2 : rulesetCurves.findIndex((d, i) => i < r && sameCurve(c, d));
    meanSelfBurdenBelow[r] = same === -2 ? meanAmountBelow : same >= 0 ? meanSelfBurdenBelow[same] : mean(c);
  });
  return { tailProb, meanAmountBelow, meanSelfBurdenBelow };
}

/** Whether two piecewise-linear curves are the same function as written (the same knots, values and tail slope). */
function sameCurve(a: Piecewise, b: Piecewise): boolean {
  if (a === b) return true;
  if (a.tail !== b.tail || a.xs.length !== b.xs.length) return false;
  for (let i = 0; i < a.xs.length; i++) if (a.xs[i] !== b.xs[i] || a.ys[i] !== b.ys[i]) return false;
  return true;
}

function trendOf(scenario: Scenario, year: number, pathSeed: string | number): EngineModel['trend'] {
  const t = scenario.simulation.trend;
  if (!t || year <= 1) return null;
  return { yearsAhead: year - 1, mean: t.costGrowth.mean.value, sd: t.costGrowth.sd.value, pathSeed };
}

function shockOf(s: { cv: { value: number }; distribution?: ShockFamily } | undefined): Shock | null {
  // A negligible spread is no shock (math/quadrature.ts NEGLIGIBLE_CV): the exact path and Monte Carlo both skip it.
  return s && !negligibleCv(s.cv.value) ? { family: s.distribution ?? 'lognormal', cv: s.cv.value } : null;
}

export function basicOf(r: Ruleset): BasicLayer | null {
  if (!r.basic) return null;
  return { deductible: r.basic.deductible.value, rate: r.basic.rate.value, cap: r.basic.cap?.value ?? Infinity };
}

/** Schedule of population p for a tag mask (bit i = the population's i-th tag). */
export function schedulesFor(r: Ruleset, tags: readonly string[]): FastSchedule[] {
  return tagCombinations(tags).map((combo) => compileFast(resolveSchedule(r, combo)));
}

/** E[g(X); X ≤ t] for a piecewise-linear g with g(0) = 0: E[g(X ∧ t)] − g(t) S(t). */
export function expectationBelow(g: Piecewise, t: number, sev: Severity): number {
  if (!Number.isFinite(t)) return expectation(g, (u) => sev.lev(u), sev.mean());
  const xs = g.xs.filter((x) => x < t);
  const truncated: Piecewise = { xs: [...xs, t], ys: [...xs.map((x) => evaluate(g, x)), evaluate(g, t)], tail: 0 };
  return expectation(truncated, (u) => sev.lev(u), sev.mean()) - evaluate(g, t) * sev.survival(t);
}

export function compileModel(scenario: Scenario, opts: CompileOptions = {}): EngineModel {
  // Schedules and basic layers act on the annual amount; a ruleset in force m < 12 months is applied through its
  // annual-amount form and its money sums scaled by m/12 (rules/exposure.ts).
  const annual = scenario.rulesets.map((r) => onAnnualAmounts(r));
  const rulesetBasics = annual.map(basicOf);
  const rulesetCurves = rulesetBasics.map(selfBurdenCurve);
  const months = Math.max(...scenario.rulesets.map((r) => r.funding.monthsInForce?.value ?? 12));
  // schedules[ruleset][population][mask], resolved once for the thresholds and the engine alike; populations with
  // the same tags share a ruleset's schedules (resolving one is decimal work: 16 populations × 12 rulesets took
  // a third of opening the largest valid file).
  const schedules = annual.map((r) => {
    const byTags = new Map<string, FastSchedule[]>();
    return scenario.populations.map((p) => {
      const tags = p.groups.map((g) => g.tag);
      const key = JSON.stringify(tags);
      let found = byTags.get(key);
      if (!found) byTags.set(key, (found = schedulesFor(r, tags)));
      return found;
    });
  });

  const fitOn = scenario.simulation.parameterRisk?.fitUncertainty ?? true;
  const populations = scenario.populations.map((p, pi): PopulationModel => {
    const costLevel = p.costLevel?.value ?? 1;
    const severity = scaled(severityOf(p.severity), costLevel);
    const sp = p.selfPay;
    const selfPayRatio = sp.ratio ? sp.ratio.value : null;
    const beta = sp.beta ? { alpha: sp.beta.alpha, beta: sp.beta.beta } : null;
    const maxRatio = selfPayRatio ?? 1;
    const compliantBeta = sp.compliantBeta ? { alpha: sp.compliantBeta.alpha, beta: sp.compliantBeta.beta } : null;
    const kappaMax = maxRatio * (compliantBeta ? 1 : sp.compliantShare.value);
    const tags = p.groups.map((g) => g.tag);
    // Lowest amount at which any track of any ruleset can pass its deductible, per tag combination and overall.
    const maskThreshold = new Float64Array(schedules[0]?.[pi].length ?? 1).fill(Infinity);
    scenario.rulesets.forEach((_, ri) => {
      schedules[ri][pi].forEach((f, m) => {
        for (let t = 0; t < f.nTracks; t++) {
          const base = baseCurve(f.base[t], rulesetCurves[ri], kappaMax);
          maskThreshold[m] = Math.min(maskThreshold[m], inverse(base, f.deductible[t]));
        }
      });
    });
    const threshold = Math.min(...maskThreshold);
    const below = belowThreshold(severity, threshold, rulesetCurves);
    const extra = p.episodes.extraMean.value;
    return {
      id: p.id,
      spec: p,
      insured: p.insured.value,
      incidence: p.incidence.value,
      frequency: { family: p.frequency?.family ?? 'binomial', cv: p.frequency?.family === 'negativeBinomial' ? p.frequency.cv.value : 0 },
      severity,
      fit: fitOn ? compileFit(p.severity) : null,
      costLevel,
      selfPayRatio,
      beta,
      meanSelfPayRatio: selfPayRatio ?? beta!.alpha / (beta!.alpha + beta!.beta),
      compliantShare: compliantBeta ? compliantBeta.alpha / (compliantBeta.alpha + compliantBeta.beta) : sp.compliantShare.value,
      compliantBeta,
      tags,
      tagShares: Float64Array.from(p.groups, (g) => g.share.value),
      extraEpisodes: extra,
      recordsPmf: recordsPmf(extra),
      maskPmf: maskPmf(Float64Array.from(p.groups, (g) => g.share.value)),
      firstShare: p.episodes.firstShare?.value ?? NaN,
      distinctMonths: distinctMonthsTable(months),
      months,
      threshold,
      maskThreshold,
      ...below,
    };
  });

  const rulesets = scenario.rulesets.map((r, ri): RulesetModel => {
    const channels = premiumChannels(r, scenario.populations);
    const premiumByPopulation = Float64Array.from(scenario.populations, (p) =>
      channels.filter((c) => c.population === p.id).reduce((s, c) => s + c.amount, 0),
    );
    // Engine-only tables, built on first use: the workbench compiles a model on every edit for the analytic
    // values and should not pay for them there.
    let kernels: (AmountKernel[] | null)[] | undefined;
    const buildKernels = () =>
      populations.map((pop, pi) => {
        if (rulesetBasics[ri] !== null || pop.selfPayRatio === null || pop.compliantBeta !== null) return null;
        const ks = schedules[ri][pi].map((f) => amountKernel(f, pop.selfPayRatio! * pop.compliantShare));
        return ks.every((k) => k !== null) ? (ks as AmountKernel[]) : null;
      });
    return {
      id: r.id,
      spec: r,
      exposure: exposureOf(r),
      basic: rulesetBasics[ri],
      selfBurden: rulesetCurves[ri],
      schedules: schedules[ri],
      get kernels() {
        return (kernels ??= buildKernels());
      },
      set kernels(value) {
        kernels = value;
      },
      premium: premiumByPopulation.reduce((s, x) => s + x, 0),
      premiumByPopulation,
      premiumChannels: channels,
      corridor: r.corridor ? corridorRule(r.corridor) : null,
      alternatives: r.corridor ? r.corridor.alternatives.map((a) => ({ id: a.id, rule: corridorRule(r.corridor!, a.tiers) })) : [],
    };
  });
  // Refuse what float64 cannot evaluate, naming the population (engine/numerics.ts).
  const numeric = populations.flatMap((pop, p) => severityProblems(pop.severity, p, pop.threshold, pop.tailProb));
  // An infinite mean (a tail index ≤ 1) is payable only under a cap: uncapped, the expected payout is infinite.
  populations.forEach((pop, p) => {
    if (Number.isFinite(pop.severity.mean())) return;
    const open = scenario.rulesets.find((r) => !r.cap && r.tracks.some((t) => !t.cap));
    if (open)
      numeric.push(
        problem(
          ['populations', p, 'severity'],
          `has an infinite mean (tail index ≤ 1) and ruleset "${open.id}" pays without a cap, so its expected payout is infinite: give the ruleset a cap or the tail an index above 1`,
        ),
      );
  });
  if (numeric.length) throw new ScenarioError(numeric);
  const baselineId = scenario.simulation.baseline ?? scenario.rulesets[0].id;
  const pr = scenario.simulation.parameterRisk;
  const cost = shockOf(pr?.costLevel);
  const utilisation = shockOf(pr?.utilisation);
  return {
    scenario,
    populations,
    rulesets,
    baseline: Math.max(
      0,
      rulesets.findIndex((r) => r.id === baselineId),
    ),
    parameterRisk: cost || utilisation ? { cost, utilisation, shared: pr?.shared ?? true } : null,
    trend: trendOf(scenario, opts.year ?? 1, opts.pathSeed ?? scenario.simulation.seed),
  };
}
