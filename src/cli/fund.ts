import { poolingReport, subsidyReport } from '../finance/fund-report.ts';
import type { Table } from '../report/columns.ts';
import { toText } from '../report/columns.ts';
import { formatAmount, formatCount, formatPercent, unitText } from '../report/format.ts';
import { budgetTable, paymentRateTable, poolingYearsTable, regionsTable } from '../report/fund-tables.ts';
import { t, whyText } from '../report/strings.ts';
import type { Command } from './command.ts';
import { intFlag, langFlag, LANG_UNIT_OPTIONS, unitFlag } from './flags.ts';
import { LIMITS } from '../scenario/limits.ts';
import { loadFundScenario, prepareOutDir } from './io.ts';
import type { FundWorkbookInput } from '../report/fund-workbook.ts';

/** fund.xlsx in Chinese like run's report.xlsx (the bureaus' sheet), money in 元 to the fen (report/fund-workbook.ts), loaded only when asked for. */
async function writeWorkbook(dir: string, x: Pick<FundWorkbookInput, 'fund' | 'subsidy' | 'pooling'>) {
  const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { fundWorkbook } = await import('../report/fund-workbook.ts');
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fund.xlsx'), fundWorkbook({ ...x, lang: 'zh', version }));
}

const pct = (x: number) => formatPercent(x);

export const fundCommand: Command = {
  help: `usage: jingsuan fund FILE [--years N] [--trials N] [--lang zh|en] [--unit wanyuan|yuan] [--json] [--out DIR]

  subsidyBudget files: the subsidy budget by group and paying government (exact), inconsistencies with the
                       document's stated totals, the insured-count trend projection, fund payment rates.
  pooling files:       region by region and year by year: balances, city transfers, repayments, reserve
                       months of the city and the probability of the 6-month alarm.
  --lang zh|en         tables and words in Chinese or English (default: the locale, zh* → zh, else en)
  --unit wanyuan|yuan  money in 万元 (default) or 元
  --out DIR            also write fund.xlsx into DIR: the same tables for Excel and WPS (typed numbers, Chinese headers).`,
  options: {
    years: { type: 'string' },
    trials: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    ...LANG_UNIT_OPTIONS,
  },
  async run(values, [file]) {
    const s = loadFundScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out as string) : undefined;
    const years = intFlag('years', values.years, 1, 30);
    const trials = intFlag('trials', values.trials, 1, LIMITS.trials);
    const L = langFlag(values.lang);
    const unit = unitFlag(values.unit);
    const amount = (yuan: number | string) => formatAmount(Number(yuan), unit, unit === 'wan' ? 2 : undefined);
    const money = (yuan: number | string) => `${amount(yuan)} ${unitText(unit, L)}`;
    const print = (tab: Table, title = tab.title[L]) => console.log(`\n${title}\n${toText(tab, unit, L)}`);
    // A label and its figure, with the colon of the language.
    const said = (label: string, what: string) => `${label}${L === 'zh' ? '：' : ': '}${what}`;
    if (s.kind === 'subsidyBudget') {
      const r = subsidyReport(s);
      if (outDir) await writeWorkbook(outDir, { fund: s, subsidy: r });
      if (values.json) {
        console.log(JSON.stringify(r, null, 2));
        return 0;
      }
      console.log(s.title[L]);
      print(budgetTable(r, L));
      console.log(`\n${t('province2', L)} ${money(r.budget.byPayer.province)} · ${t('city', L)} ${money(r.budget.byPayer.city)}`);
      for (const w of r.budget.warnings) console.log(said(t('xlsxWarning', L), w.message[L]));
      if (r.projection) {
        const p = r.projection;
        const n = (x: number) => formatCount(Math.round(x));
        console.log(
          `\n${said(`${t('insuredCountTrend', L)} ${p.year}`, n(p.predicted))} (${t('n95PredictionInterval', L)} ${n(p.lo)} – ${n(p.hi)}); ${t('forecastInTheFile', L)} ${n(r.budget.insured)}`,
        );
        const b = r.projectedBudget!;
        console.log(
          b.subsidisedShare === null
            ? said(t('subsidyAtTheProjected', L), whyText(b.subsidisedShareReason, L))
            : said(
                `${t('subsidyAtTheProjected', L)} (${t('subsidisedShare', L)} ${pct(b.subsidisedShare)})`,
                `${amount(b.predicted)} (${amount(b.lo)} – ${amount(b.hi)}) ${unitText(unit, L)}`,
              ),
        );
      }
      if (r.paymentRates.length) print(paymentRateTable(r, s, L));
      return 0;
    }
    const r = poolingReport(s, years, trials);
    if (outDir) await writeWorkbook(outDir, { fund: s, pooling: r });
    if (values.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    console.log(`${s.title[L]} · ${t('fundTrials', L, r.trials)}`);
    print(poolingYearsTable(r));
    for (const y of r.years)
      if (y.reserveMonths && y.noExpenditure > 0) console.log(said(String(y.year), t('noExpenditureShare', L, pct(y.noExpenditure))));
    const last = r.years[r.years.length - 1];
    print(regionsTable(r, s, L, [last]), `${last.year} ${t('byRegion', L)}`);
    console.log(`\n${said(t('probabilityOfTheAlarm', L), pct(r.probAlarmAnyYear))}`);
    // An exhausted city pool is an event (seed 003 三(三): the city makes up the gap), said with its amount.
    console.log(said(t('probPoolExhaustedAnyYear', L), pct(r.probPoolExhaustedAnyYear)));
    for (const y of r.years) {
      const e = y.poolExhausted;
      if (e.probability === 0) continue;
      console.log(
        said(
          t('xlsxWarning', L),
          t('poolExhausted', L, y.year, pct(e.probability), amount(e.uncoveredMean), amount(e.uncoveredP95), unitText(unit, L)),
        ),
      );
    }
    return 0;
  },
};
