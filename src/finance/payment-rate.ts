/**
 * Fund payment rate on policy-range in-patient cost (seed 002 绩效目标: 62% / 66% / 72%): E[basic payment] ÷
 * E[cost] over a cost severity, exact from limited expected values (the payment is piecewise linear in cost).
 * A cost whose mean is not a finite positive number (a Pareto tail with α ≤ 1, parameters whose mean overflows
 * double precision) has no payment rate: null, with the reason, rather than ∞ ÷ ∞.
 */
import { severityOf } from '../random/severity/index.ts';
import { selfBurdenCurve } from '../rules/basic.ts';
import { expectation } from '../rules/piecewise.ts';
import type { SeveritySpec } from '../scenario/schema.ts';

export function fundPaymentRate(basic: { deductible: number; rate: number; cap?: number }, cost: SeveritySpec): number | null {
  const sev = severityOf(cost);
  const burden = selfBurdenCurve({ deductible: basic.deductible, rate: basic.rate, cap: basic.cap ?? Infinity });
  const mean = sev.mean();
  if (!(Number.isFinite(mean) && mean > 0)) return null;
  const expectedBurden = expectation(burden, (u) => sev.lev(u), mean);
  const rate = (mean - expectedBurden) / mean;
  // The payment lies between 0 and the cost: outside [0, 1] only by rounding (a mean near the top of the doubles).
  return Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : null;
}
