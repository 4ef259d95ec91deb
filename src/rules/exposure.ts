/**
 * Exposure: a scheme that runs fewer than twelve months (seed 001 二(二): Jiangyin 2020 ran from July, 6 months).
 *
 * The claims model (stated in the README and in each scenario's monthsInForce): a member's eligible amount
 * accrues evenly over the year, as the long treatments that dominate critical-illness claims do (cancer
 * therapy, dialysis, transplant follow-up), so a scheme in force for m months sees c = m/12 of each member's
 * annual amount, against the full annual deductible, bands and cap. Fewer members then pass the deductible,
 * which is why six months pay less than half a year's benefits.
 *
 * Every rule amount is piecewise linear and zero at zero, so b(c·x) = c · b'(x), where b' is the same ruleset
 * with every money amount divided by c. The engine therefore samples the annual amount x once for all rulesets
 * (common random numbers stay intact even when their months differ), evaluates b' and multiplies the money it
 * sums by c; counts (beneficiaries, person-times) are those of b'.
 */
import type { Ruleset } from '../scenario/schema.ts';

/** Share of the annual amount a ruleset's months in force see. */
export function exposureOf(r: Ruleset): number {
  return (r.funding.monthsInForce?.value ?? 12) / 12;
}

/** The ruleset in annual-amount terms: every money amount divided by the exposure c (identity when c = 1). */
export function onAnnualAmounts(r: Ruleset, c = exposureOf(r)): Ruleset {
  if (c === 1) return r;
  const money = <T extends { value: number } | undefined>(p: T): T => (p === undefined ? p : ({ ...p, value: p.value / c } as T));
  return {
    ...r,
    basic: r.basic && { ...r.basic, deductible: money(r.basic.deductible), cap: money(r.basic.cap) },
    tracks: r.tracks.map((t) => ({
      ...t,
      deductible: money(t.deductible),
      cap: money(t.cap),
      bands: t.bands.map((b) => ({ ...b, to: b.to === null ? null : b.to / c })),
    })),
    cap: money(r.cap),
    modifiers: r.modifiers.map((m) => ({
      ...m,
      deductible: m.deductible === undefined ? undefined : m.deductible / c,
      cap: m.cap === undefined ? undefined : m.cap / c,
    })),
  };
}
