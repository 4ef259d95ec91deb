/**
 * Indicator tables of a run, shared by the command line (text, Markdown, CSV) and the workbench.
 */
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { PremiumChannel } from '../finance/premium.ts';
import type { YearResult } from '../engine/years.ts';
import type { RunResult } from '../engine/summary.ts';
import { formatAmount, formatCount, formatPercent } from './format.ts';

export interface Table {
  id: string;
  title: { zh: string; en: string };
  header: string[];
  rows: string[][];
  /** The same rows as raw numbers for CSV (no thousands separators, yuan). */
  raw: (string | number | null)[][];
}

export function indicatorTable(r: RunResult): Table {
  const header = ['ruleset 方案', 'premium 保费 (万元)', 'payout 赔付 (万元)', '± se', 'P95', 'analytic 解析', 'loss ratio 赔付率', 'LR P95', 'P(LR>1)', 'beneficiaries 补偿人数', 'person-times 人次', 'burden reduction 减负率', 'reimbursement 报销比例', 'insurer 承办机构 (万元)'];
  const rows = r.rulesets.map((s) => [
    s.id,
    formatAmount(s.premium),
    formatAmount(s.payout.mean),
    formatAmount(s.payout.se, 'wan', 2),
    formatAmount(s.payout.p95),
    formatAmount(s.analyticMean),
    formatPercent(s.lossRatio.mean),
    formatPercent(s.lossRatio.p95),
    formatPercent(s.lossRatio.probAbove1),
    formatCount(s.beneficiaries.mean),
    formatCount(s.personTimes.mean),
    formatPercent(s.burdenReductionRate),
    formatPercent(s.reimbursementRatio),
    s.corridor ? formatAmount(s.corridor.insurerMean) : '—',
  ]);
  const raw = r.rulesets.map((s) => [
    s.id, s.premium, s.payout.mean, s.payout.se, s.payout.p95, s.analyticMean, s.lossRatio.mean, s.lossRatio.p95, s.lossRatio.probAbove1,
    s.beneficiaries.mean, s.personTimes.mean, s.burdenReductionRate, s.reimbursementRatio, s.corridor?.insurerMean ?? null,
  ]);
  return { id: 'indicators', title: { zh: '主要指标', en: 'Key indicators' }, header, rows, raw };
}

export function populationTable(r: RunResult): Table {
  const header = ['ruleset 方案', 'population 人群', 'payout 赔付 (万元)', 'analytic 解析', 'beneficiaries 补偿人数', 'person-times 人次', 'per beneficiary 人均 (元)', 'burden reduction 减负率', 'reimbursement 报销比例'];
  const rows: string[][] = [];
  const raw: (string | number | null)[][] = [];
  for (const s of r.rulesets) {
    for (const p of s.populations) {
      rows.push([s.id, p.id, formatAmount(p.payout.mean), formatAmount(p.analyticMean), formatCount(p.beneficiaries.mean), formatCount(p.personTimes.mean), formatAmount(p.averageBenefit, 'yuan'), formatPercent(p.burdenReductionRate), formatPercent(p.reimbursementRatio)]);
      raw.push([s.id, p.id, p.payout.mean, p.analyticMean, p.beneficiaries.mean, p.personTimes.mean, p.averageBenefit, p.burdenReductionRate, p.reimbursementRatio]);
    }
  }
  return { id: 'populations', title: { zh: '分人群', en: 'By population' }, header, rows, raw };
}

export function comparisonTable(r: RunResult): Table {
  const header = ['baseline 基准', 'ruleset 方案', 'payout diff 赔付差 (万元)', '95% interval 区间', 'loss-ratio diff 赔付率差', 'beneficiaries diff 人数差'];
  const rows = r.comparisons.map((c) => [
    c.a,
    c.b,
    formatAmount(c.payoutDiff.mean),
    `${formatAmount(c.payoutDiff.lo95)} … ${formatAmount(c.payoutDiff.hi95)}`,
    formatPercent(c.lossRatioDiff.mean),
    formatCount(c.beneficiariesDiff.mean),
  ]);
  const raw = r.comparisons.map((c) => [c.a, c.b, c.payoutDiff.mean, c.payoutDiff.lo95, c.payoutDiff.hi95, c.lossRatioDiff.mean, c.beneficiariesDiff.mean]);
  return { id: 'comparisons', title: { zh: '方案比较（共同随机数）', en: 'Comparisons (common random numbers)' }, header, rows, raw };
}

const METRIC_NAMES: Record<string, string> = {
  payout: 'compensation 补偿金额',
  beneficiaries: 'beneficiaries 补偿人数',
  personTimes: 'person-times 补偿人次',
  burdenReductionRate: 'burden reduction 减负率',
  reimbursementRatio: 'reimbursement ratio 报销比例',
  lossRatio: 'loss ratio 赔付率',
};

const isRate = (m: string) => m === 'burdenReductionRate' || m === 'reimbursementRatio' || m === 'lossRatio';

export function targetTable(r: RunResult): Table {
  const header = ['indicator 指标', 'population 人群', 'ruleset 方案', 'target 目标', 'modelled 模型', 'difference 偏差'];
  const fmt = (m: string, v: number | null) => (v === null ? '—' : isRate(m) ? formatPercent(v) : m === 'payout' ? `${formatAmount(v)} 万元` : formatCount(v));
  const rows = r.targets.map((t) => [METRIC_NAMES[t.metric] ?? t.metric, t.population ?? 'all 合计', t.ruleset, fmt(t.metric, t.target), fmt(t.metric, t.modelled), t.relativeError === null ? '—' : formatPercent(t.relativeError)]);
  const raw = r.targets.map((t) => [t.metric, t.population, t.ruleset, t.target, t.modelled, t.relativeError]);
  return { id: 'targets', title: { zh: '模型与目标', en: 'Modelled vs target' }, header, rows, raw };
}

export function analyticTable(a: AnalyticRuleset[]): Table {
  const header = ['ruleset 方案', 'population 人群', 'premium 保费 (万元)', 'expected payout 期望赔付 (万元)', 'beneficiaries 补偿人数', 'loss ratio 赔付率', 'burden reduction 减负率', 'reimbursement 报销比例'];
  const rows: string[][] = [];
  const raw: (string | number | null)[][] = [];
  for (const r of a) {
    for (const p of [...r.populations, { ...r, id: 'all 合计' }]) {
      rows.push([r.id, p.id, formatAmount(p.premium), formatAmount(p.payout), formatCount(p.beneficiaries), formatPercent(p.lossRatio), formatPercent(p.burdenReductionRate), formatPercent(p.reimbursementRatio)]);
      raw.push([r.id, p.id, p.premium, p.payout, p.beneficiaries, p.lossRatio, p.burdenReductionRate, p.reimbursementRatio]);
    }
  }
  return { id: 'analytic', title: { zh: '解析期望值', en: 'Analytic expected values' }, header, rows, raw };
}

/** Names of the funding channels (schema FUNDING_CHANNELS), for tables and the workbench. */
export const CHANNEL_NAMES: Record<PremiumChannel['channel'], { zh: string; en: string }> = {
  fundTransfer: { zh: '基本医保基金划转', en: 'transfer from the basic funds' },
  fiscalSubsidy: { zh: '财政补贴', en: 'fiscal subsidy' },
  personalContribution: { zh: '个人缴费', en: 'personal contribution' },
  unspecified: { zh: '筹资（未分渠道）', en: 'funding, channels not split' },
};

/** Who pays what: every ruleset's premium by channel and population, with each line's share of the premium. */
export function fundingTable(rulesets: readonly { id: string; premium: number; premiumChannels: PremiumChannel[] }[]): Table {
  const header = ['ruleset 方案', 'channel 渠道', 'population 人群', 'amount 金额 (万元)', 'share 占比'];
  const rows: string[][] = [];
  const raw: (string | number | null)[][] = [];
  for (const r of rulesets) {
    for (const c of r.premiumChannels) {
      const name = CHANNEL_NAMES[c.channel];
      const share = r.premium > 0 ? c.amount / r.premium : null;
      // 万元 to two places: a document's budget lines (7,550.15万元) read as written.
      rows.push([r.id, `${name.zh} ${name.en}`, c.population, formatAmount(c.amount, 'wan', 2), formatPercent(share)]);
      raw.push([r.id, c.channel, c.population, c.amount, share]);
    }
    rows.push([r.id, 'premium 保费', 'all 合计', formatAmount(r.premium, 'wan', 2), formatPercent(r.premium > 0 ? 1 : null)]);
    raw.push([r.id, 'premium', null, r.premium, r.premium > 0 ? 1 : null]);
  }
  return { id: 'funding', title: { zh: '保费来源', en: 'Premium by funding channel' }, header, rows, raw };
}

/** A multi-year run (engine/years.ts): per year and ruleset, premium, payout, loss ratio, the fund's running result. */
export function yearsTable(years: YearResult[]): Table {
  const header = ['year 年度', 'ruleset 方案', 'premium 保费 (万元)', 'payout 赔付 (万元)', 'P5', 'P95', 'loss ratio 赔付率', 'P(LR>1)', 'fund, cumulative 基金累计净额 (万元)', 'fund P5'];
  const rows: string[][] = [];
  const raw: (string | number | null)[][] = [];
  for (const y of years) {
    for (const r of y.rulesets) {
      rows.push([
        String(y.year),
        r.id,
        formatAmount(r.premium),
        formatAmount(r.payout.mean),
        formatAmount(r.payout.p05),
        formatAmount(r.payout.p95),
        formatPercent(r.lossRatio.mean),
        formatPercent(r.lossRatio.probAbove1),
        formatAmount(r.fundCumulative?.mean),
        formatAmount(r.fundCumulative?.p05),
      ]);
      raw.push([y.year, r.id, r.premium, r.payout.mean, r.payout.p05, r.payout.p95, r.lossRatio.mean, r.lossRatio.probAbove1, r.fundCumulative?.mean ?? null, r.fundCumulative?.p05 ?? null]);
    }
  }
  return { id: 'years', title: { zh: '逐年路径', en: 'Year by year' }, header, rows, raw };
}

/** RFC 4180 CSV of a table's raw values (UTF-8; a BOM so spreadsheet programs read the Chinese headers). */
export function toCsv(t: Table): string {
  const cell = (v: string | number | null) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\ufeff' + [t.header, ...t.raw].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
