/**
 * From per-trial values to the result object of docs/model.md "Outputs" (the keys of `run --json` are a contract).
 * Totals per ruleset are sums over populations per trial; ratios are ratios of expected totals.
 */
import { insurerResult } from '../finance/insurer-result.ts';
import { saidIn } from '../scenario/param.ts';
import { mcMetric, metricDef, metricWhy } from './metrics.ts';
import type { CorridorRule } from '../finance/corridor.ts';
import { corridorExpectation } from '../finance/corridor-expectation.ts';
import { cashTable, otherQuarterlyReading } from '../finance/transfers.ts';
import { quantileSorted } from 'd3-array';
import type { AnalyticRuleset, AnalyticValues } from './analytic.ts';
import type { EngineModel } from './model.ts';
import { distribution, mean, probabilityAbove, sd } from '../math/stats.ts';
import { metricsOf, rowOffset } from './trial.ts';
import { COL } from './trial-columns.ts';
import { runRatios } from './ratios.ts';
import { groupBurdenReductionRate } from './group-rates.ts';
import { monotoneInLnCost } from '../math/interpolate.ts';

export type { Comparison, CorridorSummary, MetricsSummary, RiskSplit, RulesetSummary, RunResult, TargetCheck } from './summary-types.ts';
import type { Comparison, CorridorSummary, MetricsSummary, RiskSplit, RulesetSummary, RunResult, TargetCheck } from './summary-types.ts';

function interval(diffs: Float64Array) {
  const m = mean(diffs);
  const se = sd(diffs, m) / Math.sqrt(diffs.length);
  return { mean: m, se, lo95: m - 1.959963984540054 * se, hi95: m + 1.959963984540054 * se };
}

/** The corridor over the trials, each of weight 1 (finance/corridor-expectation.ts), with the insurer's distribution. */
function corridorSummary(rule: CorridorRule, premium: number, payout: Float64Array): CorridorSummary {
  const insurer = new Float64Array(payout.length);
  const e = corridorExpectation(rule, premium, { values: payout, total: payout.length }, insurer);
  // The insurer's distribution sits after the means (the key order of `run --json`).
  const { probInsurerLoss, tierProbabilities, ...means } = e;
  return { ...means, insurer: distribution(insurer), probInsurerLoss, tierProbabilities };
}

/** Column of one metric over trials for ruleset r and population p (p = -1: all populations summed). */
export function column(model: EngineModel, data: Float64Array, trials: number, r: number, p: number, metric: number): Float64Array {
  const out = new Float64Array(trials);
  const step = rowOffset(model, 1, 0, 0);
  const first = rowOffset(model, 0, r, p) + metric;
  for (let t = 0, o = first; t < trials; t++, o += step) out[t] = data[o];
  return out;
}

/** Every figure's column for ruleset r and population p (−1: summed) in one pass over the trials. */
export function columns(model: EngineModel, data: Float64Array, trials: number, r: number, p: number): Float64Array[] {
  const M = metricsOf(model);
  const flat = new Float64Array(M * trials);
  const step = rowOffset(model, 1, 0, 0);
  const first = rowOffset(model, 0, r, p);
  for (let t = 0, o = first; t < trials; t++, o += step) for (let k = 0; k < M; k++) flat[k * trials + t] = data[o + k];
  return Array.from({ length: M }, (_, k) => flat.subarray(k * trials, (k + 1) * trials));
}

function metrics(
  model: EngineModel,
  data: Float64Array,
  trials: number,
  r: number,
  p: number,
  analytic: AnalyticValues,
  withCorridor: boolean,
): MetricsSummary {
  const cols = columns(model, data, trials, r, p);
  const col = (m: number) => cols[m];
  const rs = model.rulesets[r];
  const payout = col(COL.payout);
  const premium = p >= 0 ? rs.premiumByPopulation[p] : rs.premium;
  const lr = premium > 0 ? payout.map((x) => x / premium) : payout.map(() => NaN);
  const lrSorted = Float64Array.from(lr).sort();
  const payoutDist = distribution(payout);
  // A payout that cannot be computed (a non-finite draw) makes every figure built on it unknown, never 0%.
  const known = payout.every(Number.isFinite);
  const ben = mean(col(COL.beneficiaries));
  const corridor =
    withCorridor && rs.corridor
      ? {
          ...corridorSummary(rs.corridor, premium, payout),
          alternatives: rs.alternatives.map((a) => ({ id: a.id, ...corridorSummary(a.rule, premium, payout) })),
        }
      : null;
  return {
    id: p >= 0 ? model.populations[p].id : rs.id,
    premium,
    payout: payoutDist,
    analyticMean: analytic.payout,
    lossRatio: {
      mean: mean(lr),
      p05: quantileSorted(lrSorted as unknown as number[], 0.05) ?? NaN,
      p95: quantileSorted(lrSorted as unknown as number[], 0.95) ?? NaN,
      // No premium, no loss ratio: neither its probability above 100% (every trial's ratio is NaN, never above).
      probAbove1: known && premium > 0 ? probabilityAbove(lr, 1) : NaN,
      sd: sd(lr),
    },
    // JSON writes the NaN figures as null; this key (added, issue #30) says why.
    ...(premium > 0 ? {} : { lossRatioReason: 'no-premium' as const }),
    beneficiaries: { mean: ben, analytic: analytic.beneficiaries },
    personTimes: { mean: mean(col(COL.personTimes)) },
    averageBenefit: ben > 0 ? payoutDist.mean / ben : 0,
    ...runRatios(
      (c) => (c === 'payout' ? payoutDist.mean : mean(col(COL[c]))),
      known,
      rs.spec.policyRangeDeduction ? rs.spec.policyRangeDeduction.value * rs.exposure : null,
    ),
    claimants: { mean: mean(col(COL.claimants)), sampledMean: mean(col(COL.sampled)) },
    corridor,
  };
}

export interface SummaryOptions {
  /**
   * Per-population figures and the risk split too (default); a progress view may ask for the rulesets' totals
   * only, which costs a fraction.
   */
  populations?: boolean;
}

/**
 * The summary, one (ruleset, population) unit at a time: `summarize` runs it through; the workbench drives it
 * with a pause whenever a slice of time is used up (summarizeInSlices), so a large run never blocks the page.
 */
export function* summarySteps(
  model: EngineModel,
  data: Float64Array,
  trials: number,
  seed: string | number,
  analytic: AnalyticRuleset[],
  opts: SummaryOptions = {},
): Generator<void, RunResult> {
  const rulesets: RulesetSummary[] = [];
  for (let r = 0; r < model.rulesets.length; r++) {
    const rs = model.rulesets[r];
    const total = metrics(model, data, trials, r, -1, analytic[r], true);
    yield;
    const operatingCost = (rs.spec.funding.operatingCostRate?.value ?? 0) * rs.premium;
    const c = total.corridor;
    const risk = opts.populations === false ? null : riskSplit(model, data, trials, r, analytic[r], total.payout.sd);
    const populations: MetricsSummary[] = [];
    if (opts.populations !== false) {
      for (let p = 0; p < model.populations.length; p++) {
        populations.push(metrics(model, data, trials, r, p, analytic[r].populations[p], false));
        yield;
      }
    }
    // The month-by-month cash of the file's transfer reading, and of the other where quarterly transfers have one.
    const cash = [rs.spec, rs.premium, total.payout.mean, c?.fundReturnMean ?? 0, c?.fundTopUpMean ?? 0] as const;
    const cashflow = cashTable(...cash);
    rulesets.push({
      ...total,
      title: rs.spec.title,
      risk,
      premiumChannels: rs.premiumChannels,
      populations,
      finance: {
        operatingCost,
        insurerNetMean: c ? c.insurerMean - operatingCost : null,
        cashflow,
        cashflowOtherReading: otherQuarterlyReading(...cash, cashflow),
      },
      insurerResult: insurerResult({
        premium: rs.premium,
        claims: total.payout.mean,
        split: c,
        rule: rs.corridor,
        operatingCostRate: rs.spec.funding.operatingCostRate?.value ?? 0,
      }),
    });
  }
  const comparisons = comparisonsAgainst(model, data, trials, model.baseline);
  const warnings = fitWarnings(model, data, trials);
  return {
    scenario: model.scenario.id,
    title: model.scenario.title,
    trials,
    seed,
    rulesets,
    comparisons,
    targets: targetChecks(model, rulesets, analytic),
    ...(warnings.length ? { warnings } : {}),
  };
}

export function summarize(
  model: EngineModel,
  data: Float64Array,
  trials: number,
  seed: string | number,
  analytic: AnalyticRuleset[],
  opts: SummaryOptions = {},
): RunResult {
  const steps = summarySteps(model, data, trials, seed, analytic, opts);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The same summary, pausing (a macrotask) whenever `sliceMs` of work is done: no long task on the page. */
export async function summarizeInSlices(
  model: EngineModel,
  data: Float64Array,
  trials: number,
  seed: string | number,
  analytic: AnalyticRuleset[],
  opts: SummaryOptions = {},
  sliceMs = 30,
): Promise<RunResult> {
  const steps = summarySteps(model, data, trials, seed, analytic, opts);
  let start = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (performance.now() - start > sliceMs) {
      await new Promise((r) => setTimeout(r, 0));
      start = performance.now();
    }
  }
}

function riskSplit(
  model: EngineModel,
  data: Float64Array,
  trials: number,
  r: number,
  a: AnalyticRuleset,
  totalSd: number,
): RiskSplit | null {
  const parameterSd = a.payoutParameterSd;
  if (parameterSd === null || a.payout === null) return null;
  const P = model.populations.length;
  const payout = column(model, data, trials, r, -1, COL.payout);
  const pops = model.populations.map((pop, p) => ({
    cost: column(model, data, trials, r, p, COL.costShock),
    utilisation: column(model, data, trials, r, p, COL.utilisationShock),
    m: a.conditional ? monotoneInLnCost(a.conditional.lnCost, a.conditional.payout[p]) : () => a.populations[p].payout as number,
    fitted: pop.fit !== null ? column(model, data, trials, r, p, COL.fitPayout) : null,
  }));
  const fitted = pops.some((x) => x.fitted !== null);
  let processVar = 0;
  const d = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let conditionalMean = 0;
    for (let p = 0; p < P; p++) {
      const x = pops[p];
      const atEstimate = x.utilisation[t] * x.m(Math.log(x.cost[t]));
      if (x.fitted === null) conditionalMean += atEstimate;
      else {
        conditionalMean += x.fitted[t];
        d[t] += x.fitted[t] - atEstimate;
      }
    }
    processVar += (payout[t] - conditionalMean) ** 2;
  }
  processVar /= Math.max(1, trials - 1);
  const fitVar = fitted && trials > 1 ? sd(d) ** 2 : 0;
  const total = processVar + parameterSd ** 2 + fitVar;
  return {
    totalSd,
    parameterSd,
    processSd: Math.sqrt(processVar),
    parameterShare: total > 0 ? parameterSd ** 2 / total : 0,
    fitSd: Math.sqrt(fitVar),
    fitShare: total > 0 ? fitVar / total : 0,
  };
}

/**
 * Populations whose fitted parameters had to be clamped into the family's valid region in some trials
 * (engine/fit-draw.ts), as warnings: the draws there are not from Normal(estimate, covariance).
 */
export function fitWarnings(model: EngineModel, data: Float64Array, trials: number): string[] {
  return model.populations.flatMap((pop, p) => {
    if (!pop.fit || !model.rulesets.length) return [];
    const clamped = column(model, data, trials, 0, p, COL.fitClamped).reduce((s, x) => s + x, 0);
    if (clamped === 0) return [];
    return [
      `populations[${p}] (${pop.id}): in ${clamped} of ${trials} trials every draw of the severity's parameters (${pop.fit.names.join(', ')}) left the family's valid region, and the last one was clamped into it: the covariance is too wide for its estimates`,
    ];
  });
}

/** Paired differences of every other ruleset against ruleset `a`, trial by trial (common random numbers). */
export function comparisonsAgainst(model: EngineModel, data: Float64Array, trials: number, a: number): Comparison[] {
  const pa = column(model, data, trials, a, -1, COL.payout);
  const ba = column(model, data, trials, a, -1, COL.beneficiaries);
  const premA = model.rulesets[a].premium;
  return model.rulesets
    .map((_, b) => b)
    .filter((b) => b !== a)
    .map((b): Comparison => {
      const pb = column(model, data, trials, b, -1, COL.payout);
      const bb = column(model, data, trials, b, -1, COL.beneficiaries);
      const premB = model.rulesets[b].premium;
      // Either ruleset without a premium: the difference of loss ratios is not a number (null in JSON, with the reason).
      const priced = premA > 0 && premB > 0;
      const lossRatioDiff = priced ? interval(pb.map((x, i) => x / premB - pa[i] / premA)) : { mean: NaN, lo95: NaN, hi95: NaN };
      const beneficiariesDiff = interval(bb.map((x, i) => x - ba[i]));
      return {
        a: model.rulesets[a].id,
        b: model.rulesets[b].id,
        payoutDiff: interval(pb.map((x, i) => x - pa[i])),
        lossRatioDiff: { mean: lossRatioDiff.mean, lo95: lossRatioDiff.lo95, hi95: lossRatioDiff.hi95 },
        ...(priced ? {} : { lossRatioDiffReason: 'no-premium' as const }),
        beneficiariesDiff: { mean: beneficiariesDiff.mean, lo95: beneficiariesDiff.lo95, hi95: beneficiariesDiff.hi95 },
      };
    });
}

/** Modelled beside target for every target of the scenario (e.g. seed 000's 2021 figures). */
export function targetChecks(model: EngineModel, rulesets: RulesetSummary[], analytic: AnalyticRuleset[]): TargetCheck[] {
  return model.scenario.targets.map((t) => {
    const rs = rulesets.find((r) => r.id === (t.ruleset ?? rulesets[model.baseline].id)) ?? rulesets[0];
    const m = t.population ? rs.populations.find((p) => p.id === t.population) : rs;
    // A figure that is not a number (a loss ratio without premium) is null beside its target, with the reason.
    const why = m ? metricWhy(t.metric, m.premium) : null;
    // A group's rate (seed 000's 实时救助人员个人现金减负率) is the expected value over the group's members
    // (group-rates.ts); the run has no per-group columns.
    const a = analytic.find((x) => x.id === rs.id);
    const value = t.group
      ? a
        ? groupBurdenReductionRate(a, t.group, t.population ?? null)
        : null
      : m && !why && metricDef(t.metric).monteCarlo
        ? mcMetric(m, t.metric, 1).value
        : null;
    const modelled = value !== null && Number.isFinite(value) ? value : null;
    return {
      metric: t.metric,
      population: t.population ?? null,
      ...(t.group ? { group: t.group } : {}),
      ruleset: rs.id,
      target: t.value,
      modelled,
      ...(why ? { modelledReason: why } : {}),
      relativeError: modelled === null || t.value === 0 ? null : modelled / t.value - 1,
      // The --json contract's `source` is a string: a bilingual text gives its English side.
      source: saidIn(t.source, 'en'),
      ...(t.conflict ? { conflict: t.conflict } : {}),
    };
  });
}
