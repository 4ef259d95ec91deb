import { analyticExpectation } from '../engine/analytic.ts';
import { modelOf } from '../engine/validate-model.ts';
import { analyticTable, fundingTable, toText } from '../report/tables.ts';
import type { Command } from './command.ts';
import { loadScenario } from './io.ts';

export const expectCommand: Command = {
  help: `usage: jingsuan expect FILE [--json]

Exact expected payout, beneficiaries, loss ratio, burden-reduction and reimbursement ratios from the severity's
limited expected values (where the self-pay ratio is fixed; otherwise payout-related values are null).`,
  options: { json: { type: 'boolean' } },
  run(values, [file]) {
    const scenario = loadScenario(file);
    const a = analyticExpectation(modelOf(scenario));
    if (values.json) {
      console.log(JSON.stringify({ scenario: scenario.id, rulesets: a }, null, 2));
      return 0;
    }
    const t = analyticTable(a);
    console.log(`${scenario.title.zh} · ${scenario.title.en}: ${t.title.zh} · ${t.title.en}`);
    console.log(toText(t));
    const f = fundingTable(a);
    console.log(`\n${f.title.zh} · ${f.title.en}`);
    console.log(toText(f));
    return 0;
  },
};
