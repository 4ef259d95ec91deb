/**
 * Premium of a contract year: funding standard (筹资标准) per insured × insured, prorated by the months in force
 * (seed 001 二(二): Jiangyin 2020 funded for the 6 months it ran; seed 000 项目资金构成).
 */
import type { Population, Ruleset } from '../scenario/schema.ts';

export function fundingStandard(r: Ruleset, populationId: string): number {
  const own = r.funding.byPopulation.find((b) => b.population === populationId);
  return (own ?? r.funding).perInsured.value;
}

export function premiumOf(r: Ruleset, p: Population): number {
  const months = r.funding.monthsInForce?.value ?? 12;
  return (fundingStandard(r, p.id) * p.insured.value * months) / 12;
}
