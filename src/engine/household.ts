/**
 * The household indicators (issue #33): out-of-pocket after every layer, catastrophic health expenditure (WHO /
 * SDG 3.8.2: out-of-pocket above 10% or 25% of income) and impoverishment (因病致贫: income at or above the poverty
 * line, income − out-of-pocket below it), per ruleset, population and group.
 *
 * Each is an expectation per member, so it is kept out of the Monte Carlo trial loop: `expect` integrates it
 * (householdExpectation: the cost density by quadrature against the income cdf, the means of the layers exact from
 * limited expected values), and `run` estimates it from its own seeded sample of members with cost
 * (engine/household-sample.ts), the same members for every ruleset (common random numbers), with standard errors
 * and paired differences. Members without cost pay nothing and are counted in the shares' denominators (all
 * insured members). The cost-level shock is integrated over; fitted severities are taken at their estimates; a
 * later year of `run --years` is not given.
 *
 * Cost and income: independent unless the income states a rank correlation (income.rankCorrelation), which is a
 * Gaussian copula between a member's annual amount and income among members with cost: with
 * z = Φ⁻¹(F(x / c)), F the severity (the amount's distribution given a claim) before the year's cost-level shock c,
 * ln Y | z ~ Normal(μ + σρz, σ²(1 − ρ²)), ρ = 2 sin(πρs/6). So a common shock moves every member's cost, not their
 * rank; the utilisation shock changes how many members have cost, not which incomes they have; whether a member has
 * cost is independent of income. Members without cost keep the income as written, and since z is standard normal
 * among members with cost, every member's income margin stays the one written. The self-pay share is not ranked.
 *
 * Capacity to pay (WHO; Xu et al., Lancet 2003, simplified to non-food consumption as the capacity): with
 * population.spending, capacity = income × consumptionShare × (1 − foodShare), and catastrophicCtp40 is the share
 * with out-of-pocket above 40% of it, i.e. above k = 0.4·cs·(1 − fs) of income.
 */
import { incomeCdf, incomeGiven, pearsonFromSpearman, type LognormalIncome } from '../math/income.ts';
import { normalQuantile } from '../math/normal.ts';
import { ceilingKinks, ceilingMember } from './household-ceiling.ts';
import { shockNodes } from '../math/quadrature.ts';
import { utilisationKept } from '../random/claim-count.ts';
import { scaled } from '../random/severity/scaled.ts';
import type { Severity } from '../random/severity/index.ts';
import { evaluate, expectation, type Piecewise } from '../rules/piecewise.ts';
import { maskProbabilities } from './analytic.ts';
import { chainCurves, chainOf, type Chain } from './household-chain.ts';
import type { EngineModel, PopulationModel } from './model.ts';

/** The four contract figures (`household` in expect --json and run --json) and what stands behind them. */
export interface HouseholdFigures {
  /** Insured members these figures cover. */
  insured: number;
  /** Out-of-pocket after every layer, summed over the members (yuan a year). */
  outOfPocket: number | null;
  /** Share of the members whose out-of-pocket exceeds 10% of their income. */
  catastrophic10: number;
  catastrophic25: number;
  /** Share whose out-of-pocket exceeds 40% of their capacity to pay; null without population.spending. */
  catastrophicCtp40: number | null;
  catastrophicCtp40Reason?: 'no-spending';
  /** Members whom out-of-pocket takes from at or above the poverty line to below it; null without a line. */
  impoverished: number | null;
  impoverishedReason?: 'no-poverty-line';
  /** Sums of each layer over the members (yuan); null where the cost has no finite mean. */
  layers: {
    cost: number | null;
    basic: number | null;
    criticalIllness: number | null;
    /** Assistance, the out-of-pocket ceiling's part included. */
    assistance: number | null;
    /** What the out-of-pocket ceiling (assistance.ceiling) pays; 0 without one. */
    ceiling: number | null;
    outOfPocket: number | null;
  };
  /** Each insurance layer's payments over the members' cash burden (自负 + 自费), as the burden-reduction rate. */
  burdenReduction: { criticalIllness: number | null; assistance: number | null };
}

export interface HouseholdGroupFigures extends HouseholdFigures {
  tag: string;
}

export interface HouseholdPopulation extends HouseholdFigures {
  groups: HouseholdGroupFigures[];
}

export type HouseholdReason = 'no-income' | 'random-self-pay';

export const CATASTROPHIC_SHARES = [0.1, 0.25] as const;

/** Capacity to pay: out-of-pocket above 40% of non-food consumption (WHO; Xu et al. 2003). */
export const CTP_SHARE = 0.4;

/** The income share that 40% of capacity to pay is for population p's members, null without spending data. */
export function ctpShareOf(pop: PopulationModel): number | null {
  const s = pop.spec.spending;
  return s ? CTP_SHARE * s.consumptionShare.value * (1 - s.foodShare.value) : null;
}

/** A file's income as the engine reads it: ρ is the copula's normal-score correlation from the rank correlation. */
const incomeFrom = (i: { mu: { value: number }; sigma: { value: number }; rankCorrelation?: { value: number } }): LognormalIncome => ({
  mu: i.mu.value,
  sigma: i.sigma.value,
  rho: i.rankCorrelation ? pearsonFromSpearman(i.rankCorrelation.value) : 0,
});

/**
 * The income of a member of population p with tag combination `mask`: a group's override (lowest mu) or the
 * population's, each with its own rank correlation (a group's income without one is independent of cost).
 */
export function incomeOf(pop: PopulationModel, mask: number): LognormalIncome | null {
  let best: LognormalIncome | null = null;
  pop.spec.groups.forEach((g, i) => {
    if (!(mask & (1 << i)) || !g.income) return;
    if (!best || g.income.mu.value < best.mu) best = incomeFrom(g.income);
  });
  if (best) return best;
  const inc = pop.spec.income;
  return inc ? incomeFrom(inc) : null;
}

/** Whether every member of the population has an income (the population's own, or every group's override covers all). */
export const hasIncome = (pop: PopulationModel): boolean => !!pop.spec.income;

export function expectedClaimants(model: EngineModel, p: number): number {
  const pop = model.populations[p];
  return pop.insured * pop.incidence * utilisationKept(pop, model.parameterRisk?.utilisation ?? null);
}

export const povertyLineOf = (model: EngineModel): number | null => model.scenario.household?.povertyLine.value ?? null;

// Gauss–Legendre, 8 nodes on [−1, 1] (Abramowitz & Stegun 25.4.30).
const GL_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498, 0.525532409916329,
  0.7966664774136267, 0.9602898564975363,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362, 0.3137066458778873, 0.2223810344533745,
  0.1012285362903763,
];

/**
 * The nodes and weights of E[g(X)] = ∫₀^∞ g(Q(1 − e^{−t})) e^{−t} dt: the severity's probability integral in
 * t = −ln S(x), which spreads the upper tail over a long range where a bounded g is smooth; panels of 0.25 in t up
 * to 36 (S = 2·10⁻¹⁶), halved toward t = 0 where the lower quantiles fall steeply, broken at the kinks of the
 * chains (where g's derivative jumps) and at an empirical table's atoms (where g itself jumps), 8 Gauss–Legendre
 * nodes each. One set serves every ruleset and tag
 * combination of a population (the quantiles are the costly part). The closed form of the known-answer test
 * (test/household.test.ts) is met to 1e-9.
 */
/** Most atoms of an empirical table that become quadrature breaks (severityNodes). */
const JUMP_BREAKS = 1000;

export function severityNodes(sev: Severity, kinks: Iterable<number>): { x: Float64Array; w: Float64Array; z: Float64Array } {
  const T = 36;
  const breaks = new Set<number>();
  for (let t = 0; t <= T; t += 0.25) breaks.add(t);
  for (let t = 0.125; t > 1e-6; t /= 2) breaks.add(t);
  for (const x of kinks) {
    const s = sev.survival(x);
    if (s > 0 && s < 1) breaks.add(-Math.log(s));
  }
  // An empirical table's amount jumps at each atom's survival level: a panel across one would average a step. Up to
  // JUMP_BREAKS atoms each is a break; a larger table's atoms carry so little mass each that the steps inside a panel
  // move a figure by about its mass (1/1,000) times the panel's share, and the nodes stay within bounds.
  const jumps = sev.quantileJumps?.() ?? [];
  if (jumps.length <= JUMP_BREAKS) for (const s of jumps) if (s > 0 && s < 1) breaks.add(-Math.log(s));
  const ts = [...breaks].filter((t) => t >= 0 && t <= T).sort((a, b) => a - b);
  const xs: number[] = [];
  const ws: number[] = [];
  const zs: number[] = [];
  for (let k = 1; k < ts.length; k++) {
    const half = (ts[k] - ts[k - 1]) / 2;
    if (!(half > 0)) continue;
    const mid = (ts[k] + ts[k - 1]) / 2;
    for (let j = 0; j < 8; j++) {
      const t = mid + half * GL_X[j];
      const s = Math.exp(-t);
      xs.push(sev.upperQuantile(s));
      ws.push(half * GL_W[j] * s);
      // The amount's normal score Φ⁻¹(1 − s), for the cost–income copula (from s: exact in the upper tail).
      zs.push(-normalQuantile(s));
    }
  }
  return { x: Float64Array.from(xs), w: Float64Array.from(ws), z: Float64Array.from(zs) };
}

type Nodes = { x: Float64Array; w: Float64Array; z: Float64Array };

/**
 * Per member with cost: P(oop > 10%·Y), P(oop > 25%·Y), P(Y ≥ line > Y − oop), P(oop > ctp·Y) (0 without a capacity
 * share) and E[the ceiling's payment], over the nodes; income given each node's rank under the copula.
 * `nonc(x)`: the non-compliant self-pay, which the ceiling does not cap.
 */
function memberProbabilities(
  nodes: Nodes,
  oop: Piecewise,
  income: LognormalIncome,
  line: number | null,
  ctp: number | null,
  ceiling: Chain['ceiling'],
  noncRate: number,
) {
  const out = [0, 0, 0, 0, 0];
  const rho = income.rho ?? 0;
  if (ceiling) {
    const shares = ctp === null ? [CATASTROPHIC_SHARES[0], CATASTROPHIC_SHARES[1]] : [CATASTROPHIC_SHARES[0], CATASTROPHIC_SHARES[1], ctp];
    const one = new Float64Array(shares.length + 2);
    const S = shares.length;
    for (let j = 0; j < nodes.x.length; j++) {
      const o = evaluate(oop, nodes.x[j]);
      if (!(o > 0)) continue;
      const w = nodes.w[j];
      ceilingMember(o, noncRate * nodes.x[j], ceiling, incomeGiven(income, rho, nodes.z[j]), shares, line, one);
      out[0] += w * one[0];
      out[1] += w * one[1];
      if (ctp !== null) out[3] += w * one[2];
      out[2] += w * one[S];
      out[4] += w * one[S + 1];
    }
    return out;
  }
  let inc = income;
  let below = line === null ? 0 : incomeCdf(inc, line);
  for (let j = 0; j < nodes.x.length; j++) {
    const o = evaluate(oop, nodes.x[j]);
    if (!(o > 0)) continue;
    if (rho !== 0) {
      inc = incomeGiven(income, rho, nodes.z[j]);
      below = line === null ? 0 : incomeCdf(inc, line);
    }
    const w = nodes.w[j];
    out[0] += w * incomeCdf(inc, o / CATASTROPHIC_SHARES[0]);
    out[1] += w * incomeCdf(inc, o / CATASTROPHIC_SHARES[1]);
    if (line !== null) out[2] += w * (incomeCdf(inc, line + o) - below);
    if (ctp !== null) out[3] += w * incomeCdf(inc, o / ctp);
  }
  return out;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Running sums of one set of members (a population or a group) in expectation. */
class Sums {
  claimants = 0;
  cost = 0;
  basic = 0;
  ci = 0;
  assistance = 0;
  ceiling = 0;
  oop = 0;
  burden = 0;
  c10 = 0;
  c25 = 0;
  ctp = 0;
  imp = 0;
  figures(insured: number, line: number | null, ctp: number | null): HouseholdFigures {
    const share = (x: number) => (insured > 0 ? x / insured : 0);
    const burden = finiteOrNull(this.burden);
    return {
      insured,
      outOfPocket: finiteOrNull(this.oop),
      catastrophic10: share(this.c10),
      catastrophic25: share(this.c25),
      catastrophicCtp40: ctp === null ? null : share(this.ctp),
      ...(ctp === null ? { catastrophicCtp40Reason: 'no-spending' as const } : {}),
      impoverished: line === null ? null : this.imp,
      ...(line === null ? { impoverishedReason: 'no-poverty-line' as const } : {}),
      layers: {
        cost: finiteOrNull(this.cost),
        basic: finiteOrNull(this.basic),
        criticalIllness: finiteOrNull(this.ci),
        assistance: finiteOrNull(this.assistance),
        ceiling: finiteOrNull(this.ceiling),
        outOfPocket: finiteOrNull(this.oop),
      },
      burdenReduction: {
        criticalIllness: burden ? this.ci / burden : null,
        assistance: burden ? this.assistance / burden : null,
      },
    };
  }
}

export type HouseholdResult =
  { household: HouseholdPopulation; householdReason?: undefined } | { household: null; householdReason: HouseholdReason };

/** Nodes of the cost-level shock: 8 suffice for the household's smooth expectations (a shock's cv is a few %). */
const SHOCK_NODES = 8;

/** The analytic household figures of every ruleset in population p (`expect`). */
export function householdPopulation(model: EngineModel, p: number): HouseholdResult[] {
  const pop = model.populations[p];
  const R = model.rulesets.length;
  if (!hasIncome(pop)) return Array.from({ length: R }, () => ({ household: null, householdReason: 'no-income' as const }));
  if (pop.selfPayRatio === null || pop.compliantBeta !== null)
    return Array.from({ length: R }, () => ({ household: null, householdReason: 'random-self-pay' as const }));
  const line = povertyLineOf(model);
  const claimants = expectedClaimants(model, p);
  const pr = model.parameterRisk?.cost;
  const shock = pr ? shockNodes(pr, SHOCK_NODES) : { x: Float64Array.of(1), w: Float64Array.of(1) };
  const ratio = pop.selfPayRatio;
  const compliant = pop.compliantShare;
  const masks = [...maskProbabilities(pop.tagShares).entries()].filter(([, pr]) => pr > 0);
  // curves[ri][k]: the chain of ruleset ri for the k-th tag combination in `masks`.
  const ctp = ctpShareOf(pop);
  // The non-compliant self-pay per yuan of amount, which neither assistance nor the ceiling pays.
  const noncRate = ratio * (1 - compliant);
  const chains = model.rulesets.map((_, ri) => masks.map(([mask]) => chainOf(model, ri, p, mask)));
  const curves = chains.map((cs) => cs.map((ch) => chainCurves(ch, ratio, compliant)));
  const kinks = new Set(curves.flat().flatMap((c) => c.kinks));
  // With an out-of-pocket ceiling the figures also bend where the income intervals' ends meet (household-ceiling.ts).
  const shares = ctp === null ? [...CATASTROPHIC_SHARES] : [...CATASTROPHIC_SHARES, ctp];
  chains.forEach((cs, ri) =>
    cs.forEach((ch, m) => {
      if (ch.ceiling) for (const x of ceilingKinks(curves[ri][m].outOfPocket, noncRate, ch.ceiling, shares, line)) kinks.add(x);
    }),
  );
  const all = model.rulesets.map(() => new Sums());
  const byTag = model.rulesets.map(() => pop.tags.map(() => new Sums()));
  shock.x.forEach((c, k) => {
    const sev = scaled(pop.severity, c);
    const nodes = severityNodes(sev, kinks);
    const lev = (u: number) => sev.lev(u);
    const mean = sev.mean();
    masks.forEach(([mask, prMask], m) => {
      const inc = incomeOf(pop, mask)!;
      const w = claimants * prMask * shock.w[k];
      model.rulesets.forEach((_, ri) => {
        const cv = curves[ri][m];
        const e = (f: Piecewise) => w * expectation(f, lev, mean);
        const [p10, p25, imp, pCtp, ceil] = memberProbabilities(nodes, cv.outOfPocket, inc, line, ctp, chains[ri][m].ceiling, noncRate);
        const basic = e(cv.basic);
        const values: [keyof Sums, number][] = [
          ['claimants', w],
          ['cost', w * (1 + ratio) * mean],
          ['basic', basic],
          ['ci', e(cv.criticalIllness)],
          ['assistance', e(cv.assistance) + w * ceil],
          ['ceiling', w * ceil],
          ['oop', e(cv.outOfPocket) - w * ceil],
          ['burden', w * (1 + ratio) * mean - basic],
          ['c10', w * p10],
          ['c25', w * p25],
          ['ctp', w * pCtp],
          ['imp', w * imp],
        ];
        const targets = [all[ri], ...byTag[ri].filter((_, i) => mask & (1 << i))];
        for (const s of targets) for (const [key, v] of values) (s[key] as number) += v;
      });
    });
  });
  return model.rulesets.map((_, ri) => ({
    household: {
      ...all[ri].figures(pop.insured, line, ctp),
      groups: pop.tags.map((tag, i) => ({ tag, ...byTag[ri][i].figures(pop.insured * pop.tagShares[i], line, ctp) })),
    },
  }));
}

/** The analytic household figures of ruleset ri in population p. */
export function householdExpectation(model: EngineModel, ri: number, p: number): HouseholdResult {
  return householdPopulation(model, p)[ri];
}

/** The figures of several populations together: sums, and shares over all their members. */
export function combineFigures(parts: HouseholdFigures[]): HouseholdFigures | null {
  if (!parts.length) return null;
  const insured = parts.reduce((s, x) => s + x.insured, 0);
  const sum = (f: (x: HouseholdFigures) => number | null) =>
    parts.some((x) => f(x) === null) ? null : parts.reduce((s, x) => s + (f(x) as number), 0);
  const share = (f: (x: HouseholdFigures) => number) => (insured > 0 ? parts.reduce((s, x) => s + f(x) * x.insured, 0) / insured : 0);
  const burden = sum((x) => (x.layers.cost === null || x.layers.basic === null ? null : x.layers.cost - x.layers.basic));
  const ci = sum((x) => x.layers.criticalIllness);
  const as = sum((x) => x.layers.assistance);
  const impoverished = sum((x) => x.impoverished);
  // Capacity to pay over several populations only where every one has spending data (a share of all their members).
  const ctp = parts.some((x) => x.catastrophicCtp40 === null) ? null : share((x) => x.catastrophicCtp40 as number);
  return {
    insured,
    outOfPocket: sum((x) => x.outOfPocket),
    catastrophic10: share((x) => x.catastrophic10),
    catastrophic25: share((x) => x.catastrophic25),
    catastrophicCtp40: ctp,
    ...(ctp === null ? { catastrophicCtp40Reason: 'no-spending' as const } : {}),
    impoverished,
    ...(impoverished === null ? { impoverishedReason: 'no-poverty-line' as const } : {}),
    layers: {
      cost: sum((x) => x.layers.cost),
      basic: sum((x) => x.layers.basic),
      criticalIllness: ci,
      assistance: as,
      ceiling: sum((x) => x.layers.ceiling),
      outOfPocket: sum((x) => x.layers.outOfPocket),
    },
    burdenReduction: {
      criticalIllness: burden && ci !== null ? ci / burden : null,
      assistance: burden && as !== null ? as / burden : null,
    },
  };
}

/** `expect --json`'s household keys per ruleset: per population (null with a reason) and their total. */
export function householdExpectations(model: EngineModel) {
  const byPop = model.populations.map((_, p) => householdPopulation(model, p));
  return model.rulesets.map((_, ri) => {
    const pops = model.populations.map((pop, p) => ({ id: pop.id, ...byPop[p][ri] }));
    return { populations: pops, total: combineFigures(pops.flatMap((x) => (x.household ? [x.household] : []))) };
  });
}
