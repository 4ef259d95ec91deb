/**
 * The briefing's sentences (issue #31): what an edit or a proposal changes, said in words a bureau reads
 * ("1.8万–10万元段 支付比例 60% → 70%", "起付标准 1.8万元 → 1.5万元"), and the summary's figures taken from the
 * run's results, never from the file's description. Pure: report/briefing.ts lays them out.
 */
import type { RulesetSummary, RunResult } from '../engine/summary-types.ts';
import type { YearResult } from '../engine/years.ts';
import { diffScenarios, type Change } from '../scenario/diff.ts';
import { getAt } from '../scenario/edit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fieldName, fieldWord } from './field-names.ts';
import { formatCount, formatNumber } from './format.ts';
import { t, type Lang } from './strings.ts';

/** Keys whose value is an amount of money (yuan), a share (0–1), a factor or a whole count. */
const MONEY = new Set([
  'deductible',
  'cap',
  'to',
  'from',
  'perInsured',
  'total',
  'insurerGainMax',
  'insurerLossMax',
  'splice',
  'limit',
  'povertyLine',
]);
const SHARE = new Set([
  'ratio',
  'ratioAdd',
  'insurerShare',
  'share',
  'incidence',
  'compliantShare',
  'operatingCostRate',
  'policyLossShare',
  'ratioCeiling',
  'transferRate',
  'holdbackShare',
  'costGrowth',
  'fundingGrowth',
  'insuredGrowth',
  'costCv',
  'utilisationCv',
  'growthSd',
  'firstShare',
  'cv',
  'quarterShare',
  'prepaidShare',
  'payShare',
]);
const COUNT = new Set(['insured', 'trials', 'members']);

/** An amount of money as a bureau writes it: 18,000 元 → 1.8万元, 350 元 → 350元, 1.2亿元 above 1亿. */
export function moneyWords(yuan: number, lang: Lang): string {
  if (!Number.isFinite(yuan)) return '—';
  const sign = yuan < 0 ? '−' : '';
  const a = Math.abs(yuan);
  if (lang === 'en') return `${sign}${formatNumber(a, 'en', 0, 2)} yuan`;
  if (a >= 1e8) return `${sign}${formatNumber(a / 1e8, 'zh-CN', 0, 2)}亿元`;
  if (a >= 1e4) return `${sign}${formatNumber(a / 1e4, 'zh-CN', 0, 2)}万元`;
  return `${sign}${formatNumber(a, 'zh-CN', 0, 2)}元`;
}

/** 万元 to one decimal with its unit, signed where asked: "+1,145.3 万元". */
export function wanWords(yuan: number, lang: Lang, signed = false): string {
  if (!Number.isFinite(yuan)) return '—';
  const v = formatNumber(Math.abs(yuan) / 1e4, 'zh-CN', 1, 1);
  const sign = yuan < 0 ? '−' : signed && yuan > 0 ? '+' : '';
  return lang === 'zh' ? `${sign}${v}万元` : `${sign}${v} (10k yuan)`;
}

/** A rate as a percentage: results to one decimal as the tables show them (25.0%), a file's shares as written (60%). */
export const percentWords = (x: number, digits = 1, minDigits = digits) =>
  Number.isFinite(x) ? `${formatNumber(x * 100, 'zh-CN', minDigits, digits)}%` : '—';

/** A difference of two ratios in percentage points, signed: "+1.9 个百分点". */
export function pointsWords(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  const v = formatNumber(Math.abs(x * 100), 'zh-CN', 1, 1);
  const sign = x < 0 ? '−' : x > 0 && v !== '0.0' ? '+' : '';
  return lang === 'zh' ? `${sign}${v}个百分点` : `${sign}${v} points`;
}

/** A count of people, signed where asked. */
export function countWords(n: number, lang: Lang, signed = false): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '−' : signed && n > 0 ? '+' : '';
  return `${sign}${formatCount(Math.abs(n))}${lang === 'zh' ? '人' : ' people'}`;
}

/** A value of the file under its key, in words: money in 万元/元, shares in %, open edges as "以上". */
export function valueWords(key: string, v: unknown, lang: Lang, path = ''): string {
  // An open edge (a top band's or tier's `to`, a bottom tier's `from`).
  if (v === null) return key === 'to' || key === 'from' ? (lang === 'zh' ? '无' : 'none') : '—';
  // A corridor tier's edges are loss or surplus rates, a trend's mean and sd growth rates: shares, not yuan.
  if (typeof v === 'number' && isRateIn(key, path)) return percentWords(v, 2, 0);
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  // A track's base by its name (自负费用, 合规自费, 自负+合规自费), a tier's basis by its reading.
  if (key === 'base' && (v === 'selfBurden' || v === 'compliantSelfPay' || v === 'combined')) return t(v, lang);
  if (key === 'basis' && (v === 'whole' || v === 'marginal')) return t(v === 'whole' ? 'basisWhole' : 'basisMarginal', lang);
  // A transfer's basis (schema Transfers.basis, seed 001 三(一) 按筹资标准).
  if (key === 'basis' && v === 'annualStandard') return lang === 'zh' ? '按全年筹资标准' : 'the annual standard';
  if (key === 'basis' && v === 'contractPremium') return lang === 'zh' ? '按运行月份保费' : 'the premium of the months in force';
  if (typeof v !== 'number') return typeof v === 'string' ? v : '—';
  if (MONEY.has(key)) return moneyWords(v, lang);
  if (SHARE.has(key)) return percentWords(v, 2, 0);
  if (COUNT.has(key)) return formatCount(v);
  if (key.endsWith('Factor')) return `×${formatNumber(v, 'zh-CN', 0, 4)}`;
  return formatNumber(v, 'zh-CN', 0, 6);
}

const isRateIn = (key: string, path: string) =>
  (/tiers\[\d+\]/.test(path) && (key === 'from' || key === 'to')) ||
  (/Growth/.test(path) && (key === 'mean' || key === 'sd')) ||
  // The medical-assistance layer's rate is a share of the remaining burden (rules/assistance.ts).
  (/assistance/.test(path) && key === 'rate');

/** The key a path's value is measured by: `tracks[0].deductible.value` → deductible, `bands[1].ratio` → ratio. */
export function valueKey(path: string): string {
  const keys = [...path.matchAll(/([A-Za-z_$][\w$]*)/g)].map((m) => m[1]).filter((k) => k !== 'value');
  return keys[keys.length - 1] ?? '';
}

/**
 * A band as a bureau names it, by the amounts it covers: the band from the track's deductible (or the previous
 * band's edge) to its own edge, "1.8万–10万元段"; the top band "10万元以上段".
 */
function bandName(track: unknown, index: number, lang: Lang): string | null {
  const bands = (track as { bands?: { to: number | null }[] } | undefined)?.bands;
  if (!bands?.[index]) return null;
  const ded = (track as { deductible?: { value?: number } }).deductible?.value;
  const from = index === 0 ? ded : bands[index - 1].to;
  const to = bands[index].to;
  const short = (y: number | null | undefined) => (y === null || y === undefined ? '' : moneyWords(y, lang).replace(/元$/, ''));
  if (lang === 'en') return to === null ? `band above ${short(from)}` : `band ${short(from)}–${short(to)}`;
  if (to === null) return `${short(from)}元以上段`;
  return `${short(from)}–${short(to)}元段`;
}

/** One change in words: the field by its name, then old → new ("自负费用 · 1.8万–10万元段 · 支付比例 60% → 70%"). */
export function changeWords(c: Change, after: unknown, lang: Lang, dropFirst = 0, before: unknown = after): string {
  const key = valueKey(c.path);
  // A band's ratio or edge is named by the amounts the band covers, not by its ordinal.
  const band = /^(.*tracks\[(\d+)\])\.bands\[(\d+)\]/.exec(c.path);
  let words = fieldName(c.path, after, lang).split(' · ').slice(dropFirst);
  if (band) {
    // Named as the reader knew it: by the band's amounts before the change.
    const track = getAt(getAt(before, pathOf(band[1])) ? before : after, pathOf(band[1]));
    const name = bandName(track, Number(band[3]), lang);
    const ordinal = words.findIndex((w) => /第 ?\d+ ?段|band \d+/i.test(w));
    if (name && ordinal >= 0) words[ordinal] = name;
  }
  words = words.filter(Boolean);
  const what = words.join(' · ');
  const arrow = (from: unknown, to: unknown) => `${itemWords(key, from, lang, c.path)} → ${itemWords(key, to, lang, c.path)}`;
  if (c.kind === 'changed') return `${what} ${arrow(c.from, c.to)}`;
  if (c.kind === 'added')
    return lang === 'zh' ? `新增 ${what}：${itemWords(key, c.to, lang, c.path)}` : `added ${what}: ${itemWords(key, c.to, lang, c.path)}`;
  return lang === 'zh'
    ? `删除 ${what}（原为 ${itemWords(key, c.from, lang, c.path)}）`
    : `removed ${what} (was ${itemWords(key, c.from, lang, c.path)})`;
}

/** A value, or a whole item (a band, a tier, a parameter) by its fields in words. */
export function itemWords(key: string, v: unknown, lang: Lang, path = ''): string {
  if (v === null || typeof v !== 'object') return valueWords(key, v, lang, path);
  if (Array.isArray(v)) return lang === 'zh' ? `${v.length} 项` : `${v.length} items`;
  const o = v as Record<string, unknown>;
  if ('value' in o) return valueWords(key, o.value, lang, path);
  if (o.title && typeof o.title === 'object') return String((o.title as Record<Lang, string>)[lang] ?? '');
  return (
    Object.entries(o)
      // `kind` names the item's type and `group`/`tag` its group, which its name already says ("实时救助人员 优惠");
      // nested lists are listed on their own.
      .filter(
        ([k, x]) =>
          !['source', 'assumption', 'id', 'kind', 'group', 'tag'].includes(k) &&
          (typeof x !== 'object' || x === null || 'value' in (x as object)),
      )
      // A transfer's basis is what its shares are of, not a corridor tier's 分担方式.
      .map(
        ([k, x]) =>
          `${k === 'basis' && /transfers/.test(path) ? (lang === 'zh' ? '划转口径' : 'basis') : fieldWord(k, lang)} ${itemWords(k, x, lang, path)}`,
      )
      .join('，')
  );
}

const pathOf = (s: string): (string | number)[] =>
  [...s.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));

/** Changes that are a person's edit, not bookkeeping: provenance texts and titles are left out (diff.ts skips the former). */
const meaningful = (c: Change) => !/(^|\.)(title|description|id|lossRatioNote|label|conflict)(\.|\[|$)/.test(c.path);

/** What the edited scenario changes against the file as opened, each change in words. */
export function editsInWords(original: unknown, edited: Scenario, lang: Lang): string[] {
  if (!original) return [];
  return diffScenarios(original, edited)
    .filter(meaningful)
    .map((c) => changeWords(c, c.kind === 'removed' ? original : edited, lang, 0, original));
}

/** What a proposal changes against the baseline ruleset, in words (its id, title and provenance left out). */
export function proposalInWords(s: Scenario, baseline: string, proposal: string, lang: Lang): string[] {
  const a = s.rulesets.find((r) => r.id === baseline);
  const b = s.rulesets.find((r) => r.id === proposal);
  if (!a || !b) return [];
  return diffScenarios({ rulesets: [a] }, { rulesets: [b] })
    .filter(meaningful)
    .map((c) => changeWords(c, c.kind === 'removed' ? { rulesets: [a] } : { rulesets: [b] }, lang, 1, { rulesets: [a] }));
}

/** A ruleset by its title in the reader's language, its id only where it has none. */
export const rulesetName = (r: { id: string; title?: { zh: string; en: string } }, lang: Lang) => r.title?.[lang] || r.id;

/** The summary's sentence on one ruleset, every figure from the run. */
export function rulesetSentence(r: RulesetSummary, lang: Lang): string {
  const lossRatio = Number.isFinite(r.lossRatio.mean);
  if (lang === 'zh')
    return (
      `「${rulesetName(r, lang)}」保费${wanWords(r.premium, lang)}，期望赔付${wanWords(r.payout.mean, lang)}` +
      (lossRatio
        ? `，赔付率${percentWords(r.lossRatio.mean)}（95%分位${percentWords(r.lossRatio.p95)}），赔付超过保费的概率${percentWords(r.lossRatio.probAbove1)}`
        : '，无保费，赔付率无从计算') +
      `；预计获补偿${countWords(r.beneficiaries.mean, lang)}、${formatCount(r.personTimes.mean)}人次，个人负担减负率${percentWords(r.burdenReductionRate)}。`
    );
  return (
    `“${rulesetName(r, lang)}”: premium ${wanWords(r.premium, lang)}, expected payout ${wanWords(r.payout.mean, lang)}` +
    (lossRatio
      ? `, loss ratio ${percentWords(r.lossRatio.mean)} (95th percentile ${percentWords(r.lossRatio.p95)}), probability of paying more than the premium ${percentWords(r.lossRatio.probAbove1)}`
      : ', no premium, so no loss ratio') +
    `; about ${countWords(r.beneficiaries.mean, lang)} compensated (${formatCount(r.personTimes.mean)} person-times), burden reduction ${percentWords(r.burdenReductionRate)}.`
  );
}

/** Who gains under a proposal: the change in beneficiaries and payout of each population, by its title. */
export function gainsInWords(s: Scenario, a: RulesetSummary, b: RulesetSummary, lang: Lang): string[] {
  return b.populations.flatMap((pb) => {
    const pa = a.populations.find((p) => p.id === pb.id);
    if (!pa) return [];
    const title = s.populations.find((p) => p.id === pb.id)?.title?.[lang] ?? pb.id;
    const dn = pb.beneficiaries.mean - pa.beneficiaries.mean;
    const dp = pb.payout.mean - pa.payout.mean;
    const dr = pb.burdenReductionRate - pa.burdenReductionRate;
    return lang === 'zh'
      ? [`${title}：获补偿人数${countWords(dn, lang, true)}，补偿金额${wanWords(dp, lang, true)}，减负率${pointsWords(dr, lang)}`]
      : [
          `${title}: beneficiaries ${countWords(dn, lang, true)}, payout ${wanWords(dp, lang, true)}, burden reduction ${pointsWords(dr, lang)}`,
        ];
  });
}

/** The proposal's cost: the paired payout difference with its 95% interval. */
export function costWords(c: RunResult['comparisons'][number], lang: Lang): string {
  const d = c.payoutDiff;
  // An interval on one side of zero reads as amounts of the increase or decrease ("减少 12,223.6万元 至 12,465.8万元").
  const oneSide = (d.lo95 >= 0 && d.mean >= 0) || (d.hi95 <= 0 && d.mean < 0);
  const [lo, hi] = d.mean >= 0 ? [d.lo95, d.hi95] : [-d.hi95, -d.lo95];
  if (oneSide && lang === 'zh')
    return `期望赔付${d.mean >= 0 ? '增加' : '减少'}${wanWords(Math.abs(d.mean), lang)}（95%区间 ${wanWords(lo, lang)} 至 ${wanWords(hi, lang)}）`;
  return lang === 'zh'
    ? `期望赔付${d.mean >= 0 ? '增加' : '减少'}${wanWords(Math.abs(d.mean), lang)}（95%区间 ${wanWords(d.lo95, lang, true)} 至 ${wanWords(d.hi95, lang, true)}）`
    : `expected payout ${d.mean >= 0 ? 'up' : 'down'} ${wanWords(Math.abs(d.mean), lang)} (95% interval ${wanWords(d.lo95, lang, true)} to ${wanWords(d.hi95, lang, true)})`;
}

/** The last year of a multi-year run in one sentence, for the summary. */
export function yearsSentence(years: YearResult[], names: Record<string, string>, lang: Lang): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last || years.length < 2) return '';
  const parts = last.rulesets.map((r) => {
    const f = first.rulesets.find((x) => x.id === r.id);
    const name = names[r.id] ?? r.id;
    return lang === 'zh'
      ? `「${name}」赔付率由${percentWords(f?.lossRatio.mean ?? NaN)}变为${percentWords(r.lossRatio.mean)}`
      : `“${name}” loss ratio ${percentWords(f?.lossRatio.mean ?? NaN)} → ${percentWords(r.lossRatio.mean)}`;
  });
  return lang === 'zh'
    ? `按情景的趋势假设逐年预测至${last.year}年：${parts.join('；')}。`
    : `Projected year by year to ${last.year} along the scenario's trend: ${parts.join('; ')}.`;
}
