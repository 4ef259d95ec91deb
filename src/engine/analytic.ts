/**
 * Analytic expected values per ruleset and population, without sampling: where the self-pay ratio is fixed, the
 * benefit is a piecewise-linear function of the annual amount, so its expectation comes exactly from the
 * severity's limited expected values (src/rules/expectation.ts), weighted over the tag combinations.
 */
import { expectPerson } from '../rules/expectation.ts';
import { expectation } from '../rules/piecewise.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import type { EngineModel } from './model.ts';

export interface AnalyticValues {
  payout: number | null;
  beneficiaries: number | null;
  selfBurden: number;
  selfPay: number;
  excess: number | null;
  claimants: number;
  premium: number;
  lossRatio: number | null;
  burdenReductionRate: number | null;
  reimbursementRatio: number | null;
}

export interface AnalyticRuleset extends AnalyticValues {
  id: string;
  /** Where the premium comes from (finance/premium.ts); the amounts sum to `premium`. */
  premiumChannels: PremiumChannel[];
  populations: (AnalyticValues & { id: string })[];
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

function ratios(v: Omit<AnalyticValues, 'lossRatio' | 'burdenReductionRate' | 'reimbursementRatio'>): AnalyticValues {
  return {
    ...v,
    lossRatio: v.payout === null || v.premium <= 0 ? null : v.payout / v.premium,
    burdenReductionRate: v.payout === null ? null : v.payout / (v.selfBurden + v.selfPay),
    reimbursementRatio: v.payout === null || !v.excess ? null : v.payout / v.excess,
  };
}

export function analyticExpectation(model: EngineModel): AnalyticRuleset[] {
  return model.rulesets.map((r) => {
    const pops = model.populations.map((pop, p) => {
      const claimants = pop.insured * pop.incidence;
      const sev = pop.severity;
      // Money on annual amounts, times the share the months in force see (rules/exposure.ts).
      const c = r.exposure;
      const selfBurden = c * claimants * expectation(r.selfBurden, (u) => sev.lev(u), sev.mean());
      const selfPay = c * claimants * pop.meanSelfPayRatio * sev.mean();
      let payout: number | null = null;
      let beneficiaries: number | null = null;
      let excess: number | null = null;
      if (pop.selfPayRatio !== null && pop.compliantBeta === null) {
        const kappa = pop.selfPayRatio * pop.compliantShare;
        const probs = maskProbabilities(pop.tagShares);
        payout = beneficiaries = excess = 0;
        probs.forEach((pr, mask) => {
          if (pr === 0) return;
          const e = expectPerson(r.schedules[p][mask], r.selfBurden, kappa, sev);
          payout! += c * claimants * pr * e.benefit;
          beneficiaries! += claimants * pr * e.beneficiary;
          excess! += c * claimants * pr * e.excess;
        });
      }
      return { id: pop.id, ...ratios({ payout, beneficiaries, selfBurden, selfPay, excess, claimants, premium: r.premiumByPopulation[p] }) };
    });
    const sum = (k: 'payout' | 'beneficiaries' | 'excess') => (pops.some((x) => x[k] === null) ? null : pops.reduce((s, x) => s + (x[k] as number), 0));
    const total = ratios({
      payout: sum('payout'),
      beneficiaries: sum('beneficiaries'),
      excess: sum('excess'),
      selfBurden: pops.reduce((s, x) => s + x.selfBurden, 0),
      selfPay: pops.reduce((s, x) => s + x.selfPay, 0),
      claimants: pops.reduce((s, x) => s + x.claimants, 0),
      premium: r.premium,
    });
    return { id: r.id, ...total, premiumChannels: r.premiumChannels, populations: pops };
  });
}
