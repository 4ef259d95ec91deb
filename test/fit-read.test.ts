// Reading a bureau's claims file for `jingsuan fit` (src/fit/read.ts): every kind of file, and every refusal with
// the row and column a spreadsheet shows. Fixtures in test/fixtures/fit (make-fixtures.R says how they were made).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS_LIMITS, readClaimsFile, type ReadOptions } from '../src/fit/read.ts';
import { ClaimsFileError } from '../src/fit/read-cells.ts';
import { ROOT } from './helpers/golden.ts';

const FIXTURES = join(ROOT, 'test/fixtures/fit');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const read = (name: string, options?: ReadOptions) => readClaimsFile(fixture(name), name, options);
const text = (s: string, name = 'claims.csv', options?: ReadOptions) => readClaimsFile(new TextEncoder().encode(s), name, options);
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('read without error');
};

/** The 80 amounts make-fixtures.R drew, as written in individual-utf8.csv (one per line). */
const AMOUNTS = readFileSync(join(FIXTURES, 'individual-utf8.csv'), 'utf8').trim().split('\n').map(Number);
/** Their counts, the second column of amounts-counts.csv (R's write.csv, quoted header). */
const COUNTS = readFileSync(join(FIXTURES, 'amounts-counts.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => Number(l.split(',')[1]));

describe('readClaimsFile: kinds of file', () => {
  it('reads UTF-8 without a header: one amount per row, count 1', async () => {
    const { data, description } = await read('individual-utf8.csv');
    expect(description).toMatchObject({ rows: 80, n: 80, grouped: false, truncate: 0, encoding: 'utf-8', header: null, delimiter: ',' });
    expect(description.columns).toEqual([{ role: 'amount', column: 'A', name: null }]);
    expect(data.kind).toBe('individual');
    if (data.kind !== 'individual') return;
    expect(data.amounts).toHaveLength(80);
    expect(data.amounts.slice(0, 3)).toEqual([56518.61, 26965.57, 58950.21]);
    expect(data.weights.every((w) => w === 1)).toBe(true);
  });

  it('reads Excel\'s "CSV UTF-8" (BOM, CRLF) with a Chinese header and a count column', async () => {
    const { data, description } = await read('individual-bom.csv');
    expect(description).toMatchObject({ rows: 80, encoding: 'utf-8-bom', header: ['赔付金额（元）', '人次'] });
    expect(description.columns).toEqual([
      { role: 'amount', column: 'A', name: '赔付金额（元）' },
      { role: 'count', column: 'B', name: '人次' },
    ]);
    if (data.kind !== 'individual') throw new Error('not individual');
    expect(data.amounts).toEqual(AMOUNTS);
    expect(data.weights).toEqual(COUNTS);
    expect(description.n).toBe(COUNTS.reduce((a, b) => a + b, 0));
    expect(description.n).toBe(179);
  });

  it('reads TSV with a text id column before the amounts: the first column of numbers is the amount', async () => {
    const { data, description } = await read('individual.tsv');
    expect(description).toMatchObject({ rows: 80, n: 179, delimiter: '\t', header: ['claim', 'amount', 'count'] });
    expect(description.columns.map((c) => `${c.role}:${c.column}`)).toEqual(['amount:B', 'count:C']);
    if (data.kind !== 'individual') throw new Error('not individual');
    expect(data.amounts).toEqual(AMOUNTS);
    expect(data.weights).toEqual(COUNTS);
  });

  it('reads a GBK file from Chinese Windows: grouped bands, Chinese headers, "5,000" in quotes, an open top band 200000以上', async () => {
    const { data, description } = await read('grouped-gbk.csv', { grouped: true });
    expect(description).toMatchObject({ rows: 7, n: 5768, grouped: true, encoding: 'gb18030' });
    expect(description.header).toEqual(['费用区间下限（元）', '费用区间上限（元）', '人次']);
    expect(data).toEqual({
      kind: 'grouped',
      lower: [0, 5000, 10000, 20000, 50000, 100000, 200000],
      upper: [5000, 10000, 20000, 50000, 100000, 200000, Infinity],
      counts: [412, 1306, 1893, 1411, 538, 167, 41],
      truncate: 0,
    });
  });

  it('reads the first sheet of an .xlsx workbook (written by R openxlsx), or the sheet --sheet names', async () => {
    const first = await read('claims.xlsx');
    expect(first.description).toMatchObject({ rows: 80, n: 179, encoding: 'xlsx', sheet: '理赔明细', header: ['赔付金额', '人次'] });
    if (first.data.kind !== 'individual') throw new Error('not individual');
    expect(first.data.amounts).toEqual(AMOUNTS);
    expect(first.data.weights).toEqual(COUNTS);
    const bands = await read('claims.xlsx', { sheet: '分组', grouped: true });
    expect(bands.data).toEqual({
      kind: 'grouped',
      lower: [0, 10000, 50000],
      upper: [10000, 50000, Infinity],
      counts: [30, 40, 10],
      truncate: 0,
    });
    expect(await refusal(read('claims.xlsx', { sheet: 'Sheet1' }))).toBe(
      '--sheet: the workbook has no sheet "Sheet1" (its sheets: 理赔明细, 分组)',
    );
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE, tabs) with a title row above the header, skipped and reported', async () => {
    const { data, description } = await read('unicode-text.txt');
    expect(description).toMatchObject({
      rows: 80,
      n: 179,
      encoding: 'utf-16le',
      delimiter: '\t',
      header: ['理赔号', '金额', '人次'],
      titleRows: [1],
    });
    if (data.kind !== 'individual') throw new Error('not individual');
    expect(data.amounts).toEqual(AMOUNTS);
    expect(data.weights).toEqual(COUNTS);
  });

  it('reads amounts in 万 (ten thousand yuan) as Chinese tables write them: 0.35万, 1万元, an open band 20万以上', async () => {
    const bands = await text('下限,上限,人数\n0,0.35万,10\n0.35万,1万元,20\n1万,20万,7\n20万以上,,5\n', 'x.csv', { grouped: true });
    expect(bands.data).toEqual({
      kind: 'grouped',
      lower: [0, 3500, 10000, 200000],
      upper: [3500, 10000, 200000, Infinity],
      counts: [10, 20, 7, 5],
      truncate: 0,
    });
  });

  it('a text row below the data is an error, not a title: titles are only the text rows at the top', async () => {
    const ok = await text('理赔明细\n\n单位：元\n金额\n1000\n2000\n');
    expect(ok.description).toMatchObject({ rows: 2, header: ['金额'], titleRows: [1, 3] });
    expect(await refusal(text('金额\n1000\n小计\n2000\n'))).toBe(
      'row 3, column A (金额): "小计" is not a number (an amount in yuan belongs here)',
    );
  });

  it('keeps the truncation point, semicolon files, ¥ and 元, blank rows (numbered as a spreadsheet does) and quoted line breaks', async () => {
    const r = await text('"金额\n(元)";人次\n\n¥12,000;2\n25000元;1\n7 500.5;1\n', 'x.csv', { truncate: 5000 }).catch(
      (e: Error) => e.message,
    );
    // "7 500.5" is text: row 5 (the header row 1 spans two lines inside quotes; the blank row 2 counts).
    expect(r).toBe('row 5, column A (金额\n(元)): "7 500.5" is not a number (an amount in yuan belongs here)');
    const ok = await text('"金额\n(元)";人次\n\n¥12,000;2\n25000元;1\n7500.5;1\n', 'x.csv', { truncate: 5000 });
    expect(ok.data).toEqual({ kind: 'individual', amounts: [12000, 25000, 7500.5], weights: [2, 1, 1], truncate: 5000 });
    expect(ok.description).toMatchObject({ rows: 3, n: 4, truncate: 5000, delimiter: ';' });
  });
});

describe('readClaimsFile: refusals name the row and column', () => {
  const cases: [string, string, ReadOptions | undefined, string][] = [
    [
      'text where a number belongs',
      '金额,人次\n1000,1\n2000,1\nabc,2\n',
      undefined,
      'row 4, column A (金额): "abc" is not a number (an amount in yuan belongs here)',
    ],
    [
      'a count that is text',
      '金额,人次\n1000,1\n2000,x\n3000,1\n',
      undefined,
      'row 3, column B (人次): "x" is not a number (a count belongs here)',
    ],
    ['a negative count', '1000,1\n2000,-1\n3000,1\n', undefined, 'row 2, column B: "-1" is not a count (counts are zero or more)'],
    ['an empty amount', '金额,人次\n1000,1\n,3\n3000,1\n', undefined, 'row 3, column A (金额): empty where an amount belongs'],
    ['a negative amount', '1000\n-20\n3000\n', undefined, 'row 2, column A: "-20" is not a positive amount (an amount must be above zero)'],
    ['a zero amount', '1000\n2000\n0\n', undefined, 'row 3, column A: "0" is not a positive amount (an amount must be above zero)'],
    [
      'an unquoted 12,000 under a header',
      '金额\n5000\n12,000\n',
      undefined,
      "row 3: a cell beyond the header's 1 column, in column B (an unquoted number such as 12,000 split at its comma? quote it or drop the separator)",
    ],
    [
      'an unquoted 12,000 without a header',
      '5000,1\n12,000\n7000,2\n',
      undefined,
      'row 2, column B: "000" is not a count (an unquoted number such as 12,000 split at its comma? quote it or drop the separator)',
    ],
    ['an empty file', '', undefined, 'the file is empty (no rows with data)'],
    ['blank lines only', '\n\n ,\n', undefined, 'the file is empty (no rows with data)'],
    ['a header without data', '金额,人次\n', undefined, 'no column of numbers found: row 1 holds no amount ("金额", "人次")'],
    [
      'a single distinct value',
      '金额\n5000\n5000\n5000\n',
      undefined,
      'every amount with a count is the same (5000): a distribution cannot be fitted to a single value',
    ],
    ['every count zero', 'amount,count\n1000,0\n2000,0\n', undefined, 'column B (count): every count is zero'],
    [
      'a truncation point above every amount',
      '1000\n2000\n3000\n',
      { truncate: 5000 },
      '--truncate 5000 is above every amount (the largest, 3000, is in row 3)',
    ],
    [
      'an amount below the truncation point',
      '8000\n2000\n9000\n',
      { truncate: 5000 },
      'row 2, column A: 2000 is below the truncation point 5000 (--truncate says every record passed it)',
    ],
    ['an unclosed quote', '1000\n"2000\n3000\n', undefined, 'row 2: a quoted cell is never closed (a " without its closing ")'],
    [
      'upper below lower',
      'lo,hi,n\n0,5000,3\n5000,4000,2\n',
      { grouped: true },
      'row 3, column B (hi): upper limit 4000 is not above the lower limit 5000',
    ],
    [
      'overlapping bands',
      'lo,hi,n\n0,5000,3\n4000,9000,2\n',
      { grouped: true },
      'row 3, column A (lo): band [4000, 9000) overlaps the band [0, 5000) in row 2 (bands must be sorted from low to high and not overlap)',
    ],
    [
      'unsorted bands',
      'lo,hi,n\n5000,9000,3\n0,5000,2\n',
      { grouped: true },
      'row 3, column A (lo): band [0, 5000) comes before the band [5000, 9000) in row 2 (bands must be sorted from low to high and not overlap)',
    ],
    [
      'an open band before the last',
      'lo,hi,n\n0,5000,3\n5000,,2\n9000,20000,1\n',
      { grouped: true },
      'row 4, column A (lo): band [9000, 20000) overlaps the band [5000, ∞) in row 3 (bands must be sorted from low to high and not overlap)',
    ],
    [
      'an upper limit beside 以上',
      'lo,hi,n\n0,5000,3\n5000以上,9000,2\n',
      { grouped: true },
      'row 3, column B (hi): "9000" given for the open band "5000以上" (leave its upper limit empty)',
    ],
    ['all bands empty', 'lo,hi,n\n0,5000,0\n5000,,0\n', { grouped: true }, 'column C (n): every count is zero'],
    [
      'one band holding every claim',
      'lo,hi,n\n0,5000,0\n5000,,7\n',
      { grouped: true },
      'every claim is in a single band: a distribution cannot be fitted to a single band',
    ],
    [
      'a band across the truncation point',
      'lo,hi,n\n0,5000,3\n5000,,2\n',
      { grouped: true, truncate: 2000 },
      'row 2, column A (lo): band [0, 5000) contains the truncation point 2000 (bands must start at or above it)',
    ],
    [
      'a truncation point above every band',
      'lo,hi,n\n0,5000,3\n5000,8000,2\n',
      { grouped: true, truncate: 9000 },
      '--truncate 9000 is above every band (the highest ends at 8000)',
    ],
    ['--sheet on a CSV file', '1000\n2000\n', { sheet: 'a' }, '--sheet applies to .xlsx workbooks only, and this file is CSV or text'],
  ];
  it.each(cases)('%s', async (_, content, options, message) => {
    expect(await refusal(text(content, 'claims.csv', options))).toBe(message);
  });

  it('refuses a file that is neither UTF-8 nor GBK, a binary file, an .xls workbook and a broken .xlsx', async () => {
    // 0xFF is a byte neither encoding has.
    expect(await refusal(readClaimsFile(new Uint8Array([0x31, 0x0a, 0xff, 0x0a]), 'x.csv'))).toBe(
      'the file is neither UTF-8 nor GBK/GB18030 text (save it from Excel as "CSV UTF-8" or as .xlsx)',
    );
    expect(await refusal(readClaimsFile(new Uint8Array([0x31, 0, 0x32]), 'x.csv'))).toBe(
      'the file is not a CSV or text file (it contains binary data)',
    );
    expect(await refusal(readClaimsFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'claims.xls'))).toMatch(/old-style Excel \.xls/);
    expect(await refusal(readClaimsFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'claims.xlsx'))).toMatch(
      /^the file is not a readable \.xlsx workbook/,
    );
    expect(await refusal(readClaimsFile(new TextEncoder().encode('1000\n'), 'claims.xlsx'))).toBe(
      'the file is named .xlsx but is not an .xlsx workbook',
    );
  });

  it('refuses files over the limits, in bytes and in rows, before reading them whole', async () => {
    const big = new Uint8Array(CLAIMS_LIMITS.bytes + 1).fill(0x31);
    expect(await refusal(readClaimsFile(big, 'big.csv'))).toBe(
      `the file is larger than 32 MB, the limit for a claims file (${(CLAIMS_LIMITS.bytes + 1).toLocaleString('en')} bytes)`,
    );
    const rows = '1000\n2000\n'.repeat(CLAIMS_LIMITS.rows / 2) + '3000\n';
    expect(await refusal(text(rows))).toBe('the file has more than 1,000,000 rows, the limit for a claims file');
  });
});

describe('readClaimsFile: every refusal in Chinese too (ClaimsFileError.zh, what the workbench shows)', () => {
  const read = (text: string, options?: ReadOptions) => readClaimsFile(new TextEncoder().encode(text), 'claims.csv', options);
  const zhOf = async (text: string, options?: ReadOptions) => {
    try {
      await read(text, options);
    } catch (err) {
      expect(err).toBeInstanceOf(ClaimsFileError);
      return (err as ClaimsFileError).zh;
    }
    throw new Error('not refused');
  };
  it('names the row and column the Chinese way, and says what is wrong in Chinese', async () => {
    expect(await zhOf('金额,人次\n1000,1\n2000,1\nabc,2\n')).toBe('第 4 行 A 列（金额）："abc" 不是数字（此处应为以元计的金额）');
    expect(await zhOf('1000,1\n2000,-1\n3000,1\n')).toBe('第 2 行 B 列："-1" 不是人数（人数应为零或正数）');
    expect(await zhOf('下限,上限,人数\n0,5000,3\n4000,8000,2\n', { grouped: true })).toBe(
      '第 3 行 A 列（下限）：分段 [4000, 8000) 重叠于第 2 行的分段 [0, 5000)（分段应从低到高排列且互不重叠）',
    );
    expect(await zhOf('15000\n30000\n', { truncate: 40000 })).toBe('起付线 40000 高于所有金额（最大的 30000 在第 2 行）');
    expect(await zhOf('')).toBe('文件是空的（没有数据行）');
  });
  it('every message the reader can give has its Chinese (no throw site left English-only)', () => {
    for (const file of ['read.ts', 'read-data.ts', 'read-table.ts', 'read-decode.ts', 'read-xlsx.ts', 'read-cells.ts'])
      expect(readFileSync(join(ROOT, 'src/fit', file), 'utf8'), file).not.toMatch(/throw new Error\(/);
  });
});
