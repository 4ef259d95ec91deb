/**
 * City-level pooling of the basic funds (seed 003 三(三) 建立基金分担机制), year by year over several regions:
 *  1. a region with a gap (expenditure above revenue) uses its own accumulated balance, then its risk reserve;
 *  2. the city pooling fund covers the rest, and the region repays 20% of its employees' insurance part of that
 *     gap to the city (the city-covered gap is attributed to employees' and residents' insurance in proportion
 *     to their own gaps: an assumption where the text is silent);
 *  3. a surplus adds to the region's balance.
 * Reserve months of the city = (balances + reserves + pool) ÷ monthly expenditure; below 6 months policy must be
 * adjusted (the alarm). Expenditure is lognormal around its expected path (mean 1, coefficient of variation cv).
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

/** One path of the fund over the years; `factors[y][r][0|1]` are the expenditure factors (1 = expected). */
export function poolingPath(s: Pooling, factors: (y: number, r: number, side: 0 | 1) => number): YearState[] {
  const regions = s.regions.map((r) => ({ balance: r.balance.value, reserve: r.reserve.value }));
  let pool = s.cityPool.value;
  const out: YearState[] = [];
  for (let y = 0; y < s.simulation.years; y++) {
    const gr = Math.pow(1 + s.revenueGrowth.value, y);
    const ge = Math.pow(1 + s.expenditureGrowth.value, y);
    let spend = 0;
    const rows: RegionYear[] = s.regions.map((r, i) => {
      const st = regions[i];
      const revE = r.employees.revenue.value * gr;
      const revR = r.residents.revenue.value * gr;
      const expE = r.employees.expenditure.value * ge * factors(y, i, 0);
      const expR = r.residents.expenditure.value * ge * factors(y, i, 1);
      spend += expE + expR;
      const result = revE + revR - (expE + expR);
      const row: RegionYear = { region: r.id, balance: 0, reserve: 0, gap: 0, fromBalance: 0, fromReserve: 0, fromCity: 0, repaid: 0 };
      if (result >= 0) st.balance += result;
      else {
        let gap = -result;
        row.gap = gap;
        row.fromBalance = Math.min(st.balance, gap);
        st.balance -= row.fromBalance;
        gap -= row.fromBalance;
        row.fromReserve = Math.min(st.reserve, gap);
        st.reserve -= row.fromReserve;
        gap -= row.fromReserve;
        row.fromCity = gap;
        if (gap > 0) {
          const gapE = Math.max(0, expE - revE);
          const gapR = Math.max(0, expR - revR);
          const employeesPart = gapE + gapR > 0 ? (gap * gapE) / (gapE + gapR) : 0;
          row.repaid = s.repayShare.value * employeesPart;
        }
        pool += row.repaid - row.fromCity;
      }
      row.balance = st.balance;
      row.reserve = st.reserve;
      return row;
    });
    const funds = regions.reduce((a, r) => a + r.balance + r.reserve, 0) + pool;
    const reserveMonths = spend > 0 ? funds / (spend / 12) : Infinity;
    out.push({ year: s.year + y, regions: rows, cityPool: pool, expenditure: spend, reserveMonths, alarm: reserveMonths < s.alarmMonths.value });
  }
  return out;
}

export interface PoolingSummary {
  scenario: string;
  trials: number;
  seed: string | number;
  years: {
    year: number;
    reserveMonths: Distribution;
    probAlarm: number;
    cityPool: Distribution;
    regions: { region: string; balanceMean: number; reserveMean: number; fromCityMean: number; repaidMean: number; probDrawOnCity: number }[];
  }[];
  /** Probability that the alarm sounds in at least one year. */
  probAlarmAnyYear: number;
}

export function simulatePooling(s: Pooling, trials = s.simulation.trials, seed = s.simulation.seed): PoolingSummary {
  const Y = s.simulation.years;
  const R = s.regions.length;
  const months = Array.from({ length: Y }, () => new Float64Array(trials));
  const pools = Array.from({ length: Y }, () => new Float64Array(trials));
  const alarms = new Float64Array(Y);
  const acc = Array.from({ length: Y }, () => Array.from({ length: R }, () => ({ balance: 0, reserve: 0, fromCity: 0, repaid: 0, drew: 0 })));
  let anyAlarm = 0;
  const g = s.expenditureGrowth.value;
  const trendSd = s.expenditureGrowthSd?.value ?? 0;
  const sig = s.regions.map((r) => [r.employees.expenditureCv.value, r.residents.expenditureCv.value].map((cv) => Math.sqrt(Math.log(1 + cv * cv))));
  for (let t = 0; t < trials; t++) {
    const rng = trialStream(seed, t, 'pooling');
    const draws = Array.from({ length: Y }, () => Array.from({ length: R }, (_, r) => [0, 1].map((k) => Math.exp(sig[r][k] * normalZiggurat(rng) - (sig[r][k] * sig[r][k]) / 2))));
    // The cost trend: one path of yearly growth per trial, shared by every region, relative to the expected path
    // (1 + g)^y that poolingPath applies; the uncertainty accumulates year by year.
    if (trendSd > 0) {
      const trend = trialStream(seed, t, 'trend');
      let rel = 1;
      for (let y = 1; y < Y; y++) {
        rel *= Math.max(0, 1 + g + trendSd * normalZiggurat(trend)) / (1 + g);
        for (let r = 0; r < R; r++) for (const k of [0, 1]) draws[y][r][k] *= rel;
      }
    }
    const path = poolingPath(s, (y, r, side) => draws[y][r][side]);
    let any = false;
    path.forEach((st, y) => {
      months[y][t] = st.reserveMonths;
      pools[y][t] = st.cityPool;
      if (st.alarm) {
        alarms[y]++;
        any = true;
      }
      st.regions.forEach((rg, r) => {
        const a = acc[y][r];
        a.balance += rg.balance;
        a.reserve += rg.reserve;
        a.fromCity += rg.fromCity;
        a.repaid += rg.repaid;
        if (rg.fromCity > 0) a.drew++;
      });
    });
    if (any) anyAlarm++;
  }
  return {
    scenario: s.id,
    trials,
    seed,
    years: months.map((m, y) => ({
      year: s.year + y,
      reserveMonths: distribution(m),
      probAlarm: alarms[y] / trials,
      cityPool: distribution(pools[y]),
      regions: acc[y].map((a, r) => ({
        region: s.regions[r].id,
        balanceMean: a.balance / trials,
        reserveMean: a.reserve / trials,
        fromCityMean: a.fromCity / trials,
        repaidMean: a.repaid / trials,
        probDrawOnCity: a.drew / trials,
      })),
    })),
    probAlarmAnyYear: anyAlarm / trials,
  };
}
