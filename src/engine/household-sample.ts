/**
 * The household indicators by Monte Carlo (`run`, engine/household.ts): per population, its own seeded sample of
 * members with cost (stream `household` of the run's seed, random/stream.ts), each with an annual amount (times a
 * drawn cost-level shock where the file has one), tags, self-pay shares and an income; every ruleset settles the
 * same members (common random numbers), so a proposal's difference from the baseline is paired, with its own
 * standard error. A share of all insured members is the claimant share q = E[claimants]/insured times the sample
 * mean, its standard error q·sd/√n. Outside the trial loop: the trials' payouts are untouched.
 *
 * Income under a rank correlation (engine/household.ts, the copula's rule): the member's normal score
 * z = Φ⁻¹(U) of the amount drawn before the cost-level shock (U its distributional transform: rank-score.ts), and ln Y = μ + σ(ρz + √(1 − ρ²)·ε) with the same
 * one normal draw ε as without it, so every ruleset still settles the same members and, with no correlation, the
 * draws and figures are those of independence, bit for bit.
 */
import { rankScore } from './rank-score.ts';
import { normalZiggurat } from '../random/normal.ts';
import { betaSample } from '../random/severity/gamma.ts';
import { drawShock } from '../random/shock.ts';
import { unscaled } from '../random/severity/scaled.ts';
import { trialStream } from '../random/stream.ts';
import {
  CATASTROPHIC_SHARES,
  combineFigures,
  ctpShareOf,
  expectedClaimants,
  hasIncome,
  incomeOf,
  povertyLineOf,
  type HouseholdFigures,
  type HouseholdReason,
} from './household.ts';
import { chainOf, memberYearInto, type Chain } from './household-chain.ts';
import type { EngineModel } from './model.ts';

export const DEFAULT_HOUSEHOLD_MEMBERS = 20_000;

export interface Interval {
  se: number;
  lo95: number;
  hi95: number;
}
export interface DiffInterval extends Interval {
  mean: number;
}
type Head = 'outOfPocket' | 'catastrophic10' | 'catastrophic25' | 'catastrophicCtp40' | 'impoverished';
export type HouseholdIntervals = Record<Head, Interval | null>;
export type HouseholdDiff = Record<Head, DiffInterval | null>;

export interface SampledFigures extends HouseholdFigures {
  intervals: HouseholdIntervals;
}
export interface SampledPopulation extends SampledFigures {
  /** Members with cost drawn. */
  sample: number;
  groups: (SampledFigures & { tag: string })[];
}

// Per-member values: out-of-pocket, catastrophic at 10% and 25%, impoverished (0/1), cost, basic, critical
// illness, assistance (the ceiling's part included), catastrophic at 40% of capacity to pay (0/1), the ceiling's part.
const K = 10;
const HEAD = ['outOfPocket', 'catastrophic10', 'catastrophic25', 'catastrophicCtp40', 'impoverished'] as const;
const SHARES: ReadonlySet<string> = new Set(['catastrophic10', 'catastrophic25', 'catastrophicCtp40']);

class Moments {
  n = 0;
  sum = new Float64Array(K);
  sq = new Float64Array(K);
  add(v: Float64Array) {
    this.n++;
    for (let k = 0; k < K; k++) {
      this.sum[k] += v[k];
      this.sq[k] += v[k] * v[k];
    }
  }
  mean(k: number) {
    return this.n ? this.sum[k] / this.n : 0;
  }
  se(k: number) {
    if (this.n < 2) return 0;
    const m = this.mean(k);
    return Math.sqrt(Math.max(0, (this.sq[k] / this.n - m * m) / (this.n - 1)));
  }
}

const interval = (mean: number, se: number): Interval => ({ se, lo95: mean - 1.96 * se, hi95: mean + 1.96 * se });

/** Figures of members counted `members` (insured), of whom `claimants` have cost, from their sample moments. */
function figuresOf(m: Moments, insured: number, claimants: number, line: number | null, ctp: number | null): SampledFigures {
  const q = insured > 0 ? claimants / insured : 0;
  const total = (k: number) => claimants * m.mean(k);
  const share = (k: number) => q * m.mean(k);
  const cost = total(4);
  const basic = total(5);
  const burden = cost - basic;
  const imp = line === null ? null : total(3);
  return {
    insured,
    outOfPocket: total(0),
    catastrophic10: share(1),
    catastrophic25: share(2),
    catastrophicCtp40: ctp === null ? null : share(8),
    ...(ctp === null ? { catastrophicCtp40Reason: 'no-spending' as const } : {}),
    impoverished: imp,
    ...(line === null ? { impoverishedReason: 'no-poverty-line' as const } : {}),
    layers: { cost, basic, criticalIllness: total(6), assistance: total(7), ceiling: total(9), outOfPocket: total(0) },
    burdenReduction: { criticalIllness: burden > 0 ? total(6) / burden : null, assistance: burden > 0 ? total(7) / burden : null },
    intervals: {
      outOfPocket: interval(total(0), claimants * m.se(0)),
      catastrophic10: interval(share(1), q * m.se(1)),
      catastrophic25: interval(share(2), q * m.se(2)),
      catastrophicCtp40: ctp === null ? null : interval(share(8), q * m.se(8)),
      impoverished: line === null ? null : interval(total(3), claimants * m.se(3)),
    },
  };
}

function diffOf(m: Moments, insured: number, claimants: number, line: number | null, ctp: number | null): HouseholdDiff {
  const q = insured > 0 ? claimants / insured : 0;
  const d = (k: number, scale: number): DiffInterval => ({ mean: scale * m.mean(k), ...interval(scale * m.mean(k), scale * m.se(k)) });
  return {
    outOfPocket: d(0, claimants),
    catastrophic10: d(1, q),
    catastrophic25: d(2, q),
    catastrophicCtp40: ctp === null ? null : d(8, q),
    impoverished: line === null ? null : d(3, claimants),
  };
}

export type SampledResult =
  | { id: string; household: SampledPopulation; householdReason?: undefined }
  | { id: string; household: null; householdReason: HouseholdReason };

export interface HouseholdRun {
  /** Per ruleset: per population, and the total over populations with income. */
  rulesets: { id: string; populations: SampledResult[]; total: SampledFigures | null }[];
  /** Per ruleset other than the baseline: its paired difference from the baseline, per population and in total. */
  comparisons: { a: string; b: string; populations: { id: string; diff: HouseholdDiff }[]; total: HouseholdDiff | null }[];
}

/** The household indicators of every ruleset from one sample of members per population. */
export function householdRun(model: EngineModel, seed: string | number, baseline = model.baseline): HouseholdRun {
  const R = model.rulesets.length;
  const B = baseline;
  const line = povertyLineOf(model);
  const n = model.scenario.household?.members ?? DEFAULT_HOUSEHOLD_MEMBERS;
  const perPop = model.populations.map((pop, p) => {
    if (!hasIncome(pop)) return null;
    const rng = trialStream(seed, p, 'household');
    const claimants = expectedClaimants(model, p);
    const all = Array.from({ length: R }, () => new Moments());
    const tagged = Array.from({ length: R }, () => pop.tags.map(() => new Moments()));
    const diffs = Array.from({ length: R }, () => new Moments());
    const chains = new Map<number, Chain[]>();
    const vals = Array.from({ length: R }, () => new Float64Array(K));
    const d = new Float64Array(K);
    const one = new Float64Array(6);
    const ctp = ctpShareOf(pop);
    const cost = model.parameterRisk?.cost ?? null;
    const sevBase = unscaled(pop.severity);
    for (let i = 0; i < n; i++) {
      // Drawn on the base severity and scaled (as ScaledSeverity.sample does), so that the copula ranks the base draw
      // itself (rank-score.ts): an empirical table's atom found again exactly, whatever the cost level.
      const xb = sevBase.base.sample(rng);
      const x0 = sevBase.c === 1 ? xb : sevBase.c * xb;
      const x = x0 * (cost ? drawShock(rng, cost) : 1);
      let mask = 0;
      for (let t = 0; t < pop.tags.length; t++) if (rng.uniform() < pop.tagShares[t]) mask |= 1 << t;
      const ratio = pop.selfPayRatio ?? betaSample(rng, pop.beta!.alpha, pop.beta!.beta);
      const compliant = pop.compliantBeta ? betaSample(rng, pop.compliantBeta.alpha, pop.compliantBeta.beta) : pop.compliantShare;
      const inc = incomeOf(pop, mask)!;
      const rho = inc.rho ?? 0;
      const y =
        rho === 0
          ? Math.exp(inc.mu + inc.sigma * normalZiggurat(rng))
          : Math.exp(inc.mu + inc.sigma * (rho * rankScore(sevBase.base, xb, rng) + Math.sqrt(1 - rho * rho) * normalZiggurat(rng)));
      let ch = chains.get(mask);
      if (!ch) chains.set(mask, (ch = model.rulesets.map((_, ri) => chainOf(model, ri, p, mask))));
      for (let ri = 0; ri < R; ri++) {
        memberYearInto(ch[ri], x, ratio, compliant, y, one);
        const v = vals[ri];
        const oop = one[0];
        v[0] = oop;
        v[1] = oop > CATASTROPHIC_SHARES[0] * y ? 1 : 0;
        v[2] = oop > CATASTROPHIC_SHARES[1] * y ? 1 : 0;
        v[3] = line !== null && y >= line && y - oop < line ? 1 : 0;
        v[4] = one[1];
        v[5] = one[2];
        v[6] = one[3];
        v[7] = one[4];
        v[8] = ctp !== null && oop > ctp * y ? 1 : 0;
        v[9] = one[5];
        all[ri].add(v);
        for (let t = 0; t < pop.tags.length; t++) if (mask & (1 << t)) tagged[ri][t].add(v);
      }
      for (let ri = 0; ri < R; ri++) {
        for (let k = 0; k < K; k++) d[k] = vals[ri][k] - vals[B][k];
        diffs[ri].add(d);
      }
    }
    return { pop, claimants, all, tagged, diffs, ctp };
  });
  const rulesets = model.rulesets.map((r, ri) => {
    const populations = model.populations.map((pop, p): SampledResult => {
      const s = perPop[p];
      if (!s) return { id: pop.id, household: null, householdReason: 'no-income' };
      const groups = pop.tags.map((tag, t) => {
        const m = s.tagged[ri][t];
        // The group's members with cost: its share of the claimants (tags are drawn independently of cost).
        return { tag, ...figuresOf(m, pop.insured * pop.tagShares[t], s.claimants * pop.tagShares[t], line, s.ctp) };
      });
      return { id: pop.id, household: { ...figuresOf(s.all[ri], pop.insured, s.claimants, line, s.ctp), sample: n, groups } };
    });
    const withIncome = populations.flatMap((x) => (x.household ? [x.household] : []));
    return { id: r.id, populations, total: totalOf(withIncome) };
  });
  const comparisons = model.rulesets.flatMap((r, ri) => {
    if (ri === B) return [];
    const pops = model.populations.flatMap((pop, p) => {
      const s = perPop[p];
      return s ? [{ id: pop.id, diff: diffOf(s.diffs[ri], pop.insured, s.claimants, line, s.ctp), insured: pop.insured }] : [];
    });
    return [{ a: model.rulesets[B].id, b: r.id, populations: pops.map(({ id, diff }) => ({ id, diff })), total: totalDiff(pops) }];
  });
  return { rulesets, comparisons };
}

/** Independent samples per population: totals add, and so do their variances. */
function totalOf(parts: SampledFigures[]): SampledFigures | null {
  const base = combineFigures(parts);
  if (!base) return null;
  const insured = base.insured;
  const comb = (key: (typeof HEAD)[number], mean: number | null, asShare: boolean): Interval | null => {
    if (mean === null || parts.some((x) => x.intervals[key] === null)) return null;
    const w = (x: SampledFigures) => (asShare ? (insured > 0 ? x.insured / insured : 0) : 1);
    const se = Math.sqrt(parts.reduce((s, x) => s + (w(x) * x.intervals[key]!.se) ** 2, 0));
    return interval(mean, se);
  };
  return {
    ...base,
    intervals: {
      outOfPocket: comb('outOfPocket', base.outOfPocket, false),
      catastrophic10: comb('catastrophic10', base.catastrophic10, true),
      catastrophic25: comb('catastrophic25', base.catastrophic25, true),
      catastrophicCtp40: comb('catastrophicCtp40', base.catastrophicCtp40, true),
      impoverished: comb('impoverished', base.impoverished, false),
    },
  };
}

function totalDiff(parts: { diff: HouseholdDiff; insured: number }[]): HouseholdDiff | null {
  if (!parts.length) return null;
  const insured = parts.reduce((s, x) => s + x.insured, 0);
  const out = {} as HouseholdDiff;
  for (const key of HEAD) {
    if (parts.some((x) => x.diff[key] === null)) {
      out[key] = null;
      continue;
    }
    const share = SHARES.has(key);
    const w = (x: { insured: number }) => (share ? (insured > 0 ? x.insured / insured : 0) : 1);
    const mean = parts.reduce((s, x) => s + w(x) * x.diff[key]!.mean, 0);
    const se = Math.sqrt(parts.reduce((s, x) => s + (w(x) * x.diff[key]!.se) ** 2, 0));
    out[key] = { mean, ...interval(mean, se) };
  }
  return out;
}

/**
 * A run's result with the household keys added (`run --json`; docs/model.md "Outputs"): per ruleset `household`
 * (the total over the populations with income, null without), per population `household` (null with
 * `householdReason`), and per comparison `household` (the paired differences, per population and in total).
 */
export function withHousehold<
  T extends { rulesets: { id: string; populations: { id: string }[] }[]; comparisons: { a: string; b: string }[] },
>(result: T, hh: HouseholdRun) {
  return {
    ...result,
    rulesets: result.rulesets.map((r, ri) => ({
      ...r,
      household: hh.rulesets[ri].total,
      populations: r.populations.map((p, pi) => {
        const x = hh.rulesets[ri].populations[pi];
        return { ...p, household: x.household, ...(x.householdReason ? { householdReason: x.householdReason } : {}) };
      }),
    })),
    comparisons: result.comparisons.map((c) => {
      const x = hh.comparisons.find((h) => h.a === c.a && h.b === c.b);
      return { ...c, household: x ? { populations: x.populations, total: x.total } : null };
    }),
  };
}
