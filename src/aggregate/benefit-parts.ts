/**
 * Step 2 of the exact aggregate: each population's claimant benefit B = b(X) as a severity, per tag combination
 * and cost node (benefit-severity.ts), then discretised on the grid and transformed (the severity transforms φ
 * the count's pgf is applied to; compound.ts).
 */
import { scaled } from '../random/severity/scaled.ts';
import { benefitCurve } from '../rules/expectation.ts';
import { samePiecewise, type Piecewise } from '../rules/piecewise.ts';
import { maskProbabilities } from '../engine/analytic.ts';
import type { EngineModel, PopulationModel } from '../engine/model.ts';
import { benefitSeverity, discretise, type BenefitSeverity } from './benefit-severity.ts';
import { realFft } from './fft.ts';
import type { Nodes } from '../math/quadrature.ts';

/** One population under one ruleset: its distinct benefit curves with their probabilities, and B at each cost node. */
export interface BenefitPart {
  pop: PopulationModel;
  curves: { pr: number; curve: Piecewise }[];
  /** atCost[k][i]: the benefit severity of curve i at cost node k. */
  atCost: BenefitSeverity[][];
}

/** A half spectrum (the first H points of a real sequence's transform). */
export interface Spectrum {
  re: Float64Array;
  im: Float64Array;
}

/** Per population: the benefit curve of each tag combination (annual amounts, money times the exposure). */
export function benefitParts(model: EngineModel, r: EngineModel['rulesets'][number], cost: Nodes): BenefitPart[] {
  return model.populations.map((pop, p) => {
    const kappa = pop.selfPayRatio! * pop.compliantShare;
    const probs = maskProbabilities(pop.tagShares);
    const curves: { pr: number; curve: Piecewise }[] = [];
    probs.forEach((pr, mask) => {
      if (!(pr > 0)) return;
      const curve = benefitCurve(r.schedules[p][mask], r.selfBurden, kappa);
      // Tag combinations the ruleset treats alike (groups without a modifier of their own) share one curve,
      // discretised once with their probabilities summed: compare-regions' Suzhou rules have one curve for
      // eight combinations, Jiangyin's two.
      const same = curves.find((c) => samePiecewise(c.curve, curve));
      if (same) same.pr += pr;
      else curves.push({ pr, curve });
    });
    const atCost: BenefitSeverity[][] = Array.from(cost.x, (c) =>
      curves.map((k) => benefitSeverity(k.curve, scaled(pop.severity, c), r.exposure)),
    );
    return { pop, curves, atCost };
  });
}

/**
 * The severity transforms φ[p][k] of population p at cost node k: the curves' discretised benefits mixed by
 * their probabilities, transformed. `outside` is the largest mass a discretisation left beyond the grid.
 */
export function severityTransforms(
  parts: BenefitPart[],
  grid: { m: number; H: number; h: number },
): { phi: Spectrum[][]; outside: number; blur: number[][] } {
  const { m, H, h } = grid;
  const pmf = new Float64Array(m);
  const tmp = new Float64Array(m);
  let outside = 0;
  const blur = parts.map(() => [] as number[]);
  const phi = parts.map((part, p) =>
    part.atCost.map((bs) => {
      pmf.fill(0);
      let second = 0;
      let beyond = 0;
      bs.forEach((b, i) => {
        const d = discretise(b, h, m, tmp);
        outside = Math.max(outside, d.beyond);
        beyond = Math.max(beyond, d.beyond);
        second += part.curves[i].pr * b.secondMoment;
        for (let j = 0; j < m; j++) pmf[j] += part.curves[i].pr * d.pmf[j];
      });
      // E[B_h²] − E[B²]: the variance the rounding added to one claim (the means agree; see payout-distribution.ts
      // unblur). Beyond the grid's top nothing is compared: there the grid's pmf is not B's.
      let gridSecond = 0;
      for (let j = 1; j < m; j++) gridSecond += pmf[j] * (j * h) * (j * h);
      blur[p].push(beyond > 1e-12 ? 0 : Math.max(0, gridSecond - second));
      const re = new Float64Array(H);
      const im = new Float64Array(H);
      realFft(pmf, re, im);
      return { re, im };
    }),
  );
  return { phi, outside, blur };
}
