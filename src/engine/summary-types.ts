/**
 * The shapes of a run's result (`run --json`: keys are a contract), apart from the code that computes them
 * (summary.ts), so the metric table (metrics.ts) can read them without importing that code.
 */
import type { CashRow, otherQuarterlyReading } from '../finance/transfers.ts';
import type { CorridorExpectation } from '../finance/corridor-expectation.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import type { InsurerResult } from '../finance/insurer-result.ts';
import type { Distribution } from '../math/stats.ts';
import type { RatioMetric } from './ratios.ts';

/** The corridor's expected split over the trials (finance/corridor-expectation.ts) and the insurer's distribution. */
export interface CorridorSummary extends CorridorExpectation {
  insurer: Distribution;
}

/** Every ratio of ratios.ts under its name (after averageBenefit in `run --json`). */
export interface MetricsSummary extends Record<RatioMetric, number> {
  id: string;
  premium: number;
  payout: Distribution;
  analyticMean: number | null;
  lossRatio: { mean: number; p05: number; p95: number; probAbove1: number; sd: number };
  /** Set when there is no premium: the loss ratio's figures are NaN (null in JSON) and this says why. */
  lossRatioReason?: 'no-premium';
  beneficiaries: { mean: number; analytic: number | null };
  personTimes: { mean: number };
  averageBenefit: number;
  claimants: { mean: number; sampledMean: number };
  corridor: (CorridorSummary & { alternatives: (CorridorSummary & { id: string })[] }) | null;
}

/**
 * The payout's spread split by the law of total variance, Var S = E[Var(S | θ)] + Var(E[S | θ]) (Klugman, Panjer
 * & Willmot, Loss Models, 4th ed., §5.2 and the collective model's parameter uncertainty), with θ the trial's
 * cost-level and utilisation shocks (c, u) and, where fitted severities carry their uncertainty, the drawn
 * parameters φ. The parameter part Var(E[S | c, u]) comes from the analytic model over the shocks' quadrature,
 * φ averaged out (engine/analytic.ts, fit-nodes.ts); the process part E[Var(S | θ)] is the Monte Carlo mean of
 * (S − E[S | θ])², each trial's conditional mean E[S | c, u, φ] = Σₚ uₚ·mₚ(cₚ, φₚ) interpolated through the
 * quadrature nodes or, for a population with a drawn fit, computed at the trial's own parameters
 * (engine/conditional-payout.ts). The fit part applies the law once more, conditioning on (c, u):
 * E[Var(E[S | c, u, φ] | c, u)], estimated by the sample variance over trials of
 * dₜ = E[S | cₜ, uₜ, φₜ] − E[S | cₜ, uₜ] (the second term interpolated through the nodes like the others), whose
 * mean given (c, u) is zero up to the averaging rule's fourth-order error. The three parts add up to Var S within
 * the Monte Carlo error (test/fit-uncertainty.test.ts). Null where the payout has no analytic value (random shares).
 */
export interface RiskSplit {
  totalSd: number;
  parameterSd: number;
  processSd: number;
  /** Var(E[S | θ]) / Var S, with Var S the sum of the three parts. */
  parameterShare: number;
  /** sd of the fit (estimation) part: the spread the fitted severities' parameter uncertainty adds; 0 without. */
  fitSd: number;
  /** The fit part's share of Var S. */
  fitShare: number;
}

export interface RulesetSummary extends MetricsSummary {
  title: { zh: string; en: string };
  risk: RiskSplit | null;
  /** Where the premium comes from (finance/premium.ts); the amounts sum to `premium`. */
  premiumChannels: PremiumChannel[];
  populations: MetricsSummary[];
  /** Money flows of the contract year (expected values): operating cost, insurer's net result, monthly cash. */
  finance: {
    operatingCost: number;
    insurerNetMean: number | null;
    cashflow: CashRow[];
    /** Quarterly transfers read the other way (finance/transfers.ts): its cash and the transfers before settlement under both. */
    cashflowOtherReading: ReturnType<typeof otherQuarterlyReading>;
  };
  /** The insurer's expected result after the corridor and its operating cost, with its parts (finance/insurer-result.ts). */
  insurerResult: InsurerResult;
}

export interface Comparison {
  a: string;
  b: string;
  payoutDiff: { mean: number; se: number; lo95: number; hi95: number };
  lossRatioDiff: { mean: number; lo95: number; hi95: number };
  /** Set when either ruleset has no premium (lossRatioDiff is then NaN, null in JSON). */
  lossRatioDiffReason?: 'no-premium';
  beneficiariesDiff: { mean: number; lo95: number; hi95: number };
}

export interface TargetCheck {
  metric: string;
  population: string | null;
  /** Set for a target over a group's members (schema Target.group): its tag; the value is the analytic expectation. */
  group?: string;
  ruleset: string;
  target: number;
  modelled: number | null;
  /** Set when the modelled figure is not a number (a loss ratio without premium): why. */
  modelledReason?: 'no-premium';
  relativeError: number | null;
  source?: string;
  /** The scenario's word on why the model does not reach this target (schema Target.conflict). */
  conflict?: { zh?: string; en?: string };
}

export interface RunResult {
  scenario: string;
  title: { zh: string; en: string };
  trials: number;
  seed: string | number;
  rulesets: RulesetSummary[];
  comparisons: Comparison[];
  targets: TargetCheck[];
  /** Present only when something in the run needs saying (fitted parameters clamped, engine/fit-draw.ts). */
  warnings?: string[];
}
