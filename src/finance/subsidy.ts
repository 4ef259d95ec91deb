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
  code: 'stated-total-differs' | 'counted-not-subsidised';
  message: { zh: string; en: string };
  difference?: string;
}

export interface Budget {
  lines: BudgetLine[];
  byPayer: { city: string; province: string };
  total: string;
  contributions: string;
  insured: number;
  warnings: BudgetWarning[];
}

const wan = (d: Decimal) => d.div(10000).toFixed(2);

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
          en: `the document's "${st.label.en}" of ${wan(new Decimal(st.value))}万 differs from the itemised ${wan(computed)}万 by ${wan(diff)}万 yuan`,
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
        en: `${l.title.en}: ${l.count.toLocaleString('en')} persons are counted among the insured but in no subsidy line (at the standard: ${wan(would)}万 yuan)`,
      },
    });
  }
  return {
    lines,
    byPayer: { city: city.toFixed(2), province: province.toFixed(2) },
    total: total.toFixed(2),
    contributions: sum(() => true, 'contributions').toFixed(2),
    insured: lines.reduce((a, l) => a + l.count, 0),
    warnings,
  };
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
