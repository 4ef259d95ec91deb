/**
 * The residents' basic insurance subsidy budget (seed 002, 五、项目资金构成): subsidy = count × standard per
 * subsidised group, summed by paying government, in exact decimals; checked against the totals the document
 * states, with every inconsistency reported as a warning rather than hidden.
 */
import Decimal from 'decimal.js';
import type { SubsidyBudget } from '../scenario/fund-schema.ts';

export interface BudgetLine {
  group: string;
  title: { zh: string; en: string };
  count: number;
  payer: 'city' | 'province';
  subsidised: boolean;
  /** Subsidy of the line in yuan (decimal string), 0 for unsubsidised groups. */
  subsidy: string;
  contributions: string;
}

export interface BudgetWarning {
  code: 'stated-total-differs' | 'counted-not-subsidised' | 'target-differs' | 'target-not-modelled';
  message: { zh: string; en: string };
  difference?: string;
}

export interface Budget {
  lines: BudgetLine[];
  byPayer: { city: string; province: string };
  total: string;
  contributions: string;
  insured: number;
  /** The document's targets beside the file's own figures (null where the model has no such figure). */
  targets: BudgetTarget[];
  warnings: BudgetWarning[];
}

export interface BudgetTarget {
  id: string;
  label: { zh: string; en: string };
  metric: 'insured' | 'subsidyPerPerson' | 'benefitVisits';
  value: number;
  /** From the file's own figures: the groups' forecast count, or the budget's total ÷ the insured (yuan, to the fen). */
  modelled: string | null;
  difference: string | null;
}

/**
 * An amount in a warning as the fund view's tables show it (#31): to the fen in 元 or to two decimals in 万元, with
 * thousands separators and a minus sign, from the exact decimal (grouped as text: no float on the way).
 */
export function groupedFigure(d: Decimal): string {
  const rounded = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = rounded.abs().toFixed(2).split('.');
  return `${rounded.isNegative() && !rounded.isZero() ? '−' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
/** A count's difference the same way: separators and a minus sign. */
const groupedCount = (d: Decimal) => `${d.isNegative() && !d.isZero() ? '−' : ''}${d.abs().toNumber().toLocaleString('en')}`;
// 万元 is the Chinese text's unit; the English text reads yuan in full (issue #31: "37,054.66万 yuan" mixed the two).
const wan = (d: Decimal) => groupedFigure(d.div(10000));
const yuan = (d: Decimal) => groupedFigure(d);

export function subsidyBudget(s: SubsidyBudget): Budget {
  const standard = new Decimal(s.subsidyPerPerson.value);
  const lines = s.groups.map((g): BudgetLine => {
    const n = new Decimal(g.count.value);
    return {
      group: g.id,
      title: g.title,
      count: g.count.value,
      payer: g.payer,
      subsidised: g.subsidised,
      subsidy: (g.subsidised ? n.mul(standard) : new Decimal(0)).toFixed(2),
      contributions: n.mul(g.contribution.value).toFixed(2),
    };
  });
  const sum = (pred: (l: BudgetLine) => boolean, key: 'subsidy' | 'contributions' = 'subsidy') =>
    lines.filter(pred).reduce((a, l) => a.add(l[key]), new Decimal(0));
  const city = sum((l) => l.payer === 'city');
  const province = sum((l) => l.payer === 'province');
  const total = city.add(province);
  const warnings: BudgetWarning[] = [];
  for (const st of s.statedTotals) {
    const computed = st.payer === 'city' ? city : st.payer === 'province' ? province : total;
    const diff = new Decimal(st.value).sub(computed);
    if (!diff.isZero()) {
      warnings.push({
        code: 'stated-total-differs',
        difference: diff.toFixed(2),
        message: {
          zh: `文件所述“${st.label.zh}” ${wan(new Decimal(st.value))} 万元与逐项计算的 ${wan(computed)} 万元相差 ${wan(diff)} 万元`,
          en: `the document's "${st.label.en}" of ${yuan(new Decimal(st.value))} yuan differs from the itemised ${yuan(computed)} yuan by ${yuan(diff)} yuan`,
        },
      });
    }
  }
  for (const l of lines.filter((x) => !x.subsidised && x.count > 0)) {
    const would = new Decimal(l.count).mul(standard);
    warnings.push({
      code: 'counted-not-subsidised',
      difference: would.toFixed(2),
      message: {
        zh: `${l.title.zh} ${l.count.toLocaleString('zh-CN')} 人计入参保人数，但未列入任何财政补贴项（按标准应为 ${wan(would)} 万元）`,
        en: `${l.title.en}: ${l.count.toLocaleString('en')} persons are counted among the insured but in no subsidy line (at the standard: ${yuan(would)} yuan)`,
      },
    });
  }
  const insured = lines.reduce((a, l) => a + l.count, 0);
  const targets = (s.targets ?? []).map((t) => budgetTarget(s, t, lines, total, insured, standard, warnings));
  return {
    lines,
    targets,
    byPayer: { city: city.toFixed(2), province: province.toFixed(2) },
    total: total.toFixed(2),
    contributions: sum(() => true, 'contributions').toFixed(2),
    insured,
    warnings,
  };
}

/**
 * A performance target (seed 002 年度绩效目标) beside the file's own figures. The document's count targets
 * (学生少儿 25万, 大学生 14万, 非就业居民 9.5万 = 老年居民和失业人员) and its 人均财政补贴金额 580 元 do not
 * agree with its own forecast (305,000 / 172,000 / 110,000) and budget (650 元 a person; 36,367.50万 ÷ 587,000
 * = 619.55 元): each difference is a warning with its figures. Person-times of benefits (out-patient included)
 * are outside the model: the target is listed as not modelled.
 */
function budgetTarget(
  s: SubsidyBudget,
  t: NonNullable<SubsidyBudget['targets']>[number],
  lines: BudgetLine[],
  total: Decimal,
  insured: number,
  standard: Decimal,
  warnings: BudgetWarning[],
): BudgetTarget {
  const out = { id: t.id, label: t.label, metric: t.metric, value: t.value };
  const value = new Decimal(t.value);
  if (t.metric === 'benefitVisits') {
    warnings.push({
      code: 'target-not-modelled',
      message: {
        zh: `绩效目标“${t.label.zh}” ${value.toNumber().toLocaleString('zh-CN')} 未建模：本文件只含参保人数与补贴，不含就诊人次`,
        en: `the target "${t.label.en}" of ${value.toNumber().toLocaleString('en')} is not modelled: this file holds insured counts and subsidies, not visits`,
      },
    });
    return { ...out, modelled: null, difference: null };
  }
  if (t.metric === 'insured') {
    const named = t.groups ?? s.groups.map((g) => g.id);
    const n = lines.filter((l) => named.includes(l.group)).reduce((a, l) => a + l.count, 0);
    const diff = value.sub(n);
    if (!diff.isZero())
      warnings.push({
        code: 'target-differs',
        difference: diff.toFixed(0),
        message: {
          zh: `绩效目标“${t.label.zh}” ${value.toNumber().toLocaleString('zh-CN')} 人与文件自身的预测 ${n.toLocaleString('zh-CN')} 人相差 ${groupedCount(diff)} 人`,
          en: `the target "${t.label.en}" of ${value.toNumber().toLocaleString('en')} differs from the document's own forecast of ${n.toLocaleString('en')} by ${groupedCount(diff)}`,
        },
      });
    return { ...out, modelled: String(n), difference: diff.toFixed(0) };
  }
  // Subsidy per insured person: the itemised budget over everyone insured (the unsubsidised counted too, as the
  // document's 人均 reads "参加年度居民医保的人员享受的人均财政补贴金额").
  if (!(insured > 0)) return { ...out, modelled: null, difference: null };
  const per = total.div(insured).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const diff = value.sub(per);
  const budgetZh = `预算合计 ${wan(total)} 万元 ÷ ${insured.toLocaleString('zh-CN')} 人 = ${yuan(per)} 元`;
  const budgetEn = `the budget's ${yuan(total)} yuan ÷ ${insured.toLocaleString('en')} insured = ${yuan(per)} yuan`;
  if (!diff.isZero())
    warnings.push({
      code: 'target-differs',
      difference: diff.toFixed(2),
      message: value.eq(standard)
        ? {
            zh: `绩效目标“${t.label.zh}” ${yuan(value)} 元等于补助标准，但与${budgetZh}不符`,
            en: `the target "${t.label.en}" of ${yuan(value)} yuan is the standard but not ${budgetEn}`,
          }
        : {
            zh: `绩效目标“${t.label.zh}” ${yuan(value)} 元，与补助标准 ${yuan(standard)} 元及${budgetZh}均不符`,
            en: `the target "${t.label.en}" of ${yuan(value)} yuan agrees neither with the standard of ${yuan(standard)} yuan nor with ${budgetEn}`,
          },
    });
  return { ...out, modelled: per.toFixed(2), difference: diff.toFixed(2) };
}

/**
 * Next year's subsidy from a projected insured count: the projection (and its interval) times the subsidised
 * share of the forecast's composition times the standard, in exact decimals to the fen.
 */
export function projectedSubsidy(s: SubsidyBudget, projected: { predicted: number; lo: number; hi: number }) {
  const total = s.groups.reduce((a, g) => a + g.count.value, 0);
  const subsidised = s.groups.filter((g) => g.subsidised).reduce((a, g) => a + g.count.value, 0);
  // A forecast of nobody has no composition: the subsidised share is 0 ÷ 0, not 0%; said in words (whyText).
  if (!(total > 0)) return { subsidisedShare: null, subsidisedShareReason: 'no-insured' as const, predicted: null, lo: null, hi: null };
  const share = new Decimal(subsidised).div(total);
  // A count is not negative: the interval's lower end stops at nobody.
  const at = (n: number) =>
    new Decimal(Math.max(0, Math.round(n))).mul(share).mul(s.subsidyPerPerson.value).toFixed(2, Decimal.ROUND_HALF_UP);
  return { subsidisedShare: share.toNumber(), predicted: at(projected.predicted), lo: at(projected.lo), hi: at(projected.hi) };
}
