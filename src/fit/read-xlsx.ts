/**
 * The cells of one sheet of an .xlsx workbook (Office Open XML, ECMA-376 Part 1: §18.2 workbook, §18.3.1 sheet
 * data, §18.4 shared strings), read with fflate's unzip and a scan of the few XML elements that hold cell values.
 * Only values are read: formulas give their cached value, styles (dates, currency) are ignored, a number is the
 * number Excel stores. Loaded only for .xlsx files (read.ts imports it lazily).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { TableRow } from './read-table.ts';
import { ClaimsFileError } from './read-cells.ts';

/** The workbook's parts, uncompressed, may not exceed this (a zip bomb stops here, before it is inflated). */
const PART_BYTES = 256 * 2 ** 20;

export function readXlsx(
  bytes: Uint8Array,
  sheet: string | undefined,
  maxRows: number,
): { rows: TableRow[]; sheet: string; sheets: string[] } {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(f.name)) return false;
        if (f.originalSize > PART_BYTES)
          throw new ClaimsFileError(
            `its part ${f.name} is larger than ${PART_BYTES / 2 ** 20} MB uncompressed`,
            `其部件 ${f.name} 解压后大于 ${PART_BYTES / 2 ** 20} MB`,
          );
        return true;
      },
    });
  } catch (err) {
    throw new ClaimsFileError(
      `the file is not a readable .xlsx workbook (${(err as Error).message})`,
      `文件不是可读的 .xlsx 工作簿（${err instanceof ClaimsFileError ? err.zh : (err as Error).message}）`,
    );
  }
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : null);
  const workbook = text('xl/workbook.xml');
  if (workbook === null)
    throw new ClaimsFileError(
      'the file is not an .xlsx workbook (it has no xl/workbook.xml)',
      '文件不是 .xlsx 工作簿（缺少 xl/workbook.xml）',
    );
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: xmlText(attr(m[1], 'name') ?? ''),
    rel: attr(m[1], 'r:id') ?? attr(m[1], 'id'),
  }));
  if (!sheets.length) throw new ClaimsFileError('the workbook has no sheets', '工作簿没有工作表');
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen)
    throw new ClaimsFileError(
      `--sheet: the workbook has no sheet "${sheet}" (its sheets: ${sheets.map((s) => s.name).join(', ')})`,
      `工作簿中没有工作表“${sheet}”（现有：${sheets.map((s) => s.name).join('、')}）`,
    );
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].find((m) => attr(m[1], 'Id') === chosen.rel);
  const target = rel ? attr(rel[1], 'Target') : null;
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : null;
  const xml = path ? text(path) : null;
  if (xml === null)
    throw new ClaimsFileError(`the workbook's sheet "${chosen.name}" cannot be found in the file`, `文件中找不到工作表“${chosen.name}”`);
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  return { rows: sheetRows(xml, shared, maxRows), sheet: chosen.name, sheets: sheets.map((s) => s.name) };
}

const ATTRIBUTES = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | null {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = attrs.match(re);
  return m ? (m[1] ?? m[2]) : null;
}

/** XML character and entity references, and Excel's _xHHHH_ escapes (ECMA-376 §22.9.2.19 ST_Xstring). */
function xmlText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
      e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'amp'
            ? '&'
            : e === 'quot'
              ? '"'
              : e === 'apos'
                ? "'"
                : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of each <t> of an element, phonetic runs (<rPh>) left out. */
const runsText = (inner: string) =>
  [...inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
    .map((m) => xmlText(m[1]))
    .join('');

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)].map((m) =>
    m[1] ? runsText(m[1]) : '',
  );
}

/** "AB12" → column index 27 (0-based). */
function columnIndex(ref: string): number {
  let c = 0;
  for (const ch of ref.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

function sheetRows(xml: string, shared: string[], maxRows: number): TableRow[] {
  const rows: TableRow[] = [];
  let nextRow = 1;
  for (const r of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const rowNumber = Number(attr(r[1], 'r') ?? nextRow);
    nextRow = rowNumber + 1;
    if (rowNumber > maxRows)
      throw new ClaimsFileError(
        `the sheet has more than ${maxRows.toLocaleString('en')} rows, the limit for a claims file`,
        `工作表超过理赔数据文件的上限 ${maxRows.toLocaleString('en')} 行`,
      );
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(c[1], 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = attr(c[1], 't') ?? 'n';
      const inner = c[2] ?? '';
      const v = inner.match(/<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/)?.[1];
      let value = '';
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = runsText(inner.match(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/)?.[1] ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else value = v === undefined ? '' : xmlText(v);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  }
  return rows;
}
