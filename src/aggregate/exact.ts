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
import { analyticExpectation } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { benefitParts, severityTransforms } from './benefit-parts.ts';
import { corridorPoints } from './corridor-points.ts';
import { checkedBuckets, payoutGrid, shockNodesOf, type ShockNodes } from './grid.ts';
import { GridTooCoarse, payoutDistribution } from './payout-distribution.ts';
import { describePmf, expectedPaidClaimants, lossRatioOf, type PayoutFigures } from './payout-summary.ts';

export interface ExactOptions {
  /**
   * Grid points (a power of two). Default: the smallest of 2^12 … 2^16 on which the rounding's blur comes off
   * cleanly (payout-distribution.ts unblur), else 2^16 as it is rounded. Given, exactly that grid (blur taken off
   * where it comes off cleanly).
   */
  buckets?: number;
  costNodes?: number;
  utilisationNodes?: number;
  /** Leaves the grid's rounding blur on (the distribution as before issue #32; tests compare the two). */
  keepBlur?: boolean;
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
  /**
   * Set when the payout is a point mass (its plausible values lie within a fen of each other: no insured, a cap
   * below a fen, a zero cap): sd 0, every quantile the mean, skewness null (undefined, shown "—"), and why.
   */
  pointMass?: string;
  payout?: PayoutFigures;
  /** Null where the ruleset has no premium (a loss ratio of 0/0); lossRatioReason says so. */
  lossRatio?: { mean: number; p05: number; p95: number; probAbove1: number } | null;
  lossRatioReason?: 'no-premium';
  corridor?: (ExactCorridor & { alternatives: (ExactCorridor & { id: string })[] }) | null;
  /**
   * Grid step (yuan); error = |discrete mean / model mean − 1| (the analytic mean where there is one, else the mean
   * at the quadrature's nodes); outside = mass that fell outside the window (single benefits beyond it, what the
   * normalisation lost, and a bound on what wrapped around the FFT's circle, whichever is largest);
   * varianceBound = an upper bound on the variance the rounding of benefits adds before the blur is taken off,
   * relative to the payout's variance (local moment matching adds at most s²/4 per paid claimant, none for the atom
   * at zero: E[N]·P(B > 0)·s²/4 / Var S, at the mean cost level), s the step the benefits were rounded to: the grid
   * step h, or a bounded benefit's finer step (band-transform.ts).
   */
  discretisation?: { bucket: number; buckets: number; error: number; outside: number; varianceBound: number };
  /** The distribution: P(S = lo + i·h) at [i]. Not part of the JSON output. */
  distribution?: { lo: number; h: number; pmf: Float64Array };
  milliseconds: number;
}

/**
 * What keeps a scenario off the FFT path: shares drawn per person, a fitted severity's parameters drawn per trial,
 * or a distribution that missed the model's own mean (or lost mass off its grid) by more than EXACT_TOLERANCE.
 */
export type MonteCarloCause = 'randomShares' | 'fitDraws' | 'tolerance';

/**
 * How far the exact distribution may miss the model's mean E[S] (relative), and how much of its mass may fall
 * outside the grid, and still be shown as exact. The scenarios in scenarios/ stay below 1e-9 on both, a gamma or
 * lognormal cost shock of cv 0.5 below 3e-4; a wider one (gamma of cv 1 or 2, lognormal of cv 1 or 2) misses by
 * 0.5–6%, which the mixing over the cost nodes (mix-cost.ts) does not resolve, nor do 8 utilisation nodes the
 * binomial's cap under a utilisation cv of 2 (0.4–1.6%): such a distribution is not shown as exact (issue #30).
 */
export const EXACT_TOLERANCE = 1e-3;

/** Money's resolution (yuan): a payout whose window is narrower than a fen does not vary in money. */
const FEN = 0.01;

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

/**
 * The grids tried in turn, coarsest first. With the blur taken off, 2^14 points give the shipped scenarios' mean
 * and quantiles within 1e-5 of a 2^20-point reference where the blur comes off cleanly (test/exact-accuracy.test.ts);
 * without it 2^16 points were needed for 1e-4. Bounded benefits (every shipped one: a cap, or a severity truncated
 * at a limit) are rounded to a fine step of their own and transformed at the low frequencies only
 * (band-transform.ts), so the blur comes off cleanly on 2^14 points for all of them (Jilin and Suzhou's 8,000
 * deductible needed 2^16 when rounded to the payout's step). The payout's transform then lives on a few hundred
 * frequencies (a band of 120–300 of 2^13 + 1 on the shipped scenarios), so 2^12 points hold it as well as 2^14:
 * the shipped figures moved by at most 7.2e-6 from 2^14, and stay within 2.4e-5 of the 2^20 reference, at half
 * the time of 2^14 (the inverse transforms, the quantiles read for the mixing, issue #32).
 */
const GRIDS = [1 << 12, 1 << 13, 1 << 14, 1 << 15, 1 << 16];
/** The coarsest grid tried for a benefit that is not bounded (rounded to the payout's step, not a fine one of its own). */
const UNBOUNDED_GRID = 1 << 14;

/**
 * The blur is taken off only where the payout sums enough paid claims for Σ ε to be normal (payout-distribution.ts
 * unblur): the shipped scenarios pay tens of thousands. A few (compound Poisson of mean 20 in the tests) keep a
 * transform that does not fall at high frequencies, which the factor would raise; they take the finest grid as
 * before, where the blur is a small part of little.
 */
const UNBLUR_CLAIMS = 1000;

export function exactAggregate(model: EngineModel, opts: ExactOptions = {}): ExactRuleset[] {
  const m = opts.buckets === undefined ? GRIDS : [checkedBuckets(opts.buckets)];
  const shocks = shockNodesOf(model, opts.costNodes, opts.utilisationNodes);
  const unsupported = fftObstacle(model);
  // The model's own mean in closed form (engine/analytic.ts), against which each distribution is checked: the
  // grid's mean at the same quadrature nodes cannot see what the nodes miss (a binomial's probability held at 1
  // under a wide utilisation shock is a kink that 8 nodes integrate 0.4–1.6% wrong at cv 2).
  const analytic = unsupported ? [] : analyticExpectation(model);
  return model.rulesets.map((r, i) =>
    unsupported
      ? { id: r.id, method: 'monteCarlo-only', reason: unsupported.reason, cause: unsupported.cause, premium: r.premium, milliseconds: 0 }
      : exactRuleset(model, r, shocks, m, analytic[i].payout, opts.keepBlur === true),
  );
}

/** One ruleset through the five steps. */
function exactRuleset(
  model: EngineModel,
  r: EngineModel['rulesets'][number],
  shocks: ShockNodes,
  grids: number[],
  analyticMean: number | null,
  keepBlur: boolean,
): ExactRuleset {
  const started = performance.now();
  const parts = benefitParts(model, r, shocks.cost);
  const pr = model.parameterRisk;
  // The coarsest grid on which the blur comes off cleanly; the last grid as it is rounded where none does.
  const attempt = (m: number, unblurred: boolean) => {
    const grid = payoutGrid(parts, shocks, m);
    if (grid.width < FEN) return { grid, point: true as const };
    // With the blur taken off, bounded benefits are transformed from a fine step at the low frequencies only.
    const phi = severityTransforms(parts, grid, unblurred ? shocks.util : undefined);
    const input = { parts, phi, unblurred, shocks, costShock: pr?.cost ?? null, grid };
    try {
      const result = payoutDistribution(input, pr?.shared ?? true);
      return { grid, outside: phi.outside, step: phi.step, ...result };
    } catch (e) {
      if (e instanceof GridTooCoarse) return null;
      throw e;
    }
  };
  let done: ReturnType<typeof attempt> = null;
  // The coarsest grids only where every benefit is bounded (band-transform.ts): an unbounded one is rounded to the
  // payout's own step, validated from 2^14 points (GRIDS).
  const bounded = parts.every((part) => part.atCost.every((row) => row.every((b) => Number.isFinite(b.max))));
  const tried = bounded || grids.length === 1 ? grids : grids.filter((g) => g >= UNBOUNDED_GRID);
  if (!keepBlur && expectedPaidClaimants(parts) >= UNBLUR_CLAIMS) for (const g of tried) if ((done = attempt(g, true))) break;
  done ??= attempt(grids[grids.length - 1], false)!;
  const { grid } = done;
  if ('point' in done) return pointMassRuleset(r, grid.meanModel, started);
  const { pmf, mass, outside, step } = done;
  const { lo, h, m } = grid;
  const stats = describePmf(pmf, lo, h);
  const premium = r.premium;
  const paid = expectedPaidClaimants(parts);
  const reference = analyticMean ?? grid.meanModel;
  const error = reference > 0 ? Math.abs(stats.mean / reference - 1) : 0;
  const lost = Math.max(outside, Math.abs(1 - mass), wrapped(stats.mean, grid.meanModel, m * h));
  const discretisation = {
    bucket: h,
    buckets: m,
    error,
    outside: lost,
    // E[N]·P(B > 0)·h²/4 / Var S, at the mean cost level (see ExactRuleset.discretisation).
    varianceBound: stats.sd > 0 ? (paid * step * step) / 4 / (stats.sd * stats.sd) : 0,
  };
  if (!(error <= EXACT_TOLERANCE && lost <= EXACT_TOLERANCE))
    return {
      id: r.id,
      method: 'monteCarlo-only',
      cause: 'tolerance',
      reason: toleranceReason(model, error, lost),
      premium,
      discretisation,
      milliseconds: performance.now() - started,
    };
  return { ...fftFigures(r, stats, pmf, lo, h), discretisation, milliseconds: performance.now() - started };
}

/** A ruleset's figures from its payout's pmf on the points lo + i·h: payout, loss ratio, corridor means. */
function fftFigures(r: EngineModel['rulesets'][number], stats: PayoutFigures, pmf: Float64Array, lo: number, h: number) {
  const premium = r.premium;
  // The grid's points merged where the split is linear (corridor-points.ts): the same expectation, a few dozen
  // splits instead of one per grid point.
  const corridorOf = (rule: CorridorRule) => corridorExpectation(rule, premium, corridorPoints(rule, premium, pmf, lo, h));
  return {
    id: r.id,
    method: 'fft' as const,
    premium,
    payout: stats,
    lossRatio: lossRatioOf(stats, pmf, lo, h, premium),
    // Its figures are null without a premium; this added key says why.
    ...(premium > 0 ? {} : { lossRatioReason: 'no-premium' as const }),
    corridor: r.corridor
      ? { ...corridorOf(r.corridor), alternatives: r.alternatives.map((a) => ({ id: a.id, ...corridorOf(a.rule) })) }
      : null,
    distribution: { lo, h, pmf },
  };
}

/** Why a distribution outside the tolerance is not shown, naming the shock that most likely stretched it. */
function toleranceReason(model: EngineModel, error: number, lost: number): string {
  const pct = (x: number) => `${(x * 100).toPrecision(2)}%`;
  const pr = model.parameterRisk;
  const shocks = [
    pr?.cost ? `cost level: ${pr.cost.family}, cv ${pr.cost.cv}` : '',
    pr?.utilisation ? `utilisation: ${pr.utilisation.family}, cv ${pr.utilisation.cv}` : '',
  ].filter(Boolean);
  const misses = [
    error > EXACT_TOLERANCE ? `misses the model's mean by ${pct(error)}` : '',
    lost > EXACT_TOLERANCE ? `lost ${pct(lost)} of its mass off the grid` : '',
  ].filter(Boolean);
  const why = shocks.length ? `: the parameter shocks (${shocks.join('; ')}) are wider than its quadrature and grid resolve` : '';
  return `the exact distribution ${misses.join(' and ')} (tolerance ${pct(EXACT_TOLERANCE)})${why}; the Monte Carlo's figures stand`;
}

/**
 * The payout's mass that wrapped around the circle of the FFT (issue #32): S is computed modulo m·h, so mass above
 * the window reappears at its bottom, each unit of it moved down by exactly m·h. Local moment matching keeps every
 * benefit's mean (benefit-severity.ts discretise), so the grid's mean falls short of the model's by the wrapped
 * mass times m·h: |E_grid − E[S]| / (m·h). `severityTransforms`' `outside` counts only single benefits beyond the
 * grid, which a sum of many claims below it can still exceed.
 */
function wrapped(gridMean: number, meanModel: number, span: number): number {
  return Math.abs(gridMean - meanModel) / span;
}

/** A point mass at the model's mean: the figures without a grid (describePmf of one point would divide noise by noise). */
function pointMassRuleset(r: EngineModel['rulesets'][number], mean: number, started: number): ExactRuleset {
  const one = Float64Array.of(1);
  return {
    ...fftFigures(r, describePmf(one, mean, FEN), one, mean, FEN),
    pointMass: `the payout does not vary by a fen (a point mass at ${mean.toFixed(2)} yuan): sd 0, skewness undefined`,
    discretisation: { bucket: FEN, buckets: 1, error: 0, outside: 0, varianceBound: 0 },
    milliseconds: performance.now() - started,
  };
}
