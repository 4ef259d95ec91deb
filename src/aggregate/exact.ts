/**
 * The exact aggregate distribution of a year's payout per ruleset, by FFT (issue "Risk as it really is"), beside
 * the Monte Carlo, in five steps:
 *  1. the shocks' nodes and the grid with its windows (grid.ts);
 *  2. each population's claimant benefit B = b(X) as a severity, discretised and transformed (benefit-parts.ts,
 *     benefit-severity.ts);
 *  3. compounded with the claim count's pgf (compound.ts, random/claim-count.ts), populations combined by
 *     multiplying transforms, utilisation mixed in the transform domain and the cost level over its nodes
 *     (payout-distribution.ts, mix-cost.ts);
 *  4. the payout's figures (payout-summary.ts);
 *  5. the corridor's expected split over the distribution (finance/corridor-expectation.ts, the same function
 *     the Monte Carlo uses over its trials).
 *
 * Only rulesets whose benefit is a function of the annual amount alone can take this path: every population's
 * self-pay and compliant shares fixed (a basic layer and caps are fine: b stays piecewise linear), and no fitted
 * severity drawn per trial (its mixture over the parameters is left to Monte Carlo). Others are
 * "monteCarlo-only" with the reason.
 */
import { corridorExpectation, type CorridorExpectation } from '../finance/corridor-expectation.ts';
import type { CorridorRule } from '../finance/corridor.ts';
import type { EngineModel } from '../engine/model.ts';
import { benefitParts, severityTransforms } from './benefit-parts.ts';
import { checkedBuckets, payoutGrid, shockNodesOf, type ShockNodes } from './grid.ts';
import { payoutDistribution } from './payout-distribution.ts';
import { describePmf, expectedPaidClaimants, lossRatioOf, type PayoutFigures } from './payout-summary.ts';

export interface ExactOptions {
  /** Grid points (a power of two); default 2^16. */
  buckets?: number;
  costNodes?: number;
  utilisationNodes?: number;
}

/** The corridor's expected split over the exact distribution. */
export type ExactCorridor = CorridorExpectation;

export interface ExactRuleset {
  id: string;
  method: 'fft' | 'monteCarlo-only';
  reason?: string;
  /** With 'monteCarlo-only': what closed the FFT path (the workbench names it). */
  cause?: MonteCarloCause;
  premium: number;
  payout?: PayoutFigures;
  lossRatio?: { mean: number; p05: number; p95: number; probAbove1: number };
  lossRatioReason?: 'no-premium';
  corridor?: (ExactCorridor & { alternatives: (ExactCorridor & { id: string })[] }) | null;
  /**
   * Grid step (yuan); error = |discrete mean / model mean − 1|; outside = mass that fell outside the window;
   * varianceBound = an upper bound on the variance the rounding of benefits to the grid adds, relative to the
   * payout's variance (local moment matching adds at most h²/4 per paid claimant, none for the atom at zero:
   * E[N]·P(B > 0)·h²/4 / Var S, at the mean cost level).
   */
  discretisation?: { bucket: number; buckets: number; error: number; outside: number; varianceBound: number };
  /** The distribution: P(S = lo + i·h) at [i]. Not part of the JSON output. */
  distribution?: { lo: number; h: number; pmf: Float64Array };
  milliseconds: number;
}

/** What keeps a scenario off the FFT path: shares drawn per person, or a fitted severity's parameters drawn per trial. */
export type MonteCarloCause = 'randomShares' | 'fitDraws';

/** Why a ruleset cannot take the FFT path (null when it can). */
export function fftUnsupported(model: EngineModel): string | null {
  return fftObstacle(model)?.reason ?? null;
}

function fftObstacle(model: EngineModel): { cause: MonteCarloCause; reason: string } | null {
  // Shares drawn per person first: they keep the path closed even with the fit switched off.
  const shares = sharesObstacle(model);
  if (shares) return { cause: 'randomShares', reason: shares };
  const fitted = model.populations.find((pop) => pop.fit !== null);
  if (fitted)
    return {
      cause: 'fitDraws',
      reason: `population "${fitted.id}" draws its fitted severity's parameters per trial (severity.uncertainty), a mixture the exact aggregate does not integrate; set simulation.parameterRisk.fitUncertainty to false for the exact distribution at the estimates`,
    };
  return null;
}

function sharesObstacle(model: EngineModel): string | null {
  for (const pop of model.populations) {
    if (pop.selfPayRatio === null)
      return `population "${pop.id}" draws its self-pay ratio per person (Beta), so a benefit is not a function of the annual amount alone`;
    if (pop.compliantBeta !== null)
      return `population "${pop.id}" draws its compliant share per person (Beta), so a benefit is not a function of the annual amount alone`;
  }
  return null;
}

const DEFAULT_BUCKETS = 1 << 16;

export function exactAggregate(model: EngineModel, opts: ExactOptions = {}): ExactRuleset[] {
  const m = checkedBuckets(opts.buckets ?? DEFAULT_BUCKETS);
  const shocks = shockNodesOf(model, opts.costNodes, opts.utilisationNodes);
  const unsupported = fftObstacle(model);
  return model.rulesets.map((r) =>
    unsupported
      ? { id: r.id, method: 'monteCarlo-only', reason: unsupported.reason, cause: unsupported.cause, premium: r.premium, milliseconds: 0 }
      : exactRuleset(model, r, shocks, m),
  );
}

/** One ruleset through the five steps. */
function exactRuleset(model: EngineModel, r: EngineModel['rulesets'][number], shocks: ShockNodes, m: number): ExactRuleset {
  const started = performance.now();
  const parts = benefitParts(model, r, shocks.cost);
  const grid = payoutGrid(parts, shocks, m);
  const { phi, outside } = severityTransforms(parts, grid);
  const pr = model.parameterRisk;
  const { pmf, mass } = payoutDistribution({ parts, phi, shocks, costShock: pr?.cost ?? null, grid }, pr?.shared ?? true);
  const { lo, h } = grid;
  const stats = describePmf(pmf, lo, h);
  const premium = r.premium;
  const points = { values: Float64Array.from(pmf, (_, i) => lo + i * h), weights: pmf, total: 1 };
  const corridorOf = (rule: CorridorRule) => corridorExpectation(rule, premium, points);
  const paid = expectedPaidClaimants(parts);
  return {
    id: r.id,
    method: 'fft',
    premium,
    payout: stats,
    lossRatio: lossRatioOf(stats, pmf, lo, h, premium),
    // Its figures are NaN (null in JSON) without a premium; this added key says why.
    ...(premium > 0 ? {} : { lossRatioReason: 'no-premium' as const }),
    corridor: r.corridor
      ? { ...corridorOf(r.corridor), alternatives: r.alternatives.map((a) => ({ id: a.id, ...corridorOf(a.rule) })) }
      : null,
    discretisation: {
      bucket: h,
      buckets: m,
      error: grid.meanModel > 0 ? Math.abs(stats.mean / grid.meanModel - 1) : 0,
      outside: Math.max(outside, Math.abs(1 - mass)),
      // E[N]·P(B > 0)·h²/4 / Var S, at the mean cost level (see ExactRuleset.discretisation).
      varianceBound: stats.sd > 0 ? (paid * h * h) / 4 / (stats.sd * stats.sd) : 0,
    },
    distribution: { lo, h, pmf },
    milliseconds: performance.now() - started,
  };
}
