/** Expected payout by population and group (analytic), for the breakdown chart. */
import { COST_NODES, groupExpectations } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { shockNodes } from '../math/quadrature.ts';
import { scaled } from '../random/severity/scaled.ts';

export interface BreakdownPoint {
  ruleset: string;
  population: string;
  group: string;
  payout: number;
  beneficiaries: number;
}

/**
 * Expected payout and beneficiaries by population and tag combination (analytic, fixed self-pay ratios), over
 * the year's cost shock as engine/analytic.ts takes it, so the parts add up to the expected payout.
 */
export function breakdown(model: EngineModel): BreakdownPoint[] {
  const out: BreakdownPoint[] = [];
  const cost = model.parameterRisk?.cost;
  const nodes = cost ? shockNodes(cost, COST_NODES) : { x: Float64Array.of(1), w: Float64Array.of(1) };
  model.rulesets.forEach((r) => {
    model.populations.forEach((pop, p) => {
      if (pop.selfPayRatio === null || pop.compliantBeta !== null) return;
      nodes.x.forEach((c, k) => {
        for (const g of groupExpectations(model, r, p, scaled(pop.severity, c))) {
          const tags = pop.tags.filter((_, i) => g.mask & (1 << i));
          // Members with several tags are shown together, so the legend stays readable.
          const group = tags.length === 0 ? 'general' : tags.length === 1 ? tags[0] : 'multiple';
          let row = out.find((o) => o.ruleset === r.id && o.population === pop.id && o.group === group);
          if (!row) out.push((row = { ruleset: r.id, population: pop.id, group, payout: 0, beneficiaries: 0 }));
          row.payout += nodes.w[k] * g.payout;
          row.beneficiaries += nodes.w[k] * g.beneficiaries;
        }
      });
    });
  });
  return out;
}
