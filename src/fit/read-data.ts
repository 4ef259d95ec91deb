/**
 * A claims table's rows → the data a severity fit reads (types.ts FitData), every cell checked: a file is read
 * whole or refused with the row and column of its first problem, so nothing is fitted from part of a file.
 *
 * Individual data: the first column of numbers is the amount (yuan), the next column of numbers, if any, the count
 * of claims at that amount. Grouped data (--grouped): three columns from the first column of numbers — lower limit,
 * upper limit, count — one band [lower, upper) a row, sorted and not overlapping; an empty upper (or "200000以上"
 * in the lower cell) is the open top band. A header row is optional: a first row with text where the rows below
 * have numbers.
 */
import { LIMITS } from '../scenario/limits.ts';
import { cellNumber, ClaimsFileError, columnLetter, openBandLower, place, placeZh, quoted } from './read-cells.ts';
import type { TableRow } from './read-table.ts';
import type { FitData } from './types.ts';

export type ColumnRole = 'amount' | 'count' | 'lower' | 'upper';

/** A column the fit reads: its role, its letter and its header's name (null without a header). */
export interface ColumnRead {
  role: ColumnRole;
  column: string;
  name: string | null;
}

export interface TableRead {
  data: FitData;
  /** Data rows read (the header and blank rows not counted). */
  rows: number;
  /** Claims: the sum of the counts (the number of rows when there is no count column). */
  n: number;
  header: string[] | null;
  columns: ColumnRead[];
  /** Rows of text above the header, skipped as titles (spreadsheet row numbers). */
  titleRows: number[];
}

/** Rows looked at to find the header and the columns of numbers. */
const SAMPLE = 50;
/** Rows of text only at the top that may be titles and a header; below these a text row is an error. */
const MAX_TITLE_ROWS = 10;

export function fitDataOf(table: TableRow[], grouped: boolean, truncate: number): TableRead {
  if (!table.length) throw new ClaimsFileError('the file is empty (no rows with data)', '文件是空的（没有数据行）');
  const numeric = (s: string) => cellNumber(s) !== null || (grouped && openBandLower(s) !== null);
  const numericColumns = (rows: TableRow[]) => {
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    const out: number[] = [];
    for (let c = 0; c < width; c++) {
      const filled = rows.map((r) => r.cells[c] ?? '').filter((s) => s.trim() !== '');
      if (filled.length && filled.filter(numeric).length * 2 >= filled.length) out.push(c);
    }
    return out;
  };
  // Title rows above the header (a bureau's sheet often starts "2023年大病保险理赔明细"): of the rows of text only
  // at the top, the last is the header and those above it are skipped (and reported).
  let titles = 0;
  while (titles < Math.min(MAX_TITLE_ROWS, table.length - 1) && table[titles].cells.every((s) => s.trim() === '' || !numeric(s))) titles++;
  const titleRows = table.slice(0, Math.max(0, titles - 1)).map((r) => r.row);
  table = table.slice(titleRows.length);
  const below = numericColumns(table.slice(1, 1 + SAMPLE));
  const first = table[0].cells;
  const hasHeader =
    below.length === 0
      ? table.length > 1 && first.every((s) => s.trim() === '' || !numeric(s))
      : below.some((c) => (first[c] ?? '').trim() !== '' && !numeric(first[c]));
  const header = hasHeader ? first.map((s) => s.trim()) : null;
  const rows = hasHeader ? table.slice(1) : table;
  if (!rows.length)
    throw new ClaimsFileError(
      `the file has a header (row ${table[0].row}) but no data rows below it`,
      `文件有表头（第 ${table[0].row} 行），但其下没有数据行`,
    );
  if (header) {
    const width = header.length - [...header].reverse().findIndex((h) => h !== '');
    const wider = rows.find((r) => r.cells.slice(width).some((c) => c.trim() !== ''));
    if (wider) {
      const beyond = columnLetter(width + wider.cells.slice(width).findIndex((c) => c.trim() !== ''));
      throw new ClaimsFileError(
        `row ${wider.row}: a cell beyond the header's ${width} column${width > 1 ? 's' : ''}, in column ${beyond} (an unquoted number such as 12,000 split at its comma? quote it or drop the separator)`,
        `第 ${wider.row} 行 ${beyond} 列：超出表头的 ${width} 列（是否有未加引号的千分位数字如 12,000 被逗号拆开？请加引号或去掉分隔符）`,
      );
    }
  }
  const columns = hasHeader ? below : numericColumns(rows.slice(0, SAMPLE));
  if (!columns.length)
    throw new ClaimsFileError(
      `no column of numbers found: row ${rows[0].row} holds no ${grouped ? 'band limits' : 'amount'} (${rows[0].cells.map(quoted).join(', ')})`,
      `找不到数字列：第 ${rows[0].row} 行没有${grouped ? '分段上下限' : '金额'}（${rows[0].cells.map(quoted).join('，')}）`,
    );
  const read = grouped ? groupedOf(rows, columns[0], header, truncate) : individualOf(rows, columns, header, truncate);
  const name = (c: number) => header?.[c] || null;
  const roles: [ColumnRole, number][] = grouped
    ? [
        ['lower', columns[0]],
        ['upper', columns[0] + 1],
        ['count', columns[0] + 2],
      ]
    : columns.length > 1
      ? [
          ['amount', columns[0]],
          ['count', columns[1]],
        ]
      : [['amount', columns[0]]];
  return {
    ...read,
    rows: rows.length,
    header,
    columns: roles.map(([role, c]) => ({ role, column: columnLetter(c), name: name(c) })),
    titleRows,
  };
}

/** A count cell: a number ≥ 0. */
function countOf(r: TableRow, c: number, header: string[] | null): number {
  const cell = r.cells[c] ?? '';
  const at = () => [place(r.row, c, header), placeZh(r.row, c, header)] as const;
  if (cell.trim() === '') throw new ClaimsFileError(`${at()[0]}: empty where a count belongs`, `${at()[1]}：应为人数（次数），却是空的`);
  const v = cellNumber(cell);
  if (v === null)
    throw new ClaimsFileError(
      `${at()[0]}: ${quoted(cell)} is not a number (a count belongs here)`,
      `${at()[1]}：${quoted(cell)} 不是数字（此处应为人数）`,
    );
  if (!(v >= 0) || !Number.isFinite(v))
    throw new ClaimsFileError(
      `${at()[0]}: ${quoted(cell)} is not a count (counts are zero or more)`,
      `${at()[1]}：${quoted(cell)} 不是人数（人数应为零或正数）`,
    );
  // "12,000" unquoted in a CSV splits into 12 and "000": a count never starts with a 0 followed by digits.
  if (/^0\d/.test(cell.trim()))
    throw new ClaimsFileError(
      `${at()[0]}: ${quoted(cell)} is not a count (an unquoted number such as 12,000 split at its comma? quote it or drop the separator)`,
      `${at()[1]}：${quoted(cell)} 不是人数（是否有未加引号的千分位数字如 12,000 被逗号拆开？请加引号或去掉分隔符）`,
    );
  return v;
}

/** An amount cell: a number in (0, LIMITS.maxAmount]. */
/** What an amount cell holds, in the Chinese message. */
const WHAT_ZH: Record<string, string> = { 'an amount': '金额', 'a lower limit': '下限', 'an upper limit': '上限' };

function amountOf(r: TableRow, c: number, header: string[] | null, what: string, allowZero = false): number {
  const cell = r.cells[c] ?? '';
  const [at, atZh, whatZh] = [place(r.row, c, header), placeZh(r.row, c, header), WHAT_ZH[what] ?? what];
  if (cell.trim() === '') throw new ClaimsFileError(`${at}: empty where ${what} belongs`, `${atZh}：应为${whatZh}，却是空的`);
  const v = cellNumber(cell);
  if (v === null)
    throw new ClaimsFileError(
      `${at}: ${quoted(cell)} is not a number (${what} in yuan belongs here)`,
      `${atZh}：${quoted(cell)} 不是数字（此处应为以元计的${whatZh}）`,
    );
  if (v < 0 || (v === 0 && !allowZero))
    throw new ClaimsFileError(
      `${at}: ${quoted(cell)} is not a positive amount (${what} must be above zero${allowZero ? ' or zero' : ''})`,
      `${atZh}：${quoted(cell)} 不是正数（${whatZh}应大于零${allowZero ? '或等于零' : ''}）`,
    );
  if (!(v <= LIMITS.maxAmount))
    throw new ClaimsFileError(
      `${at}: ${quoted(cell)} exceeds ${LIMITS.maxAmount.toExponential()} yuan`,
      `${atZh}：${quoted(cell)} 超过 ${LIMITS.maxAmount.toExponential()} 元`,
    );
  return v;
}

function individualOf(rows: TableRow[], columns: number[], header: string[] | null, truncate: number): Pick<TableRead, 'data' | 'n'> {
  const [a, w] = columns;
  const amounts: number[] = new Array(rows.length);
  const weights: number[] = new Array(rows.length);
  let largest = { value: -Infinity, row: 0 };
  let firstBelow: { value: number; row: number } | null = null;
  let n = 0;
  let distinct: number | null = null;
  let several = false;
  rows.forEach((r, i) => {
    const x = amountOf(r, a, header, 'an amount');
    const count = w === undefined ? 1 : countOf(r, w, header);
    amounts[i] = x;
    weights[i] = count;
    n += count;
    if (x > largest.value) largest = { value: x, row: r.row };
    if (x < truncate && !firstBelow) firstBelow = { value: x, row: r.row };
    if (count > 0) {
      if (distinct === null) distinct = x;
      else if (x !== distinct) several = true;
    }
  });
  if (truncate > 0 && largest.value < truncate)
    throw new ClaimsFileError(
      `--truncate ${truncate} is above every amount (the largest, ${largest.value}, is in row ${largest.row})`,
      `起付线 ${truncate} 高于所有金额（最大的 ${largest.value} 在第 ${largest.row} 行）`,
    );
  if (firstBelow) {
    const { value, row } = firstBelow as { value: number; row: number };
    throw new ClaimsFileError(
      `${place(row, a, header)}: ${value} is below the truncation point ${truncate} (--truncate says every record passed it)`,
      `${placeZh(row, a, header)}：${value} 低于起付线 ${truncate}（只含起付线以上的记录时，每条记录都应超过它）`,
    );
  }
  if (n === 0)
    throw new ClaimsFileError(
      `${place(rows[0].row, w!, header).replace(/^row \d+, /, '')}: every count is zero`,
      `${placeZh(rows[0].row, w!, header).replace(/^第 \d+ 行 /, '')}：所有人数都是零`,
    );
  if (!several)
    throw new ClaimsFileError(
      `every amount with a count is the same (${distinct}): a distribution cannot be fitted to a single value`,
      `所有有人数的金额都相同（${distinct}）：不能对单一数值拟合分布`,
    );
  return { data: { kind: 'individual', amounts, weights, truncate }, n };
}

function groupedOf(rows: TableRow[], c0: number, header: string[] | null, truncate: number): Pick<TableRead, 'data' | 'n'> {
  const [cl, cu, cc] = [c0, c0 + 1, c0 + 2];
  const lower: number[] = [];
  const upper: number[] = [];
  const counts: number[] = [];
  let n = 0;
  let filled = 0;
  let prev: { lo: number; hi: number; row: number } | null = null;
  const band = (lo: number, hi: number) => `[${lo}, ${hi === Infinity ? '∞' : hi})`;
  for (const r of rows) {
    const lowCell = r.cells[cl] ?? '';
    const upCell = (r.cells[cu] ?? '').trim();
    const open = cellNumber(lowCell) === null ? openBandLower(lowCell) : null;
    let lo: number;
    let hi: number;
    if (open !== null) {
      if (upCell !== '')
        throw new ClaimsFileError(
          `${place(r.row, cu, header)}: ${quoted(upCell)} given for the open band ${quoted(lowCell.trim())} (leave its upper limit empty)`,
          `${placeZh(r.row, cu, header)}：开放的最高组 ${quoted(lowCell.trim())} 给了上限 ${quoted(upCell)}（请留空）`,
        );
      [lo, hi] = [open, Infinity];
    } else {
      lo = amountOf(r, cl, header, 'a lower limit', true);
      hi = upCell === '' ? Infinity : amountOf(r, cu, header, 'an upper limit');
    }
    if (hi <= lo)
      throw new ClaimsFileError(
        `${place(r.row, cu, header)}: upper limit ${hi} is not above the lower limit ${lo}`,
        `${placeZh(r.row, cu, header)}：上限 ${hi} 不高于下限 ${lo}`,
      );
    const count = countOf(r, cc, header);
    if (prev && lo < prev.hi)
      throw new ClaimsFileError(
        `${place(r.row, cl, header)}: band ${band(lo, hi)} ${lo < prev.lo ? 'comes before' : 'overlaps'} the band ${band(prev.lo, prev.hi)} in row ${prev.row} (bands must be sorted from low to high and not overlap)`,
        `${placeZh(r.row, cl, header)}：分段 ${band(lo, hi)} ${lo < prev.lo ? '排在' : '重叠于'}第 ${prev.row} 行的分段 ${band(prev.lo, prev.hi)}${lo < prev.lo ? '之前' : ''}（分段应从低到高排列且互不重叠）`,
      );
    if (truncate > 0 && lo < truncate && hi > truncate)
      throw new ClaimsFileError(
        `${place(r.row, cl, header)}: band ${band(lo, hi)} contains the truncation point ${truncate} (bands must start at or above it)`,
        `${placeZh(r.row, cl, header)}：分段 ${band(lo, hi)} 跨过起付线 ${truncate}（分段应从起付线或其以上开始）`,
      );
    prev = { lo, hi, row: r.row };
    lower.push(lo);
    upper.push(hi);
    counts.push(count);
    n += count;
    if (count > 0) filled++;
  }
  if (truncate > 0 && upper[upper.length - 1] <= truncate)
    throw new ClaimsFileError(
      `--truncate ${truncate} is above every band (the highest ends at ${upper[upper.length - 1]})`,
      `起付线 ${truncate} 高于所有分段（最高的分段止于 ${upper[upper.length - 1]}）`,
    );
  rows.forEach((r, i) => {
    if (upper[i] <= truncate)
      throw new ClaimsFileError(
        `${place(r.row, cl, header)}: band ${band(lower[i], upper[i])} lies below the truncation point ${truncate} (--truncate says every record passed it)`,
        `${placeZh(r.row, cl, header)}：分段 ${band(lower[i], upper[i])} 低于起付线 ${truncate}（只含起付线以上的记录时，每条记录都应超过它）`,
      );
  });
  if (n === 0)
    throw new ClaimsFileError(
      `${place(rows[0].row, cc, header).replace(/^row \d+, /, '')}: every count is zero`,
      `${placeZh(rows[0].row, cc, header).replace(/^第 \d+ 行 /, '')}：所有人数都是零`,
    );
  if (filled < 2)
    throw new ClaimsFileError(
      'every claim is in a single band: a distribution cannot be fitted to a single band',
      '所有理赔都在同一分段：不能对单一分段拟合分布',
    );
  return { data: { kind: 'grouped', lower, upper, counts, truncate }, n };
}
