/**
 * The briefing (简报): one Word document of a run, in the reader's language, for pasting into briefing papers —
 * title and what was run, the key indicators, the comparison against the baseline with 95% intervals, the
 * corridor split, the chosen charts as pictures (PNG 2×, Chinese text drawn in), and every assumption with its
 * reason. Pure: the caller hands the PNGs (resvg in Node, a canvas in the page); `docx` writes the file.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RunResult } from '../engine/summary.ts';
import { assumptions } from '../scenario/provenance.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formattedRows, headerOf, type Table as DataTable } from './columns.ts';
import type { Unit } from './format.ts';
import { t, type Lang } from './strings.ts';
import { corridorTable, fundingTable, indicatorTable, proposalTable } from './tables.ts';

export interface BriefingChart {
  title: string;
  png: Uint8Array;
  /** Size of the picture in CSS pixels (the PNG holds twice as many). */
  width: number;
  height: number;
}

export interface BriefingInput {
  scenario: Scenario;
  result: RunResult;
  charts: BriefingChart[];
  lang: Lang;
  unit?: Unit;
}

const FONT = { ascii: 'Calibri', eastAsia: 'Microsoft YaHei', hAnsi: 'Calibri' };
/** Width of the text on an A4 page with Word's default margins, in points (picture width in the document). */
const PAGE_WIDTH_PT = 450;

const text = (s: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: s, font: FONT, bold: opts.bold, size: opts.size ?? 21, color: opts.color });

/** A table cell: figures right-aligned, labels left, headers bold. */
const cellOf = (s: string, right: boolean, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(s, { bold, size: 18 })] })],
  });

function tableOf(table: DataTable, lang: Lang, unit: Unit): Table {
  const header = headerOf(table, lang, unit);
  const rows = formattedRows(table, unit, lang);
  const cell = (s: string, i: number, head = false) => cellOf(s, i > 0 && table.columns[i].unit !== 'text', head);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

/** A wide table of one row per ruleset turned on its side: one row per indicator, one column per ruleset (fits a page). */
function sideways(table: DataTable, lang: Lang, unit: Unit): Table {
  const header = headerOf(table, lang, unit);
  const rows = formattedRows(table, unit, lang);
  const cell = cellOf;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell(t('indicator', lang), false, true), ...rows.map((r) => cell(r[0], true, true))] }),
      ...header.slice(1).map((h, i) => new TableRow({ children: [cell(h, false), ...rows.map((r) => cell(r[i + 1], true))] })),
    ],
  });
}

const heading = (s: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [text(s, { bold: true, size: 26 })] });
const para = (s: string, color?: string) => new Paragraph({ spacing: { after: 80 }, children: [text(s, { color })] });

/** The document's parts, in order (exported for tests that read them without unzipping). */
export function briefingChildren(x: BriefingInput): (Paragraph | Table)[] {
  const { scenario: s, result: r, lang: L } = x;
  const unit = x.unit ?? 'wan';
  const out: (Paragraph | Table)[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 120 }, children: [text(s.title[L], { bold: true, size: 36 })] }));
  out.push(para(t('briefingRun', L, s.id, s.year, r.trials, String(r.seed)), '4B5563'));
  if (s.description?.[L]) out.push(para(s.description[L]));
  out.push(heading(t('briefingIndicators', L)), para(t('briefingUnits', L, unit === 'wan' ? t('wan', L) : t('yuan', L)), '4B5563'));
  out.push(sideways(indicatorTable(r), L, unit));
  out.push(heading(t('briefingFunding', L)), tableOf(fundingTable(r.rulesets), L, unit));
  if (r.comparisons.length)
    out.push(heading(t('briefingComparison', L)), para(t('briefingComparisonNote', L), '4B5563'), tableOf(proposalTable(r, L), L, unit));
  for (const rs of r.rulesets.filter((q) => q.corridor))
    out.push(
      heading(t('briefingCorridor', L, rs.title?.[L] ?? rs.id)),
      para(t('insurerResultAmountReturned', L), '4B5563'),
      tableOf(corridorTable(rs), L, unit),
    );
  if (x.charts.length) {
    out.push(heading(t('charts', L)));
    for (const c of x.charts) {
      const w = Math.min(PAGE_WIDTH_PT, c.width * 0.75);
      const h = (w / c.width) * c.height;
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: c.png,
              transformation: { width: w / 0.75, height: h / 0.75 },
              altText: { title: c.title, description: c.title, name: c.title },
            }),
          ],
        }),
      );
    }
  }
  const list = assumptions(s);
  out.push(heading(t('briefingAssumptions', L, list.length)));
  for (const a of list)
    out.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          text(`${a.path} = ${typeof a.value === 'number' ? a.value.toLocaleString('zh-CN') : JSON.stringify(a.value)}：`, {
            bold: true,
            size: 18,
          }),
          text(a.assumption ?? '', { size: 18 }),
        ],
      }),
    );
  return out;
}

/** The .docx file's bytes. */
export async function briefingDocx(x: BriefingInput): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'jingsuan',
    title: x.scenario.title[x.lang],
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [{ children: briefingChildren(x) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
