/** (2) Suzhou, Jiangyin and Jilin rules on one population (common random numbers). */
import { runRaw } from '../src/engine/run.ts';
import { comparisonsAgainst, summarize } from '../src/engine/summary.ts';
import { benefitCurveChart, distributionChart } from '../src/report/charts/charts.ts';
import { footnoteFor } from '../src/report/charts/all.ts';
import { benefitCurves, premiumMarkers, trialValues } from '../src/report/charts/data.ts';
import { Page, pct, scenario, wan, type NotebookResult } from './lib.ts';

export async function run(): Promise<NotebookResult> {
  const s = scenario('compare-regions');
  const raw = await runRaw(s, { trials: 300, seed: 'notebook-2' });
  const r = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
  const page = new Page('02-three-regions', 'Three regions\u2019 rules on one population 三地规则比较');
  page.text('One city of 1,000,000 insured (calibrated like Suzhou employees) run through the Suzhou 2021 (assumed schedule), Jiangyin 2020 and Jilin 2017 rules. The same sampled people face every ruleset, so differences carry their own intervals.');
  page.table(
    ['ruleset', 'expected payout (万元, analytic)', 'Monte Carlo mean ± se', 'beneficiaries', 'per beneficiary (yuan)', 'burden reduction', 'reimbursement ratio', 'loss ratio'],
    r.rulesets.map((x) => [x.id, wan(x.analyticMean!), `${wan(x.payout.mean)} ± ${wan(x.payout.se, 2)}`, Math.round(x.beneficiaries.mean), Math.round(x.averageBenefit), pct(x.burdenReductionRate), pct(x.reimbursementRatio), pct(x.lossRatio.mean)]),
  );
  const cmp = comparisonsAgainst(raw.model, raw.data, raw.trials, 1);
  page.text('Paired differences against Jiangyin (万元, 95% interval):');
  page.table(['ruleset', 'payout difference', 'interval'], cmp.map((c) => [c.b, wan(c.payoutDiff.mean), `${wan(c.payoutDiff.lo95)} … ${wan(c.payoutDiff.hi95)}`]));
  const ctx = { lang: 'zh' as const, unit: 'wan' as const, rulesets: s.rulesets.map((x) => x.id), footnote: footnoteFor(s, 'zh', raw.trials, raw.seed) };
  page.chart(benefitCurveChart(benefitCurves(raw.model), ctx), 'benefit-curve');
  page.chart(distributionChart(trialValues(raw, 'payout'), premiumMarkers(raw.model), ctx, 'payout'), 'payout');
  page.text("Reading: Suzhou's assumed low self-burden deductible (12,000) reaches far more people than Jiangyin's 18,000 or Jilin's income-based deductible; Jilin's rural and poor members get lower deductibles but its cap of 300,000 binds for the most expensive cases.");
  const maxGap = Math.max(...r.rulesets.map((x) => Math.abs(x.payout.mean - x.analyticMean!) / x.payout.se));
  const by = (id: string) => r.rulesets.find((x) => x.id === id)!;
  return {
    name: page.name,
    key: { maxGapInSe: maxGap, suzhouBeneficiaries: by('suzhou-2021').beneficiaries.mean, jiangyinBeneficiaries: by('jiangyin-2020').beneficiaries.mean, suzhouMinusJiangyinLo: cmp.find((c) => c.b === 'suzhou-2021')!.payoutDiff.lo95 },
    markdown: page.write(),
  };
}
