/**
 * One member's year through the three layers in float64, for the household indicators (issue #33;
 * engine/household.ts): basic insurance as the ruleset writes it (all year), critical illness as the engine pays it
 * (the months in force see c = m/12 of the annual amount against the annual rules, rules/exposure.ts), then
 * medical assistance for its recipients (rules/assistance.ts). The exact decimal form of the same chain is
 * rules/assistance.ts `settle`.
 *
 * Out-of-pocket = self-burden + self-pay − critical illness − assistance: the member's cash burden that the
 * bureaus' burden-reduction rate divides by (自负 + 自费, engine/ratios.ts), less what the later layers pay. The
 * out-of-pocket ceiling by income band (assistance.ceiling) depends on income, so the curves here stop before it:
 * memberYearInto applies it for a drawn income, engine/household-ceiling.ts integrates it over income.
 */
import { selfBurdenCurve } from '../rules/basic.ts';
import { benefitCurve } from '../rules/expectation.ts';
import { fastBenefit, type FastSchedule } from '../rules/fast.ts';
import { evaluate, fromKinks, type Piecewise } from '../rules/piecewise.ts';
import { assistancePaid, ceilingBandsOf, ceilingPaid, isRecipient, type CeilingBandF } from '../rules/assistance.ts';
import { basicOf, type EngineModel } from './model.ts';

export interface Chain {
  exposure: number;
  /** Self-burden as a function of the annual amount, the basic layer as written (the whole year). */
  selfBurden: Piecewise;
  /** The engine's self-burden curve on annual amounts, which the critical-illness schedule reads. */
  scheduleSelfBurden: Piecewise;
  schedule: FastSchedule;
  assistance: { deductible: number; rate: number; cap: number } | null;
  /** The out-of-pocket ceiling's bands (every member, recipient or not); null without one. */
  ceiling: CeilingBandF[] | null;
}

/** The chain of ruleset ri for population p's tag combination `mask` (bit i = the population's i-th tag). */
export function chainOf(model: EngineModel, ri: number, p: number, mask: number): Chain {
  const r = model.rulesets[ri];
  const pop = model.populations[p];
  const tags = pop.tags.filter((_, i) => mask & (1 << i));
  const a = r.spec.assistance;
  return {
    exposure: r.exposure,
    selfBurden: selfBurdenCurve(basicOf(r.spec)),
    scheduleSelfBurden: r.selfBurden,
    schedule: r.schedules[p][mask],
    assistance: a && isRecipient(a, tags) ? { deductible: a.deductible.value, rate: a.rate.value, cap: a.cap?.value ?? Infinity } : null,
    ceiling: ceilingBandsOf(a),
  };
}

export interface MemberYear {
  cost: number;
  basic: number;
  selfBurden: number;
  selfPay: number;
  criticalIllness: number;
  assistance: number;
  outOfPocket: number;
}

/** A member with annual amount x, self-pay ratio `ratio` and compliant share `compliant` of it. */
export function memberYear(ch: Chain, x: number, ratio: number, compliant: number): MemberYear {
  const selfBurden = evaluate(ch.selfBurden, x);
  const selfPay = ratio * x;
  const kappaX = compliant * selfPay;
  const ci = ch.exposure * fastBenefit(ch.schedule, evaluate(ch.scheduleSelfBurden, x), kappaX);
  const assistance = ch.assistance ? assistancePaid(ch.assistance, Math.max(0, selfBurden + kappaX - ci)) : 0;
  return {
    cost: x + selfPay,
    basic: x - selfBurden,
    selfBurden,
    selfPay,
    criticalIllness: ci,
    assistance,
    outOfPocket: Math.max(0, selfBurden + selfPay - ci - assistance),
  };
}

/**
 * memberYear without an object per call, for the sample's loop (engine/household-sample.ts), for a member with
 * income y: writes out-of-pocket, cost, basic, critical illness, assistance (the ceiling's part included) and the
 * ceiling's part into out[0..5].
 */
export function memberYearInto(ch: Chain, x: number, ratio: number, compliant: number, y: number, out: Float64Array): void {
  const selfBurden = evaluate(ch.selfBurden, x);
  const selfPay = ratio * x;
  const kappaX = compliant * selfPay;
  const ci = ch.exposure * fastBenefit(ch.schedule, evaluate(ch.scheduleSelfBurden, x), kappaX);
  const remaining = Math.max(0, selfBurden + kappaX - ci);
  const grouped = ch.assistance ? assistancePaid(ch.assistance, remaining) : 0;
  const ceiling = ch.ceiling ? ceilingPaid(ch.ceiling, remaining - grouped, y) : 0;
  const assistance = grouped + ceiling;
  const oop = selfBurden + selfPay - ci - assistance;
  out[0] = oop > 0 ? oop : 0;
  out[1] = x + selfPay;
  out[2] = x - selfBurden;
  out[3] = ci;
  out[4] = assistance;
  out[5] = ceiling;
}

/** Points where a piecewise-linear f crosses the level y (one per segment at most). */
export function crossings(f: Piecewise, y: number): number[] {
  const out: number[] = [];
  const { xs, ys } = f;
  for (let i = 1; i < xs.length; i++) {
    const a = ys[i - 1] - y;
    const b = ys[i] - y;
    if (a * b < 0) out.push(xs[i - 1] + ((xs[i] - xs[i - 1]) * a) / (a - b));
  }
  const last = ys[ys.length - 1] - y;
  if (f.tail !== 0 && last * f.tail < 0) out.push(xs[xs.length - 1] - last / f.tail);
  return out;
}

/**
 * Every layer as a piecewise-linear function of the annual amount (fixed self-pay ratio and compliant share), for
 * the analytic expectation: the curves are exact, so their means come from limited expected values.
 */
export function chainCurves(ch: Chain, ratio: number, compliant: number) {
  const kappa = ratio * compliant;
  const b = benefitCurve(ch.schedule, ch.scheduleSelfBurden, kappa);
  const kinks = new Set<number>([...b.xs, ...ch.selfBurden.xs]);
  const remainingAt = (x: number) => Math.max(0, evaluate(ch.selfBurden, x) + kappa * x - ch.exposure * evaluate(b, x));
  if (ch.assistance) {
    const remaining = fromKinks(remainingAt, kinks);
    const a = ch.assistance;
    for (const x of crossings(remaining, a.deductible)) kinks.add(x);
    if (Number.isFinite(a.cap) && a.rate > 0) for (const x of crossings(remaining, a.deductible + a.cap / a.rate)) kinks.add(x);
  }
  const at = (x: number) => memberYear(ch, x, ratio, compliant);
  const curve = (k: keyof MemberYear) => fromKinks((x) => at(x)[k], kinks);
  return {
    kinks: [...kinks].filter((x) => x > 0 && Number.isFinite(x)).sort((p, q) => p - q),
    outOfPocket: curve('outOfPocket'),
    basic: curve('basic'),
    criticalIllness: curve('criticalIllness'),
    assistance: curve('assistance'),
  };
}
