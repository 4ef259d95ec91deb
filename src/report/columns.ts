/**
 * A table declared once — each column's label, unit and value — and drawn from that one declaration to the
 * terminal, Markdown, CSV and the workbench. Values stay numbers (yuan, fractions, people) until drawn:
 * on screen money reads in 万元 or 元 with separators, ratios as %, differences of ratios in percentage points;
 * in CSV money is yuan to the fen, counts whole people, ratios fractions to 4 decimals, and the header says so.
 */
import { csvFormatRow } from 'd3-dsv';
import {
  formatAmount,
  formatCount,
  formatNumber,
  formatPercent,
  formatPoints,
  markdownTable,
  textTable,
  unitText,
  type Unit,
} from './format.ts';
import { t, whyText, type Lang, type NotANumber } from './strings.ts';

/** text: as is; money: yuan; ratio: a fraction; points: a difference of two ratios; count: people; year; number. */
export type ColumnUnit = 'text' | 'money' | 'ratio' | 'points' | 'count' | 'year' | 'number';

/**
 * A figure that is not a number, with the reason (issue #30): words on screen, in Markdown and in the briefing
 * ("no premium 无保费"); an empty cell in CSV, like every other figure that is not a number.
 */
export interface Why {
  why: NotANumber;
}
/**
 * Words in both languages (a channel's name, "all 合计", "yes 是"): drawn in the reader's language, and in both
 * ('en zh') where a header is bilingual (CSV, Markdown), so a one-language table holds no word of the other.
 */
export interface Words {
  zh: string;
  en: string;
}
export type Value = string | number | null | undefined | Why | Words;
export const isWhy = (v: unknown): v is Why => typeof v === 'object' && v !== null && 'why' in v;
export const isWords = (v: unknown): v is Words => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;
const wordsIn = (v: Words, lang: HeaderLang) => (lang === 'both' ? (v.en === v.zh ? v.en : `${v.en} ${v.zh}`) : v[lang]);

export interface Column<R> {
  label: { zh: string; en: string };
  unit: ColumnUnit;
  value: (row: R) => Value;
  /** Decimals of money on screen in 万元 (default 1; a budget line reads to 2), or of a plain number (yuan per person). */
  digits?: number;
  /** A text column of figures (already formatted) reads right-aligned like numbers. */
  figures?: boolean;
}

export interface Table {
  id: string;
  title: { zh: string; en: string };
  columns: Column<Value[]>[];
  /** One array of values per row, in column order. */
  rows: Value[][];
}

/** Declares a table: its columns over some records, evaluated once into plain rows. */
export function table<R>(id: string, title: Table['title'], columns: Column<R>[], records: readonly R[]): Table {
  return {
    id,
    title,
    columns: columns.map((c, i) => ({ ...c, value: (row: Value[]) => row[i] })),
    rows: records.map((r) => columns.map((c) => c.value(r))),
  };
}

/** Headers in one language, or both ('en zh', the command line's and the reports' bilingual form). */
export type HeaderLang = Lang | 'both';

export function unitSuffix(unit: ColumnUnit, money: Unit, lang: HeaderLang): string {
  // 'both' reads like zh: the command line's bilingual headers end in Chinese.
  const l = lang === 'both' ? 'zh' : lang;
  if (unit === 'money') return ` (${unitText(money, l)})`;
  if (unit === 'points') return ` (${t('percentagePoints', l)})`;
  return '';
}

const labelIn = (c: { label: Column<never>['label'] }, lang: HeaderLang) =>
  lang === 'both' ? (c.label.en === c.label.zh ? c.label.en : `${c.label.en} ${c.label.zh}`) : c.label[lang];

export function headerOf(t: Table, lang: HeaderLang = 'both', money: Unit = 'wan'): string[] {
  return t.columns.map((c) => labelIn(c, lang) + unitSuffix(c.unit, money, lang));
}

/** One value as read on screen; a figure that is not a number in words, in `lang` ('both': English then Chinese). */
export function formatValue(v: Value, unit: ColumnUnit, money: Unit = 'wan', digits?: number, lang: HeaderLang = 'both'): string {
  if (v === null || v === undefined) return '—';
  if (isWhy(v)) return lang === 'both' ? `${whyText(v.why, 'en')} ${whyText(v.why, 'zh')}` : whyText(v.why, lang);
  if (isWords(v)) return wordsIn(v, lang);
  if (typeof v === 'string') return v;
  switch (unit) {
    case 'money':
      return formatAmount(v, money, money === 'wan' ? digits : undefined);
    case 'ratio':
      return formatPercent(v);
    case 'points':
      return formatPoints(v);
    case 'count':
      return formatCount(v);
    case 'year':
      return String(v);
    default:
      // A plain number, to its stated decimals (yuan per beneficiary: 5,500.00 beside 7,885.33), or as it is.
      if (!Number.isFinite(v)) return '—';
      return digits === undefined ? formatNumber(v, 'zh-CN', undefined, 6) : formatNumber(v, 'zh-CN', digits, digits);
  }
}

export function formattedRows(t: Table, money: Unit = 'wan', lang: HeaderLang = 'both'): string[][] {
  return t.rows.map((r) => t.columns.map((c, i) => formatValue(r[i], c.unit, money, c.digits, lang)));
}

/** The terminal's table: headers and words in `lang` (the command line's --lang), money in `money` (--unit). */
export const toText = (t: Table, money: Unit = 'wan', lang: HeaderLang = 'both') =>
  textTable(
    headerOf(t, lang, money),
    formattedRows(t, money, lang),
    t.columns.map((c) => c.unit === 'text' && !c.figures),
  );
export const toMarkdown = (t: Table, money: Unit = 'wan') => markdownTable(headerOf(t, 'both', money), formattedRows(t, money));

/** A value as CSV holds it: money in yuan to the fen, counts whole, ratios to 4 decimals. */
export function csvValue(v: Value, unit: ColumnUnit): string {
  if (v === null || v === undefined || isWhy(v)) return '';
  if (isWords(v)) return wordsIn(v, 'both');
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '';
  switch (unit) {
    case 'money':
      return (Math.round(v * 100) / 100).toFixed(2);
    case 'count':
      return String(Math.round(v));
    case 'ratio':
    case 'points':
      return String(Math.round(v * 1e4) / 1e4);
    default:
      return String(v);
  }
}

function csvSuffix(unit: ColumnUnit): string {
  if (unit === 'money') return ' (元)';
  if (unit === 'ratio') return ' (ratio 比例)';
  if (unit === 'points') return ' (difference of ratios 比例差)';
  if (unit === 'count') return ' (people 人)';
  return '';
}

/**
 * RFC 4180 CSV (d3-dsv quoting), CRLF, with a BOM so spreadsheet programs read the Chinese headers. A figure
 * that is not a number (NaN, ±Infinity: a loss ratio without premium) is an empty cell, never the word NaN
 * (docs/model.md "Figures that are not a number").
 */
export function csvOf(header: string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v));
  return '\ufeff' + [header, ...rows].map((r) => csvFormatRow(r.map(cell))).join('\r\n') + '\r\n';
}

export function toCsv(t: Table): string {
  return csvOf(
    t.columns.map((c) => labelIn(c, 'both') + csvSuffix(c.unit)),
    t.rows.map((r) => t.columns.map((c, i) => csvValue(r[i], c.unit))),
  );
}
