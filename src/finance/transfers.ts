/**
 * Month-by-month cash of a contract year (expected values): premium transfers from the fund to the insurer and
 * benefits paid out by the insurer.
 *  - Jiangyin (seed 001 三(一)): in the first month of each quarter in force, 24% of the year's premium; the
 *    balance at the annual settlement.
 *  - Suzhou (seed 000): 99% prepaid in the first month; the 1% assessment holdback (考核款) paid at settlement
 *    by the insurer's assessment score on a planner-set scale.
 * At settlement the corridor is applied: the fund has owed premium − returned + top-up in all, and pays what
 * remains after the transfers. Benefits are spread evenly over the months in force (an assumption: the engine
 * keeps yearly totals).
 */
import type { Ruleset } from '../scenario/schema.ts';

export interface CashRow {
  month: number | 'settlement';
  transfer: number;
  benefits: number;
  /** Insurer's cumulative cash: transfers received − benefits paid. */
  insurerCash: number;
}

export function holdbackShare(scale: { minScore: number; payShare: number }[], score: number): number {
  const rows = [...scale].sort((a, b) => a.minScore - b.minScore).filter((r) => score >= r.minScore);
  return rows.length ? rows[rows.length - 1].payShare : 0;
}

export function cashTable(r: Ruleset, premium: number, expectedClaims: number, fundReturn: number, fundTopUp: number): CashRow[] {
  const m = r.funding.monthsInForce?.value ?? 12;
  const first = 13 - m;
  const tr = r.funding.transfers;
  const transfers = new Map<number, number>();
  let owedAtEnd = premium - fundReturn + fundTopUp;
  if (tr?.kind === 'quarterly') {
    for (let month = first; month <= 12; month++) if ((month - 1) % 3 === 0) transfers.set(month, tr.quarterShare.value * premium);
  } else if (tr?.kind === 'prepaid') {
    transfers.set(first, tr.prepaidShare.value * premium);
    const holdback = (1 - tr.prepaidShare.value) * premium;
    // The part of the holdback not earned by the assessment score stays with the fund.
    owedAtEnd -= holdback * (1 - holdbackShare(tr.holdbackScale, tr.assessmentScore.value));
  } else {
    transfers.set(first, premium);
  }
  const rows: CashRow[] = [];
  let cash = 0;
  let paid = 0;
  for (let month = first; month <= 12; month++) {
    const t = transfers.get(month) ?? 0;
    const b = expectedClaims / m;
    paid += t;
    cash += t - b;
    rows.push({ month, transfer: t, benefits: b, insurerCash: cash });
  }
  const settle = owedAtEnd - paid;
  rows.push({ month: 'settlement', transfer: settle, benefits: 0, insurerCash: cash + settle });
  return rows;
}
