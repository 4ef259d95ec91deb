import { poolingReport, subsidyReport } from '../finance/fund-report.ts';
import { formatAmount, textTable } from '../report/format.ts';
import { enZh, t, whyText, type NotANumber } from '../report/strings.ts';
import type { Command } from './command.ts';
import { intFlag } from './flags.ts';
import { LIMITS } from '../scenario/limits.ts';
import { loadFundScenario, prepareOutDir } from './io.ts';
import type { FundWorkbookInput } from '../report/fund-workbook.ts';

/** fund.xlsx in Chinese, money in 元 to the fen (report/fund-workbook.ts), loaded only when asked for. */
async function writeWorkbook(dir: string, x: Pick<FundWorkbookInput, 'fund' | 'subsidy' | 'pooling'>) {
  const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { fundWorkbook } = await import('../report/fund-workbook.ts');
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fund.xlsx'), fundWorkbook({ ...x, lang: 'zh', version }));
}

const wan = (yuan: number | string) => formatAmount(Number(yuan), 'wan', 2);
/** A figure that is not a number, in words (both languages, as the command line writes its headers). */
const why = (reason: NotANumber) => `${whyText(reason, 'en')} ${whyText(reason, 'zh')}`;
const pct = (x: number, digits: number) => `${(x * 100).toFixed(digits)}%`;

export const fundCommand: Command = {
  help: `usage: jingsuan fund FILE [--years N] [--trials N] [--json] [--out DIR]

  subsidyBudget files: the subsidy budget by group and paying government (exact), inconsistencies with the
                       document's stated totals, the insured-count trend projection, fund payment rates.
  pooling files:       region by region and year by year: balances, city transfers, repayments, reserve
                       months of the city and the probability of the 6-month alarm.
  --out DIR            also write fund.xlsx into DIR: the same tables for Excel and WPS (typed numbers, Chinese headers).`,
  options: { years: { type: 'string' }, trials: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
  async run(values, [file]) {
    const s = loadFundScenario(file);
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out as string) : undefined;
    const years = intFlag('years', values.years, 1, 30);
    const trials = intFlag('trials', values.trials, 1, LIMITS.trials);
    if (s.kind === 'subsidyBudget') {
      const r = subsidyReport(s);
      if (outDir) await writeWorkbook(outDir, { fund: s, subsidy: r });
      if (values.json) {
        console.log(JSON.stringify(r, null, 2));
        return 0;
      }
      console.log(`${s.title.zh} · ${s.title.en}\n`);
      console.log(
        textTable(
          ['group 分组', 'insured 人数', 'payer 出资', 'subsidy 补贴 (万元)', 'contributions 个人缴费 (万元)'],
          [
            ...r.budget.lines.map((l) => [
              l.title.zh,
              l.count.toLocaleString('zh-CN'),
              l.payer,
              l.subsidised ? wan(l.subsidy) : '—',
              wan(l.contributions),
            ]),
            ['合计 total', r.budget.insured.toLocaleString('zh-CN'), '', wan(r.budget.total), wan(r.budget.contributions)],
          ],
        ),
      );
      console.log(`\nprovince 省级 ${wan(r.budget.byPayer.province)} 万元 · city 市级 ${wan(r.budget.byPayer.city)} 万元`);
      for (const w of r.budget.warnings) console.log(`warning: ${w.message.zh} / ${w.message.en}`);
      if (r.projection) {
        const p = r.projection;
        console.log(
          `\ninsured ${p.year} by trend: ${Math.round(p.predicted).toLocaleString('en')} (95% prediction interval ${Math.round(p.lo).toLocaleString('en')} – ${Math.round(p.hi).toLocaleString('en')}); forecast in the file: ${r.budget.insured.toLocaleString('en')}`,
        );
        const b = r.projectedBudget!;
        console.log(
          b.subsidisedShare === null
            ? `subsidy at the projected count: ${why(b.subsidisedShareReason)}`
            : `subsidy at the projected count (subsidised share ${pct(b.subsidisedShare, 2)}): ${wan(b.predicted)} 万元 (${wan(b.lo)} – ${wan(b.hi)})`,
        );
      }
      for (const pr of r.paymentRates)
        console.log(
          `fund payment rate ${pr.group}: modelled ${pr.modelled === null ? why(pr.modelledReason!) : pct(pr.modelled, 1)}, target ${pct(pr.target, 0)}`,
        );
      return 0;
    }
    const r = poolingReport(s, years, trials);
    if (outDir) await writeWorkbook(outDir, { fund: s, pooling: r });
    if (values.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    console.log(`${s.title.zh} · ${s.title.en}: ${r.trials} trials\n`);
    console.log(
      textTable(
        ['year 年度', 'reserve months 备付期 (mean)', 'P5', 'P(alarm < 6) 预警概率', 'city pool 统筹基金 (万元)'],
        r.years.map((y) => [
          String(y.year),
          y.reserveMonths ? y.reserveMonths.mean.toFixed(2) : why(y.reserveMonthsReason!),
          y.reserveMonths ? y.reserveMonths.p05.toFixed(2) : why(y.reserveMonthsReason!),
          `${(y.probAlarm * 100).toFixed(1)}%`,
          wan(y.cityPool.mean),
        ]),
      ),
    );
    for (const y of r.years)
      if (y.reserveMonths && y.noExpenditure > 0) console.log(`${y.year}: ${enZh('noExpenditureShare', pct(y.noExpenditure, 1))}`);
    const last = r.years[r.years.length - 1];
    console.log(`\n${last.year} by region:`);
    console.log(
      textTable(
        [
          'region 地区',
          'balance 结余 (万元)',
          'reserve 风险金',
          'from city 调剂',
          'repaid 上缴',
          'P(draws on city)',
          'local make-up 当地补足',
        ],
        last.regions.map((g) => [
          s.regions.find((x) => x.id === g.region)!.title.zh,
          wan(g.balanceMean),
          wan(g.reserveMean),
          wan(g.fromCityMean),
          wan(g.repaidMean),
          `${(g.probDrawOnCity * 100).toFixed(1)}%`,
          wan(g.localMakeUpMean),
        ]),
      ),
    );
    console.log(`\nprobability of the alarm in at least one year: ${(r.probAlarmAnyYear * 100).toFixed(1)}%`);
    // An exhausted city pool is an event (seed 003 三(三): the city makes up the gap), said with its amount.
    console.log(`${enZh('probPoolExhaustedAnyYear')}: ${pct(r.probPoolExhaustedAnyYear, 1)}`);
    for (const y of r.years) {
      const e = y.poolExhausted;
      if (e.probability === 0) continue;
      const args = [y.year, pct(e.probability, 1), wan(e.uncoveredMean), wan(e.uncoveredP95)] as const;
      console.log(`warning: ${t('poolExhausted', 'en', ...args, '万元')} / ${t('poolExhausted', 'zh', ...args, '万元')}`);
    }
    return 0;
  },
};
