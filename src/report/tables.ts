/**
 * The indicator tables of a run, declared once (report/columns.ts) and drawn by the command line (text,
 * Markdown, CSV), the report and the workbench.
 */
import type { AnalyticRuleset, AnalyticValues } from '../engine/analytic.ts';
import type { CorridorSummary, MetricsSummary, RulesetSummary, RunResult } from '../engine/summary.ts';
import type { YearResult } from '../engine/years.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import type { InsurerResult } from '../finance/insurer-result.ts';
import { analyticMetric, mcValue, metricDef, metricLabel, metricLabels, metricWhy, type MetricName } from '../engine/metrics.ts';
import { isWords, table, type Column, type ColumnUnit, type Table, type Value, type Words } from './columns.ts';
import type { PopulationWords } from './scenario-names.ts';
import { formatCount, formatNumber } from './format.ts';
import { both, t } from './strings.ts';

export { csvOf, headerOf, formattedRows, toCsv, toMarkdown, toText, type Table } from './columns.ts';

/** A metric's column, named and measured as the metric table (engine/metrics.ts) has it: its short name. */
function metric<R>(id: MetricName, value: Column<R>['value'], form: 'full' | 'short' = 'short'): Column<R> {
  return { label: metricLabels(id, form), unit: metricDef(id).unit as ColumnUnit, value };
}

/** A metric's column over runs' summaries, its value too read from the metric table (MetricDef.monteCarlo). */
function runMetric<R>(id: MetricName, summary: (row: R) => MetricsSummary): Column<R> {
  return metric(id, (row) => orWhy(id, summary(row).premium, () => mcValue(summary(row), id)));
}

/** The value, or why it is not a number (a ratio to a premium of 0: "no premium 无保费"). */
function orWhy(id: MetricName, premium: number, value: () => Value): Value {
  const why = metricWhy(id, premium);
  return why ? { why } : value();
}

/** A metric's column over analytic values (MetricDef.analytic). */
function analyticColumn<R>(id: MetricName, values: (row: R) => AnalyticValues, form: 'full' | 'short' = 'short'): Column<R> {
  return metric(id, (row) => orWhy(id, values(row).premium, () => analyticMetric(values(row), id)), form);
}

/** The difference of a metric between two rulesets: rates in percentage points, the rest in its own unit. */
function metricDifference<R>(id: MetricName, value: Column<R>['value']): Column<R> {
  const { en, zh } = metricLabels(id, 'short');
  const unit = metricDef(id).unit;
  return { label: both('colDifferenceOf', { en, zh }), unit: unit === 'ratio' ? 'points' : (unit as ColumnUnit), value };
}
const ruleset = <R extends { id: string }>(get: (r: R) => string = (r) => r.id): Column<R> => ({
  label: both('colRuleset'),
  unit: 'text',
  value: get,
});

/**
 * The key indicators after the payout's own columns, in the table's order; the rest of each row (label, unit,
 * value) is the metric table's. A new indicator is shown by naming it here.
 */
const KEY_INDICATORS = [
  'lossRatio',
  'lossRatioP95',
  'probLoss',
  'beneficiaries',
  'personTimes',
  'burdenReductionRate',
  'reimbursementRatio',
  'policyRangeReimbursementRatio',
  'insurerMean',
] as const satisfies readonly MetricName[];
/** The analytic table's indicators after the payout. */
const ANALYTIC_INDICATORS = [
  'beneficiaries',
  'lossRatio',
  'burdenReductionRate',
  'reimbursementRatio',
  'policyRangeReimbursementRatio',
] as const satisfies readonly MetricName[];

export function indicatorTable(r: RunResult): Table {
  return table<RulesetSummary>(
    'indicators',
    both('colKeyIndicators'),
    [
      ruleset(),
      { label: both('colPremium'), unit: 'money', value: (s) => s.premium },
      runMetric('payout', (s) => s),
      { label: both('colStandardError'), unit: 'money', digits: 2, value: (s) => s.payout.se },
      { label: both('colPayoutP95'), unit: 'money', value: (s) => s.payout.p95 },
      { label: both('colAnalytic'), unit: 'money', value: (s) => s.analyticMean },
      ...KEY_INDICATORS.map((id) => runMetric<RulesetSummary>(id, (s) => s)),
    ],
    r.rulesets,
  );
}

type PopulationRow = { id: string; p: RulesetSummary['populations'][number] };

/**
 * A population as the table names it: its title in both languages where `names` (report/scenario-names.ts
 * populationWords) are given — the printed tables and report.md, drawn in the reader's language or both — else its
 * id, as the CSV files keep it (docs/model.md: the files' columns are a contract).
 */
const populationName = (id: string, names: Partial<PopulationWords> | undefined): Value => names?.populations?.[id] ?? id;

/** "a · b", each side in the table's language where either is in words. */
function joined(a: string | Words, b: string | Words): string | Words {
  if (!isWords(a) && !isWords(b)) return `${a} · ${b}`;
  const side = (x: string | Words, l: 'zh' | 'en') => (isWords(x) ? x[l] : x);
  return { zh: `${side(a, 'zh')} · ${side(b, 'zh')}`, en: `${side(a, 'en')} · ${side(b, 'en')}` };
}

export function populationTable(r: RunResult, names?: Partial<PopulationWords>): Table {
  const rows: PopulationRow[] = r.rulesets.flatMap((s) => s.populations.map((p) => ({ id: s.id, p })));
  return table<PopulationRow>(
    'populations',
    both('colByPopulation'),
    [
      ruleset(),
      { label: both('colPopulation'), unit: 'text', value: (x) => populationName(x.p.id, names) },
      runMetric('payout', (x) => x.p),
      { label: both('colAnalytic'), unit: 'money', value: (x) => x.p.analyticMean },
      runMetric('beneficiaries', (x) => x.p),
      runMetric('personTimes', (x) => x.p),
      // Per beneficiary reads in yuan whatever the unit: a few thousand yuan, not 0.3 万元.
      {
        label: both('colPerBeneficiaryYuan'),
        unit: 'number',
        digits: 2,
        value: (x) => (Number.isFinite(x.p.averageBenefit) ? Math.round(x.p.averageBenefit * 100) / 100 : null),
      },
      runMetric('burdenReductionRate', (x) => x.p),
      runMetric('reimbursementRatio', (x) => x.p),
      runMetric('policyRangeReimbursementRatio', (x) => x.p),
    ],
    rows,
  );
}

export function comparisonTable(r: RunResult): Table {
  return table<RunResult['comparisons'][number]>(
    'comparisons',
    both('colComparisons'),
    [
      { label: both('colBaseline'), unit: 'text', value: (c) => c.a },
      { label: both('colRuleset'), unit: 'text', value: (c) => c.b },
      { label: both('colPayoutDifference'), unit: 'money', value: (c) => c.payoutDiff.mean },
      { label: both('colIntervalFrom'), unit: 'money', value: (c) => c.payoutDiff.lo95 },
      { label: both('colIntervalTo'), unit: 'money', value: (c) => c.payoutDiff.hi95 },
      {
        label: both('colLossRatioDifference'),
        unit: 'points',
        value: (c) => (c.lossRatioDiffReason ? { why: c.lossRatioDiffReason } : c.lossRatioDiff.mean),
      },
      { label: both('colBeneficiariesDifference'), unit: 'count', value: (c) => c.beneficiariesDiff.mean },
    ],
    r.comparisons,
  );
}

const isRate = (m: string) => metricDef(m as MetricName)?.unit === 'ratio';

/**
 * Modelled values beside the documents' targets. `names` replace the ids: the workbench's population, group and
 * ruleset titles in its language, or the command line's population and group titles in both languages
 * (populationWords; its rulesets keep their ids, the handle a user types back).
 */
export function targetTable(
  r: RunResult,
  lang: 'zh' | 'en' | 'both' = 'both',
  names: {
    populations?: Record<string, string | Words>;
    rulesets?: Record<string, string>;
    groups?: Record<string, string | Words>;
  } = {},
): Table {
  // In both languages as words ("all 合计" drawn), so that "all · a group" joins each language's side.
  const allPopulations = (): string | Words => (lang === 'both' ? both('colAllPopulations') : both('colAllPopulations')[lang]);
  // A target over a group's members (seed 000's 实时救助人员) names the group after its population.
  const population = (t: RunResult['targets'][number]) => {
    const p = t.population === null ? allPopulations() : (names.populations?.[t.population] ?? t.population);
    return t.group ? joined(p, names.groups?.[t.group] ?? t.group) : p;
  };
  // Rates and counts in one column: the value is shown as its metric reads (a rate as %, payout in 万元).
  const show = (m: string, v: number | null) =>
    v === null
      ? null
      : isRate(m)
        ? `${(v * 100).toFixed(1)}%`
        : m === 'payout'
          ? `${formatNumber(v / 1e4, 'zh-CN', undefined, 1)} ${t('wan', lang === 'en' ? 'en' : 'zh')}`
          : formatCount(v);
  return table<RunResult['targets'][number]>(
    'targets',
    both('colModelledVsTarget'),
    [
      {
        label: both('colIndicator'),
        unit: 'text',
        value: (t) => (lang === 'both' ? `${t.metric} ${metricLabel(t.metric, 'zh')}` : metricLabel(t.metric, lang)),
      },
      {
        label: both('colPopulation'),
        unit: 'text',
        value: population,
      },
      { label: both('colRuleset'), unit: 'text', value: (t) => names.rulesets?.[t.ruleset] ?? t.ruleset },
      { label: both('colTarget'), unit: 'text', figures: true, value: (t) => show(t.metric, t.target) },
      {
        label: both('colModelled'),
        unit: 'text',
        figures: true,
        value: (t) => (t.modelledReason ? { why: t.modelledReason } : show(t.metric, t.modelled)),
      },
      { label: both('colRelativeDifference'), unit: 'ratio', value: (t) => t.relativeError },
      {
        label: both('colNote'),
        unit: 'text',
        value: (t) => (!t.conflict ? '' : lang === 'both' ? both('colConflictBoth').en : both('colConflict')[lang]),
      },
    ],
    r.targets,
  );
}

/** Targets with raw values (CSV: the metric's id, values in yuan, fractions or people). */
export function targetValuesTable(r: RunResult): Table {
  return table<RunResult['targets'][number]>(
    'targets',
    both('colModelledVsTarget'),
    [
      { label: both('colMetric'), unit: 'text', value: (t) => t.metric },
      { label: both('colPopulation'), unit: 'text', value: (t) => (t.group ? `${t.population ?? ''} · ${t.group}` : t.population) },
      { label: both('colRuleset'), unit: 'text', value: (t) => t.ruleset },
      { label: both('colTarget'), unit: 'number', value: (t) => t.target },
      { label: both('colModelled'), unit: 'number', value: (t) => t.modelled },
      { label: both('colRelativeDifference'), unit: 'ratio', value: (t) => t.relativeError },
    ],
    r.targets,
  );
}

type AnalyticRow = { id: string; p: AnalyticValues & { id: string }; all?: true };

export function analyticTable(a: AnalyticRuleset[], names?: Partial<PopulationWords>): Table {
  const rows: AnalyticRow[] = a.flatMap((r) => [...r.populations.map((p) => ({ id: r.id, p })), { id: r.id, p: r, all: true as const }]);
  return table<AnalyticRow>(
    'analytic',
    both('colAnalyticValues'),
    [
      ruleset(),
      { label: both('colPopulation'), unit: 'text', value: (x) => (x.all ? both('colAllPopulations') : populationName(x.p.id, names)) },
      { label: both('colPremium'), unit: 'money', value: (x) => x.p.premium },
      analyticColumn('payout', (x) => x.p, 'full'),
      ...ANALYTIC_INDICATORS.map((id) => analyticColumn<AnalyticRow>(id, (x) => x.p)),
    ],
    rows,
  );
}

/** Names of the funding channels (schema FUNDING_CHANNELS), for tables and the workbench. */
export const CHANNEL_NAMES: Record<PremiumChannel['channel'], { zh: string; en: string }> = {
  fundTransfer: both('channelFundTransfer'),
  fiscalSubsidy: both('channelFiscalSubsidy'),
  personalContribution: both('channelPersonalContribution'),
  unspecified: both('channelUnspecified'),
};

type FundingRow = { id: string; channel: Words; population: Value; amount: number; share: number | null };

/** Who pays the premium: one row per channel and population, then the premium (their sum). */
/**
 * The insurer's expected result per ruleset after the corridor and its operating cost, with its parts, the most
 * the corridor lets it keep and whether that allows 保本微利 (finance/insurer-result.ts). `run` (Monte Carlo), `expect`
 * (the exact aggregate's corridor split) and report.md show it; rows without a result (no exact distribution) show —.
 */
export function insurerTable(rows: readonly { id: string; insurerResult: InsurerResult | null }[]): Table {
  type Row = { id: string; r: InsurerResult | null };
  const v = (f: (r: InsurerResult) => number) => (x: Row) => (x.r ? f(x.r) : null);
  return table<Row>(
    'insurer',
    both('colInsurerResultTitle'),
    [
      ruleset(),
      { label: both('colPremium'), unit: 'money', value: v((r) => r.premium) },
      { label: both('colExpectedClaims'), unit: 'money', value: v((r) => r.claims) },
      { label: both('colReturnedToFund'), unit: 'money', value: v((r) => r.fundReturn) },
      { label: both('colFundTopUp'), unit: 'money', value: v((r) => r.fundTopUp) },
      { label: both('colKeptAfterCorridor'), unit: 'money', value: v((r) => r.afterCorridor) },
      { label: both('colOperatingCost'), unit: 'money', value: v((r) => r.operatingCost) },
      { label: both('colInsurerResult'), unit: 'money', value: v((r) => r.mean) },
      { label: both('colInsurerResultRate'), unit: 'ratio', value: v((r) => r.meanRate) },
      { label: both('colKeepMax'), unit: 'ratio', value: v((r) => r.keepMaxRate) },
      { label: both('colBreakEven'), unit: 'text', value: (x) => (x.r ? both(x.r.breakEvenPossible ? 'yes' : 'noBreakEven') : null) },
    ],
    rows.map((x) => ({ id: x.id, r: x.insurerResult })),
  );
}

export function fundingTable(
  rulesets: readonly { id: string; premium: number; premiumChannels: PremiumChannel[] }[],
  names?: Partial<PopulationWords>,
): Table {
  const rows: FundingRow[] = rulesets.flatMap((r) => [
    ...r.premiumChannels.map((c) => ({
      id: r.id,
      channel: CHANNEL_NAMES[c.channel],
      population: populationName(c.population, names),
      amount: c.amount,
      share: r.premium > 0 ? c.amount / r.premium : null,
    })),
    { id: r.id, channel: both('colPremium'), population: both('colAllPopulations'), amount: r.premium, share: r.premium > 0 ? 1 : null },
  ]);
  return table<FundingRow>(
    'funding',
    both('colFunding'),
    [
      ruleset(),
      { label: both('colChannel'), unit: 'text', value: (x) => x.channel },
      { label: both('colPopulation'), unit: 'text', value: (x) => x.population },
      // 万元 to two places: a document's budget lines (7,550.15万元) read as written.
      { label: both('colAmount'), unit: 'money', digits: 2, value: (x) => x.amount },
      { label: both('colShare'), unit: 'ratio', value: (x) => x.share },
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
    both('colYearByYear'),
    [
      { label: both('colYear'), unit: 'year', value: (x) => x.year },
      { label: both('colRuleset'), unit: 'text', value: (x) => x.r.id },
      { label: both('colPremium'), unit: 'money', value: (x) => x.r.premium },
      metric('payout', (x) => x.r.payout.mean),
      { label: both('colPayoutP5'), unit: 'money', value: (x) => x.r.payout.p05 },
      { label: both('colPayoutP95'), unit: 'money', value: (x) => x.r.payout.p95 },
      metric('lossRatio', (x) => orWhy('lossRatio', x.r.premium, () => x.r.lossRatio.mean)),
      metric('probLoss', (x) => orWhy('probLoss', x.r.premium, () => x.r.lossRatio.probAbove1)),
      { label: both('colFundCumulative'), unit: 'money', value: (x) => x.r.fundCumulative?.mean },
      { label: both('colFundCumulativeP5'), unit: 'money', value: (x) => x.r.fundCumulative?.p05 },
      // Each year's household figures (engine/years.ts householdOfYear), where the file gives incomes.
      ...(rows.some((x) => x.r.household)
        ? ([
            { label: both('householdCat10'), unit: 'ratio', value: (x) => x.r.household?.catastrophic10 },
            { label: both('householdImpoverished'), unit: 'count', value: (x) => x.r.household?.impoverished ?? undefined },
          ] satisfies Column<YearRow>[])
        : []),
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
        { label: both('colFitEstimation'), unit: 'money', value: (s) => s.risk?.fitSd },
        { label: both('colFitShare'), unit: 'ratio', value: (s) => s.risk?.fitShare },
      ]
    : [];
  return table<RulesetSummary>(
    'risk',
    both('colProcessAndParameterRisk'),
    [
      ruleset(),
      { label: both('colSd'), unit: 'money', value: (s) => s.risk?.totalSd },
      { label: both('colProcess'), unit: 'money', value: (s) => s.risk?.processSd },
      { label: both('colParameter'), unit: 'money', value: (s) => s.risk?.parameterSd },
      { label: both('colParameterShare'), unit: 'ratio', value: (s) => s.risk?.parameterShare },
      ...fit,
    ],
    r.rulesets.filter((s) => s.risk),
  );
}

type ReadingRow = { reading: Words; c: CorridorSummary };

/** A ruleset's corridor split, as written and under each alternative reading. */
export function corridorTable(s: RulesetSummary): Table {
  const c = s.corridor!;
  const rows: ReadingRow[] = [
    { reading: both('readingAsWritten'), c },
    ...c.alternatives.map((a) => ({
      reading: { zh: `${t('colCorridorReading', 'zh')}“${a.id}”`, en: `${t('colCorridorReading', 'en')} "${a.id}"` },
      c: a,
    })),
  ];
  return table<ReadingRow>(
    `corridor-${s.id}`,
    both('colCorridorTitle', s.id),
    [
      { label: both('colReading'), unit: 'text', value: (x) => x.reading },
      { label: both('colInsurerMean'), unit: 'money', value: (x) => x.c.insurerMean },
      { label: both('colInsurerSd'), unit: 'money', value: (x) => x.c.insurer.sd },
      { label: both('colReturnedToFund'), unit: 'money', value: (x) => x.c.fundReturnMean },
      { label: both('colFundTopUp'), unit: 'money', value: (x) => x.c.fundTopUpMean },
      { label: both('colPInsurerLoss'), unit: 'ratio', value: (x) => x.c.probInsurerLoss },
    ],
    rows,
  );
}

/** Expected cash by month of a ruleset (engine/summary.ts finance). */
export function cashflowTable(s: RulesetSummary): Table {
  return table<RulesetSummary['finance']['cashflow'][number]>(
    `cash-${s.id}`,
    both('colCashTitle', s.id),
    [
      { label: both('colMonth'), unit: 'year', value: (c) => c.month },
      { label: both('colTransferToInsurer'), unit: 'money', value: (c) => c.transfer },
      { label: both('colBenefitsPaid'), unit: 'money', value: (c) => c.benefits },
      { label: both('colInsurerCash'), unit: 'money', value: (c) => c.insurerCash },
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
    both('colProposals'),
    [
      { label: both('colProposal'), unit: 'text', value: (x) => x.b.title?.[lang] ?? x.b.id },
      { label: both('colBaseline'), unit: 'text', value: (x) => x.a.title?.[lang] ?? x.a.id },
      { label: both('colExpectedPayoutDifference'), unit: 'money', value: (x) => x.c.payoutDiff.mean },
      { label: both('col95From'), unit: 'money', value: (x) => x.c.payoutDiff.lo95 },
      { label: both('col95To'), unit: 'money', value: (x) => x.c.payoutDiff.hi95 },
      runMetric('lossRatio', (x) => x.b),
      metricDifference('lossRatio', (x) => (x.c.lossRatioDiffReason ? { why: x.c.lossRatioDiffReason } : x.c.lossRatioDiff.mean)),
      metricDifference('beneficiaries', (x) => x.c.beneficiariesDiff.mean),
      ...(['burdenReductionRate', 'reimbursementRatio'] as const).map((id) =>
        metricDifference<ProposalRow>(id, (x) => mcValue(x.b, id) - mcValue(x.a, id)),
      ),
      runMetric('probLoss', (x) => x.b),
      {
        label: both('colProbLossDifference'),
        unit: 'points',
        value: (x) => orWhy('probLoss', Math.min(x.a.premium, x.b.premium), () => x.b.lossRatio.probAbove1 - x.a.lossRatio.probAbove1),
      },
    ],
    rows,
  );
}
