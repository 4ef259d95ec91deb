/**
 * Multi-year runs (`run --years N`): year y applies the scenario's trend (simulation.trend) to year 1 — funding
 * standards and budget lines × (1 + fundingGrowth)^(y−1), insured counts × (1 + insuredGrowth)^(y−1), and each
 * trial's cost index along its own path of yearly growth draws (engine/trial.ts costIndex) — and draws its claims
 * from a stream of its own. The fund's path is the running sum over years of what the corridor returns to the
 * fund less what the fund tops up, trial by trial, so its spread carries the paths' correlation. With
 * simulation.trend.incomeGrowth, incomes, the deductibles indexed to them and the poverty line grow too
 * (growIncome). Each year's household figures come from the year's own sample of members (householdOfYear).
 */
import { floatCorridor } from '../finance/corridor.ts';
import type { Scenario } from '../scenario/schema.ts';
import { distribution, type Distribution } from '../math/stats.ts';
import { LIMITS } from '../scenario/limits.ts';
import { reindexIncome, rulesetIndexed, type ShownIndexed } from '../scenario/income-index.ts';
import { scaled } from '../random/severity/scaled.ts';
import { householdRun, type HouseholdRun, type SampledFigures } from './household-sample.ts';
import { compileModel, type EngineModel } from './model.ts';
import { modelOf } from './validate-model.ts';
import { checkRunSize, runRaw, RunTooLargeError, type RawRun, type RunOptions } from './run.ts';
import { column, summarize, type RunResult } from './summary.ts';
import { COL } from './trial-columns.ts';

export const MAX_YEARS = 10;

export interface YearRuleset {
  id: string;
  premium: number;
  payout: { mean: number; se: number; p05: number; p50: number; p95: number };
  lossRatio: { mean: number; p05: number; p95: number; probAbove1: number };
  /** Set when the year has no premium (the loss ratio's figures are then NaN, null in JSON). */
  lossRatioReason?: 'no-premium';
  /** Σ over years so far of (returned to the fund − fund top-up), per trial: its distribution. */
  fundCumulative: Distribution | null;
  /**
   * The year's household figures over the populations with income (docs/model.md "Household"; null where none
   * has one), from the year's own sample of members (householdOfYear).
   */
  household?: SampledFigures | null;
  /** The year's indexed deductibles (scenario/income-index.ts), where the file indexes some. */
  indexedDeductibles?: ShownIndexed[];
}

export interface YearResult {
  year: number;
  rulesets: YearRuleset[];
}

/** The scenario as it stands in year y of a run (y = 1: unchanged). */
export function scenarioForYear(s: Scenario, y: number): Scenario {
  if (y <= 1) return s;
  const t = s.simulation.trend;
  const f = (1 + (t?.fundingGrowth?.value ?? 0)) ** (y - 1);
  const n = (1 + (t?.insuredGrowth?.value ?? 0)) ** (y - 1);
  const out = structuredClone(s);
  out.year = s.year + y - 1;
  for (const p of out.populations) p.insured = { ...p.insured, value: Math.round(p.insured.value * n) };
  for (const r of out.rulesets) {
    for (const c of r.funding.channels) {
      if (c.perInsured) c.perInsured = { ...c.perInsured, value: c.perInsured.value * f };
      if (c.total) c.total = { ...c.total, value: c.total.value * f };
    }
  }
  const g = t?.incomeGrowth?.value;
  if (g !== undefined) growIncome(out, s, g, y - 1);
  return out;
}

/**
 * Year 1 + k of the income trend (issue #33): incomes grow by (1 + g) a year. The income figures deductibles are
 * indexed to, and so those deductibles (share × figure × (1 + g)^k to the fen; seed 004 三(一) sets each year's
 * 起付标准 from the previous year's income), every income distribution (ln Y shifts by k·ln(1 + g), its spread
 * kept), and the poverty line: a 低保 standard is raised with living standards, and a line held fixed while
 * incomes grow would count fewer impoverished members for no change of policy.
 */
function growIncome(out: Scenario, s: Scenario, g: number, k: number): void {
  const dmu = k * Math.log1p(g);
  const shift = <T extends { mu: { value: number } }>(inc: T): T => ({ ...inc, mu: { ...inc.mu, value: inc.mu.value + dmu } });
  for (const p of out.populations) {
    if (p.income) p.income = shift(p.income);
    p.groups = p.groups.map((gr) => (gr.income ? { ...gr, income: shift(gr.income) } : gr));
  }
  const h = out.household;
  if (h) out.household = { ...h, povertyLine: { ...h.povertyLine, value: h.povertyLine.value * (1 + g) ** k } };
  reindexIncome(out, s, g, k);
}

/**
 * Every year of a multi-year run within the file format's limits and the run's work limits, checked before any
 * year is run: a trend compounds (insured × 2⁹ by year 10 at +100% a year), so a file valid in its own year
 * can ask for billions of insured or people drawn by its last. Each year is a run of its own, held to a run's limits.
 */
export function checkYearsSize(s: Scenario, years: number, trials: number, workers = 1): void {
  const costMean = s.simulation.trend?.costGrowth.mean.value ?? 0;
  // Year 1 is the scenario as written, which runRaw checks itself before it runs.
  const later = Array.from({ length: years - 1 }, (_, i) => scenarioForYear(s, i + 2));
  later.forEach((sy, k) => {
    const y = k + 2;
    const when = `in year ${y} of this run (${sy.year})`;
    const fewer = `lower simulation.trend.insuredGrowth or run fewer years (--years ${y - 1})`;
    let total = 0;
    sy.populations.forEach((p, i) => {
      total += p.insured.value;
      if (p.insured.value > LIMITS.insuredPerPopulation)
        throw new RunTooLargeError(
          `simulation.trend.insuredGrowth: ${when} populations[${i}] (${p.id}) would hold ${count(p.insured.value)} insured; ` +
            `the limit is ${count(LIMITS.insuredPerPopulation)} per population: ${fewer}`,
        );
    });
    if (total > LIMITS.insuredTotal)
      throw new RunTooLargeError(
        `simulation.trend.insuredGrowth: ${when} the populations would hold ${count(total)} insured together; the limit is ${count(LIMITS.insuredTotal)}: ${fewer}`,
      );
  });
  later.forEach((sy, k) => {
    const y = k + 2;
    try {
      checkRunSize(compileModel(sy, { year: y }), trials, workers, (1 + costMean) ** (y - 1));
    } catch (err) {
      if (!(err instanceof RunTooLargeError)) throw err;
      throw new RunTooLargeError(`year ${y} of this run (${sy.year}): ${err.message}, or run fewer years (--years ${y - 1})`);
    }
  });
}

const count = (n: number) =>
  n >= 1e9 ? `${(n / 1e9).toLocaleString('en', { maximumFractionDigits: 1 })} billion` : Math.round(n).toLocaleString('en');

/** Runs years 1..N; `firstYear`, when given, is year 1 already run with the same options (reused, not rerun). */
export async function runYears(
  s: Scenario,
  years: number,
  opts: RunOptions & {
    /** false: no yearly household sample (the workbench's years panel). */
    household?: boolean;
    /** Year 1's household figures already drawn with the run's seed (reused, as firstYear is). */
    firstHousehold?: HouseholdRun;
  } = {},
  firstYear?: RawRun,
): Promise<{ first: RunResult; years: YearResult[] }> {
  const seed = opts.seed ?? s.simulation.seed;
  const out: YearResult[] = [];
  let first: RunResult | null = null;
  let cumulative: Float64Array[] = [];
  for (let y = 1; y <= years; y++) {
    const sy = scenarioForYear(s, y);
    const raw = y === 1 && firstYear ? firstYear : await runRaw(sy, { ...opts, seed: yearSeed(seed, y), year: y, pathSeed: seed });
    const result = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
    const household =
      opts.household === false ? null : y === 1 && opts.firstHousehold ? opts.firstHousehold : householdOfYear(raw.model, raw.seed);
    const indexed = raw.model.rulesets.map((_, i) => rulesetIndexed(sy, i));
    if (y === 1) {
      first = result;
      cumulative = raw.model.rulesets.map(() => new Float64Array(raw.trials));
    }
    out.push({
      year: sy.year,
      rulesets: result.rulesets.map((r, i) => {
        const rule = raw.model.rulesets[i].corridor;
        let fundCumulative: Distribution | null = null;
        if (rule) {
          const payout = column(raw.model, raw.data, raw.trials, i, -1, COL.payout);
          const acc = cumulative[i];
          for (let t = 0; t < raw.trials; t++) {
            const split = floatCorridor(rule, r.premium, payout[t]);
            acc[t] += split.fundReturn - split.fundTopUp;
          }
          fundCumulative = distribution(Float64Array.from(acc));
        }
        return {
          id: r.id,
          premium: r.premium,
          payout: { mean: r.payout.mean, se: r.payout.se, p05: r.payout.p05, p50: r.payout.p50, p95: r.payout.p95 },
          lossRatio: { mean: r.lossRatio.mean, p05: r.lossRatio.p05, p95: r.lossRatio.p95, probAbove1: r.lossRatio.probAbove1 },
          ...(r.lossRatioReason ? { lossRatioReason: r.lossRatioReason } : {}),
          fundCumulative,
          ...(household ? { household: household.rulesets[i].total } : {}),
          ...(indexed[i].length ? { indexedDeductibles: indexed[i] } : {}),
        };
      }),
    });
  }
  return { first: first!, years: out };
}

/** The seed of year y's run in a multi-year run with base seed `seed` (year 1: the run's own). */
export const yearSeed = (seed: string | number, y: number): string | number => (y === 1 ? seed : `${seed}/year-${y}`);

/**
 * The household figures of years 1..N of a multi-year run without its trials: each year's model and seed as runYears
 * builds them (runRaw: year 1 the scenario's own model, later years compiled for the year on the base seed's trend
 * paths), so a year's figures equal `run --years`'s. The workbench's years panel computes them in a worker
 * (ui/years-household-worker.ts): 0.1–0.3 s a year is longer than the page's thread may be held. Null per year
 * where no population has an income.
 */
export function householdOfYears(
  s: Scenario,
  years: number,
  seed: string | number = s.simulation.seed,
): { year: number; rulesets: (SampledFigures | null)[] }[] {
  const out: { year: number; rulesets: (SampledFigures | null)[] }[] = [];
  for (let y = 1; y <= years; y++) {
    const sy = scenarioForYear(s, y);
    const model = y > 1 ? compileModel(sy, { year: y, pathSeed: seed }) : modelOf(sy);
    // A ruleset's total is null where no population has an income (household-sample.ts), as in runYears.
    out.push({ year: sy.year, rulesets: householdOfYear(model, yearSeed(seed, y)).rulesets.map((r) => r.total) });
  }
  return out;
}

/**
 * The household figures of one year of a multi-year run (issue #33): the household module's own sample of members
 * (engine/household-sample.ts, outside the trials) on the year's model — its incomes, poverty line and indexed
 * deductibles already grown (scenarioForYear) — with every cost at the trend's mean index (1 + mean)^(y−1), the
 * index the analytic mean of a sure trend takes (engine/analytic.ts). The spread of the trend's path (its sd) is
 * not drawn here: the figures are the household expectation at the mean path. The seed is the year's own run seed
 * (year 1: the run's, so its figures equal the run's household keys).
 */
export function householdOfYear(model: EngineModel, seed: string | number): HouseholdRun {
  const t = model.trend;
  const index = t ? (1 + t.mean) ** t.yearsAhead : 1;
  const m = index === 1 ? model : { ...model, populations: model.populations.map((p) => ({ ...p, severity: scaled(p.severity, index) })) };
  return householdRun(m, seed);
}
