/** A sheet's rows from a file the analyst opens: the first sheet of an .xlsx workbook, or CSV/TSV text (UTF-8 or GBK). */
import { css } from 'lit';
import { pastedRows } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import type { Lang } from '../report/strings.ts';

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

/** A file's rows, or why it could not be read in the reader's language (read-cells.ts ClaimsFileError carries both). */
export async function openedRows(file: File, lang: Lang): Promise<{ rows: TableRow[] } | { error: string }> {
  try {
    return { rows: await rowsOfFile(file) };
  } catch (err) {
    const x = err as Error & { zh?: string };
    return { error: lang === 'zh' && x.zh ? x.zh : x.message };
  }
}

/** What the sheet-import panels (bands, a population's figures) share: the hint, problems, preview and file button. */
export const sheetImportStyles = css`
      .hint { color: var(--muted); margin: 0 0 6px; line-height: 1.5; }
      .problems { color: var(--error); margin: 6px 0; padding-left: 18px; }
      caption { text-align: left; font-weight: 600; padding: 6px 0 2px; }
      td.now { color: var(--muted); }
      td.changed { font-weight: 600; }
      label.file { border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; background: white; cursor: pointer; }
      label.file:focus-within { outline: 2px solid var(--accent); }
      label.file input { position: absolute; width: 1px; height: 1px; opacity: 0; }
`;
