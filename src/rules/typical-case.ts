/**
 * A typical case (典型病例): one person (groups, income, a year's cost) through every layer of a ruleset, exact to
 * the fen (rules/assistance.ts), with what the out-of-pocket means against the income: its share, catastrophic
 * spending at 10% and 25% (WHO / SDG 3.8.2) and whether it takes the person below the poverty line. The CLI's
 * `benefit --income` and the workbench's waterfall show it, baseline against a proposal.
 */
import Decimal from 'decimal.js';
import type { Ruleset } from '../scenario/schema.ts';
import { settle, type PersonYear, type Settlement } from './assistance.ts';

export interface TypicalCase extends Settlement {
  ruleset: string;
  income: string | null;
  /** Out-of-pocket ÷ income (a share, 6 decimals), null without an income. */
  shareOfIncome: number | null;
  catastrophic10: boolean | null;
  catastrophic25: boolean | null;
  /** Income at or above the poverty line, income − out-of-pocket below it; null without an income or a line. */
  impoverished: boolean | null;
}

export function typicalCase(
  ruleset: Ruleset,
  tags: readonly string[],
  person: PersonYear,
  income: Decimal.Value | null,
  povertyLine: number | null,
): TypicalCase {
  // The income reaches the settlement too: the out-of-pocket ceiling's band reads it (rules/assistance.ts).
  const s = settle(ruleset, tags, { ...person, income });
  const oop = new Decimal(s.outOfPocket);
  const y = income === null ? null : new Decimal(income);
  const positive = y !== null && y.gt(0);
  return {
    ruleset: ruleset.id,
    ...s,
    income: y === null ? null : y.toFixed(2),
    shareOfIncome: positive ? oop.div(y!).toDecimalPlaces(6).toNumber() : null,
    catastrophic10: y === null ? null : oop.gt(y.mul(0.1)),
    catastrophic25: y === null ? null : oop.gt(y.mul(0.25)),
    impoverished: y === null || povertyLine === null ? null : y.gte(povertyLine) && y.sub(oop).lt(povertyLine),
  };
}
