/**
 * An .xlsx read back for tests, independently of the writer (report/xlsx-writer.ts): each sheet's cells with their
 * type (number or text), value and number format code (styles.xml cellXfs → numFmt, built-in ids by ECMA-376
 * §18.8.30), the frozen rows (pane ySplit) and the column widths.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface ReadCell {
  type: 'n' | 's';
  value: number | string;
  fmt: string;
  bold: boolean;
}
export interface ReadSheet {
  name: string;
  frozenRows: number;
  widths: number[];
  /** By reference: "B3". */
  cells: Map<string, ReadCell>;
  /** Rows of cells (1-based rows, 0-based columns), gaps undefined. */
  rows: (ReadCell | undefined)[][];
}

const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const attr = (s: string, name: string) => s.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

export function readWorkbook(bytes: Uint8Array): ReadSheet[] {
  const parts = unzipSync(bytes);
  const text = (p: string) => strFromU8(parts[p]);
  for (const need of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'])
    if (!parts[need]) throw new Error(`missing part ${need}`);
  const shared = parts['xl/sharedStrings.xml']
    ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => unescape(x[1])).join(''),
      )
    : [];
  const styles = text('xl/styles.xml');
  const custom = new Map(
    [...styles.matchAll(/<numFmt ([^>]*)\/>/g)].map((m) => [Number(attr(m[1], 'numFmtId')), unescape(attr(m[1], 'formatCode')!)]),
  );
  const fonts = [...(styles.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) =>
    m[1].includes('<b/>'),
  );
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf ([^>]*)\/?>/g)].map((m) => {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    return { fmt: custom.get(id) ?? BUILT_IN[id] ?? `#${id}`, bold: fonts[Number(attr(m[1], 'fontId') ?? 0)] ?? false };
  });
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => [attr(m[1], 'Id')!, attr(m[1], 'Target')!]),
  );
  return [...text('xl/workbook.xml').matchAll(/<sheet ([^>]*)\/>/g)].map((m) => {
    const xml = text(`xl/${rels.get(attr(m[1], 'r:id')!)!}`);
    const cells = new Map<string, ReadCell>();
    const rows: (ReadCell | undefined)[][] = [];
    for (const c of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1], 'r')!;
      const v = c[2]?.match(/<v>([\s\S]*?)<\/v>/)?.[1];
      if (v === undefined) continue;
      const t = attr(c[1], 't');
      const xf = xfs[Number(attr(c[1], 's') ?? 0)];
      const cell: ReadCell =
        t === 's'
          ? { type: 's', value: shared[Number(v)], fmt: xf.fmt, bold: xf.bold }
          : { type: 'n', value: Number(v), fmt: xf.fmt, bold: xf.bold };
      if (t && t !== 's') throw new Error(`unexpected cell type ${t} at ${ref}`);
      cells.set(ref, cell);
      const [, letters, row] = ref.match(/^([A-Z]+)(\d+)$/)!;
      const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      (rows[Number(row)] ??= [])[col] = cell;
    }
    const pane = xml.match(/<pane ([^>]*)\/>/)?.[1];
    return {
      name: unescape(attr(m[1], 'name')!),
      frozenRows: pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit')) : 0,
      widths: [...xml.matchAll(/<col ([^>]*)\/>/g)].map((x) => Number(attr(x[1], 'width'))),
      cells,
      rows,
    };
  });
}
