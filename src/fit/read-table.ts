/**
 * A CSV or TSV file's rows of cells, numbered as a spreadsheet shows them (1-based, blank lines counted, a quoted
 * cell spanning lines staying one row). Quoting as RFC 4180 §2 and Excel write it: a cell in double quotes may
 * hold the delimiter, line breaks and "" for a quote.
 */
import { ClaimsFileError } from './read-cells.ts';
export interface TableRow {
  /** 1-based, as a spreadsheet numbers the row. */
  row: number;
  cells: string[];
}

export type Delimiter = ',' | '\t' | ';';

/** The delimiter found on most of the first lines (outside quotes); tab, then comma, then semicolon on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: Delimiter = ',';
  let bestLines = 0;
  for (const d of ['\t', ',', ';'] as const) {
    const n = lines.filter((l) => outsideQuotes(l).includes(d)).length;
    if (n > bestLines) [best, bestLines] = [d, n];
  }
  return best;
}

/** A line with its quoted parts removed (enough to count delimiters). */
const outsideQuotes = (line: string) => line.replace(/"[^"]*("|$)/g, '');

/** Splits the text into rows; more than maxRows rows (blank ones included) is an error, raised as soon as seen. */
export function splitRows(text: string, delimiter: Delimiter, maxRows: number): TableRow[] {
  const rows: TableRow[] = [];
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let cells: string[] = [];
  let i = 0;
  let row = 1;
  const n = text.length;
  const endRow = () => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row, cells });
    cells = [];
    row++;
    if (row - 1 > maxRows)
      throw new ClaimsFileError(
        `the file has more than ${maxRows.toLocaleString('en')} rows, the limit for a claims file`,
        `文件超过理赔数据文件的上限 ${maxRows.toLocaleString('en')} 行`,
      );
  };
  while (i < n) {
    // One cell from i.
    if (text.charCodeAt(i) === QUOTE) {
      const startRow = row;
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0)
          throw new ClaimsFileError(
            `row ${startRow}: a quoted cell is never closed (a " without its closing ")`,
            `第 ${startRow} 行：引号内的单元格没有闭合（缺少结尾的 "）`,
          );
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter is kept, as spreadsheets do ("12"3 reads 123).
      let k = j;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== CR && text.charCodeAt(k) !== LF) k++;
      cells.push(value + text.slice(j, k));
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== CR && text.charCodeAt(k) !== LF) k++;
      cells.push(text.slice(i, k));
      i = k;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) cells.push('');
    } else {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRow();
    }
  }
  if (cells.length) endRow();
  return rows;
}
