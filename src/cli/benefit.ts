import Decimal from 'decimal.js';
import { exactBenefit } from '../rules/exact.ts';
import { typicalCase, type TypicalCase } from '../rules/typical-case.ts';
import { resolveSchedule } from '../rules/schedule.ts';
import { indexedLine, rulesetIndexed } from '../scenario/income-index.ts';
import { populationWords } from '../report/scenario-names.ts';
import type { Command } from './command.ts';
import { findRuleset, loadScenario, parseAmount, UsageError } from './io.ts';

export const benefitCommand: Command = {
  help: `usage: jingsuan benefit FILE --ruleset ID [--group TAG]... --burden YUAN [--compliant-self-pay YUAN] [--json]

One person's exact annual critical-illness benefit (decimal arithmetic, rounded half-up to the fen once).
  --burden YUAN               annual in-policy self-burden 自负 (yuan)
  --compliant-self-pay YUAN   annual compliant self-pay 合规自费 (yuan, default 0)
  --group TAG                 a group the person belongs to (repeat for several, e.g. --group rural --group poor)
  --policy-cost YUAN          instead of --burden: policy-range cost, turned into self-burden by the ruleset's basic layer
  --self-pay YUAN             all self-pay 自费 (includes the compliant part; default: the compliant self-pay)
  --income YUAN               the person's annual income: out-of-pocket against it (catastrophic at 10% / 25%,
                              impoverishment below the scenario's household.povertyLine)
  --against ID                the same person under another ruleset (a proposal), beside this one
  --json                      print {"benefit": "89200.00", "tracks": [...], "layers": {...}}

Every layer is shown: basic → critical illness → medical assistance (the ruleset's assistance, for its groups) →
out-of-pocket, each payment rounded half-up to the fen.`,
  options: {
    ruleset: { type: 'string' },
    group: { type: 'string', multiple: true },
    burden: { type: 'string' },
    'policy-cost': { type: 'string' },
    'self-pay': { type: 'string' },
    income: { type: 'string' },
    against: { type: 'string' },
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
    const policyCost = parseAmount('--policy-cost', values['policy-cost'] as string | undefined, { required: false });
    if (policyCost !== undefined && values.burden !== undefined) throw new UsageError('give --burden or --policy-cost, not both');
    if (policyCost !== undefined && !ruleset.basic)
      throw new UsageError(`--policy-cost: ruleset "${ruleset.id}" has no basic layer to turn cost into self-burden; give --burden`);
    const compliant = parseAmount('--compliant-self-pay', values['compliant-self-pay'] as string | undefined, { required: false }) ?? '0';
    const selfPay = parseAmount('--self-pay', values['self-pay'] as string | undefined, { required: false });
    if (selfPay !== undefined && new Decimal(selfPay).lt(compliant))
      throw new UsageError(`--self-pay: ${selfPay} is less than --compliant-self-pay ${compliant} (self-pay includes its compliant part)`);
    const income = parseAmount('--income', values.income as string | undefined, { required: false }) ?? null;
    const against = values.against === undefined ? null : findRuleset(scenario, values.against as string);
    const person = policyCost !== undefined ? { policyCost, compliantSelfPay: compliant, selfPay } : null;
    const line = scenario.household?.povertyLine.value ?? null;
    const caseOf = (r: typeof ruleset, burdenFor: string) =>
      typicalCase(r, groups, person ?? { selfBurden: burdenFor, compliantSelfPay: compliant, selfPay }, income, line);
    const burden =
      policyCost !== undefined ? caseOf(ruleset, '0').selfBurden : parseAmount('--burden', values.burden as string | undefined)!;
    const result = exactBenefit(resolveSchedule(ruleset, groups), { selfBurden: burden, compliantSelfPay: compliant });
    const layers = caseOf(ruleset, burden);
    const indexed = rulesetIndexed(scenario, scenario.rulesets.indexOf(ruleset));
    const other = against ? caseOf(against, burden) : null;
    if (values.json) {
      const { detail: _, ...shown } = layers;
      const againstShown = other ? (({ detail: __, ...o }) => o)(other) : undefined;
      console.log(
        JSON.stringify(
          {
            ruleset: ruleset.id,
            groups,
            burden,
            compliantSelfPay: compliant,
            ...result,
            // The deductibles indexed to an income figure (scenario/income-index.ts), money to the fen.
            ...(indexed.length
              ? { indexedDeductibles: indexed.map((d) => ({ ...d, incomeValue: d.incomeValue.toFixed(2), value: d.value.toFixed(2) })) }
              : {}),
            layers: shown,
            ...(againstShown ? { against: againstShown } : {}),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    // The groups by their titles (as the ruleset is), each tag kept beside: the handle --group takes back.
    const words = populationWords(scenario).groups;
    const group = (g: string) => (words[g] ? `${words[g].zh} ${words[g].en} (${g})` : g);
    console.log(`${ruleset.title.zh} / ${ruleset.title.en}${groups.length ? ` · groups 分组: ${groups.map(group).join(', ')}` : ''}`);
    console.log(`self-burden 自负 ${burden} yuan, compliant self-pay 合规自费 ${compliant} yuan`);
    for (const t of result.tracks)
      console.log(`  track ${t.id} (${t.base}): eligible ${t.eligible}, deductible ${t.deductible}, paid ${t.paid}`);
    for (const d of indexed) console.log(`  indexed deductible 挂钩起付标准: ${indexedLine(d, scenario.incomeIndex?.[d.income]?.title)}`);
    console.log(`benefit 补偿: ${result.benefit} yuan${result.capped ? ' (overall cap reached)' : ''}`);
    for (const c of other ? [layers, other] : [layers]) printLayers(c);
    return 0;
  },
};

/** Every layer of one ruleset, then the out-of-pocket against the income. */
function printLayers(c: TypicalCase) {
  console.log(`\n${c.ruleset}: every layer 各层 (yuan)`);
  console.log(`  cost 医疗费用                 ${c.cost}`);
  console.log(`  basic insurance 基本医保      −${c.basic}`);
  console.log(`  critical illness 大病保险     −${c.criticalIllness}`);
  const ceiling = c.ceiling !== '0.00' ? ` (of which out-of-pocket ceiling 自付封顶 ${c.ceiling})` : '';
  const none = c.assistanceRecipient || ceiling ? '' : ' (not a recipient 非救助对象)';
  console.log(`  medical assistance 医疗救助   −${c.assistance}${ceiling}${none}`);
  console.log(`  out-of-pocket 个人自付        ${c.outOfPocket}`);
  if (c.income !== null) {
    const pct = c.shareOfIncome === null ? 'no income 无收入' : `${(c.shareOfIncome * 100).toFixed(1)}%`;
    const yes = (b: boolean | null) => (b === null ? '—' : b ? 'yes 是' : 'no 否');
    console.log(
      `  income 收入 ${c.income}: out-of-pocket ${pct} of it; catastrophic 灾难性支出 >10% ${yes(c.catastrophic10)}, >25% ${yes(c.catastrophic25)}; impoverished 因病致贫 ${yes(c.impoverished)}`,
    );
  }
}
