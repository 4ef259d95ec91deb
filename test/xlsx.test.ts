// The Excel workbook (issue #31 "Excel and WPS, both ways"): `run --out` writes report.xlsx; read back here with
// an independent reader (helpers/xlsx.ts: the zip's XML, styles' number formats, the pane) — every sheet's figures
// are typed numbers with a format, the header rows frozen, headers in Chinese, rulesets by title, and the figures
// equal to run --json's to the fen (the same run: --json and --out in one command). The chart CSVs beside it carry
// Chinese headers, titles and values rounded to their unit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/report/workbook.ts';
import { columnName, sheetNames, xlsxBytes } from '../src/report/xlsx-writer.ts';
import { assumptions } from '../src/scenario/provenance.ts';
import { command } from './helpers/cli.ts';
import { shipped } from './helpers/scenarios.ts';
import { readWorkbook, type ReadCell, type ReadSheet } from './helpers/xlsx.ts';

const dir = join(mkdtempSync(join(tmpdir(), 'jingsuan-xlsx-')), 'suzhou');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let json: any;
let book: ReadSheet[];
const fen = (x: number) => Math.round(x * 100) / 100;
const sheet = (name: string) => book.find((s) => s.name === name)!;
/** The row (1-based) whose first cell reads `text`, and its cells. */
const rowOf = (s: ReadSheet, text: string, col = 0) => s.rows.find((r) => r?.[col]?.value === text)!;

beforeAll(async () => {
  const r = await command('run', 'scenarios/suzhou-2021.json', '--trials', '80', '--seed', 'xlsx', '--years', '2', '--json', '--out', dir);
  expect(r.code, r.err).toBe(0);
  json = JSON.parse(r.out);
  book = readWorkbook(new Uint8Array(readFileSync(join(dir, 'report.xlsx'))));
}, 300_000);

describe('run --out report.xlsx', () => {
  it('has a first sheet saying what was run, then one sheet per table, chart data and the assumptions', () => {
    const names = book.map((s) => s.name);
    expect(names[0]).toBe('概要');
    for (const n of ['主要指标', '保费来源', '分人群', '方案与基准比较', '风险调节', '逐年路径', '模型与目标', '假设'])
      expect(names).toContain(n);
    // Every chart run --out draws has its data sheet.
    expect(names.filter((n) => n.startsWith('图·'))).toHaveLength(8);
    const summary = sheet('概要');
    const value = (item: string) => rowOf(summary, item)[1]!;
    expect(value('随机种子')).toMatchObject({ type: 's', value: 'xlsx' });
    expect(value('模拟次数')).toMatchObject({ type: 'n', value: 80, fmt: '#,##0' });
    expect(value('情景编号').value).toBe('suzhou-2021');
    expect(value('软件版本').value).toBe(`jingsuan ${JSON.parse(readFileSync('package.json', 'utf8')).version}`);
    // The date is a date: an Excel serial number within a day of now, with a date format.
    const date = value('导出时间');
    expect(date.type).toBe('n');
    expect(date.fmt).toBe('yyyy-mm-dd hh:mm');
    expect(Math.abs((date.value as number) - (Date.now() / 86_400_000 + 25_569))).toBeLessThan(1);
  });

  it('every sheet: two frozen header rows, bold, Chinese headers, and every figure a typed number with a format', () => {
    for (const s of book) {
      expect(s.frozenRows, s.name).toBe(2);
      expect(s.widths.length, s.name).toBeGreaterThan(1);
      const header = s.rows[2]!.filter(Boolean) as ReadCell[];
      expect(
        header.every((c) => c.type === 's' && c.bold),
        s.name,
      ).toBe(true);
      expect(
        header.some((c) => /[\u4e00-\u9fff]/.test(c.value as string)),
        s.name,
      ).toBe(true);
      const body = s.rows.slice(3).flatMap((r) => (r ?? []).filter(Boolean) as ReadCell[]);
      const numbers = body.filter((c) => c.type === 'n');
      expect(numbers.length, s.name).toBeGreaterThan(0);
      // No number stored as text: a text cell never reads as a plain figure.
      expect(
        body.filter((c) => c.type === 's' && /^[-+]?[\d,]+(\.\d+)?%?$/.test(c.value as string)),
        s.name,
      ).toEqual([]);
      expect(numbers.every((c) => c.fmt !== '' && !c.bold)).toBe(true);
    }
  });

  it('key indicators equal run --json to the fen, with 元 and % formats, rulesets by title', () => {
    const s = sheet('主要指标');
    expect(s.rows[2]!.map((c) => c?.value)).toEqual(expect.arrayContaining(['方案', '保费 (元)', '赔付 (元)', '赔付率']));
    const col = (h: string) => s.rows[2]!.findIndex((c) => c?.value === h);
    for (const r of json.rulesets) {
      const row = rowOf(s, r.title.zh);
      expect(row, r.id).toBeDefined();
      expect(row[col('保费 (元)')]).toEqual({ type: 'n', value: fen(r.premium), fmt: '#,##0.00', bold: false });
      expect(row[col('赔付 (元)')]).toMatchObject({ type: 'n', value: fen(r.payout.mean), fmt: '#,##0.00' });
      expect(row[col('赔付率')]).toMatchObject({ type: 'n', value: r.lossRatio.mean, fmt: '0.0%' });
      expect(row[col('补偿人数')]).toMatchObject({ type: 'n', value: r.beneficiaries.mean, fmt: '#,##0' });
    }
  });

  it('proposals: paired differences and their intervals to the fen, differences of rates in percentage points', () => {
    const s = sheet('方案与基准比较');
    const head = s.rows[2]!.map((c) => c?.value);
    expect(head.slice(0, 5)).toEqual(['方案', '基准', '期望赔付差 (元)', '95%区间下限 (元)', '95%区间上限 (元)']);
    expect(head).toContain('赔付率差 (百分点)');
    const title = Object.fromEntries(json.rulesets.map((r: { id: string; title: { zh: string } }) => [r.id, r.title.zh]));
    expect(json.comparisons.length).toBeGreaterThan(0);
    for (const c of json.comparisons) {
      const row = s.rows.find((r) => r?.[0]?.value === title[c.b] && r?.[1]?.value === title[c.a])!;
      expect(row, c.b).toBeDefined();
      expect(row[2]).toMatchObject({ type: 'n', value: fen(c.payoutDiff.mean), fmt: '#,##0.00' });
      expect(row[3]!.value).toBe(fen(c.payoutDiff.lo95));
      expect(row[4]!.value).toBe(fen(c.payoutDiff.hi95));
      const points = row[head.indexOf('赔付率差 (百分点)')]!;
      expect(points.fmt).toBe('+0.0;-0.0;0.0');
      expect(points.value).toBeCloseTo(c.lossRatioDiff.mean * 100, 6);
    }
  });

  it('premium sources, corridor and year by year: figures to the fen, words in Chinese', () => {
    const funding = sheet('保费来源');
    const channels = funding.rows.slice(3).map((r) => r![1]!.value as string);
    expect(channels.every((c) => !/[a-z]{3}/.test(c))).toBe(true);
    const first = json.rulesets[0];
    const total = funding.rows.find((r) => r?.[0]?.value === first.title.zh && r?.[1]?.value === '保费')!;
    expect(total[3]).toMatchObject({ type: 'n', value: fen(first.premium) });
    const corridor = sheet('风险调节');
    const asWritten = corridor.rows.find((r) => r?.[0]?.value === first.title.zh && r?.[1]?.value === '按文件')!;
    expect(asWritten[2]).toMatchObject({ type: 'n', value: fen(first.corridor.insurerMean), fmt: '#,##0.00' });
    const years = sheet('逐年路径');
    expect(json.years).toHaveLength(2);
    const y2 = json.years[1];
    const row = years.rows.find((r) => r?.[0]?.value === y2.year && r?.[1]?.value === first.title.zh)!;
    expect(row[0]).toMatchObject({ type: 'n', fmt: '0' });
    expect(row[3]).toMatchObject({ type: 'n', value: fen(y2.rulesets[0].payout.mean) });
    // Each year's household figures (engine/years.ts householdOfYear): the share above 10% of income, as a ratio.
    const head = years.rows[2]!.map((c) => String(c?.value ?? ''));
    const cat = head.findIndex((h) => h.startsWith('自付超过收入10%'));
    expect(cat).toBeGreaterThan(0);
    expect(row[cat]).toMatchObject({ type: 'n', value: y2.rulesets[0].household.catastrophic10, fmt: '0.0%' });
  });

  it('a chart sheet holds the chart data in Chinese, by title; the chart CSVs too, rounded to their unit', () => {
    const corridor = book.find((s) => s.name.startsWith('图·风险调节'))!;
    expect(corridor.rows[2]!.map((c) => c?.value)).toEqual(['方案', '口径', '部分', '金额 (元)']);
    const first = json.rulesets[0];
    const insurer = corridor.rows.find((r) => r?.[0]?.value === first.title.zh && r?.[2]?.value === '承办机构盈亏')!;
    expect(insurer[3]).toMatchObject({ type: 'n', value: fen(first.corridor.insurerMean), fmt: '#,##0.00' });
    const csv = readFileSync(join(dir, 'corridor-split.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufeff方案,口径,部分,金额 (元)');
    expect(csv).toContain(`${first.title.zh},按文件,承办机构盈亏,${first.corridor.insurerMean.toFixed(2)}`);
    const dist = readFileSync(join(dir, 'loss-ratio-distribution.csv'), 'utf8').split('\r\n');
    expect(dist[0]).toBe('\ufeff方案,赔付率 (比例)');
    // Ratios to four places, no id left.
    expect(dist.slice(1, -1).every((l) => /^[^,]+,-?\d+(\.\d{1,4})?$/.test(l))).toBe(true);
    expect(dist.join('\n')).not.toContain(first.id + ',');
  });

  it('家庭负担: per ruleset and population every household figure and its 95% interval equal run --json (money to the fen)', () => {
    const s = sheet('家庭负担');
    const head = s.rows[2]!.map((c) => c?.value);
    const col = (h: string) => {
      const i = head.indexOf(h);
      expect(i, h).toBeGreaterThanOrEqual(0);
      return i;
    };
    const pops = Object.fromEntries(shipped('suzhou-2021').populations.map((p) => [p.id, p.title!.zh]));
    let checked = 0;
    for (const r of json.rulesets) {
      const parts = [
        { name: '全体', h: r.household },
        ...r.populations
          .filter((p: { household: unknown }) => p.household)
          .map((p: { id: string; household: unknown }) => ({ name: pops[p.id], h: p.household })),
      ];
      for (const { name, h } of parts) {
        const row = s.rows.find((x) => x?.[0]?.value === r.title.zh && x?.[1]?.value === name)!;
        expect(row, `${r.id} ${name}`).toBeDefined();
        expect(row[col('人数')]).toMatchObject({ type: 'n', value: h.insured, fmt: '#,##0' });
        expect(row[col('个人自付合计 (元)')]).toMatchObject({ type: 'n', value: fen(h.outOfPocket), fmt: '#,##0.00' });
        expect(row[col('个人自付合计 95%下限 (元)')]!.value).toBe(fen(h.intervals.outOfPocket.lo95));
        expect(row[col('个人自付合计 95%上限 (元)')]!.value).toBe(fen(h.intervals.outOfPocket.hi95));
        // Per member in yuan to the fen whatever the unit, independently: the total over the insured.
        expect(row[col('人均个人自付（元）')]).toMatchObject({ type: 'n', value: fen(h.outOfPocket / h.insured), fmt: '#,##0.00' });
        for (const [label, key] of [
          ['自付超过收入10%', 'catastrophic10'],
          ['自付超过收入25%', 'catastrophic25'],
          ['自付超过支付能力40%', 'catastrophicCtp40'],
        ] as const) {
          expect(row[col(label)]).toMatchObject({ type: 'n', value: h[key], fmt: '0.0%' });
          expect(row[col(`${label} 95%下限`)]!.value).toBe(h.intervals[key].lo95);
          expect(row[col(`${label} 95%上限`)]!.value).toBe(h.intervals[key].hi95);
        }
        expect(row[col('因病致贫（人）')]).toMatchObject({ type: 'n', value: h.impoverished, fmt: '#,##0' });
        expect(row[col('因病致贫（人） 95%上限')]!.value).toBe(h.intervals.impoverished.hi95);
        expect(row[col('大病保险减负率')]).toMatchObject({ type: 'n', value: h.burdenReduction.criticalIllness, fmt: '0.0%' });
        expect(row[col('医疗救助减负率')]).toMatchObject({ type: 'n', value: h.burdenReduction.assistance, fmt: '0.0%' });
        checked++;
      }
    }
    expect(checked).toBe(json.rulesets.length * 3);
    // The proposals' paired differences: shares in percentage points, counts and money as they are.
    const d = sheet('家庭负担差值');
    const dhead = d.rows[2]!.map((c) => c?.value);
    for (const c of json.comparisons) {
      const title = json.rulesets.find((r: { id: string }) => r.id === c.b).title.zh;
      const row = d.rows.find((x) => x?.[0]?.value === `${title} − 基准` && x?.[1]?.value === '全体')!;
      expect(row, c.b).toBeDefined();
      const t = c.household.total;
      expect(row[dhead.indexOf('个人自付合计 (元)')]).toMatchObject({ type: 'n', value: fen(t.outOfPocket.mean), fmt: '#,##0.00' });
      const cat = row[dhead.indexOf('自付超过收入25% (百分点)')]!;
      expect(cat.fmt).toBe('+0.0;-0.0;0.0');
      expect(cat.value).toBeCloseTo(t.catastrophic25.mean * 100, 6);
      expect(row[dhead.indexOf('自付超过收入25% 95%上限 (百分点)')]!.value).toBeCloseTo(t.catastrophic25.hi95 * 100, 6);
      expect(row[dhead.indexOf('因病致贫（人）')]!.value).toBe(t.impoverished.mean);
    }
  });

  it('典型病例: the default person through every layer, baseline and a proposal, equal to the CSV beside it (yuan to the fen)', () => {
    const s = sheet('典型病例');
    const rs = shipped('suzhou-2021').rulesets;
    expect(s.rows[2]!.map((c) => c?.value)).toEqual(['环节', `${rs[0].title!.zh} (元)`, `${rs[1].title!.zh} (元)`]);
    // typical-case.csv (run --out): each step's amount, a payment negative.
    const csv = readFileSync(join(dir, 'typical-case.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    // Suzhou's rulesets have no basic layer: the chart and its CSV leave that step out (the footnote says so); the
    // workbook's table keeps the row, at 0.
    expect(csv.filter((l) => l[1] === '基本医保')).toEqual([]);
    for (const [k, ruleset] of rs.slice(0, 2).entries())
      for (const step of ['医疗费用', '基本医保', '大病保险', '医疗救助', '个人自付']) {
        const row = csv.find((l) => l[0] === ruleset.title!.zh && l[1] === step);
        const amount = step === '基本医保' ? 0 : Number(row![2]);
        expect(rowOf(s, step)[k + 1], `${ruleset.id} ${step}`).toMatchObject({ type: 'n', value: Math.abs(amount), fmt: '#,##0.00' });
      }
    // Cost − the three layers = out-of-pocket, to the fen.
    const v = (step: string) => rowOf(s, step)[1]!.value as number;
    expect(Math.round((v('医疗费用') - v('基本医保') - v('大病保险') - v('医疗救助')) * 100)).toBe(Math.round(v('个人自付') * 100));
  });

  it('the assumptions on their own sheet: every one, with its value as a number', () => {
    const s = sheet('假设');
    const list = assumptions(shipped('suzhou-2021'));
    expect(s.rows.slice(3).filter(Boolean)).toHaveLength(list.length);
    const mu = s.rows.find((r) => r?.[3]?.value === 'populations[0].severity.mu')!;
    expect(mu[1]).toMatchObject({ type: 'n', value: list.find((a) => a.path === 'populations[0].severity.mu')!.value });
    expect(mu[0]!.value).toMatch(/μ/);
  });
});

describe('the workbook in English and in 万元', () => {
  it('English headers; money in 万元 keeps the fen (yuan / 10⁴) and shows two places', async () => {
    const s = shipped('jiangyin-2020');
    // A result as --json gives it is all the workbook reads: the run above's, on its own scenario.
    const r = await command('run', 'scenarios/jiangyin-2020.json', '--trials', '40', '--seed', 'en', '--json');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    const wb = readWorkbook(reportWorkbook({ scenario: s, result, lang: 'en', unit: 'wan', version: '9.9.9', date: new Date(0) }));
    expect(wb[0].name).toBe('Summary');
    const ind = wb.find((x) => x.name === 'Key indicators')!;
    expect(ind.rows[2]![1]!.value).toBe('premium (10k yuan)');
    const row = ind.rows[3]!;
    expect(row[0]!.value).toBe(s.rulesets[0].title!.en);
    expect(row[1]).toMatchObject({ type: 'n', value: Math.round(result.rulesets[0].premium * 100) / 1e6, fmt: '#,##0.00' });
    expect(rowOf(wb[0], 'Exported')[1]!.value).toBe(25_569);
  }, 120_000);
});

describe('fund --out fund.xlsx', () => {
  it('the subsidy budget: every line and the total equal fund --json to the fen, typed, headers in Chinese', async () => {
    const out = join(dir, '..', 'fund');
    const r = await command('fund', 'scenarios/suzhou-resident-subsidy-2021.json', '--json', '--out', out);
    expect(r.code, r.err).toBe(0);
    const budget = JSON.parse(r.out).budget;
    const wb = readWorkbook(new Uint8Array(readFileSync(join(out, 'fund.xlsx'))));
    expect(wb.map((s) => s.name)).toEqual(['概要', '2021 年居民医保财政补助预算', '基金支付比例']);
    const s = wb[1];
    expect(s.frozenRows).toBe(2);
    expect(s.rows[2]!.map((c) => c?.value)).toEqual(['分组', '人数', '出资', '补助 (元)', '个人缴费 (元)']);
    for (const l of budget.lines) {
      const row = rowOf(s, l.title.zh);
      expect(row[1]).toMatchObject({ type: 'n', value: l.count, fmt: '#,##0' });
      if (l.subsidised) expect(row[3]).toMatchObject({ type: 'n', value: Number(l.subsidy), fmt: '#,##0.00' });
      expect(row[4]!.value).toBe(Number(l.contributions));
    }
    expect(rowOf(s, '合计')[3]).toMatchObject({ type: 'n', value: Number(budget.total) });
  });
});

describe('the writer', () => {
  it('names columns and sheets as Excel accepts them', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(sheetNames(['a/b', 'A/B', 'x'.repeat(40), '', '图·[甲]', "'quoted'", 'History'])).toEqual([
      'a b',
      'A B (2)',
      'x'.repeat(31),
      'Sheet',
      '图· 甲',
      'quoted',
      'History 1',
    ]);
  });
  it('writes text with XML specials and control characters, leaves NaN and ±Infinity empty', () => {
    const wb = readWorkbook(
      xlsxBytes({
        sheets: [
          {
            name: 's',
            rows: [['<a & "b">'], [{ n: NaN, fmt: '0' }, { n: Infinity, fmt: '0' }, { n: -0.125, fmt: '0.0%' }, 'tab\there\u0001']],
          },
        ],
      }),
    );
    expect(wb[0].cells.get('A1')).toMatchObject({ type: 's', value: '<a & "b">' });
    expect(wb[0].cells.has('A2')).toBe(false);
    expect(wb[0].cells.has('B2')).toBe(false);
    expect(wb[0].cells.get('C2')).toMatchObject({ type: 'n', value: -0.125, fmt: '0.0%' });
    expect(wb[0].cells.get('D2')!.value).toBe('tab\there_x0001_');
    expect(wb[0].frozenRows).toBe(0);
  });
});
