/**
 * Reading a bureau's claims file for a severity fit: bytes and a file name in, FitData and what was read out.
 * Pure (no Node, no DOM): the `fit` command and the workbench both call readClaimsFile.
 */
import { ClaimsFileError } from './read-cells.ts';
import { decodeText, type TextEncoding } from './read-decode.ts';
import { fitDataOf, type ColumnRead } from './read-data.ts';
import { detectDelimiter, splitRows, type Delimiter, type TableRow } from './read-table.ts';
import type { FitData } from './types.ts';

export type { ColumnRead, ColumnRole } from './read-data.ts';

/**
 * A claims file may not exceed 32 MB or 1,000,000 rows (a city's claims for a year are tens of thousands of rows).
 * Measured on this 2-core machine (Node 20, December 2026, script in the commit message): 1,000,000 rows of
 * "123456.37,3" (12.8 MB) read in 1.4 s and added 290 MB to the process's resident memory; 32 MB of four columns
 * with Chinese hospital names (721,181 rows) in 2.4 s and 250 MB; an .xlsx of 1,000,000 rows of two numbers (13 MB,
 * its sheet 83 MB of XML) in 6.1 s, most of it garbage collection of the sheet's text.
 */
export const CLAIMS_LIMITS = { bytes: 32 * 2 ** 20, rows: 1_000_000 } as const;

export interface ReadOptions {
  /** Bands lower, upper, count (--grouped); individual amounts otherwise. */
  grouped?: boolean;
  /** The deductible every record passed (left truncation), yuan; 0 or absent when none. */
  truncate?: number;
  /** The .xlsx sheet to read (the first when absent). */
  sheet?: string;
}

export interface ClaimsFileDescription {
  /** Data rows read (header and blank rows not counted). */
  rows: number;
  /** Claims: the sum of the counts. */
  n: number;
  grouped: boolean;
  truncate: number;
  /** The text's encoding; 'xlsx' for a workbook. */
  encoding: TextEncoding | 'xlsx';
  /** The header row's cells, or null when the file has none. */
  header: string[] | null;
  /** The columns read and their roles. */
  columns: ColumnRead[];
  /** Rows of text above the header, skipped as titles (spreadsheet row numbers; empty when none). */
  titleRows: number[];
  /** CSV/TSV: the delimiter found; .xlsx: the sheet read. */
  delimiter?: Delimiter;
  sheet?: string;
}

export interface ClaimsFile {
  data: FitData;
  description: ClaimsFileDescription;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Reads a claims file (CSV, TSV or .xlsx, by content and name). Rejects with an Error whose message names the
 * file's problem, with row (1-based, as a spreadsheet shows it) and column where there is one.
 */
export async function readClaimsFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ClaimsFile> {
  const truncate = options.truncate ?? 0;
  if (!(truncate >= 0) || !Number.isFinite(truncate))
    throw new ClaimsFileError(
      `--truncate: ${truncate} is not an amount in yuan (zero or more)`,
      `起付线 ${truncate} 不是以元计的金额（应为零或正数）`,
    );
  if (bytes.length > CLAIMS_LIMITS.bytes)
    throw new ClaimsFileError(
      `the file is larger than ${CLAIMS_LIMITS.bytes / 2 ** 20} MB, the limit for a claims file (${bytes.length.toLocaleString('en')} bytes)`,
      `文件大于理赔数据文件的上限 ${CLAIMS_LIMITS.bytes / 2 ** 20} MB（${bytes.length.toLocaleString('en')} 字节）`,
    );
  if (bytes.length === 0) throw new ClaimsFileError('the file is empty (no rows with data)', '文件是空的（没有数据行）');
  const lower = fileName.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls'))
    throw new ClaimsFileError(
      'an old-style Excel .xls workbook cannot be read: save it from Excel as .xlsx or as "CSV UTF-8"',
      '无法读取旧式 Excel .xls 工作簿：请在 Excel 中另存为 .xlsx 或“CSV UTF-8”',
    );
  let table: TableRow[];
  let encoding: ClaimsFileDescription['encoding'];
  let extra: Pick<ClaimsFileDescription, 'delimiter' | 'sheet'>;
  if (isZip(bytes) || lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    if (!isZip(bytes))
      throw new ClaimsFileError('the file is named .xlsx but is not an .xlsx workbook', '文件名为 .xlsx，但不是 .xlsx 工作簿');
    const { readXlsx } = await import('./read-xlsx.ts');
    const sheet = readXlsx(bytes, options.sheet, CLAIMS_LIMITS.rows);
    [table, encoding, extra] = [sheet.rows, 'xlsx', { sheet: sheet.sheet }];
  } else {
    if (options.sheet !== undefined)
      throw new ClaimsFileError(
        '--sheet applies to .xlsx workbooks only, and this file is CSV or text',
        '只有 .xlsx 工作簿可以选工作表，此文件是 CSV 或文本',
      );
    if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff))
      throw new ClaimsFileError(
        'the file is not a CSV or text file (it contains binary data)',
        '文件不是 CSV 或文本文件（含有二进制数据）',
      );
    const decoded = decodeText(bytes);
    const delimiter = detectDelimiter(decoded.text);
    [table, encoding, extra] = [splitRows(decoded.text, delimiter, CLAIMS_LIMITS.rows), decoded.encoding, { delimiter }];
  }
  const read = fitDataOf(table, options.grouped ?? false, truncate);
  return {
    data: read.data,
    description: {
      rows: read.rows,
      n: read.n,
      grouped: options.grouped ?? false,
      truncate,
      encoding,
      header: read.header,
      columns: read.columns,
      titleRows: read.titleRows,
      ...extra,
    },
  };
}
