/**
 * Premium of a contract year and the channels it comes from (seed 000 项目资金来源: a transfer from the basic
 * funds' balances plus a fiscal subsidy; seed 001 二(二): Jiangyin 2020 funded for the 6 months it ran).
 * A per-insured channel is an annual standard × insured × months in force / 12; a total is what a document
 * budgets for the year and stays exact (seed 000's 7,550.15万元 is 75,501,500 yuan, not 62.92 × 1,200,000).
 */
import type { FundingChannelId, Population, Ruleset } from '../scenario/schema.ts';

export interface PremiumChannel {
  channel: FundingChannelId;
  population: string;
  amount: number;
}

/** Every channel's amount for every population it funds, in file order; their sum is the premium. */
export function premiumChannels(r: Ruleset, populations: readonly Population[]): PremiumChannel[] {
  const months = r.funding.monthsInForce?.value ?? 12;
  const insuredAll = populations.reduce((s, p) => s + p.insured.value, 0);
  const out: PremiumChannel[] = [];
  for (const c of r.funding.channels) {
    for (const p of populations) {
      if (c.population !== undefined && c.population !== p.id) continue;
      let amount: number;
      if (c.perInsured) amount = (c.perInsured.value * p.insured.value * months) / 12;
      else if (c.population !== undefined) amount = c.total?.value ?? 0;
      else amount = insuredAll > 0 ? ((c.total?.value ?? 0) * p.insured.value) / insuredAll : 0;
      out.push({ channel: c.channel, population: p.id, amount });
    }
  }
  return out;
}
