/**
 * A small .xlsx writer (Office Open XML SpreadsheetML, ECMA-376 Part 1): several sheets of typed cells — numbers
 * stored as numbers with a number format (§18.8.30 numFmt), text as shared strings (§18.4) — frozen header rows
 * (§18.3.1.66 pane), column widths (§18.3.1.13 col) and bold header cells, zipped with fflate (already the
 * project's unzip for claims files). Why not exceljs: it installs 194 packages (deprecated inflight, glob 7,
 * rimraf 2, fstream among them; its last release, 4.4.0, is of 2023) and its browser bundle is 929 kB (256 kB
 * gzipped) against a few kB here; the workbook needs no more of the format than this.
 */
import { strToU8, zipSync } from 'fflate';

/** A cell: text, a number with its format (Excel's format code, e.g. "#,##0.00"), or empty. */
export type XlsxCell = string | { n: number; fmt: string } | null | undefined;

export interface XlsxSheet {
  /** The tab's name: at most 31 characters, none of []:*?/\ (made so here), unique in the workbook. */
  name: string;
  rows: XlsxCell[][];
  /** Rows at the top kept in view when scrolling; they are drawn bold. */
  frozenRows?: number;
  /** Column widths in characters (Excel's unit: the width of "0" in the default font). */
  widths?: number[];
}

export interface XlsxBook {
  sheets: XlsxSheet[];
  title?: string;
  creator?: string;
  /** ISO 8601 time written as the file's creation time (docProps/core.xml); now where absent. */
  created?: string;
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML 1.0; Excel writes them as _xHHHH_ (§22.9.2.19 ST_Xstring).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);

/** "A", "B", …, "Z", "AA": the column's letters for a 0-based index. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet names as Excel accepts them: no []:*?/\, at most 31 characters, unique (a second "x" becomes "x (2)"). */
export function sheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    // Nor may a name start or end with an apostrophe, nor be "History" (Excel keeps it for change tracking).
    const clean = raw
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim();
    const base = [...(clean && clean.toLowerCase() !== 'history' ? clean : clean ? `${clean} 1` : 'Sheet')].slice(0, 31).join('');
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = [...base].slice(0, 31 - ` (${k})`.length).join('') + ` (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Built-in number formats (§18.8.30): no numFmt element needed for these. */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

class Styles {
  private formats = new Map<string, number>();
  private xfs: { fmt: number; bold: boolean }[] = [{ fmt: 0, bold: false }];
  private index = new Map<string, number>();

  /** The cellXfs index of a format, bold or not. */
  of(fmt: string, bold: boolean): number {
    let id = BUILT_IN[fmt];
    if (id === undefined) {
      id = this.formats.get(fmt) ?? 164 + this.formats.size;
      this.formats.set(fmt, id);
    }
    const key = `${id} ${bold}`;
    let x = this.index.get(key);
    if (x === undefined) {
      x = this.xfs.length;
      this.xfs.push({ fmt: id, bold });
      this.index.set(key, x);
    }
    return x;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('');
    const xfs = this.xfs
      .map(
        (x) =>
          `<xf numFmtId="${x.fmt}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${x.fmt ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}/>`,
      )
      .join('');
    // Fonts named so Excel, WPS and LibreOffice pick a CJK face: Calibri for Latin, the East Asian face from the theme.
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${fmts}</numFmts>` : '') +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

class SharedStrings {
  private list: string[] = [];
  private index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(count: number): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function sheetXml(sheet: XlsxSheet, styles: Styles, strings: SharedStrings, counter: { n: number }): string {
  const frozen = sheet.frozenRows ?? 0;
  const rows = sheet.rows.map((row, ri) => {
    const bold = ri < frozen;
    const cells = row.map((cell, ci) => {
      const ref = `${columnName(ci)}${ri + 1}`;
      if (cell === null || cell === undefined || cell === '') return '';
      if (typeof cell === 'string') {
        counter.n++;
        return `<c r="${ref}" t="s"${bold ? ` s="${styles.of('General', true)}"` : ''}><v>${strings.of(cell)}</v></c>`;
      }
      // A figure that is not a number is an empty cell, never NaN (docs/model.md "Figures that are not a number").
      if (!Number.isFinite(cell.n)) return '';
      const s = styles.of(cell.fmt, bold);
      return `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${cell.n}</v></c>`;
    });
    return `<row r="${ri + 1}">${cells.join('')}</row>`;
  });
  const view = frozen
    ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
    : `<sheetView workbookViewId="0"/>`;
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(4, Math.min(80, w)).toFixed(1)}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

/** The workbook's bytes. */
export function xlsxBytes(book: XlsxBook): Uint8Array {
  if (!book.sheets.length) throw new Error('a workbook needs at least one sheet');
  const styles = new Styles();
  const strings = new SharedStrings();
  const counter = { n: 0 };
  const names = sheetNames(book.sheets.map((s) => s.name));
  const files: Record<string, Uint8Array> = {};
  book.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, styles, strings, counter))));
  const ns = 'http://schemas.openxmlformats.org';
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      book.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${ns}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  const created = book.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  files['docProps/core.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${ns}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${esc(book.title ?? '')}</dc:title><dc:creator>${esc(book.creator ?? 'jingsuan')}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(created)}</dcterms:created></cp:coreProperties>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">` +
      `<bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${names.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${names.length + 2}" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/sharedStrings.xml'] = strToU8(strings.xml(counter.n));
  // [Content_Types].xml and the package's relationships first, as Office writes them (some readers look there first).
  const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': files['[Content_Types].xml'], '_rels/.rels': files['_rels/.rels'] };
  for (const [name, bytes] of Object.entries(files)) ordered[name] ??= bytes;
  return zipSync(ordered, { level: 6 });
}
