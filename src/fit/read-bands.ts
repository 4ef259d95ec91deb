/**
 * A ruleset's payment table as a bureau keeps it in a spreadsheet (issue #31 "Import: a ruleset's bands … pasted
 * from or opened as a sheet"): 起付标准 and 封顶线 as label rows ("起付标准 | 18000"), and the bands (分段) under a
 * header naming 上限 and 比例 (下限 optional), one band a row — pasted from Excel or WPS (tab-separated text) or
 * read from a .csv/.xlsx file (read-table.ts, read-xlsx.ts). Amounts as the sheet writes them ("1.8万", "18,000",
 * "100000元"); ratios as "60%" or 0.6. Every problem names its row and column, as the sheet shows them.
 */
import { LIMITS } from '../scenario/limits.ts';
import { cellNumber, columnLetter, openBandLower } from './read-cells.ts';
import { detectDelimiter, splitRows, type TableRow } from './read-table.ts';

export interface SheetProblem {
  /** 1-based row and 0-based column of the cell, as the sheet shows them (null: the whole table). */
  row: number | null;
  column: number | null;
  en: string;
  zh: string;
}

export interface BandSheet {
  /** 起付标准: from its label row, or the first band's lower edge; null when the sheet gives neither. */
  deductible: number | null;
  bands: { from: number | null; to: number | null; ratio: number; row: number }[];
  /** 封顶线: a number, null for "no cap" (无, 不封顶), undefined when the sheet does not say. */
  cap?: number | null;
  problems: SheetProblem[];
}

const DEDUCTIBLE = /^(起付标准|起付线|起付金额|起付|deductible)/i;
const CAP = /^(封顶线|封顶|最高支付(限额)?|年度最高|最高限额|cap)/i;
const NO_CAP = /^(无|不封顶|不设|none|no cap|-|—)$/i;
const TO = /上限|至|止|to\b|upper/i;
const FROM = /下限|起点|from|lower/i;
const RATIO = /比例|ratio|rate/i;
const OPEN = /^(以上|及以上|∞|\+∞|无上限|open|and above)$/i;

/** Rows of a pasted text (tab-separated as Excel and WPS copy, or comma-separated). */
export function pastedRows(text: string): TableRow[] {
  return splitRows(text, detectDelimiter(text), 1000);
}

const at = (row: number, column: number | null) => ({
  en: `row ${row}${column === null ? '' : `, column ${columnLetter(column)}`}`,
  zh: `第 ${row} 行${column === null ? '' : ` ${columnLetter(column)} 列`}`,
});

function problem(row: number | null, column: number | null, en: string, zh: string): SheetProblem {
  if (row === null) return { row, column, en, zh };
  const p = at(row, column);
  return { row, column, en: `${p.en}: ${en}`, zh: `${p.zh}：${zh}` };
}

/** An amount cell: a number of yuan within the schema's limits, or the problem. */
function amountOf(cell: string, row: number, col: number, what: { en: string; zh: string }, out: SheetProblem[]): number | null {
  const v = cellNumber(cell);
  if (v === null) out.push(problem(row, col, `${what.en} "${cell}" is not an amount`, `${what.zh}“${cell}”不是金额`));
  else if (v < 0 || v > LIMITS.maxAmount)
    out.push(
      problem(row, col, `${what.en} ${v} must be between 0 and ${LIMITS.maxAmount}`, `${what.zh} ${v} 应在 0 与 ${LIMITS.maxAmount} 之间`),
    );
  else return v;
  return null;
}

/** A ratio cell: "60%" or 0.6 (a bare 60 only under a header saying %), or the problem. */
function ratioOf(cell: string, percentHeader: boolean, row: number, col: number, out: SheetProblem[]): number | null {
  const s = cell.trim().replace(/％/g, '%');
  const pct = s.endsWith('%');
  const v = cellNumber(pct ? s.slice(0, -1) : s);
  if (v === null) {
    out.push(problem(row, col, `the ratio "${cell}" is not a number (write 60% or 0.6)`, `比例“${cell}”不是数（写作 60% 或 0.6）`));
    return null;
  }
  const r = pct || (percentHeader && v > 1) ? v / 100 : v;
  if (r < 0 || r > 1) {
    out.push(
      problem(
        row,
        col,
        `the ratio ${cell} must be between 0 and 100% (write 60% or 0.6)`,
        `比例 ${cell} 应在 0 与 100% 之间（写作 60% 或 0.6）`,
      ),
    );
    return null;
  }
  return Number(r.toPrecision(12));
}

const filled = (cells: string[]) => cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');

export function readBandSheet(rows: readonly TableRow[]): BandSheet {
  const problems: SheetProblem[] = [];
  let deductible: { value: number; row: number } | null = null;
  let cap: number | null | undefined;
  const bands: BandSheet['bands'] = [];
  // Columns of the band table, from its header row; without one, rows of 2 (上限, 比例) or 3 (下限, 上限, 比例) cells.
  let cols: { from: number | null; to: number; ratio: number; percent: boolean } | null = null;
  for (const { row, cells } of rows) {
    const f = filled(cells);
    if (!f.length) continue;
    const label = f[0].c;
    if (DEDUCTIBLE.test(label) || CAP.test(label)) {
      const isCap = CAP.test(label);
      const value = f[1];
      const what = isCap ? { en: 'the cap', zh: '封顶线' } : { en: 'the deductible', zh: '起付标准' };
      if (!value) problems.push(problem(row, f[0].i + 1, `${what.en} has no value beside its label`, `${what.zh}旁没有数值`));
      else if (isCap && NO_CAP.test(value.c)) cap = null;
      else {
        const v = amountOf(value.c, row, value.i, what, problems);
        if (v !== null) {
          if (isCap) cap = v;
          else deductible = { value: v, row };
        }
      }
      continue;
    }
    const toCol = f.find((x) => TO.test(x.c) && !RATIO.test(x.c));
    const ratioCol = f.find((x) => RATIO.test(x.c));
    if (toCol && ratioCol && f.every((x) => cellNumber(x.c) === null)) {
      const fromCol = f.find((x) => FROM.test(x.c) && x !== toCol);
      cols = { from: fromCol?.i ?? null, to: toCol.i, ratio: ratioCol.i, percent: /%|％/.test(ratioCol.c) };
      continue;
    }
    // A band row.
    let c = cols;
    if (!c) {
      // The first band row says the columns; the next ones keep them (an open top band leaves 上限 empty).
      if (f.length === 2) c = cols = { from: null, to: f[0].i, ratio: f[1].i, percent: false };
      else if (f.length === 3) c = cols = { from: f[0].i, to: f[1].i, ratio: f[2].i, percent: false };
      else {
        problems.push(
          problem(
            row,
            f[0].i,
            `"${label}" is not a band (no header row names the columns 上限 and 比例) nor 起付标准 or 封顶线`,
            `“${label}”不是分段（没有标明“上限”“比例”列的表头），也不是起付标准或封顶线`,
          ),
        );
        continue;
      }
    }
    const cell = (i: number | null) => (i === null ? '' : (cells[i] ?? '').trim());
    const toText = cell(c.to);
    const count = problems.length;
    let to: number | null = null;
    if (toText !== '' && !OPEN.test(toText)) {
      // "10万以上" is an open top band whose lower edge is 10万.
      to = openBandLower(toText) === null ? amountOf(toText, row, c.to, { en: 'the upper edge', zh: '上限' }, problems) : null;
    }
    const fromText = cell(c.from);
    const from =
      fromText === ''
        ? null
        : amountOf(
            openBandLower(fromText) === null ? fromText : String(openBandLower(fromText)),
            row,
            c.from!,
            { en: 'the lower edge', zh: '下限' },
            problems,
          );
    const ratioText = cell(c.ratio);
    const ratio =
      ratioText === ''
        ? (problems.push(problem(row, c.ratio, 'the ratio is empty', '比例为空')), null)
        : ratioOf(ratioText, c.percent, row, c.ratio, problems);
    if (problems.length > count || ratio === null) continue;
    bands.push({ from, to, ratio, row });
  }
  // Whether the bands follow one another is asked of a table whose rows all read (a row left out would make
  // the next one seem not to join).
  if (!problems.length) checkBands(bands, deductible, problems, cols);
  const ded = deductible as { value: number; row: number } | null;
  return { deductible: ded?.value ?? bands[0]?.from ?? null, bands, cap, problems };
}

/** The bands follow one another: each from the previous edge, edges rising, only the last open. */
function checkBands(
  bands: BandSheet['bands'],
  deductible: { value: number; row: number } | null,
  out: SheetProblem[],
  cols: { to: number; from: number | null } | null,
) {
  if (!bands.length) {
    if (!out.length)
      out.push(problem(null, null, 'the sheet has no band (a row with 上限 and 比例)', '表中没有分段（含“上限”和“比例”的行）'));
    return;
  }
  if (bands.length > LIMITS.bands)
    out.push(problem(bands[LIMITS.bands].row, null, `more than ${LIMITS.bands} bands`, `分段多于 ${LIMITS.bands} 段`));
  const toCol = cols?.to ?? null;
  let edge: number | null = deductible?.value ?? bands[0].from ?? 0;
  bands.forEach((b, i) => {
    if (b.from !== null && edge !== null && b.from !== edge)
      out.push(
        problem(
          b.row,
          cols?.from ?? null,
          `the band starts at ${b.from} but the previous ${i === 0 ? 'deductible' : 'band'} ends at ${edge}`,
          `本段下限 ${b.from} 与${i === 0 ? '起付标准' : '上一段上限'} ${edge} 不相接`,
        ),
      );
    if (b.to === null) {
      if (i < bands.length - 1)
        out.push(problem(b.row, toCol, 'only the last band may be open (no upper edge)', '只有最后一段可以没有上限（以上）'));
      edge = null;
      return;
    }
    if (edge !== null && b.to <= edge)
      out.push(problem(b.row, toCol, `the upper edge ${b.to} must be above ${edge}`, `上限 ${b.to} 应大于 ${edge}`));
    edge = b.to;
  });
}

/** A population's figures a sheet may give, by the labels a bureau writes them under. */
export const POPULATION_FIGURES = [
  { key: 'insured', label: /^(参保人数|参保人员数|人数|insured)/i, kind: 'count' },
  { key: 'incidence', label: /^(发生费用比例|发生率|发生比例|就医比例|incidence)/i, kind: 'ratio' },
  { key: 'costLevel', label: /^(地区费用水平|费用水平|费用系数|cost level)/i, kind: 'factor' },
] as const;

export type PopulationFigure = (typeof POPULATION_FIGURES)[number]['key'];

export interface FigureSheet {
  figures: Partial<Record<PopulationFigure, number>>;
  problems: SheetProblem[];
}

/**
 * A population's figures as label rows ("参保人数 | 1,350,000", "发生费用比例 | 10%"): each label's value in the
 * next cell; a count whole and not negative, a ratio as "10%" or 0.1, a cost level a positive factor.
 */
export function readFigureSheet(rows: readonly TableRow[]): FigureSheet {
  const figures: FigureSheet['figures'] = {};
  const problems: SheetProblem[] = [];
  for (const { row, cells } of rows) {
    const f = filled(cells);
    if (!f.length) continue;
    const field = POPULATION_FIGURES.find((x) => x.label.test(f[0].c));
    if (!field) {
      problems.push(
        problem(
          row,
          f[0].i,
          `"${f[0].c}" is not a population's figure (参保人数, 发生费用比例, 地区费用水平)`,
          `“${f[0].c}”不是人群的数字（参保人数、发生费用比例、地区费用水平）`,
        ),
      );
      continue;
    }
    const cell = f[1];
    if (!cell) {
      problems.push(problem(row, f[0].i + 1, `${f[0].c} has no value beside its label`, `${f[0].c}旁没有数值`));
      continue;
    }
    if (field.kind === 'ratio') {
      const v = ratioOf(cell.c, false, row, cell.i, problems);
      if (v !== null) figures[field.key] = v;
      continue;
    }
    const v = cellNumber(cell.c);
    if (v === null) problems.push(problem(row, cell.i, `${f[0].c} "${cell.c}" is not a number`, `${f[0].c}“${cell.c}”不是数`));
    else if (field.kind === 'count' && (!Number.isInteger(v) || v < 0 || v > LIMITS.insuredPerPopulation))
      problems.push(
        problem(
          row,
          cell.i,
          `${f[0].c} ${cell.c} must be a whole number of people up to ${LIMITS.insuredPerPopulation}`,
          `${f[0].c} ${cell.c} 应为不超过 ${LIMITS.insuredPerPopulation} 的整数人数`,
        ),
      );
    else if (field.kind === 'factor' && !(v > 0 && v <= 100))
      problems.push(
        problem(
          row,
          cell.i,
          `${f[0].c} ${cell.c} must be a factor above 0 (1 = the calibrated level)`,
          `${f[0].c} ${cell.c} 应为大于 0 的倍数（1 为校准水平）`,
        ),
      );
    else figures[field.key] = v;
  }
  if (!Object.keys(figures).length && !problems.length)
    problems.push(
      problem(null, null, 'the sheet gives none of 参保人数, 发生费用比例, 地区费用水平', '表中没有参保人数、发生费用比例或地区费用水平'),
    );
  return { figures, problems };
}
