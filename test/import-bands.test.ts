// A ruleset's bands pasted from a sheet (issue #31 "Import"): tab-separated text as Excel and WPS copy it, read
// into 起付标准, bands and 封顶线 (fit/read-bands.ts), every bad cell named by row and column, and applied to a
// track as one edit (scenario/import-bands.ts). Expected values are the sheet's own figures (Jiangyin's seed 001
// 二(四): 起付 1.8万, 1.8–10万 60%, above 10万 80%).
import { describe, expect, it } from 'vitest';
import { pastedRows, readBandSheet, readFigureSheet } from '../src/fit/read-bands.ts';
import { readXlsx } from '../src/fit/read-xlsx.ts';
import { xlsxBytes } from '../src/report/xlsx-writer.ts';
import { importBands, importFigures } from '../src/scenario/import-bands.ts';
import { validateData } from '../src/scenario/validate.ts';
import { shipped } from './helpers/scenarios.ts';

const read = (text: string) => readBandSheet(pastedRows(text));

describe('bands pasted as TSV', () => {
  it('reads 起付标准, a header row, the bands (万, separators, %, an open top) and 封顶线', () => {
    const r = read('起付标准\t1.5万\n下限\t上限\t支付比例\n15000\t100,000\t65%\n10万\t以上\t0.8\n封顶线\t400000元\n');
    expect(r.problems).toEqual([]);
    expect(r.deductible).toBe(15000);
    expect(r.bands).toEqual([
      { from: 15000, to: 100000, ratio: 0.65, row: 3 },
      { from: 100000, to: null, ratio: 0.8, row: 4 },
    ]);
    expect(r.cap).toBe(400000);
  });

  it('without a header: rows of (上限, 比例); "不封顶" removes the cap; a bare 60 under a % header is 60%', () => {
    const r = read('起付线\t18000\n100000\t60%\n\t80%\n封顶\t不封顶');
    expect(r.problems).toEqual([]);
    expect(r.bands.map((b) => [b.to, b.ratio])).toEqual([
      [100000, 0.6],
      [null, 0.8],
    ]);
    expect(r.cap).toBeNull();
    expect(read('上限\t比例（%）\n50000\t60\n\t75').bands.map((b) => b.ratio)).toEqual([0.6, 0.75]);
  });

  it('the first band’s lower edge is the deductible when the sheet has no 起付 row', () => {
    const r = read('下限\t上限\t比例\n20000\t50000\t50%\n50000\t\t60%');
    expect(r.problems).toEqual([]);
    expect(r.deductible).toBe(20000);
  });

  it('bad rows: each problem names its row and column, in English and Chinese', () => {
    const r = read('起付标准\t1.8万\n下限\t上限\t比例\n18000\t10万\t六成\n100000\tabc\t80%\n120000\t90000\t150%\n\t\t\n200000\t\t90%');
    const zh = r.problems.map((p) => p.zh);
    expect(zh).toContain('第 3 行 C 列：比例“六成”不是数（写作 60% 或 0.6）');
    expect(zh).toContain('第 4 行 B 列：上限“abc”不是金额');
    expect(zh).toContain('第 5 行 C 列：比例 150% 应在 0 与 100% 之间（写作 60% 或 0.6）');
    expect(r.problems.find((p) => p.row === 3)!.en).toBe('row 3, column C: the ratio "六成" is not a number (write 60% or 0.6)');
    expect(zh).toHaveLength(3);
  });

  it('bands that do not follow one another: only the last open, each from the previous edge', () => {
    const r = read('起付标准\t1.8万\n下限\t上限\t比例\n20000\t100000\t60%\n100000\t\t80%\n200000\t300000\t90%\n300000\t\t95%');
    expect(r.problems.map((p) => p.zh)).toEqual([
      '第 3 行 A 列：本段下限 20000 与起付标准 18000 不相接',
      '第 4 行 B 列：只有最后一段可以没有上限（以上）',
    ]);
  });

  it('edges must rise; a row that is neither band nor label is named; an empty sheet says so', () => {
    const r = read('上限\t比例\n50000\t50%\n40000\t60%');
    expect(r.problems.map((p) => p.zh)).toEqual(['第 3 行 A 列：上限 40000 应大于 50000']);
    expect(read('起付标准\t1.8万\n说明\t见文件\t第二条\t附表').problems[0].zh).toMatch(/^第 2 行 A 列：“说明”不是分段/);
    expect(read('').problems[0].zh).toBe('表中没有分段（含“上限”和“比例”的行）');
    expect(read('起付标准\t').problems[0].zh).toBe('第 1 行 B 列：起付标准旁没有数值');
  });

  it('an .xlsx sheet reads the same (typed numbers and text cells)', () => {
    const bytes = xlsxBytes({
      sheets: [
        {
          name: '分段',
          rows: [
            ['起付标准', { n: 18000, fmt: '#,##0' }],
            ['上限', '比例'],
            [
              { n: 100000, fmt: '#,##0' },
              { n: 0.6, fmt: '0%' },
            ],
            ['以上', '80%'],
          ],
        },
      ],
    });
    const r = readBandSheet(readXlsx(bytes, undefined, 1000).rows);
    expect(r.problems).toEqual([]);
    expect(r.deductible).toBe(18000);
    expect(r.bands.map((b) => [b.to, b.ratio])).toEqual([
      [100000, 0.6],
      [null, 0.8],
    ]);
  });
});

describe('importBands', () => {
  it('replaces the track’s table in one edit, relabels what changed, keeps a band’s source where unchanged; the result validates', () => {
    const s = shipped('jiangyin-2020');
    const path = ['rulesets', 0, 'tracks', 0];
    const next = importBands(s, path, {
      deductible: 15000,
      bands: [
        { to: 100000, ratio: 0.6 },
        { to: 300000, ratio: 0.8 },
        { to: null, ratio: 0.9 },
      ],
      cap: 500000,
    });
    const t = next.rulesets[0].tracks[0];
    expect(t.deductible.value).toBe(15000);
    expect(t.deductible.assumption).toMatch(/^edited in the workbench \(was 18000/);
    expect(t.bands[0]).toBe(s.rulesets[0].tracks[0].bands[0]); // unchanged: its document source stays
    expect(t.bands[1]).toMatchObject({ to: 300000, ratio: 0.8 });
    expect(t.bands[1].assumption).toMatch(/imported from a sheet; was to=null, ratio=0.8/);
    expect(t.bands[2].assumption).toMatch(/new band/);
    expect(t.cap).toMatchObject({ value: 500000 });
    expect(s.rulesets[0].tracks[0].deductible.value).toBe(18000); // the original is untouched
    expect(validateData(next).problems).toEqual([]);
  });
});

describe('a population’s figures pasted as TSV', () => {
  it('reads 参保人数, 发生费用比例 and 地区费用水平 by their labels, and applies them as one edit', () => {
    const r = readFigureSheet(pastedRows('参保人数\t1,400,000\n发生费用比例\t9.5%\n地区费用水平\t1.02\n'));
    expect(r.problems).toEqual([]);
    expect(r.figures).toEqual({ insured: 1400000, incidence: 0.095, costLevel: 1.02 });
    const s = shipped('jiangyin-2020');
    const next = importFigures(s, ['populations', 0], r.figures);
    expect(next.populations[0].insured.value).toBe(1400000);
    expect(next.populations[0].incidence.value).toBe(0.095);
    expect(next.populations[0].costLevel!.value).toBe(1.02);
    expect(next.populations[0].insured.assumption).toMatch(/^edited in the workbench \(was 1350000/);
    expect(validateData(next).problems).toEqual([]);
  });
  it('bad rows name their row and column', () => {
    const r = readFigureSheet(pastedRows('参保人数\t135万5千\n发生费用比例\t120%\n地区费用水平\t0\n人均费用\t5000'));
    expect(r.problems.map((p) => p.zh)).toEqual([
      '第 1 行 B 列：参保人数“135万5千”不是数',
      '第 2 行 B 列：比例 120% 应在 0 与 100% 之间（写作 60% 或 0.6）',
      '第 3 行 B 列：地区费用水平 0 应为大于 0 的倍数（1 为校准水平）',
      '第 4 行 A 列：“人均费用”不是人群的数字（参保人数、发生费用比例、地区费用水平）',
    ]);
    expect(readFigureSheet(pastedRows('参保人数\t1350000.5')).problems[0].zh).toMatch(/^第 1 行 B 列：参保人数 1350000.5 应为不超过/);
  });
});
