/**
 * Thinning by tag mask (docs/model.md "Performance"): the sampling threshold t is the lowest amount any ruleset
 * can pay any member, but most members carry no tag and are paid only from a higher amount t_m (Jilin 2017: 7,274
 * for the rural poor with an assistance tag, 26,530 for a member with none). Members of mask m between t and t_m
 * are counted, not drawn (engine/claimants.ts); like the members below t, they enter the burden totals through
 * exact conditional expectations: per member, E[g(X) | t < X ≤ t_m] = (E[g(X); X ≤ t_m] − E[g(X); X ≤ t]) / (S(t) − S(t_m)).
 */
import type { Piecewise } from '../rules/piecewise.ts';
import type { Severity } from '../random/severity/index.ts';
import { belowThreshold, type BelowThreshold, type PopulationModel } from './model.ts';

export class MaskThinning {
  /** S(t_m) per mask, of the year's severity. */
  readonly tail: Float64Array;
  /** Per member of mask m between t and t_m: E[X | t < X ≤ t_m] (0 where t_m = t). */
  readonly amount: Float64Array;
  /** Likewise E[self-burden under ruleset r | t < X ≤ t_m] at [m·R + r]. */
  readonly selfBurden: Float64Array;
  constructor(
    private readonly pop: PopulationModel,
    private readonly curves: readonly Piecewise[],
  ) {
    const M = pop.maskThreshold.length;
    this.tail = new Float64Array(M);
    this.amount = new Float64Array(M);
    this.selfBurden = new Float64Array(M * curves.length);
  }

  /** The expectations for severity `sev`, whose figures at the population's threshold are `atT`. */
  update(sev: Severity, atT: BelowThreshold): this {
    const R = this.curves.length;
    const t = this.pop.threshold;
    const below = 1 - atT.tailProb;
    this.pop.maskThreshold.forEach((tm, m) => {
      this.tail[m] = atT.tailProb;
      this.amount[m] = 0;
      this.selfBurden.fill(0, m * R, (m + 1) * R);
      if (!(tm > t)) return;
      const atM = belowThreshold(sev, tm, this.curves);
      const between = atT.tailProb - atM.tailProb;
      this.tail[m] = Math.min(atM.tailProb, atT.tailProb);
      if (!(between > 0)) return;
      const belowM = 1 - atM.tailProb;
      this.amount[m] = (belowM * atM.meanAmountBelow - below * atT.meanAmountBelow) / between;
      for (let r = 0; r < R; r++)
        this.selfBurden[m * R + r] = (belowM * atM.meanSelfBurdenBelow[r] - below * atT.meanSelfBurdenBelow[r]) / between;
    });
    return this;
  }
}
