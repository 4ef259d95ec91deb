/**
 * The briefing-ready Markdown report of a run (`run --out`): scenario, seed, trials, key figures per ruleset,
 * comparisons, modelled vs targets, the assumptions the figures rest on, and the charts.
 */
import type { RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';
import { assumptions } from '../scenario/provenance.ts';
import { markdownTable } from './format.ts';
import { mdCode, mdText } from './markdown-escape.ts';
import { comparisonTable, fundingTable, indicatorTable, populationTable, targetTable } from './tables.ts';

export function markdownReport(scenario: Scenario, result: RunResult, charts: { file: string; title: string }[] = []): string {
  const lines: string[] = [];
  // Every text from the file is escaped (report/markdown-escape.ts): a description cannot forge a section.
  lines.push(`# ${mdText(scenario.title.zh)} · ${mdText(scenario.title.en)}`, '');
  if (scenario.description?.zh) lines.push(mdText(scenario.description.zh, { multiline: true }), '');
  if (scenario.description?.en) lines.push(mdText(scenario.description.en, { multiline: true }), '');
  lines.push(`Scenario ${mdCode(scenario.id)} (year ${scenario.year}) · ${result.trials.toLocaleString('en')} trials · seed ${mdCode(String(result.seed))} · engine jingsuan`, '');
  lines.push('## Key indicators 主要指标', '', 'Amounts in 万元 (10,000 yuan). Payout ± standard error of the Monte Carlo mean; "analytic" is the exact expectation where it exists.', '');
  const t = indicatorTable(result);
  lines.push(markdownTable(t.header, t.rows), '');
  const f = fundingTable(result.rulesets);
  lines.push('## Premium by funding channel 保费来源', '', markdownTable(f.header, f.rows), '');
  const p = populationTable(result);
  lines.push('## By population 分人群', '', markdownTable(p.header, p.rows), '');
  if (result.comparisons.length) {
    const c = comparisonTable(result);
    lines.push('## Comparisons 方案比较', '', 'Paired differences on the same sampled people (common random numbers), with 95% intervals.', '', markdownTable(c.header, c.rows), '');
  }
  if (result.targets.length) {
    const g = targetTable(result);
    lines.push('## Modelled vs targets 模型与目标', '', markdownTable(g.header, g.rows), '');
  }
  const split = result.rulesets.filter((r) => r.risk);
  if (split.length) {
    lines.push(
      '## Process and parameter risk 过程风险与参数风险',
      '',
      "The payout's variance split by the law of total variance: the process part (which people fall ill, how much they cost) and the parameter part (the year's cost level and utilisation shocks).",
      '',
    );
    const rows = split.map((r) => [r.id, (r.risk!.totalSd / 1e4).toFixed(1), (r.risk!.processSd / 1e4).toFixed(1), (r.risk!.parameterSd / 1e4).toFixed(1), `${(r.risk!.parameterShare * 100).toFixed(1)}%`]);
    lines.push(markdownTable(['ruleset 方案', 'sd 标准差 (万元)', 'process 过程 (万元)', 'parameter 参数 (万元)', 'parameter share 参数占比'], rows), '');
  }
  for (const r of result.rulesets) {
    if (!r.corridor) continue;
    lines.push(`## Risk corridor 风险调节: ${r.id}`, '');
    const rows = [['as written 按文件', r.corridor], ...r.corridor.alternatives.map((a) => [`reading 口径 "${a.id}"`, a] as const)].map(([label, c]) => {
      const cs = c as typeof r.corridor & object;
      return [String(label), (cs.insurerMean / 1e4).toFixed(1), (cs.insurer.sd / 1e4).toFixed(1), (cs.fundReturnMean / 1e4).toFixed(1), (cs.fundTopUpMean / 1e4).toFixed(1), `${(cs.probInsurerLoss * 100).toFixed(1)}%`];
    });
    lines.push(markdownTable(['reading 口径', 'insurer mean 承办机构 (万元)', 'insurer sd', 'returned to fund 返还 (万元)', 'fund top-up 补亏 (万元)', 'P(insurer loss)'], rows), '');
  }
  for (const r of result.rulesets) {
    const f = r.finance;
    if (!f?.cashflow.length) continue;
    lines.push(`## Cash by month 资金流: ${r.id}`, '', `Expected values in 万元. Operating cost ${(f.operatingCost / 1e4).toFixed(1)}; insurer's net result after corridor and operating cost ${f.insurerNetMean === null ? '—' : (f.insurerNetMean / 1e4).toFixed(1)}. Benefits spread evenly over the months in force.`, '');
    lines.push(markdownTable(['month 月份', 'transfer to insurer 划转', 'benefits paid 赔付', 'insurer cash 承办机构累计'], f.cashflow.map((c) => [String(c.month), (c.transfer / 1e4).toFixed(1), (c.benefits / 1e4).toFixed(1), (c.insurerCash / 1e4).toFixed(1)])), '');
  }
  if (charts.length) {
    lines.push('## Charts 图表', '');
    for (const c of charts) lines.push(`![${mdText(c.title)}](${c.file})`, '');
  }
  const list = assumptions(scenario);
  lines.push('## Assumptions 假设', '', `These ${list.length} values are not given by the source documents; each is the scenario's labelled assumption.`, '');
  for (const a of list) lines.push(`- ${mdCode(a.path)} = ${typeof a.value === 'number' ? String(a.value) : mdText(JSON.stringify(a.value))}: ${mdText(a.assumption ?? "")}`);
  lines.push('');
  return lines.join('\n');
}
