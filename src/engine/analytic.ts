/**
 * Analytic expected values per ruleset and population, without sampling: where the self-pay ratio is fixed, the
 * benefit is a piecewise-linear function of the annual amount, so its expectation comes exactly from the
 * severity's limited expected values (src/rules/expectation.ts), weighted over the tag combinations.
 *
 * A fitted severity whose parameters are drawn per trial (engine/fit-draw.ts) is averaged over them,
 * E_θ[E[S | θ]], by the second-order rule of fit-nodes.ts (2 evaluations per parameter besides the estimates):
 * the mean at the estimates alone would miss the draws' bias ½·tr(Σ·∇²m), which a heavy tail's index makes
 * several Monte Carlo standard errors (a Pareto α with sd 0.2 moves the payout by about a tenth). The rule's error
 * is of fourth order in the sd. The conditional values per cost node (`conditional`) are these averages too, so
 * the risk split centres each trial's fit draw on its own mean (summary.ts).
 */
import { expectPerson } from '../rules/expectation.ts';
import { expectation } from '../rules/piecewise.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import { shockNodes } from '../math/quadrature.ts';
import { scaled } from '../random/severity/scaled.ts';
import { utilisationKept } from '../random/claim-count.ts';
import type { EngineModel } from './model.ts';
import { severityAt } from './fit-draw.ts';
import { fitNodePairs, secondOrderMean } from './fit-nodes.ts';
import type { Severity } from '../random/severity/index.ts';
import { analyticRatios, type RatioMetric } from './ratios.ts';

/** The expected sums, the loss ratio and every ratio of ratios.ts under its name. */
export interface AnalyticValues extends Record<RatioMetric, number | null> {
  payout: number | null;
  beneficiaries: number | null;
  selfBurden: number;
  selfPay: number;
  excess: number | null;
  /** Σ over beneficiaries of self-burden + compliant self-pay (trial-columns.ts beneficiaryBase). */
  beneficiaryBase: number | null;
  claimants: number;
  premium: number;
  lossRatio: number | null;
  lossRatioReason?: 'no-premium';
}

export interface AnalyticRuleset extends AnalyticValues {
  id: string;
  /**
   * Standard deviation of the expected payout across the parameter shocks, sd(E[S | θ]) (the parameter part of
   * the law of total variance, Var S = E[Var(S | θ)] + Var(E[S | θ])); 0 without parameter risk, null where the
   * payout has no analytic value.
   */
  payoutParameterSd: number | null;
  /**
   * E[payout | cost shock = c] per population at the quadrature's nodes c (ln c ascending), for the conditional
   * mean of each trial (summary.ts); null without a cost shock or an analytic payout.
   */
  conditional: { lnCost: number[]; payout: number[][] } | null;
  /** Where the premium comes from (finance/premium.ts); the amounts sum to `premium`. */
  premiumChannels: PremiumChannel[];
  populations: (AnalyticValues & { id: string })[];
  /**
   * Per population and group tag: the expected payout to the members carrying the tag and their expected cash
   * burden (self-burden + compliant self-pay, the tag's share of the population's, tags being drawn independently
   * of cost), for a target over a group (engine/group-rates.ts). Payout null where it has no analytic value.
   */
  groups: GroupSums[];
}

export interface GroupSums {
  population: string;
  tag: string;
  payout: number | null;
  selfBurden: number;
  selfPay: number;
}

/** Probability of each tag combination (bit i set = tag i), tags drawn independently by their shares. */
export function maskProbabilities(shares: Float64Array): Float64Array {
  const n = shares.length;
  return Float64Array.from({ length: 1 << n }, (_, mask) => {
    let pr = 1;
    for (let i = 0; i < n; i++) pr *= mask & (1 << i) ? shares[i] : 1 - shares[i];
    return pr;
  });
}

/** `deduction`: the ruleset's policyRangeDeduction times its exposure (null where it states none). */
function ratios(v: Omit<AnalyticValues, 'lossRatio' | RatioMetric>, deduction: number | null): AnalyticValues {
  const sums: Record<'payout' | 'excess' | 'selfBurden' | 'selfPay' | 'beneficiaries' | 'beneficiaryBase', number | null> = v;
  return {
    ...v,
    lossRatio: v.payout === null || v.premium <= 0 ? null : v.payout / v.premium,
    // null without a premium: this added key says why (`expect --json`, issue #30).
    ...(v.premium > 0 ? {} : { lossRatioReason: 'no-premium' as const }),
    ...analyticRatios((c) => (c in sums ? sums[c as keyof typeof sums] : null), deduction),
  };
}

/**
 * Expected payout, beneficiaries and excess of ruleset `r` in population `p` per tag combination (mask), for a
 * severity `sev` (the population's, or scaled by a cost shock); fixed self-pay ratios only.
 */
export function groupExpectations(
  model: EngineModel,
  r: EngineModel['rulesets'][number],
  p: number,
  sev: EngineModel['populations'][number]['severity'],
) {
  const pop = model.populations[p];
  const claimants = expectedClaimants(model, p);
  const kappa = (pop.selfPayRatio ?? 0) * pop.compliantShare;
  const out: { mask: number; payout: number; beneficiaries: number; excess: number; beneficiaryBase: number }[] = [];
  maskProbabilities(pop.tagShares).forEach((pr, mask) => {
    if (pr === 0) return;
    const e = expectPerson(r.schedules[p][mask], r.selfBurden, kappa, sev);
    out.push({
      mask,
      payout: r.exposure * claimants * pr * e.benefit,
      beneficiaries: claimants * pr * e.beneficiary,
      excess: r.exposure * claimants * pr * e.excess,
      beneficiaryBase: r.exposure * claimants * pr * e.beneficiaryBase,
    });
  });
  return out;
}

/**
 * Expected members with eligible cost in population p: insured × incidence, less what a utilisation shock loses
 * where it would push a binomial's probability above 1 (random/claim-count.ts utilisationKept).
 */
function expectedClaimants(model: EngineModel, p: number): number {
  const pop = model.populations[p];
  return pop.insured * pop.incidence * utilisationKept(pop, model.parameterRisk?.utilisation ?? null);
}

/** Nodes of the cost-level shock's quadrature: 16 points integrate E[g(C)] to ~1e-10 for smooth g (test). */
export const COST_NODES = 16;

type Sums = {
  payout: number | null;
  beneficiaries: number | null;
  excess: number | null;
  beneficiaryBase: number | null;
  selfBurden: number;
  selfPay: number;
  /** Expected payout to the members carrying each of the population's tags (index = tag), null with payout. */
  groupPayout: number[] | null;
};

/** Expected values of ruleset r in population p for the severity `sev` (the population's, scaled or drawn). */
function expectedFor(model: EngineModel, r: EngineModel['rulesets'][number], p: number, sev: Severity): Sums {
  const pop = model.populations[p];
  const claimants = expectedClaimants(model, p);
  // Money on annual amounts, times the share the months in force see (rules/exposure.ts).
  const c = r.exposure;
  const selfBurden = c * claimants * expectation(r.selfBurden, (u) => sev.lev(u), sev.mean());
  const selfPay = c * claimants * pop.meanSelfPayRatio * sev.mean();
  if (pop.selfPayRatio === null || pop.compliantBeta !== null)
    return { payout: null, beneficiaries: null, excess: null, beneficiaryBase: null, selfBurden, selfPay, groupPayout: null };
  let payout = 0;
  let beneficiaries = 0;
  let excess = 0;
  let beneficiaryBase = 0;
  const groupPayout = pop.tags.map(() => 0);
  for (const g of groupExpectations(model, r, p, sev)) {
    // A member with tag i is in mask g.mask with bit i set (seed 000: 实时救助人员 are counted by their tag).
    for (let i = 0; i < groupPayout.length; i++) if (g.mask & (1 << i)) groupPayout[i] += g.payout;
    payout += g.payout;
    beneficiaries += g.beneficiaries;
    excess += g.excess;
    beneficiaryBase += g.beneficiaryBase;
  }
  return { payout, beneficiaries, excess, beneficiaryBase, selfBurden, selfPay, groupPayout };
}

/**
 * Expected values per ruleset and population with every amount scaled by cost[p] (1 = the population's own); a
 * population whose fitted parameters are drawn per trial is averaged over them to second order (fit-nodes.ts).
 */
function expectedAt(model: EngineModel, cost: ArrayLike<number>): Sums[][] {
  const nodes = model.populations.map((pop) =>
    pop.fit
      ? fitNodePairs(pop.fit).map((pair) => pair.map((theta) => scaled(severityAt(pop.fit!, theta), pop.costLevel)) as [Severity, Severity])
      : [],
  );
  return model.rulesets.map((r) =>
    model.populations.map((pop, p): Sums => {
      const atEstimate = expectedFor(model, r, p, scaled(pop.severity, cost[p]));
      if (!nodes[p].length) return atEstimate;
      const at = nodes[p].map(([plus, minus]) => [
        expectedFor(model, r, p, scaled(plus, cost[p])),
        expectedFor(model, r, p, scaled(minus, cost[p])),
      ]);
      const mean = (k: Exclude<keyof Sums, 'groupPayout'>) => {
        const m0 = atEstimate[k];
        return m0 === null
          ? null
          : secondOrderMean(
              m0,
              at.map(([a, b]) => [a[k] as number, b[k] as number]),
            );
      };
      return {
        payout: mean('payout'),
        beneficiaries: mean('beneficiaries'),
        excess: mean('excess'),
        beneficiaryBase: mean('beneficiaryBase'),
        selfBurden: mean('selfBurden') as number,
        selfPay: mean('selfPay') as number,
        groupPayout:
          atEstimate.groupPayout &&
          atEstimate.groupPayout.map((m0, i) =>
            secondOrderMean(
              m0,
              at.map(([a, b]) => [a.groupPayout![i], b.groupPayout![i]]),
            ),
          ),
      };
    }),
  );
}

const nullableAdd = (a: number | null, b: number | null, w = 1) => (a === null || b === null ? null : a + w * b);

export function analyticExpectation(model: EngineModel): AnalyticRuleset[] {
  const P = model.populations.length;
  const pr = model.parameterRisk;
  // E over the cost shock by quadrature (the mean does not depend on whether shocks are shared, nor on the
  // utilisation shock, whose mean is 1). Node values are kept for the parameter variance below.
  const nodes = pr?.cost ? shockNodes(pr.cost, COST_NODES) : { x: Float64Array.of(1), w: Float64Array.of(1) };
  // A later year of a multi-year run: a sure trend scales every amount by (1 + g)^k; an uncertain one leaves the
  // payout to Monte Carlo (its index is a product of normals, engine/trial.ts costIndex).
  const t = model.trend;
  const index = t ? (1 + t.mean) ** t.yearsAhead : 1;
  const atNode = Array.from(nodes.x, (c) => expectedAt(model, new Float64Array(P).fill(c * index)));
  if (t && t.sd > 0)
    for (const v of atNode)
      for (const r of v)
        for (const x of r) {
          x.payout = x.beneficiaries = x.excess = x.beneficiaryBase = null;
          x.groupPayout = null;
        }
  const u2 = 1 + (pr?.utilisation?.cv ?? 0) ** 2; // E[U²]
  return model.rulesets.map((r, ri) => {
    const deduction = r.spec.policyRangeDeduction ? r.spec.policyRangeDeduction.value * r.exposure : null;
    const groups: GroupSums[] = [];
    const pops = model.populations.map((pop, p) => {
      const s: Sums = { payout: 0, beneficiaries: 0, excess: 0, beneficiaryBase: 0, selfBurden: 0, selfPay: 0, groupPayout: null };
      let groupPayout: (number | null)[] = pop.tags.map(() => 0);
      atNode.forEach((v, k) => {
        const x = v[ri][p];
        const w = nodes.w[k];
        s.payout = nullableAdd(s.payout, x.payout, w);
        s.beneficiaries = nullableAdd(s.beneficiaries, x.beneficiaries, w);
        s.excess = nullableAdd(s.excess, x.excess, w);
        s.beneficiaryBase = nullableAdd(s.beneficiaryBase, x.beneficiaryBase, w);
        s.selfBurden += w * x.selfBurden;
        s.selfPay += w * x.selfPay;
        groupPayout = groupPayout.map((g, i) => (x.groupPayout === null ? null : nullableAdd(g, x.groupPayout[i], w)));
      });
      pop.tags.forEach((tag, i) =>
        groups.push({
          population: pop.id,
          tag,
          payout: groupPayout[i],
          selfBurden: pop.tagShares[i] * s.selfBurden,
          selfPay: pop.tagShares[i] * s.selfPay,
        }),
      );
      const { groupPayout: _, ...sums } = s;
      return { id: pop.id, ...ratios({ ...sums, claimants: expectedClaimants(model, p), premium: r.premiumByPopulation[p] }, deduction) };
    });
    const sum = (k: 'payout' | 'beneficiaries' | 'excess' | 'beneficiaryBase') =>
      pops.some((x) => x[k] === null) ? null : pops.reduce((s, x) => s + (x[k] as number), 0);
    const total = ratios(
      {
        payout: sum('payout'),
        beneficiaries: sum('beneficiaries'),
        excess: sum('excess'),
        beneficiaryBase: sum('beneficiaryBase'),
        selfBurden: pops.reduce((s, x) => s + x.selfBurden, 0),
        selfPay: pops.reduce((s, x) => s + x.selfPay, 0),
        claimants: pops.reduce((s, x) => s + x.claimants, 0),
        premium: r.premium,
      },
      deduction,
    );
    // Var(E[S | θ]) with E[S | C, U] = U·m(C): shared shocks, E[U²]·E[M(C)²] − (E M)² for the total M = Σₚ mₚ;
    // independent shocks, the same per population, summed.
    let payoutParameterSd: number | null = null;
    if (total.payout !== null) {
      const m = (k: number, p: number) => atNode[k][ri][p].payout as number;
      const second = (f: (k: number) => number) => nodes.w.reduce((a, w, k) => a + w * f(k) ** 2, 0);
      let variance = 0;
      if (pr?.shared) variance = u2 * second((k) => pops.reduce((a, _, p) => a + m(k, p), 0)) - total.payout ** 2;
      else if (pr) variance = pops.reduce((a, x, p) => a + u2 * second((k) => m(k, p)) - (x.payout as number) ** 2, 0);
      payoutParameterSd = Math.sqrt(Math.max(0, variance));
    }
    const conditional =
      pr?.cost && total.payout !== null
        ? { lnCost: Array.from(nodes.x, Math.log), payout: model.populations.map((_, p) => atNode.map((v) => v[ri][p].payout as number)) }
        : null;
    return { id: r.id, ...total, payoutParameterSd, conditional, premiumChannels: r.premiumChannels, populations: pops, groups };
  });
}
