import { exactAggregate, fftUnsupported } from '../aggregate/exact.ts';
import { analyticExpectation } from '../engine/analytic.ts';
import type { EngineModel } from '../engine/model.ts';
import { modelOf } from '../engine/validate-model.ts';
import { insurerResult, type InsurerResult } from '../finance/insurer-result.ts';
import { analyticTable, fundingTable, insurerTable, toText } from '../report/tables.ts';
import type { Command } from './command.ts';
import { langFlag, LANG_UNIT_OPTIONS, unitFlag } from './flags.ts';
import { loadScenario } from './io.ts';

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
    if (values.json) {
      console.log(JSON.stringify({ scenario: scenario.id, rulesets: a.map((r, i) => ({ ...r, insurerResult: insurer[i] })) }, null, 2));
      return 0;
    }
    const t = analyticTable(a);
    console.log(`${scenario.title[lang]}: ${t.title[lang]}`);
    console.log(toText(t, unit, lang));
    const f = fundingTable(a);
    console.log(`\n${f.title[lang]}`);
    console.log(toText(f, unit, lang));
    const ins = insurerTable(a.map((r, i) => ({ id: r.id, insurerResult: insurer[i] })));
    console.log(`\n${ins.title[lang]}`);
    console.log(toText(ins, unit, lang));
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
