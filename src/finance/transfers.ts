/**
 * Month-by-month cash of a contract year (expected values): premium transfers from the fund to the insurer and
 * benefits paid out by the insurer.
 *  - Jiangyin (seed 001 三(一)): in the first month of each quarter in force, 24% of the year's premium at the
 *    funding standard; the balance at the annual settlement, by the insurer's assessment (cashTable).
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

export type QuarterlyBasis = 'annualStandard' | 'contractPremium';

/**
 * Month-by-month cash; for quarterly transfers under `basis` (default: the file's, else annualStandard). Seed 001
 * 三(一) 每季度第一个月按筹资标准划转保费…每个季度各划转24%: 24% of a year's premium at the funding standard, so a
 * full year transfers 96% before settlement. With fewer months in force (Jiangyin 2020: six) the premium is the
 * months' share of a year's, and the two readings part: of the annual standard, 2 × 24% = 96% of the six months'
 * premium before settlement; of the contract premium, 48%. The settlement's balance (premium less the quarters'
 * transfers) is paid by the insurer's assessment score when the file gives one (结合…承办机构的考核情况), the
 * unearned part staying with the fund, as Suzhou's holdback.
 */
export function cashTable(
  r: Ruleset,
  premium: number,
  expectedClaims: number,
  fundReturn: number,
  fundTopUp: number,
  basis?: QuarterlyBasis,
): CashRow[] {
  const m = r.funding.monthsInForce?.value ?? 12;
  const first = 13 - m;
  const tr = r.funding.transfers;
  const transfers = new Map<number, number>();
  let owedAtEnd = premium - fundReturn + fundTopUp;
  if (tr?.kind === 'quarterly') {
    const reading = basis ?? tr.basis ?? 'annualStandard';
    const of = reading === 'annualStandard' ? (premium * 12) / m : premium;
    let sent = 0;
    for (let month = first; month <= 12; month++)
      if ((month - 1) % 3 === 0) {
        transfers.set(month, tr.quarterShare.value * of);
        sent += tr.quarterShare.value * of;
      }
    if (tr.assessmentScore && tr.holdbackScale) {
      const balance = Math.max(0, premium - sent);
      owedAtEnd -= balance * (1 - holdbackShare(tr.holdbackScale, tr.assessmentScore.value));
    }
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

/**
 * Quarterly transfers' other reading: its cash, and what each reading moves before settlement (null without
 * quarterly transfers). `own` is the file's reading's cash (cashTable with the same figures).
 */
export function otherQuarterlyReading(
  r: Ruleset,
  premium: number,
  expectedClaims: number,
  fundReturn: number,
  fundTopUp: number,
  own: CashRow[],
): { basis: QuarterlyBasis; cashflow: CashRow[]; beforeSettlement: number; beforeSettlementOther: number } | null {
  const tr = r.funding.transfers;
  if (tr?.kind !== 'quarterly') return null;
  const basis: QuarterlyBasis = (tr.basis ?? 'annualStandard') === 'annualStandard' ? 'contractPremium' : 'annualStandard';
  const before = (rows: CashRow[]) => rows.reduce((a, x) => a + (x.month === 'settlement' ? 0 : x.transfer), 0);
  const cashflow = cashTable(r, premium, expectedClaims, fundReturn, fundTopUp, basis);
  return { basis, cashflow, beforeSettlement: before(own), beforeSettlementOther: before(cashflow) };
}
