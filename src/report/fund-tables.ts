/**
 * A fund-level file's tables, declared once (report/columns.ts) and drawn by `jingsuan fund` in the terminal
 * (--lang, --unit) and by fund.xlsx (report/fund-workbook.ts): the residents' subsidy budget (seed 002: lines by
 * group and paying government, the payment rates) and the city pooling (seed 003: year by year, and every region
 * every year).
 */
import type { PoolingReport, SubsidyReport } from '../finance/fund-report.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { table, type Table } from './columns.ts';
import { both, t, type Lang } from './strings.ts';

/** The budget's lines and its total; amounts are exact decimal strings in yuan (finance/subsidy.ts), read as numbers. */
export function budgetTable(r: SubsidyReport, lang: Lang): Table {
  const b = r.budget;
  type Line = { title: string; count: number; payer: string; subsidy: number | null; contributions: number };
  const rows: Line[] = [
    ...b.lines.map((l) => ({
      title: l.title[lang],
      count: l.count,
      payer: t(l.payer, lang),
      subsidy: l.subsidised ? Number(l.subsidy) : null,
      contributions: Number(l.contributions),
    })),
    { title: t('total', lang), count: b.insured, payer: '', subsidy: Number(b.total), contributions: Number(b.contributions) },
  ];
  return table<Line>(
    'subsidy-budget',
    both('subsidyBudgetTitle', r.year),
    [
      { label: both('group'), unit: 'text', value: (x) => x.title },
      { label: both('insured2'), unit: 'count', value: (x) => x.count },
      { label: both('payer'), unit: 'text', value: (x) => x.payer },
      { label: both('subsidy'), unit: 'money', digits: 2, value: (x) => x.subsidy },
      { label: both('contributions'), unit: 'money', digits: 2, value: (x) => x.contributions },
    ],
    rows,
  );
}

export function paymentRateTable(r: SubsidyReport, f: FundScenario, lang: Lang): Table {
  const title = (id: string) => (f.kind === 'subsidyBudget' ? f.groups.find((g) => g.id === id)?.title?.[lang] : undefined) ?? id;
  return table<SubsidyReport['paymentRates'][number]>(
    'payment-rates',
    both('fundPaymentRates'),
    [
      { label: both('group'), unit: 'text', value: (p) => title(p.group) },
      { label: both('modelled'), unit: 'ratio', value: (p) => (p.modelled === null ? { why: p.modelledReason! } : p.modelled) },
      { label: both('target'), unit: 'ratio', value: (p) => p.target },
    ],
    r.paymentRates,
  );
}

export function poolingYearsTable(r: PoolingReport): Table {
  type Y = PoolingReport['years'][number];
  const months = (f: (d: NonNullable<Y['reserveMonths']>) => number) => (y: Y) =>
    y.reserveMonths ? f(y.reserveMonths) : { why: y.reserveMonthsReason! };
  return table<Y>(
    'reserve-months',
    both('cityPoolingReserveMonths'),
    [
      { label: both('year'), unit: 'year', value: (y) => y.year },
      { label: both('reserveMonthsMean'), unit: 'number', digits: 2, value: months((d) => d.mean) },
      { label: { zh: '备付期 P5', en: 'reserve months P5' }, unit: 'number', digits: 2, value: months((d) => d.p05) },
      { label: { zh: '备付期 P95', en: 'reserve months P95' }, unit: 'number', digits: 2, value: months((d) => d.p95) },
      { label: both('pAlarm'), unit: 'ratio', value: (y) => y.probAlarm },
      { label: both('cityPool'), unit: 'money', value: (y) => y.cityPool.mean },
      { label: both('xlsxPoolExhausted'), unit: 'ratio', value: (y) => y.poolExhausted.probability },
      { label: both('xlsxUncoveredMean'), unit: 'money', value: (y) => y.poolExhausted.uncoveredMean },
    ],
    r.years,
  );
}

/** Every region in the given years (default all): fund.xlsx lists every year, the terminal the last. */
export function regionsTable(r: PoolingReport, f: FundScenario, lang: Lang, years = r.years): Table {
  type G = PoolingReport['years'][number]['regions'][number] & { year: number };
  const title = (id: string) => (f.kind === 'pooling' ? f.regions.find((g) => g.id === id)?.title[lang] : undefined) ?? id;
  return table<G>(
    'regions',
    both('xlsxRegionsByYear'),
    [
      { label: both('year'), unit: 'year', value: (g) => g.year },
      { label: both('region'), unit: 'text', value: (g) => title(g.region) },
      { label: both('balance'), unit: 'money', value: (g) => g.balanceMean },
      { label: both('reserve'), unit: 'money', value: (g) => g.reserveMean },
      { label: both('fromCity'), unit: 'money', value: (g) => g.fromCityMean },
      { label: both('repaid'), unit: 'money', value: (g) => g.repaidMean },
      { label: both('pDrawsOnCity'), unit: 'ratio', value: (g) => g.probDrawOnCity },
      { label: both('localMakeUp'), unit: 'money', value: (g) => g.localMakeUpMean },
    ],
    years.flatMap((y) => y.regions.map((g) => ({ ...g, year: y.year }))),
  );
}
