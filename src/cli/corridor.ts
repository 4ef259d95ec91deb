import { formatPercent, formatYuan } from '../report/format.ts';
import type Decimal from 'decimal.js';
import { exactCorridor, type CorridorSplit } from '../finance/corridor.ts';
import { corridorRule } from '../finance/corridor-rule.ts';
import type { Command } from './command.ts';
import { findRuleset, loadScenario, parseAmount, UsageError } from './io.ts';

const fen = (d: Decimal) => d.toFixed(2);

function describe(split: CorridorSplit<Decimal>) {
  return {
    result: fen(split.result),
    rate: split.rate.toDecimalPlaces(6).toString(),
    insurer: fen(split.insurer),
    fundReturn: fen(split.fundReturn),
    fundTopUp: fen(split.fundTopUp),
    tier: split.tier,
  };
}

export const corridorCommand: Command = {
  help: `usage: jingsuan corridor FILE --ruleset ID --premium YUAN --claims YUAN [--json]

The risk-corridor split of one policy year: profit/loss rate m = (premium − claims) / premium, the insurer's
result, the amount returned to the fund and the fund's top-up (exact, to the fen). --json prints
{"insurer": "...", "fundReturn": "...", "fundTopUp": "...", "tier": N, ...} with each alternative reading.`,
  options: {
    ruleset: { type: 'string' },
    premium: { type: 'string' },
    claims: { type: 'string' },
    json: { type: 'boolean' },
  },
  run(values, [file]) {
    const scenario = loadScenario(file);
    const ruleset = findRuleset(scenario, values.ruleset as string | undefined);
    if (!ruleset.corridor) throw new UsageError(`ruleset "${ruleset.id}" has no corridor`, 1);
    const premium = parseAmount('--premium', values.premium as string | undefined)!;
    const claims = parseAmount('--claims', values.claims as string | undefined)!;
    if (Number(premium) <= 0) throw new UsageError('--premium must be greater than 0');
    const main = describe(exactCorridor(corridorRule(ruleset.corridor), premium, claims));
    const tiers = ruleset.corridor.tiers;
    const alternatives = ruleset.corridor.alternatives.map((a) => ({
      id: a.id,
      ...describe(exactCorridor(corridorRule(ruleset.corridor!, a.tiers), premium, claims)),
    }));
    if (values.json) {
      console.log(
        JSON.stringify({ ruleset: ruleset.id, premium, claims, ...main, tierRange: tiers[main.tier] ?? null, alternatives }, null, 2),
      );
      return 0;
    }
    const t = tiers[main.tier];
    const pct = (x: number | null) => (x === null ? null : formatPercent(x, 2));
    console.log(`${ruleset.title.zh} / ${ruleset.title.en}: premium 保费 ${formatYuan(premium)}, claims 赔付 ${formatYuan(claims)}`);
    console.log(
      `result 盈亏 ${formatYuan(main.result)}, profit/loss rate m = ${pct(Number(main.rate))}${t ? ` (tier ${main.tier}: ${pct(t.from) ?? '−∞'} … ${pct(t.to) ?? '+∞'}, insurer share ${pct(t.insurerShare)}, ${t.basis})` : ''}`,
    );
    console.log(`  insurer 承办机构: ${formatYuan(main.insurer)}`);
    console.log(`  returned to fund 返还基金: ${formatYuan(main.fundReturn)}`);
    console.log(`  fund top-up 基金补偿: ${formatYuan(main.fundTopUp)}`);
    for (const a of alternatives)
      console.log(
        `  reading "${a.id}": insurer ${formatYuan(a.insurer)}, returned ${formatYuan(a.fundReturn)}, top-up ${formatYuan(a.fundTopUp)}`,
      );
    return 0;
  },
};
