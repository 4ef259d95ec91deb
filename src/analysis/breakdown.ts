/** Expected payout by population and group (analytic), for the breakdown chart. */
import { maskProbabilities } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { expectPerson } from '../rules/expectation.ts';

export interface BreakdownPoint {
  ruleset: string;
  population: string;
  group: string;
  payout: number;
  beneficiaries: number;
}

/** Expected payout and beneficiaries by population and tag combination (analytic, fixed self-pay ratios). */
export function breakdown(model: EngineModel): BreakdownPoint[] {
  const out: BreakdownPoint[] = [];
  model.rulesets.forEach((r) => {
    model.populations.forEach((pop, p) => {
      if (pop.selfPayRatio === null || pop.compliantBeta !== null) return;
      const kappa = pop.selfPayRatio * pop.compliantShare;
      const claimants = pop.insured * pop.incidence;
      maskProbabilities(pop.tagShares).forEach((pr, mask) => {
        if (pr === 0) return;
        const e = expectPerson(r.schedules[p][mask], r.selfBurden, kappa, pop.severity);
        const tags = pop.tags.filter((_, i) => mask & (1 << i));
        // Members with several tags are shown together, so the legend stays readable.
        const group = tags.length === 0 ? 'general' : tags.length === 1 ? tags[0] : 'multiple';
        const prev = out.find((o) => o.ruleset === r.id && o.population === pop.id && o.group === group);
        const payout = r.exposure * claimants * pr * e.benefit;
        if (prev) {
          prev.payout += payout;
          prev.beneficiaries += claimants * pr * e.beneficiary;
        } else out.push({ ruleset: r.id, population: pop.id, group, payout, beneficiaries: claimants * pr * e.beneficiary });
      });
    });
  });
  return out;
}
