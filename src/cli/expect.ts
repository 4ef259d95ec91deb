import { exactAggregate, fftUnsupported } from '../aggregate/exact.ts';
import { analyticExpectation } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { modelOf } from '../engine/validate-model.ts';
import { insurerResult, type InsurerResult } from '../finance/insurer-result.ts';
import { analyticTable, fundingTable, insurerTable, toText } from '../report/tables.ts';
import type { Command } from './command.ts';
import { langFlag, LANG_UNIT_OPTIONS, unitFlag } from './flags.ts';
import { loadScenario } from './io.ts';
import { formatAmount, unitText, type Unit } from '../report/format.ts';
import type { Lang } from '../report/strings.ts';
import { populationWords } from '../report/scenario-names.ts';
import { householdExpectations, type HouseholdFigures } from '../engine/household.ts';

export const expectCommand: Command = {
  help: `usage: jingsuan expect FILE [--lang zh|en] [--unit wanyuan|yuan] [--json]

Exact expected payout, beneficiaries, loss ratio, burden-reduction and reimbursement ratios from the severity's
limited expected values (where the self-pay ratio is fixed; otherwise payout-related values are null), and the
insurer's expected result after the corridor and its operating cost (insurerResult), the corridor's split taken
over the exact aggregate distribution (as \`exact\`; null where only Monte Carlo gives the distribution).
  --lang zh|en         tables in Chinese or English (default: the locale, zh* → zh, else en)
  --unit wanyuan|yuan  money totals in 万元 (default) or 元; --json is always yuan`,
  options: { json: { type: 'boolean' }, ...LANG_UNIT_OPTIONS },
  run(values, [file]) {
    const lang = langFlag(values.lang);
    const unit = unitFlag(values.unit);
    const scenario = loadScenario(file);
    const model = modelOf(scenario);
    const a = analyticExpectation(model);
    const insurer = insurerResults(model);
    const household = householdExpectations(model);
    if (values.json) {
      const rulesets = a.map((r, i) => ({ ...r, insurerResult: insurer[i], ...householdKeys(r, household, i, model.baseline) }));
      console.log(JSON.stringify({ scenario: scenario.id, rulesets }, null, 2));
      return 0;
    }
    // Populations by their titles in the table's language, rulesets by id (as `run` prints them).
    const names = populationWords(scenario);
    const t = analyticTable(a, names);
    console.log(`${scenario.title[lang]}: ${t.title[lang]}`);
    console.log(toText(t, unit, lang));
    const f = fundingTable(a, names);
    console.log(`\n${f.title[lang]}`);
    console.log(toText(f, unit, lang));
    const ins = insurerTable(a.map((r, i) => ({ id: r.id, insurerResult: insurer[i] })));
    console.log(`\n${ins.title[lang]}`);
    console.log(toText(ins, unit, lang));
    printHousehold(
      household,
      a.map((r) => scenario.rulesets.find((x) => x.id === r.id)?.title[lang] ?? r.id),
      lang,
      unit,
    );
    return 0;
  },
};

/** The insurer's expected result per ruleset over the exact aggregate distribution; null where it has none. */
function insurerResults(model: EngineModel): (InsurerResult | null)[] {
  if (fftUnsupported(model) !== null) return model.rulesets.map(() => null);
  return exactAggregate(model).map((x, i) => {
    const r = model.rulesets[i];
    if (x.method !== 'fft' || !x.payout) return null;
    return insurerResult({
      premium: r.premium,
      claims: x.payout.mean,
      split: x.corridor ?? null,
      rule: r.corridor,
      operatingCostRate: r.spec.funding.operatingCostRate?.value ?? 0,
    });
  });
}

type Household = ReturnType<typeof householdExpectations>;

/** The household figures in words (docs/model.md "Household"), one line per ruleset with income. */
function printHousehold(h: Household, names: string[], lang: Lang, unit: Unit) {
  const zh = lang === 'zh';
  const lines = h.flatMap((r, i) => {
    const x = r.total;
    if (!x) return [];
    const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
    const oop = x.outOfPocket === null ? '—' : `${formatAmount(x.outOfPocket, unit)} ${unitText(unit, lang)}`;
    const imp =
      x.impoverished === null ? (zh ? '未设贫困线' : 'no poverty line') : Math.round(x.impoverished).toLocaleString(zh ? 'zh-CN' : 'en');
    // Capacity to pay and the ceiling only where the file gives them (population.spending, assistance.ceiling).
    const ctp =
      x.catastrophicCtp40 === null
        ? ''
        : zh
          ? `；超过支付能力40% ${pct(x.catastrophicCtp40)}`
          : `; above 40% of capacity to pay ${pct(x.catastrophicCtp40)}`;
    const ceiling = x.layers.ceiling
      ? zh
        ? `；自付封顶支付 ${formatAmount(x.layers.ceiling, unit)} ${unitText(unit, lang)}`
        : `; paid by the out-of-pocket ceiling ${formatAmount(x.layers.ceiling, unit)} ${unitText(unit, lang)}`
      : '';
    return [
      zh
        ? `  ${names[i]}：个人自付 ${oop}；超过收入10% ${pct(x.catastrophic10)}；超过25% ${pct(x.catastrophic25)}${ctp}；因病致贫 ${imp} 人${ceiling}`
        : `  ${names[i]}: out-of-pocket ${oop}; above 10% of income ${pct(x.catastrophic10)}; above 25% ${pct(x.catastrophic25)}${ctp}; impoverished ${imp}${ceiling}`,
    ];
  });
  if (!lines.length) return;
  console.log(
    zh ? '\n家庭负担（三重保障之后，占全体参保人的比例）' : '\nHouseholds after all three layers (shares of all insured members)',
  );
  for (const l of lines) console.log(l);
}
const HEAD = ['outOfPocket', 'catastrophic10', 'catastrophic25', 'catastrophicCtp40', 'impoverished'] as const;

/**
 * The household keys of `expect --json` (docs/model.md "Outputs"): per population `household` (null with
 * `householdReason`), the ruleset's total over populations with income, and beside a proposal its difference from
 * the baseline (`householdDiff`, expected values: no interval without sampling).
 */
function householdKeys(r: { populations: { id: string }[] }, h: Household, i: number, baseline: number) {
  const diff = (x: HouseholdFigures | null, b: HouseholdFigures | null) =>
    x && b ? Object.fromEntries(HEAD.map((k) => [k, x[k] === null || b[k] === null ? null : (x[k] as number) - (b[k] as number)])) : null;
  return {
    populations: r.populations.map((p, pi) => {
      const x = h[i].populations[pi];
      return { ...p, household: x.household, ...(x.householdReason ? { householdReason: x.householdReason } : {}) };
    }),
    household: h[i].total,
    ...(i !== baseline ? { householdDiff: diff(h[i].total, h[baseline].total) } : {}),
  };
}
