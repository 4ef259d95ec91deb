/**
 * The indicator tables of a run, declared once (report/columns.ts) and drawn by the command line (text,
 * Markdown, CSV), the report and the workbench.
 */
import type { AnalyticRuleset, AnalyticValues } from '../engine/analytic.ts';
import type { CorridorSummary, RulesetSummary, RunResult } from '../engine/summary.ts';
import type { YearResult } from '../engine/years.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import { metricDef, metricLabel, metricLabels, type MetricName } from '../engine/metrics.ts';
import { table, type Column, type ColumnUnit, type Table } from './columns.ts';
import { formatCount, formatNumber } from './format.ts';

export { csvOf, headerOf, formattedRows, toCsv, toMarkdown, toText, type Table } from './columns.ts';

const L = (en: string, zh: string) => ({ en, zh });

/** A metric's column, named and measured as the metric table (engine/metrics.ts) has it: its short name. */
function metric<R>(id: MetricName, value: Column<R>['value'], form: 'full' | 'short' = 'short'): Column<R> {
  return { label: metricLabels(id, form), unit: metricDef(id).unit as ColumnUnit, value };
}

/** The difference of a metric between two rulesets: rates in percentage points, the rest in its own unit. */
function metricDifference<R>(id: MetricName, value: Column<R>['value']): Column<R> {
  const { en, zh } = metricLabels(id, 'short');
  const unit = metricDef(id).unit;
  return { label: L(`${en} difference`, `${zh}差`), unit: unit === 'ratio' ? 'points' : (unit as ColumnUnit), value };
}
const ruleset = <R extends { id: string }>(get: (r: R) => string = (r) => r.id): Column<R> => ({
  label: L('ruleset', '方案'),
  unit: 'text',
  value: get,
});

export function indicatorTable(r: RunResult): Table {
  return table<RulesetSummary>(
    'indicators',
    L('Key indicators', '主要指标'),
    [
      ruleset(),
      { label: L('premium', '保费'), unit: 'money', value: (s) => s.premium },
      metric('payout', (s) => s.payout.mean),
      { label: L('± se', '标准误'), unit: 'money', digits: 2, value: (s) => s.payout.se },
      { label: L('payout P95', '赔付 P95'), unit: 'money', value: (s) => s.payout.p95 },
      { label: L('analytic', '解析'), unit: 'money', value: (s) => s.analyticMean },
      metric('lossRatio', (s) => s.lossRatio.mean),
      metric('lossRatioP95', (s) => s.lossRatio.p95),
      metric('probLoss', (s) => s.lossRatio.probAbove1),
      metric('beneficiaries', (s) => s.beneficiaries.mean),
      metric('personTimes', (s) => s.personTimes.mean),
      metric('burdenReductionRate', (s) => s.burdenReductionRate),
      metric('reimbursementRatio', (s) => s.reimbursementRatio),
      metric('insurerMean', (s) => s.corridor?.insurerMean ?? null),
    ],
    r.rulesets,
  );
}

type PopulationRow = { id: string; p: RulesetSummary['populations'][number] };

export function populationTable(r: RunResult): Table {
  const rows: PopulationRow[] = r.rulesets.flatMap((s) => s.populations.map((p) => ({ id: s.id, p })));
  return table<PopulationRow>(
    'populations',
    L('By population', '分人群'),
    [
      ruleset(),
      { label: L('population', '人群'), unit: 'text', value: (x) => x.p.id },
      metric('payout', (x) => x.p.payout.mean),
      { label: L('analytic', '解析'), unit: 'money', value: (x) => x.p.analyticMean },
      metric('beneficiaries', (x) => x.p.beneficiaries.mean),
      metric('personTimes', (x) => x.p.personTimes.mean),
      // Per beneficiary reads in yuan whatever the unit: a few thousand yuan, not 0.3 万元.
      {
        label: L('per beneficiary (yuan)', '人均（元）'),
        unit: 'number',
        digits: 2,
        value: (x) => (Number.isFinite(x.p.averageBenefit) ? Math.round(x.p.averageBenefit * 100) / 100 : null),
      },
      metric('burdenReductionRate', (x) => x.p.burdenReductionRate),
      metric('reimbursementRatio', (x) => x.p.reimbursementRatio),
    ],
    rows,
  );
}

export function comparisonTable(r: RunResult): Table {
  return table<RunResult['comparisons'][number]>(
    'comparisons',
    L('Comparisons (common random numbers)', '方案比较（共同随机数）'),
    [
      { label: L('baseline', '基准'), unit: 'text', value: (c) => c.a },
      { label: L('ruleset', '方案'), unit: 'text', value: (c) => c.b },
      { label: L('payout difference', '赔付差'), unit: 'money', value: (c) => c.payoutDiff.mean },
      { label: L('95% interval from', '95%区间下限'), unit: 'money', value: (c) => c.payoutDiff.lo95 },
      { label: L('95% interval to', '95%区间上限'), unit: 'money', value: (c) => c.payoutDiff.hi95 },
      { label: L('loss-ratio difference', '赔付率差'), unit: 'points', value: (c) => c.lossRatioDiff.mean },
      { label: L('beneficiaries difference', '人数差'), unit: 'count', value: (c) => c.beneficiariesDiff.mean },
    ],
    r.comparisons,
  );
}

const isRate = (m: string) => metricDef(m as MetricName)?.unit === 'ratio';

/**
 * Modelled values beside the documents' targets. `names` (the workbench's population and ruleset titles in its
 * language) replace the ids, which the command line keeps.
 */
export function targetTable(
  r: RunResult,
  lang: 'zh' | 'en' | 'both' = 'both',
  names: { populations?: Record<string, string>; rulesets?: Record<string, string> } = {},
): Table {
  // Rates and counts in one column: the value is shown as its metric reads (a rate as %, payout in 万元).
  const show = (m: string, v: number | null) =>
    v === null
      ? null
      : isRate(m)
        ? `${(v * 100).toFixed(1)}%`
        : m === 'payout'
          ? `${formatNumber(v / 1e4, 'zh-CN', undefined, 1)} 万元`
          : formatCount(v);
  return table<RunResult['targets'][number]>(
    'targets',
    L('Modelled vs target', '模型与目标'),
    [
      {
        label: L('indicator', '指标'),
        unit: 'text',
        value: (t) => (lang === 'both' ? `${t.metric} ${metricLabel(t.metric, 'zh')}` : metricLabel(t.metric, lang)),
      },
      {
        label: L('population', '人群'),
        unit: 'text',
        value: (t) =>
          t.population === null ? { zh: '合计', en: 'all', both: 'all 合计' }[lang] : (names.populations?.[t.population] ?? t.population),
      },
      { label: L('ruleset', '方案'), unit: 'text', value: (t) => names.rulesets?.[t.ruleset] ?? t.ruleset },
      { label: L('target', '目标'), unit: 'text', figures: true, value: (t) => show(t.metric, t.target) },
      { label: L('modelled', '模型'), unit: 'text', figures: true, value: (t) => show(t.metric, t.modelled) },
      { label: L('relative difference', '相对偏差'), unit: 'ratio', value: (t) => t.relativeError },
      {
        label: L('note', '说明'),
        unit: 'text',
        value: (t) => (t.conflict ? CONFLICT[lang] : ''),
      },
    ],
    r.targets,
  );
}

/** A target the scenario declares unreachable under its cost model (its reason: Target.conflict, in the file). */
const CONFLICT = {
  zh: '与其他目标冲突，未用于校准',
  en: 'conflicts with the other targets; not calibrated to',
  both: 'conflict 冲突: not calibrated to',
};

/** Targets with raw values (CSV: the metric's id, values in yuan, fractions or people). */
export function targetValuesTable(r: RunResult): Table {
  return table<RunResult['targets'][number]>(
    'targets',
    L('Modelled vs target', '模型与目标'),
    [
      { label: L('metric', '指标'), unit: 'text', value: (t) => t.metric },
      { label: L('population', '人群'), unit: 'text', value: (t) => t.population },
      { label: L('ruleset', '方案'), unit: 'text', value: (t) => t.ruleset },
      { label: L('target', '目标'), unit: 'number', value: (t) => t.target },
      { label: L('modelled', '模型'), unit: 'number', value: (t) => t.modelled },
      { label: L('relative difference', '相对偏差'), unit: 'ratio', value: (t) => t.relativeError },
    ],
    r.targets,
  );
}

type AnalyticRow = { id: string; p: AnalyticValues & { id: string } };

export function analyticTable(a: AnalyticRuleset[]): Table {
  const rows: AnalyticRow[] = a.flatMap((r) => [...r.populations, { ...r, id: 'all 合计' }].map((p) => ({ id: r.id, p })));
  return table<AnalyticRow>(
    'analytic',
    L('Analytic expected values', '解析期望值'),
    [
      ruleset(),
      { label: L('population', '人群'), unit: 'text', value: (x) => x.p.id },
      { label: L('premium', '保费'), unit: 'money', value: (x) => x.p.premium },
      metric('payout', (x) => x.p.payout, 'full'),
      metric('beneficiaries', (x) => x.p.beneficiaries),
      metric('lossRatio', (x) => x.p.lossRatio),
      metric('burdenReductionRate', (x) => x.p.burdenReductionRate),
      metric('reimbursementRatio', (x) => x.p.reimbursementRatio),
    ],
    rows,
  );
}

/** Names of the funding channels (schema FUNDING_CHANNELS), for tables and the workbench. */
export const CHANNEL_NAMES: Record<PremiumChannel['channel'], { zh: string; en: string }> = {
  fundTransfer: { zh: '基本医保基金划转', en: 'transfer from the basic funds' },
  fiscalSubsidy: { zh: '财政补贴', en: 'fiscal subsidy' },
  personalContribution: { zh: '个人缴费', en: 'personal contribution' },
  unspecified: { zh: '筹资（未分渠道）', en: 'funding, channels not split' },
};

type FundingRow = { id: string; channel: string; population: string | null; amount: number; share: number | null };

/** Who pays the premium: one row per channel and population, then the premium (their sum). */
export function fundingTable(rulesets: readonly { id: string; premium: number; premiumChannels: PremiumChannel[] }[]): Table {
  const rows: FundingRow[] = rulesets.flatMap((r) => [
    ...r.premiumChannels.map((c) => ({
      id: r.id,
      channel: `${CHANNEL_NAMES[c.channel].zh} ${CHANNEL_NAMES[c.channel].en}`,
      population: c.population,
      amount: c.amount,
      share: r.premium > 0 ? c.amount / r.premium : null,
    })),
    { id: r.id, channel: 'premium 保费', population: 'all 合计', amount: r.premium, share: r.premium > 0 ? 1 : null },
  ]);
  return table<FundingRow>(
    'funding',
    L('Premium by funding channel', '保费来源'),
    [
      ruleset(),
      { label: L('channel', '渠道'), unit: 'text', value: (x) => x.channel },
      { label: L('population', '人群'), unit: 'text', value: (x) => x.population },
      // 万元 to two places: a document's budget lines (7,550.15万元) read as written.
      { label: L('amount', '金额'), unit: 'money', digits: 2, value: (x) => x.amount },
      { label: L('share', '占比'), unit: 'ratio', value: (x) => x.share },
    ],
    rows,
  );
}

type YearRow = { year: number; r: YearResult['rulesets'][number] };

/** A multi-year run (engine/years.ts): per year and ruleset, premium, payout, loss ratio, the fund's running result. */
export function yearsTable(years: YearResult[]): Table {
  const rows: YearRow[] = years.flatMap((y) => y.rulesets.map((r) => ({ year: y.year, r })));
  return table<YearRow>(
    'years',
    L('Year by year', '逐年路径'),
    [
      { label: L('year', '年度'), unit: 'year', value: (x) => x.year },
      { label: L('ruleset', '方案'), unit: 'text', value: (x) => x.r.id },
      { label: L('premium', '保费'), unit: 'money', value: (x) => x.r.premium },
      metric('payout', (x) => x.r.payout.mean),
      { label: L('payout P5', '赔付 P5'), unit: 'money', value: (x) => x.r.payout.p05 },
      { label: L('payout P95', '赔付 P95'), unit: 'money', value: (x) => x.r.payout.p95 },
      metric('lossRatio', (x) => x.r.lossRatio.mean),
      metric('probLoss', (x) => x.r.lossRatio.probAbove1),
      { label: L('fund, cumulative', '基金累计净额'), unit: 'money', value: (x) => x.r.fundCumulative?.mean },
      { label: L('fund, cumulative P5', '基金累计净额 P5'), unit: 'money', value: (x) => x.r.fundCumulative?.p05 },
    ],
    rows,
  );
}

/** Whether a run's risk split has a fit (estimation) part: some fitted severity drawn per trial (engine/fit-draw.ts). */
export const hasFitPart = (r: RunResult) => r.rulesets.some((s) => (s.risk?.fitSd ?? 0) > 0);

/**
 * The payout's spread split by the law of total variance (engine/summary.ts RiskSplit); the fit part's columns
 * only where a fitted severity's parameters were drawn.
 */
export function riskTable(r: RunResult): Table {
  const fit: Column<RulesetSummary>[] = hasFitPart(r)
    ? [
        { label: L('fit (estimation)', '拟合（估计）'), unit: 'money', value: (s) => s.risk?.fitSd },
        { label: L('fit share', '拟合占比'), unit: 'ratio', value: (s) => s.risk?.fitShare },
      ]
    : [];
  return table<RulesetSummary>(
    'risk',
    L('Process and parameter risk', '过程风险与参数风险'),
    [
      ruleset(),
      { label: L('sd', '标准差'), unit: 'money', value: (s) => s.risk?.totalSd },
      { label: L('process', '过程'), unit: 'money', value: (s) => s.risk?.processSd },
      { label: L('parameter', '参数'), unit: 'money', value: (s) => s.risk?.parameterSd },
      { label: L('parameter share', '参数占比'), unit: 'ratio', value: (s) => s.risk?.parameterShare },
      ...fit,
    ],
    r.rulesets.filter((s) => s.risk),
  );
}

type ReadingRow = { reading: string; c: CorridorSummary };

/** A ruleset's corridor split, as written and under each alternative reading. */
export function corridorTable(s: RulesetSummary): Table {
  const c = s.corridor!;
  const rows: ReadingRow[] = [
    { reading: 'as written 按文件', c },
    ...c.alternatives.map((a) => ({ reading: `reading 口径 "${a.id}"`, c: a })),
  ];
  return table<ReadingRow>(
    `corridor-${s.id}`,
    L(`Risk corridor: ${s.id}`, `风险调节：${s.id}`),
    [
      { label: L('reading', '口径'), unit: 'text', value: (x) => x.reading },
      { label: L('insurer mean', '承办机构'), unit: 'money', value: (x) => x.c.insurerMean },
      { label: L('insurer sd', '承办机构标准差'), unit: 'money', value: (x) => x.c.insurer.sd },
      { label: L('returned to fund', '返还基金'), unit: 'money', value: (x) => x.c.fundReturnMean },
      { label: L('fund top-up', '基金补亏'), unit: 'money', value: (x) => x.c.fundTopUpMean },
      { label: L('P(insurer loss)', '承办机构亏损概率'), unit: 'ratio', value: (x) => x.c.probInsurerLoss },
    ],
    rows,
  );
}

/** Expected cash by month of a ruleset (engine/summary.ts finance). */
export function cashflowTable(s: RulesetSummary): Table {
  return table<RulesetSummary['finance']['cashflow'][number]>(
    `cash-${s.id}`,
    L(`Cash by month: ${s.id}`, `资金流：${s.id}`),
    [
      { label: L('month', '月份'), unit: 'year', value: (c) => c.month },
      { label: L('transfer to insurer', '划转'), unit: 'money', value: (c) => c.transfer },
      { label: L('benefits paid', '赔付'), unit: 'money', value: (c) => c.benefits },
      { label: L('insurer cash', '承办机构累计'), unit: 'money', value: (c) => c.insurerCash },
    ],
    s.finance?.cashflow ?? [],
  );
}

type ProposalRow = { c: RunResult['comparisons'][number]; a: RulesetSummary; b: RulesetSummary };

/**
 * Baseline against each proposal, the indicators a bureau decides on: the paired payout difference with its 95%
 * interval, loss ratio and its difference (percentage points, with interval), beneficiaries, burden reduction,
 * reimbursement ratio and probability of loss (differences in percentage points).
 */
export function proposalTable(r: RunResult, lang: 'zh' | 'en' = 'zh'): Table {
  const by = new Map(r.rulesets.map((x) => [x.id, x]));
  const rows: ProposalRow[] = r.comparisons.flatMap((c) => (by.has(c.a) && by.has(c.b) ? [{ c, a: by.get(c.a)!, b: by.get(c.b)! }] : []));
  return table<ProposalRow>(
    'proposals',
    L('Proposals against the baseline', '方案与基准比较'),
    [
      { label: L('proposal', '方案'), unit: 'text', value: (x) => x.b.title?.[lang] ?? x.b.id },
      { label: L('baseline', '基准'), unit: 'text', value: (x) => x.a.title?.[lang] ?? x.a.id },
      { label: L('payout difference', '期望赔付差'), unit: 'money', value: (x) => x.c.payoutDiff.mean },
      { label: L('95% from', '95%区间下限'), unit: 'money', value: (x) => x.c.payoutDiff.lo95 },
      { label: L('95% to', '95%区间上限'), unit: 'money', value: (x) => x.c.payoutDiff.hi95 },
      metric('lossRatio', (x) => x.b.lossRatio.mean),
      metricDifference('lossRatio', (x) => x.c.lossRatioDiff.mean),
      metricDifference('beneficiaries', (x) => x.c.beneficiariesDiff.mean),
      metricDifference('burdenReductionRate', (x) => x.b.burdenReductionRate - x.a.burdenReductionRate),
      metricDifference('reimbursementRatio', (x) => x.b.reimbursementRatio - x.a.reimbursementRatio),
      metric('probLoss', (x) => x.b.lossRatio.probAbove1),
      { label: L('its difference', '亏损概率差'), unit: 'points', value: (x) => x.b.lossRatio.probAbove1 - x.a.lossRatio.probAbove1 },
    ],
    rows,
  );
}
