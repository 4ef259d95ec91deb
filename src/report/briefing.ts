/**
 * The briefing (简报): one Word document of a run, in the reader's language, for a bureau's leadership (issue #31):
 * what was run and what it changes against the file as opened, a plain summary whose figures come from the
 * results (each proposal's changes in words, its cost with its interval, who gains), the key indicators and the
 * comparison turned so that rulesets are columns (an A4 page holds them), premium sources, the corridor, the
 * year-by-year projection when the run has years, the charts as pictures, and the assumptions in an appendix,
 * each parameter named by its title and its reason in the reader's language. Two layouts (briefing-style.ts):
 * 公文 (GB/T 9704-2012) and plain. Pure: the caller hands the PNGs; `docx` writes the file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { DEFAULT_HOUSEHOLD_MEMBERS, type HouseholdRun } from '../engine/household-sample.ts';
import type { RulesetSummary, RunResult } from '../engine/summary.ts';
import type { YearResult } from '../engine/years.ts';
import { ADDED, EDITED, getAt } from '../scenario/edit.ts';
import { saidIn, type Said } from '../scenario/param.ts';
import { assumptions } from '../scenario/provenance.ts';
import type { Scenario } from '../scenario/schema.ts';
import { bt, chineseOrdinal } from './briefing-strings.ts';
import { A4, defaultStyle, STYLES, textWidth, type BriefingStyle, type BriefingStyleName } from './briefing-style.ts';
import {
  costWords,
  editsInWords,
  gainsInWords,
  itemWords,
  moneyWords,
  pointsWords,
  proposalInWords,
  rulesetName,
  rulesetSentence,
  valueKey,
  yearsSentence,
} from './briefing-words.ts';
import { householdTables, typicalBlocks } from './briefing-household.ts';
import { formattedRows, headerOf, type Table as DataTable } from './columns.ts';
import { fieldName } from './field-names.ts';
import { formatAmount, formatPercent, type Unit } from './format.ts';
import { scenarioNames } from './scenario-names.ts';
import { t, type Lang } from './strings.ts';
import { CHANNEL_NAMES, corridorTable, fundingTable, indicatorTable, proposalTable } from './tables.ts';
import { defaultTypicalPerson, typicalCasesOf, typicalPair, type TypicalPerson } from './typical-default.ts';

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
  /** The file as opened or shipped: the briefing says what the run changes against it (none: the file unedited). */
  original?: unknown;
  /** A multi-year run's years (`run --years`), shown year by year. */
  years?: YearResult[] | null;
  /** Layout (briefing-style.ts); default 公文 in Chinese, plain in English. */
  style?: BriefingStyleName;
  /** The household indicators from the run's sample (engine/household-sample.ts); none: no household section. */
  household?: HouseholdRun | null;
  /** The typical case's person (typical-default.ts; default defaultTypicalPerson) and its waterfall's picture. */
  typicalPerson?: TypicalPerson | null;
  typicalChart?: BriefingChart | null;
}

/** Rulesets per table: an A4 text block holds a label column and four or five figures at table size. */
const COLUMNS_PER_TABLE = 5;

type Block = Paragraph | Table;

/** Layout helpers bound to one style. */
function writer(st: BriefingStyle) {
  const run = (s: string, f = st.body, extra: { bold?: boolean; color?: string } = {}) =>
    new TextRun({ text: s, font: f.font, size: f.size, bold: extra.bold ?? f.bold, color: extra.color });
  const spacing = (after = 0, before = 0, line = st.line) =>
    line ? { line, lineRule: LineRuleType.EXACT, after, before } : { after: after || 80, before };
  const para = (children: (string | ParagraphChild)[], f = st.body, indent = true) =>
    new Paragraph({
      spacing: spacing(),
      indent: indent && st.indent ? { firstLine: st.indent } : undefined,
      children: children.map((c) => (typeof c === 'string' ? run(c, f) : c)),
    });
  const note = (s: string) =>
    new Paragraph({
      // A note says how to read what follows it: kept on its page.
      keepNext: true,
      spacing: spacing(st.smallLine ? 120 : 0, 0, st.smallLine),
      indent: st.indent ? { firstLine: (st.indent * st.small.size) / st.body.size } : undefined,
      children: [run(s, st.small, { color: st.name === 'plain' ? '4B5563' : undefined })],
    });
  const h1 = (s: string) =>
    new Paragraph({
      keepNext: true,
      spacing: spacing(st.line ? 0 : 120, st.line ? 0 : 240),
      indent: st.indent ? { firstLine: st.indent } : undefined,
      children: [run(s, st.h1)],
    });
  const h2 = (s: string) =>
    new Paragraph({
      keepNext: true,
      spacing: spacing(),
      indent: st.indent ? { firstLine: st.indent } : undefined,
      children: [run(s, st.h2)],
    });
  return { run, para, note, h1, h2, spacing };
}

/** A table of figures laid out for the text block: fixed column widths, figures right-aligned and never wrapped. */
function layTable(st: BriefingStyle, header: string[], rows: string[][], figures: boolean[], labelShare = 0.3): Table {
  const width = textWidth(st);
  const n = header.length;
  const label = n === 1 ? width : Math.round(width * labelShare);
  const rest = n > 1 ? Math.floor((width - label) / (n - 1)) : 0;
  const widths = header.map((_, i) => (i === 0 ? label : rest));
  const cell = (s: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : figures[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [
            new TextRun({
              // A figure never breaks: U+2212 for the minus and U+2011 for a hyphen (a line may not break after either).
              text: figures[i] && !head ? s.replace(/^-/, '−').replace(/-/g, '\u2011') : s,
              font: (head ? st.tableHead : st.table).font,
              size: st.table.size,
              bold: head,
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** Cells that name a ruleset, population or channel by id read by title; the tables' bilingual words in one language. */
function localizer(s: Scenario, lang: Lang) {
  const names = scenarioNames(s, lang);
  const words = new Map<string, string>([
    ...Object.entries(names.rulesets),
    ...Object.entries(names.populations),
    ...Object.values(CHANNEL_NAMES).map((c) => [`${c.zh} ${c.en}`, c[lang]] as [string, string]),
    [`${t('colPremium', 'en')} ${t('colPremium', 'zh')}`, bt('premiumTotal', lang)],
    [`${t('colAllPopulations', 'en')} ${t('colAllPopulations', 'zh')}`, bt('allPopulations', lang)],
    [`${t('readingAsWritten', 'en')} ${t('readingAsWritten', 'zh')}`, t('readingAsWritten', lang)],
  ]);
  for (const [id, title] of Object.entries(names.readings))
    words.set(`${t('colCorridorReading', 'en')} ${t('colCorridorReading', 'zh')} "${id}"`, title);
  return { names, cell: (c: string) => words.get(c) ?? c };
}

/** Rulesets as columns, indicators as rows, at most COLUMNS_PER_TABLE rulesets a table. */
function sideways(st: BriefingStyle, table: DataTable, lang: Lang, unit: Unit, cell: (c: string) => string, corner: string): Table[] {
  const header = headerOf(table, lang, unit);
  const rows = formattedRows(table, unit, lang).map((r) => r.map(cell));
  const out: Table[] = [];
  for (let k = 0; k < rows.length; k += COLUMNS_PER_TABLE) {
    const part = rows.slice(k, k + COLUMNS_PER_TABLE);
    const body = header.slice(1).map((h, i) => [h, ...part.map((r) => r[i + 1])]);
    out.push(layTable(st, [corner, ...part.map((r) => r[0])], body, [false, ...part.map(() => true)], 0.34));
  }
  return out;
}

/** The document's parts, in order (exported for tests that read them without unzipping). */
export function briefingChildren(x: BriefingInput): Block[] {
  const { scenario: s, result: r, lang: L } = x;
  const unit = x.unit ?? 'wan';
  const st = STYLES[x.style ?? defaultStyle(L)];
  const w = writer(st);
  const { names, cell } = localizer(s, L);
  const out: Block[] = [];
  let h1n = 0;
  const h1 = (title: string) => out.push(w.h1(L === 'zh' ? `${chineseOrdinal(++h1n)}、${title}` : `${++h1n}. ${title}`));
  let h2n = 0;
  const h2 = (title: string) => out.push(w.h2(L === 'zh' ? `（${chineseOrdinal(++h2n)}）${title}` : `${h1n}.${++h2n} ${title}`));

  out.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: w.spacing(0), children: [w.run(s.title[L], st.title)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: w.spacing(st.line ? 0 : 200),
      children: [w.run(bt('runLine', L, r.trials.toLocaleString('zh-CN'), String(r.seed), s.year), st.subtitle)],
    }),
  );
  // A blank line between the title block and the body (GB/T 9704 §7.3.1: 标题…与正文之间空一行).
  if (st.line) out.push(new Paragraph({ spacing: w.spacing(), children: [] }));

  // — 一、基本情况: what was run, what changed against the file, and the results in sentences —
  h1(bt('overview', L));
  const edits = editsInWords(x.original, s, L);
  const description = s.description?.[L];
  if (edits.length) {
    out.push(w.para([bt('editsLead', L) + edits.join(L === 'zh' ? '；' : '; ') + (L === 'zh' ? '。' : '.')]));
    if (description) out.push(w.note(bt('fileSaidBeforeEdits', L) + description));
  } else if (description) out.push(w.para([bt('fileSays', L) + description]));
  out.push(w.para([bt('resultsLead', L)]));
  const byId = new Map(r.rulesets.map((q) => [q.id, q]));
  for (const q of r.rulesets) out.push(w.para([rulesetSentence(q, L)]));
  if (x.years?.length) out.push(w.para([yearsSentence(x.years, names.rulesets, L)]));

  // — 二、方案比较: each proposal in words, its cost with its interval, who gains —
  const comparisons = r.comparisons.filter((c) => byId.has(c.a) && byId.has(c.b));
  if (comparisons.length) {
    h1(bt('proposals', L));
    h2n = 0;
    out.push(w.para([bt('proposalsLead', L, rulesetName(byId.get(comparisons[0].a)!, L))]));
    for (const c of comparisons) {
      const a = byId.get(c.a)!;
      const b = byId.get(c.b)!;
      h2(rulesetName(b, L));
      const changes = proposalInWords(s, c.a, c.b, L);
      const sep = L === 'zh' ? '；' : '; ';
      const end = L === 'zh' ? '。' : '.';
      out.push(
        w.para([w.run(bt('changes', L), st.body, { bold: true }), (changes.length ? changes.join(sep) : bt('noRuleChange', L)) + end]),
      );
      const lr = c.lossRatioDiffReason ? '' : sep + bt('lossRatioChange', L, pointsWords(c.lossRatioDiff.mean, L));
      out.push(w.para([w.run(bt('cost', L), st.body, { bold: true }), costWords(c, L) + lr + end]));
      out.push(w.para([w.run(bt('gains', L), st.body, { bold: true }), gainsInWords(s, a, b, L).join(sep) + end]));
    }
  }

  // — 三、主要指标 and the tables —
  h1(bt('indicators', L));
  h2n = 0;
  out.push(w.note(bt('unitsNote', L)));
  out.push(...sideways(st, indicatorTable(r), L, unit, cell, bt('indicator', L)));
  // The document's 政策范围内报销比例 is negative on Suzhou's own figures (docs/conformance.md): the table says why.
  if (r.rulesets.some((q) => q.policyRangeReimbursementRatio < 0)) out.push(w.note(t('hintPolicyRangeNegative', L)));
  if (comparisons.length) {
    h2(bt('comparison', L));
    out.push(...sideways(st, proposalTable(r, L), L, unit, cell, bt('indicator', L)));
  }
  h2(bt('funding', L));
  const funding = fundingTable(r.rulesets);
  out.push(
    layTable(
      st,
      [bt('rulesetCol', L), bt('channelCol', L), bt('populationCol', L), `${bt('amountCol', L)}（${t('wan', L)}）`, bt('shareCol', L)],
      // A ruleset's name once, on its first channel's row.
      formattedRows(funding, unit, L).map((row, i, all) =>
        row.map((c, j) => (j === 0 && i > 0 && all[i - 1][0] === row[0] ? '' : cell(c))),
      ),
      [false, false, false, true, true],
      0.28,
    ),
  );

  const withCorridor = r.rulesets.filter((q) => q.corridor);
  if (withCorridor.length) {
    h1(bt('corridor', L));
    h2n = 0;
    out.push(w.note(bt('corridorNote', L)));
    for (const q of withCorridor) {
      if (withCorridor.length > 1) h2(rulesetName(q, L));
      const table = corridorTable(q);
      out.push(
        layTable(
          st,
          headerOf(table, L, unit),
          formattedRows(table, unit, L).map((row) => row.map(cell)),
          table.columns.map((col) => col.unit !== 'text'),
          0.16,
        ),
      );
    }
  }

  if (x.years?.length) {
    h1(bt('years', L));
    h2n = 0;
    out.push(w.note(bt('yearsNote', L)));
    for (const q of r.rulesets) {
      if (r.rulesets.length > 1) h2(rulesetName(q, L));
      out.push(yearsBlock(st, x.years, q, L, unit));
    }
  }

  // — 家庭负担与因病致贫 (issue #33): the household figures, the proposals' differences, words, the typical case —
  if (x.household && x.household.rulesets.some((q) => q.total)) {
    h1(bt('household', L));
    h2n = 0;
    const hh = householdTables(s, x.household, L, unit);
    for (const words of hh.words) out.push(w.para([words]));
    const line = s.household?.povertyLine.value;
    out.push(
      w.note(
        t(
          'householdNote',
          L,
          (s.household?.members ?? DEFAULT_HOUSEHOLD_MEMBERS).toLocaleString('zh-CN'),
          line === undefined ? '—' : line.toLocaleString('zh-CN'),
          // The workbench's note, whose ± the briefing writes as [low, high].
        ).replace('± ', '[ ] '),
      ),
    );
    if (s.household?.note?.[L]) out.push(w.note(s.household.note[L]!));
    const figureTable = (head: string[], rows: string[][]) => {
      for (let k = 1; k < head.length; k += COLUMNS_PER_TABLE) {
        const cols = [0, ...head.slice(k, k + COLUMNS_PER_TABLE).map((_, i) => k + i)];
        out.push(
          layTable(
            st,
            cols.map((i) => head[i]),
            rows.map((r) => cols.map((i) => r[i])),
            cols.map((i) => i > 0),
            0.3,
          ),
        );
      }
    };
    h2(bt('householdFigures', L));
    figureTable(hh.figures.header, hh.figures.rows);
    if (hh.diffs) {
      h2(bt('householdDiffs', L));
      out.push(w.note(t('householdDiffNote', L)));
      figureTable(hh.diffs.header, hh.diffs.rows);
    }
    const person = x.typicalPerson === undefined ? defaultTypicalPerson(s) : x.typicalPerson;
    // The run's baseline (the workbench may set another than the file's) beside the person's proposal.
    const cases = person ? typicalCasesOf(s, person, typicalPair(s, r.comparisons[0]?.a, person.against)) : [];
    if (person && cases.length) {
      h2(bt('typicalHeading', L));
      const tb = typicalBlocks(s, person, cases, L);
      out.push(w.para([bt('typicalLead', L) + tb.who]));
      if (x.typicalChart) out.push(picture(st, x.typicalChart));
      out.push(
        layTable(
          st,
          tb.header,
          tb.rows,
          tb.header.map((_, i) => i > 0),
          0.3,
        ),
      );
      for (const v of tb.verdicts) out.push(w.para([v]));
    }
  }

  if (x.charts.length) {
    h1(bt('charts', L));
    for (const c of x.charts) out.push(picture(st, c));
  }

  // — 附录: the assumptions, each parameter by its name, value in words, reason in the reader's language —
  // A proposal copies most of the baseline's assumptions: one entry for each, naming the rulesets it holds for.
  const entries = new Map<string, { a: ReturnType<typeof assumptions>[number]; rulesets: number[] }>();
  for (const a of assumptions(s)) {
    const ruleset = /^rulesets\[(\d+)\]/.exec(a.path);
    const key = `${a.path.replace(/^rulesets\[\d+\]/, 'rulesets[*]')}\u0000${JSON.stringify(getAt(s, pathOf(a.path)), (k, v) => (k === 'id' ? undefined : v))}\u0000${saidIn(a.assumption, L)}`;
    const hit = entries.get(key);
    if (hit && ruleset) hit.rulesets.push(Number(ruleset[1]));
    else entries.set(hit ? `${key}\u0000${a.path}` : key, { a, rulesets: ruleset ? [Number(ruleset[1])] : [] });
  }
  out.push(
    new Paragraph({ pageBreakBefore: true, spacing: w.spacing(), children: [w.run(bt('appendix', L), st.h1)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: w.spacing(), children: [w.run(bt('assumptions', L, entries.size), st.h2)] }),
    w.note(bt('assumptionsLead', L)),
  );
  [...entries.values()].forEach(({ a, rulesets }, i) => {
    const words = fieldName(a.path, s, L).split(' · ');
    // Shared by several rulesets: their titles in place of the first one's.
    if (rulesets.length > 1) words[0] = rulesets.map((k) => rulesetName(s.rulesets[k], L)).join(L === 'zh' ? '、' : ', ');
    const name = words.join(' · ');
    const v = getAt(s, pathOf(a.path));
    // A parameter the file measures in yuan (a severity's limit or splice point) reads as money.
    const value =
      /（元）$|\(yuan\)$/.test(name) && typeof v === 'object' && v && 'value' in v
        ? moneyWords(Number(v.value), L)
        : itemWords(valueKey(a.path), v, L, a.path);
    out.push(
      new Paragraph({
        spacing: w.spacing(st.smallLine ? 60 : 60, 0, st.smallLine),
        indent: st.indent ? { firstLine: (st.indent * st.small.size) / st.body.size } : undefined,
        children: [
          w.run(`${i + 1}. ${name}${L === 'zh' ? '：' : ': '}${value}。`, st.small, { bold: true }),
          w.run(provenanceWords(a.assumption, a.path, x.original, L), st.small),
        ],
      }),
    );
  });
  out.push(w.note(bt('reproduce', L, r.trials.toLocaleString('zh-CN'), String(r.seed))));
  return out;
}

/** A chart's picture, centred, at most the text block's width and a little under half its height (two to a page). */
function picture(st: BriefingStyle, c: BriefingChart): Paragraph {
  const maxPt = textWidth(st) / 20;
  const maxHeightPt = (A4.height - st.margin.top - st.margin.bottom) / 20 / 2 - 24;
  const wPt = Math.min(maxPt, c.width * 0.75, (maxHeightPt * c.width) / c.height);
  const hPt = (wPt / c.width) * c.height;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: c.png,
        transformation: { width: wPt / 0.75, height: hPt / 0.75 },
        altText: { title: c.title, description: c.title, name: c.title },
      }),
    ],
  });
}

const pathOf = (s: string): (string | number)[] =>
  [...s.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));

/**
 * An assumption's reason in the reader's language. The workbench labels an edited value in English
 * ("edited in the workbench (was 18000; …) — note: …", scenario/edit.ts); the briefing says it in words and
 * gives the original's reason from the file as opened, in the reader's language.
 */
function provenanceWords(said: Said | undefined, path: string, original: unknown, lang: Lang): string {
  const text = saidIn(said, lang) ?? '';
  if (!text.startsWith(EDITED) && !text.startsWith(ADDED)) return text;
  const [head, note] = text.split(' — note: ');
  const was = /\(was ([^;)]*)/.exec(head)?.[1];
  const before = getAt(original, pathOf(path)) as { source?: Said; assumption?: Said } | undefined;
  const origin = saidIn(before?.source, lang) ?? saidIn(before?.assumption, lang);
  const parts = [text.startsWith(ADDED) ? bt('added', lang) : bt('edited', lang, was ?? '—')];
  if (origin && !origin.startsWith(EDITED)) parts.push(bt('originalBasis', lang) + origin);
  if (note) parts.push(bt('note', lang) + note);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** One ruleset's years: premium, payout, loss ratio, probability of loss, the fund's cumulative result. */
function yearsBlock(st: BriefingStyle, years: YearResult[], q: RulesetSummary, lang: Lang, unit: Unit): Table {
  const rows = years.flatMap((y) => {
    const r = y.rulesets.find((x) => x.id === q.id);
    if (!r) return [];
    return [
      [
        String(y.year),
        formatAmount(r.premium, unit),
        formatAmount(r.payout.mean, unit),
        formatPercent(r.lossRatio.mean),
        formatPercent(r.lossRatio.probAbove1),
        formatAmount(r.fundCumulative?.mean, unit),
      ],
    ];
  });
  const u = `（${t(unit === 'wan' ? 'wan' : 'yuan', lang)}）`;
  return layTable(
    st,
    [
      bt('yearCol', lang),
      bt('premiumCol', lang) + u,
      bt('payoutCol', lang) + u,
      bt('lossRatioCol', lang),
      bt('probLossCol', lang),
      bt('fundCol', lang) + u,
    ],
    rows,
    [false, true, true, true, true, true],
    0.12,
  );
}

/** The .docx file's bytes. */
export async function briefingDocx(x: BriefingInput): Promise<Uint8Array> {
  const st = STYLES[x.style ?? defaultStyle(x.lang)];
  // GB/T 9704 §7.5: page numbers "— 1 —", odd pages on the right, even pages on the left, one character in.
  const pageNumber = (align: 'right' | 'left') =>
    st.pageNumber &&
    new Footer({
      children: [
        new Paragraph({
          alignment: st.name === 'plain' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: st.name === 'plain' ? undefined : align === 'right' ? { right: 280 } : { left: 280 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: st.pageNumber.font, size: st.pageNumber.size })],
        }),
      ],
    });
  const odd = pageNumber('right');
  const even = pageNumber('left');
  const doc = new Document({
    creator: 'jingsuan',
    title: x.scenario.title[x.lang],
    evenAndOddHeaderAndFooters: st.name === 'gongwen',
    styles: { default: { document: { run: { font: st.body.font, size: st.body.size } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...st.margin, header: 851, footer: Math.round((st.margin.bottom * 2) / 5), gutter: 0 },
          },
        },
        footers: odd ? { default: odd, ...(st.name === 'gongwen' && even ? { even } : {}) } : undefined,
        children: briefingChildren(x),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
