/**
 * The three-layer settlement of one person's year (三重制度综合保障, 国办发〔2021〕42号; the one-stop settlement of
 * seed 001 四 and seed 000's 实时救助): basic insurance → critical illness → medical assistance, each layer on what
 * the one before left. Exact: decimal arithmetic, each layer's payment rounded half-up to the fen once (each is a
 * payment by its own payer, settled in fen), and the next layer computed on the rounded amounts.
 *
 * Medical assistance pays rate × (self-burden + compliant self-pay − the critical-illness benefit − deductible)⁺,
 * up to its annual cap, for members carrying one of its groups' tags. The base is the in-policy remainder after the
 * two insurance layers (the same eligible amounts critical illness reads), never the non-compliant self-pay: the
 * seeds name the linkage but give no base or figures, so a file's values are assumptions (schema Assistance).
 *
 * The out-of-pocket ceiling by income band (assistance.ceiling, issue #33: a proposal's 年度个人自付封顶 against
 * 因病致贫, seed 000 项目立项必要性 防止因病致贫返贫; seed 001 倾斜性精准支付) comes last: any member (recipient or
 * not) whose income is below a band's edge pays at most share × income of the same in-policy remainder, now after
 * assistance; assistance pays the excess, rounded to the fen on its own. Non-compliant self-pay stays the member's,
 * as for assistance (医疗救助 pays within the policy range). Without an income the ceiling cannot apply.
 */
import Decimal from 'decimal.js';
import type { AssistanceSpec, Ruleset } from '../scenario/schema.ts';
import { exactBenefit, type ExactBenefit } from './exact.ts';
import { resolveSchedule } from './schedule.ts';

const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const s2 = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);

export interface PersonYear {
  /** Policy-range cost (政策范围内费用): the basic layer turns it into self-burden (needs ruleset.basic). */
  policyCost?: Decimal.Value;
  /** In-policy self-burden 自负 after basic insurance (when policyCost is not given). */
  selfBurden?: Decimal.Value;
  /** Compliant self-pay 合规自费 (part of selfPay). */
  compliantSelfPay?: Decimal.Value;
  /** All self-pay 自费 (out of catalogue, compliant or not); at least the compliant part; default: the compliant part. */
  selfPay?: Decimal.Value;
  /** Annual income per person (yuan): the out-of-pocket ceiling's band reads it; absent: no ceiling applies. */
  income?: Decimal.Value | null;
}

export interface Settlement {
  /** Everything spent: policy-range cost (or self-burden where basic insurance is not modelled) + self-pay. */
  cost: string;
  basic: string;
  selfBurden: string;
  selfPay: string;
  compliantSelfPay: string;
  criticalIllness: string;
  /** Medical assistance paid, the ceiling's part included; "0.00" for a non-recipient below no ceiling. */
  assistance: string;
  /** The part of assistance that the out-of-pocket ceiling pays (assistance.ceiling); "0.00" where none applies. */
  ceiling: string;
  assistanceRecipient: boolean;
  /** What the person pays in cash after every layer: self-burden + self-pay − critical illness − assistance. */
  outOfPocket: string;
  /** The critical-illness layer's detail (exact.ts). */
  detail: ExactBenefit;
}

export function isRecipient(a: AssistanceSpec | undefined, tags: readonly string[]): boolean {
  return !!a && a.groups.some((g) => tags.includes(g));
}

/** Exact assistance on the remaining in-policy burden (unrounded). */
export function exactAssistance(a: AssistanceSpec, remaining: Decimal): Decimal {
  const over = remaining.sub(a.deductible.value);
  if (over.lte(0)) return new Decimal(0);
  const paid = over.mul(a.rate.value);
  return a.cap ? Decimal.min(paid, a.cap.value) : paid;
}

/** The ceiling band for an income: the first whose edge is above it (null edge: every income); null for none. */
export function ceilingShare(a: AssistanceSpec | undefined, income: Decimal): Decimal | null {
  for (const b of a?.ceiling ?? []) if (b.incomeBelow === null || income.lt(b.incomeBelow.value)) return new Decimal(b.share.value);
  return null;
}

export function settle(ruleset: Ruleset, tags: readonly string[], person: PersonYear): Settlement {
  const compliant = new Decimal(person.compliantSelfPay ?? 0);
  const selfPay = person.selfPay === undefined ? compliant : new Decimal(person.selfPay);
  if (selfPay.lt(compliant)) throw new RangeError('self-pay must include the compliant self-pay (it is at least that)');
  let basic = new Decimal(0);
  let selfBurden: Decimal;
  let cost: Decimal;
  if (person.policyCost !== undefined) {
    const policyCost = new Decimal(person.policyCost);
    if (ruleset.basic) {
      const b = ruleset.basic;
      const over = policyCost.sub(b.deductible.value);
      if (over.gt(0)) basic = over.mul(b.rate.value);
      if (b.cap) basic = Decimal.min(basic, b.cap.value);
      basic = fen(basic);
    }
    selfBurden = policyCost.sub(basic);
    cost = policyCost.add(selfPay);
  } else {
    selfBurden = new Decimal(person.selfBurden ?? 0);
    cost = selfBurden.add(selfPay);
  }
  const detail = exactBenefit(resolveSchedule(ruleset, tags), { selfBurden, compliantSelfPay: compliant });
  const ci = new Decimal(detail.benefit);
  const recipient = isRecipient(ruleset.assistance, tags);
  const remaining = Decimal.max(0, selfBurden.add(compliant).sub(ci));
  const grouped = recipient ? fen(exactAssistance(ruleset.assistance!, remaining)) : new Decimal(0);
  const income = person.income === undefined || person.income === null ? null : new Decimal(person.income);
  const share = income === null ? null : ceilingShare(ruleset.assistance, income);
  const ceiling = share === null ? new Decimal(0) : fen(Decimal.max(0, remaining.sub(grouped).sub(share.mul(income!))));
  const assistance = grouped.add(ceiling);
  const out = selfBurden.add(selfPay).sub(ci).sub(assistance);
  return {
    cost: s2(cost),
    basic: s2(basic),
    selfBurden: s2(selfBurden),
    selfPay: s2(selfPay),
    compliantSelfPay: s2(compliant),
    criticalIllness: detail.benefit,
    assistance: s2(assistance),
    ceiling: s2(ceiling),
    assistanceRecipient: recipient,
    outOfPocket: s2(out),
    detail,
  };
}

/** One band of the float64 ceiling: members with income below `edge` (Infinity: all) pay at most share × income. */
export interface CeilingBandF {
  edge: number;
  share: number;
}

export const ceilingBandsOf = (a: AssistanceSpec | undefined): CeilingBandF[] | null =>
  a?.ceiling?.length ? a.ceiling.map((b) => ({ edge: b.incomeBelow?.value ?? Infinity, share: b.share.value })) : null;

/** The float64 ceiling's payment for in-policy remainder `remaining` (after assistance) and income y. */
export function ceilingPaid(bands: CeilingBandF[], remaining: number, y: number): number {
  for (const b of bands) {
    if (y < b.edge) {
      const over = remaining - b.share * y;
      return over > 0 ? over : 0;
    }
  }
  return 0;
}

/** Float64 assistance for the engine's household pass (engine/household.ts): the same formula, unrounded. */
export function assistancePaid(a: { deductible: number; rate: number; cap: number }, remaining: number): number {
  const over = remaining - a.deductible;
  if (over <= 0) return 0;
  const paid = over * a.rate;
  return paid < a.cap ? paid : a.cap;
}
