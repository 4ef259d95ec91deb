/**
 * The figures a trial stores per (ruleset, population row), by name: the per-trial columns the summary reads
 * (summary.ts), and their first five the accumulator slots every pass over a claimant batch adds to (trial.ts
 * generalPass, sorted-pass.ts, months.ts). One order for both, so `acc[a + COL.excess]` and a trial's excess
 * column are the same figure.
 */
export const COL = {
  /** Σ benefit (yuan, annual amounts; the months in force applied when the column is written). */
  payout: 0,
  /** People with a benefit > 0. */
  beneficiaries: 1,
  /** Months with a rise of a beneficiary's year-to-date benefit (补偿人次). */
  personTimes: 2,
  /** Σ (base − deductible)⁺ over the tracks: the denominator of the reimbursement ratio. */
  excess: 3,
  /**
   * Σ over beneficiaries of their self-burden + compliant self-pay (自负医疗费用 + 合规自费医疗费用): with the
   * beneficiaries, the denominator of seed 000's 政策范围内报销比例 (ratios.ts policyRangeReimbursementRatio).
   */
  beneficiaryBase: 4,
  /** Σ self-burden (自负) of the claimants; in the accumulator only where a basic layer stands below. */
  selfBurden: 5,
  /** Σ compliant self-pay (合规自费). */
  selfPay: 6,
  /** Members with cost in the year, drawn and below the sampling threshold. */
  claimants: 7,
  /** Members drawn one by one (above the sampling threshold). */
  sampled: 8,
  /** The trial's parameter shocks for the population (1 without parameter risk), for the risk split (summary.ts). */
  costShock: 9,
  utilisationShock: 10,
  /**
   * For a population whose fitted severity is drawn per trial (engine/fit-draw.ts): E[payout | the trial's shocks
   * and drawn parameters] (engine/conditional-payout.ts, times the utilisation shock), the conditional mean the
   * risk split's fit part is built from (summary.ts); 0 for other populations.
   */
  fitPayout: 11,
  /** 1 when the trial's draw of the fitted parameters was clamped into the family's valid region. */
  fitClamped: 12,
} as const;

export type TrialColumn = keyof typeof COL;

/** The column names in storage order. */
export const TRIAL_COLUMNS = (Object.keys(COL) as TrialColumn[]).sort((a, b) => COL[a] - COL[b]);

/** Columns per (trial, ruleset, row) where some population's fitted parameters are drawn. */
export const ALL_COLUMNS = TRIAL_COLUMNS.length;
/** The columns every model stores; the two fit columns are stored only by a model with a drawn fit. */
export const BASE_COLUMNS = COL.fitPayout;

/**
 * Width of one ruleset's accumulator in a pass over a batch: the slots payout … selfBurden, named as the columns
 * they become (trial.ts writes each slot to its column, scaled by the months in force where it is money).
 */
export const ACC_WIDTH = COL.selfBurden + 1;
