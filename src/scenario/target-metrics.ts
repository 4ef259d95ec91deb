/**
 * The indicators a scenario file may state a target for (`targets[].metric`), e.g. seed 000's 2021 figures. Their
 * labels, units and how a run computes them are engine/metrics.ts's table, which must name each of these.
 */
export const TARGET_METRICS = [
  'payout',
  'lossRatio',
  'reimbursementRatio',
  'policyRangeReimbursementRatio',
  'burdenReductionRate',
  'beneficiaries',
  'personTimes',
  'insured',
] as const;

export type TargetMetric = (typeof TARGET_METRICS)[number];
