/**
 * The expected payout of a ruleset in one population given the trial's severity (its fitted parameters drawn,
 * its cost level and shock applied): E[S | θ] for the fit part of the risk split (engine/summary.ts). Where the
 * self-pay ratio is fixed the benefit is a piecewise-linear function of the annual amount (rules/expectation.ts),
 * so E[b(X)] comes from the severity's limited expected values alone (Klugman, Panjer & Willmot, Loss Models,
 * 4th ed., §3.1); the benefit curves do not depend on the severity and are built once per model.
 */
import { maskProbabilities } from './analytic.ts';
import type { EngineModel } from './model.ts';
import { benefitCurve } from '../rules/expectation.ts';
import { expectation, type Piecewise } from '../rules/piecewise.ts';
import type { Severity } from '../random/severity/index.ts';

type Curves = ({ pr: number; curve: Piecewise }[] | null)[][];
const cache = new WeakMap<EngineModel, Curves>();

/** curves[r][p]: the benefit curve of each tag combination with its probability; null where shares are random. */
function curvesOf(model: EngineModel): Curves {
  let c = cache.get(model);
  if (!c) {
    c = model.rulesets.map((r) =>
      model.populations.map((pop, p) => {
        if (pop.selfPayRatio === null || pop.compliantBeta !== null) return null;
        const kappa = pop.selfPayRatio * pop.compliantShare;
        const out: { pr: number; curve: Piecewise }[] = [];
        maskProbabilities(pop.tagShares).forEach((pr, mask) => {
          if (pr > 0) out.push({ pr, curve: benefitCurve(r.schedules[p][mask], r.selfBurden, kappa) });
        });
        return out;
      }),
    );
    cache.set(model, c);
  }
  return c;
}

/** E[payout of ruleset r in population p | severity sev] at the population's incidence (utilisation 1); NaN where shares are random. */
export function conditionalPayout(model: EngineModel, r: number, p: number, sev: Severity): number {
  const curves = curvesOf(model)[r][p];
  if (curves === null) return NaN;
  const pop = model.populations[p];
  const lev = (u: number) => sev.lev(u);
  const mean = sev.mean();
  const claimants = pop.insured * pop.incidence;
  const exposure = model.rulesets[r].exposure;
  // Summed in the analytic expectation's order (analytic.ts, groupExpectations): at the estimates the two agree
  // to the last bit, so a fit of zero covariance leaves the risk split as it was.
  let payout = 0;
  for (const k of curves) payout += exposure * claimants * k.pr * expectation(k.curve, lev, mean);
  return payout;
}
