import type { CorridorSpec, TierSpec } from '../scenario/schema.ts';
import type { CorridorRule } from './corridor.ts';

/** The corridor of a scenario file as the computation needs it (optionally with an alternative reading's tiers). */
export function corridorRule(spec: CorridorSpec, tiers: readonly TierSpec[] = spec.tiers): CorridorRule {
  return {
    tiers: tiers.map((t) => ({ from: t.from, to: t.to, insurerShare: t.insurerShare, basis: t.basis })),
    insurerGainMax: spec.insurerGainMax?.value,
    insurerLossMax: spec.insurerLossMax?.value,
    policyLossShare: spec.policyLossShare?.value,
  };
}
