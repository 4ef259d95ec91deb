/** Number formatting shared by the command line and the workbench (zh-CN 万元 or 元, percentages). */
import { t } from './strings.ts';
export type Unit = 'yuan' | 'wan';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `x.toLocaleString(locale, { … })` with the formatter kept: toLocaleString builds a new Intl.NumberFormat at each
 * call (about 27 µs, against 0.7 µs for a kept one), and a results table formats a few thousand numbers a repaint.
 */
export function formatNumber(x: number, locale: string, minimumFractionDigits: number | undefined, maximumFractionDigits: number): string {
  const key = `${locale} ${minimumFractionDigits} ${maximumFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits })));
  return f.format(x);
}

export function formatAmount(yuan: number | null | undefined, unit: Unit = 'wan', digits?: number): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  if (unit === 'wan') return formatNumber(yuan / 1e4, 'zh-CN', digits ?? 1, digits ?? 1);
  return formatNumber(yuan, 'zh-CN', digits ?? 0, digits ?? 0);
}

/** The money unit as a header or an axis label says it in brackets: 万元 / 10k yuan, 元 / yuan. */
export const unitText = (unit: Unit, lang: 'zh' | 'en'): string => t(unit === 'wan' ? 'n10kYuan2' : 'yuan2', lang);

export function unitLabel(unit: Unit, lang: 'zh' | 'en' = 'zh'): string {
  if (unit === 'wan') return t('n10kYuan', lang);
  return t('yuan2', lang);
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

/** A difference of two ratios in percentage points, signed: +1.9 pp reads "+1.9 个百分点" in prose. */
export function formatPoints(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const v = (x * 100).toFixed(digits);
  return `${x > 0 && Number(v) !== 0 ? '+' : ''}${v}`;
}

/** Yuan to the fen with separators and the unit: "−3,500,000.00 元" (a fen string from decimal.js or a number). */
export function formatYuan(v: number | string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return '—';
  return `${n < 0 ? '−' : ''}${formatNumber(Math.abs(n), 'zh-CN', 2, 2)} 元`;
}

/** An amount in yuan under the page's language: "1,234.00 元", "1,234.00 yuan" (an English page shows no 元). */
export function formatYuanIn(v: number | string, lang: 'zh' | 'en'): string {
  const s = formatYuan(v);
  return lang === 'en' ? s.replace(/ 元$/, ' yuan') : s;
}

/** A label without its unit of yuan ("年收入（元）" → "年收入", "Income (yuan)" → "Income"): to name it, or to add the unit once. */
export const withoutUnit = (label: string): string => label.replace(/（元）$|\s*\(yuan\)$/, '');

/** "1 population", "3 populations". */
export const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** A metric's value as read: money in yuan to the fen, ratios as %, counts whole (engine/metrics.ts units). */
export function formatMetricValue(unit: 'money' | 'ratio' | 'count', v: number): string {
  if (!Number.isFinite(v)) return 'cannot compute';
  if (unit === 'money') return formatYuan(v);
  if (unit === 'ratio') return formatPercent(v, 2);
  return formatCount(v);
}

export function formatCount(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Math.round(x).toLocaleString('zh-CN');
}

/** A plain-text table with right-aligned numeric columns (for the terminal and Markdown-free output). */
export function textTable(header: string[], rows: string[][], left: boolean[] = header.map((_, i) => i === 0)): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => (left[i] ? s + ' '.repeat(cols[i] - width(s)) : ' '.repeat(cols[i] - width(s)) + s);
  return [header.map(pad).join('  '), cols.map((c) => '-'.repeat(c)).join('  '), ...rows.map((r) => r.map(pad).join('  '))].join('\n');
}

/** A Markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/**
 * What a parameter's number field shows (ui/param-field.ts): whole numbers as they are; fractions to six
 * significant digits, but the whole part never rounded and amounts kept to the fen (123456.78 stays). A
 * calibrated μ of 5.896598415… (or a body weight 0.8268031) did not fit the field; the full value is in the
 * field's title and is what the model uses until the analyst types another.
 */
export function digitsShown(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const whole = Math.abs(x) < 1 ? 0 : Math.floor(Math.log10(Math.abs(x))) + 1;
  return String(Number(whole === 0 ? x.toPrecision(6) : x.toFixed(Math.max(2, 6 - whole))));
}
