/**
 * City-level pooling of the basic funds (seed 003 三(三) 建立基金分担机制), year by year over several regions:
 *  1. the employees' and the residents' funds are kept apart (职工医保 and 居民医保 are two funds): a region's gap
 *     is the sum of each fund's own gap (expenditure above revenue), never netted against the other fund's surplus
 *     of the same year; it is met from the region's accumulated balance, then its risk reserve
 *     (由当地使用留存当地的基本医疗保险基金累计结余、医疗风险准备金先行予以弥补);
 *  2. the city pooling fund makes up the rest (由市财政局通过市级医保统筹基金补足), and the region repays 20% of the
 *     employees' fund's actual gap in what the city made up (当地按职工医疗保险实际缺口的20%上缴市级财政; the
 *     city's part is attributed to the two funds in proportion to their own gaps, an assumption where the text
 *     is silent);
 *  3. the city pool cannot lend what it has not got: when it runs out, the rest of the gap is uncovered, an event
 *     counted with its probability and amount (policy must then change, like the alarm), never a negative pool;
 *  4. a fund's surplus adds to the region's balance after the year's gaps (the file has one balance per region);
 *  5. a region that falls short of its revenue plan (revenueShortfall) makes a management gap (管理性基金缺口): its
 *     own funds meet it first and the rest is the local government's to make up (由当地负责补足), never the city
 *     pool's, which covers the gap of a region that met its plan (完成年度…收支计划的);
 *  6. a pool paid up from the regions' 2019 balances (cityPoolFromBalances) is taken out of them, counted once.
 * The reward for over-collection (超额完成…由市政府给予奖励) has no figure (考核奖惩办法另行制定): not modelled.
 * Reserve months of the city = (balances + reserves + pool) ÷ monthly expenditure; below 6 months policy must be
 * adjusted (the alarm). Expenditure is lognormal around its expected path (mean 1, coefficient of variation cv).
 * A year without expenditure (every region's 0, or a cost trend that fell to 0) has no reserve months: funds ÷ 0
 * is not a number of months, so it is kept as NaN here, left out of the distribution and counted apart
 * (noExpenditure); it never sounds the alarm, since nothing is being paid out of the funds.
 */
import { normalZiggurat } from '../random/normal.ts';
import { trialStream } from '../random/stream.ts';
import type { Pooling } from '../scenario/fund-schema.ts';
import { distribution, type Distribution } from '../math/stats.ts';

export interface RegionYear {
  region: string;
  balance: number;
  reserve: number;
  gap: number;
  fromBalance: number;
  fromReserve: number;
  fromCity: number;
  repaid: number;
  /** The part of the gap the city pool could not make up (it had run out). */
  uncovered: number;
  /** The management gap left after the region's own funds: the local government's to make up (当地负责补足). */
  localMakeUp: number;
}

export interface YearState {
  year: number;
  regions: RegionYear[];
  cityPool: number;
  expenditure: number;
  reserveMonths: number;
  alarm: boolean;
  /** The regions' gaps the city pool could not make up this year (0 unless it ran out). */
  uncovered: number;
}

/** Per region and year, in this order, what `poolingYears` writes: see RegionYear. */
const BALANCE = 0;
const RESERVE = 1;
const GAP = 2;
const FROM_BALANCE = 3;
const FROM_RESERVE = 4;
const FROM_CITY = 5;
const REPAID = 6;
const UNCOVERED = 7;
const LOCAL = 8;
const FIELDS = 9;

/** Per year (YEAR_FIELDS): the city pool, expenditure, reserve months and the gaps left uncovered. */
const YEAR_FIELDS = 4;
interface Scratch {
  regions: Float64Array; // [year][region][FIELDS]
  years: Float64Array; // [year][pool, spend, reserveMonths, uncovered]
  balance: Float64Array;
  reserve: Float64Array;
  /**
   * The expected path, [year][region][revenue E, revenue R, expenditure E, expenditure R]: read from the
   * scenario once, not at each of a run's region-years (30 × 30 × 100,000 in the largest file).
   */
  expected: Float64Array;
  /** Per region, the balance and reserve at the start (the pool's share taken out where it was paid up from them). */
  startBalance: Float64Array;
  startReserve: Float64Array;
  /** Per region, the share of its planned revenue it collects (1 − revenueShortfall). */
  collected: Float64Array;
}

function scratchFor(s: Pooling): Scratch {
  const Y = s.simulation.years;
  const R = s.regions.length;
  const expected = new Float64Array(Y * R * 4);
  for (let y = 0; y < Y; y++) {
    const gr = Math.pow(1 + s.revenueGrowth.value, y);
    const ge = Math.pow(1 + s.expenditureGrowth.value, y);
    s.regions.forEach((reg, r) => {
      expected.set(
        [
          reg.employees.revenue.value * gr,
          reg.residents.revenue.value * gr,
          reg.employees.expenditure.value * ge,
          reg.residents.expenditure.value * ge,
        ],
        (y * R + r) * 4,
      );
    });
  }
  // A pool paid up from the 2019 balances (上解, pro rata to each region's balance) leaves the balances lower by it.
  const balances = s.regions.reduce((a, reg) => a + reg.balance.value, 0);
  const keep = s.cityPoolFromBalances && balances > 0 ? Math.max(0, 1 - s.cityPool.value / balances) : 1;
  return {
    regions: new Float64Array(Y * R * FIELDS),
    years: new Float64Array(Y * YEAR_FIELDS),
    balance: new Float64Array(R),
    reserve: new Float64Array(R),
    expected,
    startBalance: Float64Array.from(s.regions, (reg) => reg.balance.value * keep),
    startReserve: Float64Array.from(s.regions, (reg) => reg.reserve.value),
    // Revenue collected: the plan less the region's shortfall (未完成基金收入计划).
    collected: Float64Array.from(s.regions, (reg) => 1 - (reg.revenueShortfall?.value ?? 0)),
  };
}

/**
 * The fund over the years for one set of expenditure factors (`factors[(y·R + r)·2 + side]`, 1 = expected),
 * written into `out` without allocating: the same arithmetic serves one path (poolingPath) and 100,000 trials.
 */
function poolingYears(s: Pooling, factors: Float64Array, out: Scratch): void {
  const R = s.regions.length;
  out.balance.set(out.startBalance);
  out.reserve.set(out.startReserve);
  let pool = s.cityPool.value;
  const repayShare = s.repayShare.value;
  const ex = out.expected;
  for (let y = 0; y < s.simulation.years; y++) {
    let spend = 0;
    let uncoveredYear = 0;
    for (let r = 0; r < R; r++) {
      const o = (y * R + r) * FIELDS;
      const e = (y * R + r) * 4;
      const revE = ex[e] * out.collected[r];
      const revR = ex[e + 1] * out.collected[r];
      const expE = ex[e + 2] * factors[(y * R + r) * 2];
      const expR = ex[e + 3] * factors[(y * R + r) * 2 + 1];
      spend += expE + expR;
      // Each fund's own result: one fund's surplus does not make up the other's gap of the same year.
      const gapE = Math.max(0, expE - revE);
      const gapR = Math.max(0, expR - revR);
      const surplus = Math.max(0, revE - expE) + Math.max(0, revR - expR);
      const gap = gapE + gapR;
      // The part of each fund's gap the shortfall made: the management gap (管理性基金缺口).
      const manageE = Math.min(gapE, ex[e] - revE);
      const manage = manageE + Math.min(gapR, ex[e + 1] - revR);
      let fromBalance = 0;
      let fromReserve = 0;
      let fromCity = 0;
      let repaid = 0;
      let uncovered = 0;
      let local = 0;
      if (gap > 0) {
        fromBalance = Math.min(out.balance[r], gap);
        out.balance[r] -= fromBalance;
        fromReserve = Math.min(out.reserve[r], gap - fromBalance);
        out.reserve[r] -= fromReserve;
        const need = gap - fromBalance - fromReserve;
        if (need > 0) {
          // The region's own funds meet its management gap first; what is left of it is the local government's
          // (由当地负责补足); the city makes up only the gap of a region that met its plan (完成…收支计划的).
          local = Math.max(0, manage - fromBalance - fromReserve);
          const eligible = need - local;
          fromCity = Math.min(eligible, Math.max(0, pool));
          uncovered = eligible - fromCity;
          // 20% of the employees' fund's actual gap in what the city made up (its part of the eligible gap).
          repaid = gap - manage > 0 ? (repayShare * fromCity * (gapE - manageE)) / (gap - manage) : 0;
          pool += repaid - fromCity;
        }
      }
      out.balance[r] += surplus;
      uncoveredYear += uncovered;
      const row = out.regions;
      row[o + BALANCE] = out.balance[r];
      row[o + RESERVE] = out.reserve[r];
      row[o + GAP] = gap;
      row[o + FROM_BALANCE] = fromBalance;
      row[o + FROM_RESERVE] = fromReserve;
      row[o + FROM_CITY] = fromCity;
      row[o + REPAID] = repaid;
      row[o + UNCOVERED] = uncovered;
      row[o + LOCAL] = local;
    }
    let funds = 0;
    for (let r = 0; r < R; r++) funds = funds + out.balance[r] + out.reserve[r];
    funds += pool;
    const w = y * YEAR_FIELDS;
    out.years[w] = pool;
    out.years[w + 1] = spend;
    out.years[w + 2] = spend > 0 ? funds / (spend / 12) : NaN;
    out.years[w + 3] = uncoveredYear;
  }
}

/** One path of the fund over the years; `factors(y, r, side)` are the expenditure factors (1 = expected). */
export function poolingPath(s: Pooling, factors: (y: number, r: number, side: 0 | 1) => number): YearState[] {
  const R = s.regions.length;
  const f = new Float64Array(s.simulation.years * R * 2);
  for (let y = 0; y < s.simulation.years; y++)
    for (let r = 0; r < R; r++) for (const k of [0, 1] as const) f[(y * R + r) * 2 + k] = factors(y, r, k);
  const out = scratchFor(s);
  poolingYears(s, f, out);
  return Array.from({ length: s.simulation.years }, (_, y) => {
    const months = out.years[y * YEAR_FIELDS + 2];
    const regions = s.regions.map((reg, r) => {
      const o = (y * R + r) * FIELDS;
      const v = out.regions;
      return {
        region: reg.id,
        balance: v[o + BALANCE],
        reserve: v[o + RESERVE],
        gap: v[o + GAP],
        fromBalance: v[o + FROM_BALANCE],
        fromReserve: v[o + FROM_RESERVE],
        fromCity: v[o + FROM_CITY],
        repaid: v[o + REPAID],
        uncovered: v[o + UNCOVERED],
        localMakeUp: v[o + LOCAL],
      };
    });
    return {
      year: s.year + y,
      regions,
      cityPool: out.years[y * YEAR_FIELDS],
      expenditure: out.years[y * YEAR_FIELDS + 1],
      reserveMonths: months,
      alarm: months < s.alarmMonths.value, // false without expenditure (NaN)
      uncovered: out.years[y * YEAR_FIELDS + 3],
    };
  });
}

export interface PoolingSummary {
  scenario: string;
  trials: number;
  seed: string | number;
  years: {
    year: number;
    /** Over the trials with expenditure; null when no trial has any (reserveMonthsReason says so). */
    reserveMonths: Distribution | null;
    reserveMonthsReason?: 'no-expenditure';
    /** Share of the trials whose year has no expenditure at all (their reserve months are not a number). */
    noExpenditure: number;
    probAlarm: number;
    cityPool: Distribution;
    regions: {
      region: string;
      balanceMean: number;
      reserveMean: number;
      fromCityMean: number;
      repaidMean: number;
      probDrawOnCity: number;
      /** Mean over the trials of the region's gap the city pool could not make up. */
      uncoveredMean: number;
      /** Mean over the trials of the management gap the local government makes up (its own funds spent). */
      localMakeUpMean: number;
    }[];
    /**
     * The city pool ran out: the share of trials in which some region's gap was left uncovered this year, and the
     * uncovered amount (yuan, summed over regions) over all trials: its mean and 95th percentile.
     */
    poolExhausted: { probability: number; uncoveredMean: number; uncoveredP95: number };
  }[];
  /** Probability that the alarm sounds in at least one year. */
  probAlarmAnyYear: number;
  /** Probability that the city pool runs out in at least one year. */
  probPoolExhaustedAnyYear: number;
}

/** The reserve months' distribution over the trials that have expenditure (see the header). */
function reserveMonthsOf(m: Float64Array): {
  reserveMonths: Distribution | null;
  reserveMonthsReason?: 'no-expenditure';
  noExpenditure: number;
} {
  const spent = m.filter((x) => !Number.isNaN(x));
  const noExpenditure = (m.length - spent.length) / m.length;
  if (!spent.length) return { reserveMonths: null, reserveMonthsReason: 'no-expenditure', noExpenditure };
  return { reserveMonths: distribution(spent), noExpenditure };
}

/** The city pool's running out in one year: its probability and the uncovered amount over all trials. */
function poolExhaustedOf(uncovered: Float64Array, probability: number): PoolingSummary['years'][number]['poolExhausted'] {
  const d = distribution(uncovered);
  return { probability, uncoveredMean: d.mean, uncoveredP95: d.p95 };
}

export function simulatePooling(s: Pooling, trials = s.simulation.trials, seed = s.simulation.seed): PoolingSummary {
  const Y = s.simulation.years;
  const R = s.regions.length;
  const months = Array.from({ length: Y }, () => new Float64Array(trials));
  const pools = Array.from({ length: Y }, () => new Float64Array(trials));
  const uncovered = Array.from({ length: Y }, () => new Float64Array(trials));
  const alarms = new Float64Array(Y);
  const exhausted = new Float64Array(Y);
  let anyAlarm = 0;
  let anyExhausted = 0;
  const g = s.expenditureGrowth.value;
  const trendSd = s.expenditureGrowthSd?.value ?? 0;
  // Per region and side, σ of the lognormal factor and σ²/2 (its mean is then 1).
  const sig = new Float64Array(R * 2);
  const halfVar = new Float64Array(R * 2);
  s.regions.forEach((reg, r) =>
    [reg.employees.expenditureCv.value, reg.residents.expenditureCv.value].forEach((cv, k) => {
      sig[r * 2 + k] = Math.sqrt(Math.log(1 + cv * cv));
      halfVar[r * 2 + k] = (sig[r * 2 + k] * sig[r * 2 + k]) / 2;
    }),
  );
  const alarmMonths = s.alarmMonths.value;
  const factors = new Float64Array(Y * R * 2);
  const out = scratchFor(s);
  const sums = new Float64Array(Y * R * 7); // balance, reserve, fromCity, repaid, drew, uncovered, local
  for (let t = 0; t < trials; t++) {
    const rng = trialStream(seed, t, 'pooling');
    for (let y = 0; y < Y; y++)
      for (let j = 0; j < R * 2; j++) factors[y * R * 2 + j] = Math.exp(sig[j] * normalZiggurat(rng) - halfVar[j]);
    // The cost trend: one path of yearly growth per trial, shared by every region, relative to the expected path
    // (1 + g)^y that poolingYears applies; the uncertainty accumulates year by year.
    if (trendSd > 0) {
      const trend = trialStream(seed, t, 'trend');
      let rel = 1;
      for (let y = 1; y < Y; y++) {
        rel *= Math.max(0, 1 + g + trendSd * normalZiggurat(trend)) / (1 + g);
        for (let i = y * R * 2; i < (y + 1) * R * 2; i++) factors[i] *= rel;
      }
    }
    poolingYears(s, factors, out);
    let any = false;
    let ranOut = false;
    for (let y = 0; y < Y; y++) {
      const w = y * YEAR_FIELDS;
      months[y][t] = out.years[w + 2];
      pools[y][t] = out.years[w];
      uncovered[y][t] = out.years[w + 3];
      if (out.years[w + 2] < alarmMonths) {
        alarms[y]++;
        any = true;
      }
      if (out.years[w + 3] > 0) {
        exhausted[y]++;
        ranOut = true;
      }
      for (let r = 0; r < R; r++) {
        const o = (y * R + r) * FIELDS;
        const a = (y * R + r) * 7;
        sums[a] += out.regions[o + BALANCE];
        sums[a + 1] += out.regions[o + RESERVE];
        sums[a + 2] += out.regions[o + FROM_CITY];
        sums[a + 3] += out.regions[o + REPAID];
        if (out.regions[o + FROM_CITY] > 0) sums[a + 4]++;
        sums[a + 5] += out.regions[o + UNCOVERED];
        sums[a + 6] += out.regions[o + LOCAL];
      }
    }
    if (any) anyAlarm++;
    if (ranOut) anyExhausted++;
  }
  return {
    scenario: s.id,
    trials,
    seed,
    years: months.map((m, y) => ({
      year: s.year + y,
      ...reserveMonthsOf(m),
      probAlarm: alarms[y] / trials,
      cityPool: distribution(pools[y]),
      regions: s.regions.map((reg, r) => {
        const a = (y * R + r) * 7;
        return {
          region: reg.id,
          balanceMean: sums[a] / trials,
          reserveMean: sums[a + 1] / trials,
          fromCityMean: sums[a + 2] / trials,
          repaidMean: sums[a + 3] / trials,
          probDrawOnCity: sums[a + 4] / trials,
          uncoveredMean: sums[a + 5] / trials,
          localMakeUpMean: sums[a + 6] / trials,
        };
      }),
      poolExhausted: poolExhaustedOf(uncovered[y], exhausted[y] / trials),
    })),
    probAlarmAnyYear: anyAlarm / trials,
    probPoolExhaustedAnyYear: anyExhausted / trials,
  };
}
