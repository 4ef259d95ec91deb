/**
 * Numbers and places in a claims table as a bureau's spreadsheet shows them: "12,000" with thousands separators,
 * a leading ¥, a trailing 元; column letters A, B, …, AA as Excel names them; and a cell's place in a message,
 * "row 5, column B (赔付金额)".
 */

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The number a cell holds, or null when it holds text (empty cells are the caller's to handle). "1.5万" and
 * "20万元" are ten-thousands of yuan, as Chinese tables write them (to 15 significant digits: 0.35万 is 3500).
 */
export function cellNumber(cell: string): number | null {
  let s = cell
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '');
  const wan = s.endsWith('万');
  if (wan) s = s.slice(0, -1).trimEnd();
  const v = PLAIN.test(s) ? Number(s) : THOUSANDS.test(s) ? Number(s.replace(/,/g, '')) : null;
  return v === null ? null : wan ? Number((v * 1e4).toPrecision(15)) : v;
}

/** "200000以上", "20万元以上", "≥200000", ">=200000", "200000+", "200000 and above": the open top band's lower limit. */
export function openBandLower(cell: string): number | null {
  const m = cell
    .trim()
    .match(/^(?:≥|>=|>|＞|≧)?\s*([¥￥]?\s*[\d,.]+(?:[eE][+-]?\d+)?\s*万?)\s*(?:元)?\s*(?:以上|及以上|\+|and above|or more|and over)?$/i);
  if (!m || m[0].trim() === m[1].trim()) return null;
  return cellNumber(m[1]);
}

/** Column index (0-based) → its letters as a spreadsheet heads it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where a cell is, for a message: "row 5, column B (赔付金额)" (the header's name when the file has one). */
export function place(row: number, column: number, header: string[] | null): string {
  const name = header?.[column]?.trim();
  return `row ${row}, column ${columnLetter(column)}${name ? ` (${name})` : ''}`;
}

/** A cell quoted in a message, cut to 40 characters. */
export const quoted = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);

/** "第 5 行 B 列（赔付金额）": `place` as the Chinese page writes it. */
export function placeZh(row: number, column: number, header: string[] | null): string {
  const name = header?.[column]?.trim();
  return `第 ${row} 行 ${columnLetter(column)} 列${name ? `（${name}）` : ''}`;
}

/**
 * A claims file the reader refuses: the message in English (the command line's, `message`) and in Chinese (`zh`,
 * the workbench's 导入数据拟合 dialog), both naming the row and column.
 */
export class ClaimsFileError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}
