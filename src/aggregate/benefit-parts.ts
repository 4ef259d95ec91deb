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

/** A population's severity transform at one cost node, and the variance the grid's rounding added to one claim. */
export interface NodeSpectrum extends Spectrum {
  /** E[B_h²] − E[B²] (payout-distribution.ts unblur); 0 where B reaches beyond the grid. */
  blur: number;
}

/**
 * The severity transforms φ of population p at cost node k: the curves' discretised benefits mixed by their
 * probabilities, transformed. Computed when first asked (`at`), so a grid found too coarse at its first node
 * costs one node's work (exact.ts tries the next). `outside`: the largest mass a discretisation so far left
 * beyond the grid.
 */
export function severityTransforms(parts: BenefitPart[], grid: { m: number; H: number; h: number }) {
  const { m, H, h } = grid;
  const pmf = new Float64Array(m);
  const tmp = new Float64Array(m);
  const memo = parts.map(() => [] as NodeSpectrum[]);
  const state = { outside: 0 };
  const make = (p: number, k: number): NodeSpectrum => {
    const part = parts[p];
    pmf.fill(0);
    let second = 0;
    let beyond = 0;
    part.atCost[k].forEach((b, i) => {
      const d = discretise(b, h, m, tmp);
      beyond = Math.max(beyond, d.beyond);
      second += part.curves[i].pr * b.secondMoment;
      const pr = part.curves[i].pr;
      for (let j = 0; j < m; j++) pmf[j] += pr * d.pmf[j];
    });
    state.outside = Math.max(state.outside, beyond);
    // E[B_h²] − E[B²]: the variance the rounding added to one claim (the means agree; payout-distribution.ts
    // unblur). Where B reaches beyond the grid's top, the grid's pmf is not B's there: nothing is taken off.
    let gridSecond = 0;
    for (let j = 1; j < m; j++) gridSecond += pmf[j] * (j * h) * (j * h);
    const re = new Float64Array(H);
    const im = new Float64Array(H);
    realFft(pmf, re, im);
    return { re, im, blur: beyond > 1e-12 ? 0 : Math.max(0, gridSecond - second) };
  };
  return {
    at: (p: number, k: number): NodeSpectrum => (memo[p][k] ??= make(p, k)),
    get outside() {
      return state.outside;
    },
  };
}

export type SeverityTransforms = ReturnType<typeof severityTransforms>;
