import { exactBenefit } from '../rules/exact.ts';
import { resolveSchedule } from '../rules/schedule.ts';
import type { Command } from './command.ts';
import { findRuleset, loadScenario, parseAmount, UsageError } from './io.ts';

export const benefitCommand: Command = {
  help: `usage: jingsuan benefit FILE --ruleset ID [--group TAG]... --burden YUAN [--compliant-self-pay YUAN] [--json]

One person's exact annual critical-illness benefit (decimal arithmetic, rounded half-up to the fen once).
  --burden YUAN               annual in-policy self-burden 自负 (yuan)
  --compliant-self-pay YUAN   annual compliant self-pay 合规自费 (yuan, default 0)
  --group TAG                 a group the person belongs to (repeat for several, e.g. --group rural --group poor)
  --json                      print {"benefit": "89200.00", "tracks": [...]}`,
  options: {
    ruleset: { type: 'string' },
    group: { type: 'string', multiple: true },
    burden: { type: 'string' },
    'compliant-self-pay': { type: 'string' },
    json: { type: 'boolean' },
  },
  run(values, [file]) {
    const scenario = loadScenario(file);
    const ruleset = findRuleset(scenario, values.ruleset as string | undefined);
    const groups = (values.group as string[] | undefined) ?? [];
    const known = new Set(scenario.populations.flatMap((p) => p.groups.map((g) => g.tag)));
    for (const g of groups) {
      if (!known.has(g)) throw new UsageError(`--group: unknown group "${g}" (known: ${[...known].join(', ') || 'none'})`);
    }
    const burden = parseAmount('--burden', values.burden as string | undefined)!;
    const compliant = parseAmount('--compliant-self-pay', values['compliant-self-pay'] as string | undefined, { required: false }) ?? '0';
    const result = exactBenefit(resolveSchedule(ruleset, groups), { selfBurden: burden, compliantSelfPay: compliant });
    if (values.json) {
      console.log(JSON.stringify({ ruleset: ruleset.id, groups, burden, compliantSelfPay: compliant, ...result }, null, 2));
      return 0;
    }
    console.log(`${ruleset.title.zh} / ${ruleset.title.en}${groups.length ? ` · groups: ${groups.join(', ')}` : ''}`);
    console.log(`self-burden 自负 ${burden} yuan, compliant self-pay 合规自费 ${compliant} yuan`);
    for (const t of result.tracks)
      console.log(`  track ${t.id} (${t.base}): eligible ${t.eligible}, deductible ${t.deductible}, paid ${t.paid}`);
    console.log(`benefit 补偿: ${result.benefit} yuan${result.capped ? ' (overall cap reached)' : ''}`);
    return 0;
  },
};
