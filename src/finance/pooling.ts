/**
 * City-level pooling of the basic funds (seed 003 三(三) 建立基金分担机制), year by year over several regions:
 *  1. a region with a gap (expenditure above revenue) uses its own accumulated balance, then its risk reserve;
 *  2. the city pooling fund covers the rest, and the region repays 20% of its employees' insurance part of that
 *     gap to the city (the city-covered gap is attributed to employees' and residents' insurance in proportion
 *     to their own gaps: an assumption where the text is silent);
 *  3. a surplus adds to the region's balance.
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
}

export interface YearState {
  year: number;
  regions: RegionYear[];
  cityPool: number;
  expenditure: number;
  reserveMonths: number;
  alarm: boolean;
}

/** Per region and year, in this order, what `poolingYears` writes: see RegionYear. */
const BALANCE = 0;
const RESERVE = 1;
const GAP = 2;
const FROM_BALANCE = 3;
const FROM_RESERVE = 4;
const FROM_CITY = 5;
const REPAID = 6;
const FIELDS = 7;

/** Per year: the city pool, expenditure and reserve months. */
interface Scratch {
  regions: Float64Array; // [year][region][FIELDS]
  years: Float64Array; // [year][pool, spend, reserveMonths]
  balance: Float64Array;
  reserve: Float64Array;
  /**
   * The expected path, [year][region][revenue E, revenue R, expenditure E, expenditure R]: read from the
   * scenario once, not at each of a run's region-years (30 × 30 × 100,000 in the largest file).
   */
  expected: Float64Array;
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
  return {
    regions: new Float64Array(Y * R * FIELDS),
    years: new Float64Array(Y * 3),
    balance: new Float64Array(R),
    reserve: new Float64Array(R),
    expected,
  };
}

/**
 * The fund over the years for one set of expenditure factors (`factors[(y·R + r)·2 + side]`, 1 = expected),
 * written into `out` without allocating: the same arithmetic serves one path (poolingPath) and 100,000 trials.
 */
function poolingYears(s: Pooling, factors: Float64Array, out: Scratch): void {
  const R = s.regions.length;
  for (let r = 0; r < R; r++) {
    out.balance[r] = s.regions[r].balance.value;
    out.reserve[r] = s.regions[r].reserve.value;
  }
  let pool = s.cityPool.value;
  const repayShare = s.repayShare.value;
  const ex = out.expected;
  for (let y = 0; y < s.simulation.years; y++) {
    let spend = 0;
    for (let r = 0; r < R; r++) {
      const o = (y * R + r) * FIELDS;
      const e = (y * R + r) * 4;
      const revE = ex[e];
      const revR = ex[e + 1];
      const expE = ex[e + 2] * factors[(y * R + r) * 2];
      const expR = ex[e + 3] * factors[(y * R + r) * 2 + 1];
      spend += expE + expR;
      const result = revE + revR - (expE + expR);
      let gap = 0;
      let fromBalance = 0;
      let fromReserve = 0;
      let fromCity = 0;
      let repaid = 0;
      if (result >= 0) out.balance[r] += result;
      else {
        gap = -result;
        fromBalance = Math.min(out.balance[r], gap);
        out.balance[r] -= fromBalance;
        fromReserve = Math.min(out.reserve[r], gap - fromBalance);
        out.reserve[r] -= fromReserve;
        fromCity = gap - fromBalance - fromReserve;
        if (fromCity > 0) {
          const gapE = Math.max(0, expE - revE);
          const gapR = Math.max(0, expR - revR);
          const employeesPart = gapE + gapR > 0 ? (fromCity * gapE) / (gapE + gapR) : 0;
          repaid = repayShare * employeesPart;
        }
        pool += repaid - fromCity;
      }
      const row = out.regions;
      row[o + BALANCE] = out.balance[r];
      row[o + RESERVE] = out.reserve[r];
      row[o + GAP] = gap;
      row[o + FROM_BALANCE] = fromBalance;
      row[o + FROM_RESERVE] = fromReserve;
      row[o + FROM_CITY] = fromCity;
      row[o + REPAID] = repaid;
    }
    let funds = 0;
    for (let r = 0; r < R; r++) funds = funds + out.balance[r] + out.reserve[r];
    funds += pool;
    out.years[y * 3] = pool;
    out.years[y * 3 + 1] = spend;
    out.years[y * 3 + 2] = spend > 0 ? funds / (spend / 12) : NaN;
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
    const months = out.years[y * 3 + 2];
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
      };
    });
    return {
      year: s.year + y,
      regions,
      cityPool: out.years[y * 3],
      expenditure: out.years[y * 3 + 1],
      reserveMonths: months,
      alarm: months < s.alarmMonths.value, // false without expenditure (NaN)
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
    }[];
  }[];
  /** Probability that the alarm sounds in at least one year. */
  probAlarmAnyYear: number;
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

export function simulatePooling(s: Pooling, trials = s.simulation.trials, seed = s.simulation.seed): PoolingSummary {
  const Y = s.simulation.years;
  const R = s.regions.length;
  const months = Array.from({ length: Y }, () => new Float64Array(trials));
  const pools = Array.from({ length: Y }, () => new Float64Array(trials));
  const alarms = new Float64Array(Y);
  let anyAlarm = 0;
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
  const sums = new Float64Array(Y * R * 5); // balance, reserve, fromCity, repaid, drew
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
    for (let y = 0; y < Y; y++) {
      months[y][t] = out.years[y * 3 + 2];
      pools[y][t] = out.years[y * 3];
      if (out.years[y * 3 + 2] < alarmMonths) {
        alarms[y]++;
        any = true;
      }
      for (let r = 0; r < R; r++) {
        const o = (y * R + r) * FIELDS;
        const a = (y * R + r) * 5;
        sums[a] += out.regions[o + BALANCE];
        sums[a + 1] += out.regions[o + RESERVE];
        sums[a + 2] += out.regions[o + FROM_CITY];
        sums[a + 3] += out.regions[o + REPAID];
        if (out.regions[o + FROM_CITY] > 0) sums[a + 4]++;
      }
    }
    if (any) anyAlarm++;
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
        const a = (y * R + r) * 5;
        return {
          region: reg.id,
          balanceMean: sums[a] / trials,
          reserveMean: sums[a + 1] / trials,
          fromCityMean: sums[a + 2] / trials,
          repaidMean: sums[a + 3] / trials,
          probDrawOnCity: sums[a + 4] / trials,
        };
      }),
    })),
    probAlarmAnyYear: anyAlarm / trials,
  };
}
