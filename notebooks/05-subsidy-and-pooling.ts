/** (5) The residents' subsidy budget (seed 002) and the pooling alarm over five years (seed 003). */
import { simulatePooling } from '../src/finance/pooling.ts';
import { projectLinear } from '../src/finance/projection.ts';
import { projectedSubsidy, subsidyBudget } from '../src/finance/subsidy.ts';
import type { Pooling, SubsidyBudget } from '../src/scenario/fund-schema.ts';
import { validateData } from '../src/scenario/validate.ts';
import { Page, pct, scenarioRaw, wan, type NotebookResult } from './lib.ts';

export async function run(): Promise<NotebookResult> {
  const sub = validateData(scenarioRaw('suzhou-resident-subsidy-2021')).fund as SubsidyBudget;
  const pool = validateData(scenarioRaw('suzhou-pooling-2020')).fund as Pooling;
  const b = subsidyBudget(sub);
  const page = new Page('05-subsidy-and-pooling', "Residents' subsidy and the pooling alarm 居民医保补贴与统筹预警");
  page.text('Seed 002\u2019s budget, recomputed line by line in exact decimals (万元):');
  page.table(['group', 'insured', 'payer', 'subsidy', 'personal contributions'], [...b.lines.map((l) => [l.title.zh, l.count.toLocaleString('en'), l.payer, l.subsidised ? wan(Number(l.subsidy), 2) : '—', wan(Number(l.contributions), 2)]), ['total', b.insured.toLocaleString('en'), '', wan(Number(b.total), 2), wan(Number(b.contributions), 2)]]);
  page.text(`Province ${wan(Number(b.byPayer.province), 2)}万, city ${wan(Number(b.byPayer.city), 2)}万 — as the seed states. What the seed does not reconcile:`);
  for (const w of b.warnings) page.text(`- ${w.message.en}`);
  const p = projectLinear(sub.history, sub.year);
  page.text(`Trend of the last five years (2016–2019 assumed, 2020 from the seed): ${Math.round(p.predicted).toLocaleString('en')} insured in 2021, 95% prediction interval ${Math.round(p.lo).toLocaleString('en')} – ${Math.round(p.hi).toLocaleString('en')}; the seed forecasts 587,000.`);
  const pb = projectedSubsidy(sub, p);
  page.text(`Fed into next year\u2019s budget at the forecast\u2019s subsidised share (${pct(pb.subsidisedShare, 2)}): ${wan(Number(pb.predicted), 2)}万 (${wan(Number(pb.lo), 2)} – ${wan(Number(pb.hi), 2)}), against the itemised ${wan(Number(b.total), 2)}万.`);
  const r = simulatePooling(pool, 1000);
  page.text('City-level pooling of ten districts and county-level cities (regional figures assumed): expenditure grows 8% a year against revenue 5%. Each year a region\u2019s gap is met from its balance, then its reserve, then the city pool, repaying 20% of its employees\u2019 part.');
  page.table(['year', 'reserve months (mean)', 'P5', 'P(below 6 months)', 'city pool (万元)'], r.years.map((y) => [y.year, y.reserveMonths.mean.toFixed(2), y.reserveMonths.p05.toFixed(2), pct(y.probAlarm), wan(y.cityPool.mean)]));
  page.text(`Probability that the 6-month alarm sounds in at least one of the five years: ${pct(r.probAlarmAnyYear)}.`);
  return { name: page.name, key: { total: Number(b.total), province: Number(b.byPayer.province), city: Number(b.byPayer.city), alarmFirst: r.years[0].probAlarm, alarmLast: r.years[4].probAlarm, predicted: p.predicted }, markdown: page.write() };
}
