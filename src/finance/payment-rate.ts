/**
 * Fund payment rate on policy-range in-patient cost (seed 002 绩效目标: 62% / 66% / 72%): E[basic payment] ÷
 * E[cost] over a cost severity, exact from limited expected values (the payment is piecewise linear in cost).
 */
import { severityOf } from '../random/severity/index.ts';
import { selfBurdenCurve } from '../rules/basic.ts';
import { expectation } from '../rules/piecewise.ts';
import type { SeveritySpec } from '../scenario/schema.ts';

export function fundPaymentRate(basic: { deductible: number; rate: number; cap?: number }, cost: SeveritySpec): number {
  const sev = severityOf(cost);
  const burden = selfBurdenCurve({ deductible: basic.deductible, rate: basic.rate, cap: basic.cap ?? Infinity });
  const mean = sev.mean();
  const expectedBurden = expectation(burden, (u) => sev.lev(u), mean);
  return (mean - expectedBurden) / mean;
}
