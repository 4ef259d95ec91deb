/** A sheet's rows from a file the analyst opens: the first sheet of an .xlsx workbook, or CSV/TSV text (UTF-8 or GBK). */
import { pastedRows } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';

export async function rowsOfFile(file: File): Promise<TableRow[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The readers are loaded when a file is opened (the .xlsx reader is 9 kB the page does not need otherwise).
  if (/\.xlsx$/i.test(file.name)) {
    const { readXlsx } = await import('../fit/read-xlsx.ts');
    return readXlsx(bytes, undefined, 1000).rows;
  }
  const { decodeText } = await import('../fit/read-decode.ts');
  return pastedRows(decodeText(bytes).text);
}
