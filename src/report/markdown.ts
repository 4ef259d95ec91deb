/**
 * The briefing-ready Markdown report of a run (`run --out`): scenario, seed, trials, key figures per ruleset,
 * comparisons, modelled vs targets, the assumptions the figures rest on, and the charts.
 */
import type { RunResult } from '../engine/summary.ts';
import type { Scenario } from '../scenario/schema.ts';
import { assumptions } from '../scenario/provenance.ts';
import type { Said } from '../scenario/param.ts';
import { citeDocuments } from './sources.ts';
import { formatAmount } from './format.ts';
import { mdCode, mdText } from './markdown-escape.ts';
import { populationWords, type PopulationWords } from './scenario-names.ts';
import {
  cashflowTable,
  comparisonTable,
  corridorTable,
  fundingTable,
  insurerTable,
  indicatorTable,
  populationTable,
  proposalTable,
  hasFitPart,
  riskTable,
  targetTable,
  toMarkdown,
} from './tables.ts';

export function markdownReport(scenario: Scenario, result: RunResult, charts: { file: string; title: string }[] = []): string {
  const lines: string[] = [];
  // Populations and groups by their titles in both languages, as the printed tables name them in one (cli/run.ts);
  // rulesets by id, the handle a user types back. The CSV files beside this report keep the ids.
  const titles = populationWords(scenario);
  const names = escapedNames(titles);
  const bothNames = (x: { zh: string; en: string }) => (x.en === x.zh ? x.en : `${x.en} ${x.zh}`);
  // Every text from the file is escaped (report/markdown-escape.ts): a description cannot forge a section.
  lines.push(`# ${mdText(scenario.title.zh)} · ${mdText(scenario.title.en)}`, '');
  if (scenario.description?.zh) lines.push(mdText(scenario.description.zh, { multiline: true }), '');
  if (scenario.description?.en) lines.push(mdText(scenario.description.en, { multiline: true }), '');
  lines.push(
    `Scenario ${mdCode(scenario.id)} (year ${scenario.year}) · ${result.trials.toLocaleString('en')} trials · seed ${mdCode(String(result.seed))} · engine jingsuan`,
    '',
  );
  lines.push(
    '## Key indicators 主要指标',
    '',
    'Amounts in 万元 (10,000 yuan). Payout ± standard error of the Monte Carlo mean; "analytic" is the exact expectation where it exists.',
    '',
  );
  lines.push(toMarkdown(indicatorTable(result)), '');
  lines.push('## Premium by funding channel 保费来源', '', toMarkdown(fundingTable(result.rulesets, names)), '');
  lines.push(
    "## Insurer's expected result 承办机构期望结果",
    '',
    "Premium − expected claims − returned to the fund + the fund's top-up − operating cost. The documents ask for 保本微利 (澄政办发〔2020〕34号 二(六), 吉政办发〔2016〕57号 五(三)); where the most the corridor lets the insurer keep is below its operating cost, no funding level gives it that under the corridor as written.",
    '',
    toMarkdown(insurerTable(result.rulesets)),
    '',
  );
  lines.push('## By population 分人群', '', toMarkdown(populationTable(result, names)), '');
  if (result.comparisons.length) {
    lines.push(
      '## Comparisons 方案比较',
      '',
      'Paired differences on the same sampled people (common random numbers), with 95% intervals; loss ratios differ in percentage points.',
      '',
      toMarkdown(comparisonTable(result)),
      '',
    );
  }
  if (result.comparisons.length) {
    // The proposals are named by their titles: the file's text, escaped as the populations' (escapedNames).
    const titled = result.rulesets.map((r) => (r.title ? { ...r, title: { zh: cellText(r.title.zh), en: cellText(r.title.en) } } : r));
    lines.push('## Proposals against the baseline 方案与基准', '', toMarkdown(proposalTable({ ...result, rulesets: titled })), '');
  }
  if (result.targets.length) {
    lines.push('## Modelled vs targets 模型与目标', '', toMarkdown(targetTable(result, 'both', names)), '');
    // Each target the file declares in conflict, with the file's reason (once for targets that share it).
    const reasons = new Map<string, string[]>();
    for (const t of result.targets.filter((x) => x.conflict)) {
      const reason = [t.conflict!.en, t.conflict!.zh]
        .filter(Boolean)
        .map((x) => mdText(x!))
        .join(' ');
      reasons.set(reason, [
        ...(reasons.get(reason) ?? []),
        `${t.metric}${t.population ? ` (${mdText(bothNames(titles.populations[t.population] ?? { zh: t.population, en: t.population }))})` : ''}${t.group ? ` · ${mdText(bothNames(titles.groups[t.group] ?? { zh: t.group, en: t.group }))}` : ''}`,
      ]);
    }
    for (const [reason, which] of reasons) lines.push(`- **${which.join(', ')}**: ${reason}`);
    if (reasons.size) lines.push('');
  }
  if (result.rulesets.some((r) => r.risk)) {
    lines.push(
      '## Process and parameter risk 过程风险与参数风险',
      '',
      "The payout's variance split by the law of total variance: the process part (which people fall ill, how much they cost) and the parameter part (the year's cost level and utilisation shocks).",
      ...(hasFitPart(result)
        ? [
            '',
            "The fit part is the estimation risk of the fitted severities: each trial drew their parameters from the fit's sampling distribution (Normal(estimate, covariance)); the part is the variance over trials of the expected payout at the drawn parameters less its mean over them given the year's shocks (law of total variance, conditioning on the shocks; Klugman, Panjer & Willmot, Loss Models, §5.2 and §13.3).",
          ]
        : []),
      '',
      toMarkdown(riskTable(result)),
      '',
    );
  }
  if (result.warnings?.length) lines.push('## Warnings 警告', '', ...result.warnings.map((w) => `- ${w}`), '');
  for (const r of result.rulesets) if (r.corridor) lines.push(`## Risk corridor 风险调节: ${r.id}`, '', toMarkdown(corridorTable(r)), '');
  for (const r of result.rulesets) {
    const f = r.finance;
    if (!f?.cashflow.length) continue;
    lines.push(
      `## Cash by month 资金流: ${r.id}`,
      '',
      `Expected values in 万元. Operating cost ${formatAmount(f.operatingCost)}; insurer's net result after corridor and operating cost ${formatAmount(f.insurerNetMean)}. Benefits spread evenly over the months in force.`,
      '',
    );
    lines.push(toMarkdown(cashflowTable(r)), '');
    const other = f.cashflowOtherReading;
    if (other) {
      const name = {
        annualStandard: '年筹资标准 the annual funding standard',
        contractPremium: '合同期保费 the premium of the months in force',
      };
      const own = other.basis === 'annualStandard' ? 'contractPremium' : 'annualStandard';
      lines.push(
        `Quarterly transfers are read as shares of ${name[own]}: ${formatAmount(other.beforeSettlement)} before settlement. ` +
          `Read as shares of ${name[other.basis]}, they would be ${formatAmount(other.beforeSettlementOther)} ` +
          `(difference ${formatAmount(other.beforeSettlementOther - other.beforeSettlement)}, moved from the months to the settlement or back). ` +
          `季度划转按${name[own].split(' ')[0]}计：结算前共划转 ${formatAmount(other.beforeSettlement)}；若按${name[other.basis].split(' ')[0]}计则为 ${formatAmount(other.beforeSettlementOther)}。`,
        '',
      );
    }
  }
  if (charts.length) {
    lines.push('## Charts 图表', '');
    for (const c of charts) lines.push(`![${mdText(c.title)}](${c.file})`, '');
  }
  const list = assumptions(scenario);
  lines.push(
    '## Assumptions 假设',
    '',
    `These ${list.length} values are not given by the source documents; each is the scenario's labelled assumption.`,
    '',
  );
  for (const a of list)
    lines.push(
      `- ${mdCode(a.path)} = ${typeof a.value === 'number' ? String(a.value) : mdText(JSON.stringify(a.value))}: ${mdText(citeDocuments(bothSides(a.assumption), 'en'))}`,
    );
  lines.push('');
  return lines.join('\n');
}

/**
 * Titles are the file's free text: escaped as every text from it (mdText), its "|" left for the table, which
 * escapes it once as a cell's (format.ts markdownTable).
 */
const cellText = (s: string) => mdText(s).replace(/\\\|/g, '|');

function escapedNames(w: PopulationWords): PopulationWords {
  const each = (r: PopulationWords['populations']) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { zh: cellText(v.zh), en: cellText(v.en) }]));
  return { populations: each(w.populations), groups: each(w.groups) };
}

/** A provenance text in both languages where the file gives both (the report is bilingual), else as written. */
const bothSides = (s: Said | undefined) => (s === undefined ? '' : typeof s === 'string' ? s : s.en === s.zh ? s.en : `${s.en} ${s.zh}`);
