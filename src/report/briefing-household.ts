/**
 * The briefing's household section (家庭负担与因病致贫, issue #33): per ruleset the figures of HOUSEHOLD_FIGURES
 * (household-report.ts) with their 95% intervals, each proposal's paired difference from the baseline, one
 * paragraph of words from those figures, and the typical case (典型病例) — its waterfall as a picture and its table
 * of layers, baseline against a proposal, to the fen. Pure: the caller hands the waterfall's PNG.
 */
import type { HouseholdRun, Interval, SampledFigures } from '../engine/household-sample.ts';
import type { TypicalCase } from '../rules/typical-case.ts';
import type { Scenario } from '../scenario/schema.ts';
import { bt } from './briefing-strings.ts';
import { formatAmount, formatCount, formatNumber, formatPercent, formatPoints, unitText, type Unit } from './format.ts';
import { figureDiff, HOUSEHOLD_FIGURES, TYPICAL_LAYERS, type HouseholdFigure } from './household-report.ts';
import { scenarioNames } from './scenario-names.ts';
import { t, type Lang } from './strings.ts';
import { amountName, incomeWords, type TypicalPerson } from './typical-default.ts';

/** A figure as the briefing writes it (tables and words alike), so that both read the same rounding. */
export function householdValue(f: HouseholdFigure, v: number | null, unit: Unit, diff = false): string {
  if (v === null || !Number.isFinite(v)) return '—';
  // U+2212 for the minus: a line may break after a hyphen-minus, never between U+2212 and its digits.
  return signedValue(f, v, unit, diff).replace(/^-/, '−');
}

function signedValue(f: HouseholdFigure, v: number, unit: Unit, diff: boolean): string {
  const sign = diff && v > 0 ? '+' : '';
  switch (diff ? f.diffUnit : f.unit) {
    case 'money':
      return sign + (f.perMember ? formatNumber(v, 'zh-CN', 2, 2) : formatAmount(v, unit));
    case 'ratio':
      return formatPercent(v, 2);
    case 'points':
      return formatPoints(v, 3); // three decimals, as the workbench's household panel
    case 'count':
      return sign + formatCount(v);
  }
}

/** The figure's name with its unit, for a table's first column. */
export function householdLabel(f: HouseholdFigure, lang: Lang, unit: Unit, diff = false): string {
  const name = t(f.label, lang);
  const u = diff ? f.diffUnit : f.unit;
  if (u === 'money' && !f.perMember) return lang === 'zh' ? `${name}（${unitText(unit, lang)}）` : `${name} (${unitText(unit, lang)})`;
  if (u === 'points') return lang === 'zh' ? `${name}（${t('percentagePoints', lang)}）` : `${name} (${t('percentagePoints', lang)})`;
  return name;
}

const range = (f: HouseholdFigure, iv: Interval | null, unit: Unit, diff = false) =>
  iv && Number.isFinite(iv.lo95) && Number.isFinite(iv.hi95)
    ? `[${householdValue(f, iv.lo95, unit, diff)}, ${householdValue(f, iv.hi95, unit, diff)}]`
    : '';

/** Each figure's row and its interval's row beneath it, one column per ruleset (or proposal). */
function figureRows(cols: ((f: HouseholdFigure) => { v: number | null; iv: Interval | null })[], lang: Lang, unit: Unit, diff: boolean) {
  return HOUSEHOLD_FIGURES.flatMap((f) => {
    const cells = cols.map((c) => c(f));
    const rows = [[householdLabel(f, lang, unit, diff), ...cells.map((c) => householdValue(f, c.v, unit, diff))]];
    if (cells.some((c) => range(f, c.iv, unit, diff))) rows.push([bt('interval95', lang), ...cells.map((c) => range(f, c.iv, unit, diff))]);
    return rows;
  });
}

export interface HouseholdTables {
  /** Header and rows of the figures per ruleset (rulesets as columns). */
  figures: { header: string[]; rows: string[][] };
  /** Header and rows of each proposal's difference from the baseline; null without a proposal. */
  diffs: { header: string[]; rows: string[][] } | null;
  /** One paragraph of words per ruleset and per proposal. */
  words: string[];
}

/** The section's tables and words from the run's household sample. */
export function householdTables(s: Scenario, run: HouseholdRun, lang: Lang, unit: Unit): HouseholdTables {
  const names = scenarioNames(s, lang);
  const withTotal = run.rulesets.filter((r) => r.total);
  const totals = withTotal.map((r) => r.total!);
  const figures = {
    header: [bt('indicator', lang), ...withTotal.map((r) => names.rulesets[r.id] ?? r.id)],
    rows: figureRows(
      totals.map((h) => (f: HouseholdFigure) => ({ v: f.value(h), iv: f.interval(h) })),
      lang,
      unit,
      false,
    ),
  };
  const totalOf = (id: string): SampledFigures | null => run.rulesets.find((r) => r.id === id)?.total ?? null;
  const comps = run.comparisons.filter((c) => c.total);
  const diffOf = (c: (typeof comps)[number]) => (f: HouseholdFigure) => {
    const d = figureDiff(f, c.total!, totalOf(c.b)?.insured ?? 0, totalOf(c.a), totalOf(c.b));
    return { v: d?.mean ?? null, iv: d };
  };
  const diffs = comps.length
    ? {
        header: [bt('indicator', lang), ...comps.map((c) => t('householdDiff', lang, names.rulesets[c.b] ?? c.b))],
        rows: figureRows(comps.map(diffOf), lang, unit, true),
      }
    : null;
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const end = lang === 'zh' ? '。' : '.';
  const phrase = (f: HouseholdFigure, v: number | null, iv: Interval | null, diff: boolean) => {
    const u = diff ? f.diffUnit : f.unit;
    const unitWord =
      u === 'money'
        ? lang === 'zh'
          ? f.perMember
            ? '元'
            : unitText(unit, lang)
          : f.perMember
            ? ' yuan'
            : ` (${unitText(unit, lang)})`
        : u === 'points'
          ? lang === 'zh'
            ? '个百分点'
            : ' points'
          : u === 'count'
            ? lang === 'zh'
              ? '人'
              : ' people'
            : '';
    const name = t(f.label, lang).replace(/（[^（）]*）$|\s*\([^()]*\)$/, '');
    const r = range(f, iv, unit, diff);
    return `${name}${colon}${householdValue(f, v, unit, diff)}${unitWord}${r ? (lang === 'zh' ? `（95%区间${r}）` : ` (95% interval ${r})`) : ''}`;
  };
  const words = [
    ...withTotal.map(
      (r) =>
        (lang === 'zh' ? `「${names.rulesets[r.id] ?? r.id}」` : `“${names.rulesets[r.id] ?? r.id}”: `) +
        // A figure without a value (the impoverished where the file sets no poverty line) is left out of the words.
        HOUSEHOLD_FIGURES.flatMap((f) => {
          const v = f.value(r.total!);
          return v === null || !Number.isFinite(v) ? [] : [phrase(f, v, f.interval(r.total!), false)];
        }).join(sep) +
        end,
    ),
    ...comps.map(
      (c) =>
        bt('householdAgainst', lang, names.rulesets[c.b] ?? c.b) +
        HOUSEHOLD_FIGURES.flatMap((f) => {
          const d = diffOf(c)(f);
          return d.v === null ? [] : [phrase(f, d.v, d.iv, true)];
        }).join(sep) +
        end,
    ),
  ];
  return { figures, diffs, words };
}

/** The typical case's table (layers as rows, rulesets as columns, yuan to the fen) and its words. */
export function typicalBlocks(s: Scenario, person: TypicalPerson, cases: TypicalCase[], lang: Lang) {
  const names = scenarioNames(s, lang);
  const yuan = (v: string | number) => formatNumber(Number(v), 'zh-CN', 2, 2);
  const header = [
    `${t('typicalStep', lang)}${lang === 'zh' ? '（元）' : ' (yuan)'}`,
    ...cases.map((c) => names.rulesets[c.ruleset] ?? c.ruleset),
  ];
  const rows = TYPICAL_LAYERS.map(([k, f]) => [t(k, lang), ...cases.map((c) => yuan(c[f]))]);
  const group = person.group
    ? lang === 'zh'
      ? `「${names.groups[person.group] ?? person.group}」`
      : ` (${names.groups[person.group] ?? person.group})`
    : '';
  const popName = names.populations[person.population] ?? person.population;
  const who = t(
    'typicalPerson',
    lang,
    lang === 'zh' ? `「${popName}」` : popName,
    group,
    amountName(s, person, lang),
    yuan(person.amount),
    incomeWords(s, person, lang),
  );
  const verdicts = cases.map((c) => {
    const name = names.rulesets[c.ruleset] ?? c.ruleset;
    const yes = (b: boolean | null) => t(b ? 'typicalYes' : 'typicalNo', lang);
    const share =
      c.shareOfIncome === null ? '' : `${t('typicalShare', lang, formatPercent(c.shareOfIncome, 1))}${lang === 'zh' ? '，' : ', '}`;
    return (
      `${lang === 'zh' ? `「${name}」` : `“${name}”: `}${bt('typicalOop', lang, yuan(c.outOfPocket))}${share}` +
      `${t('typicalCat', lang)} >10%${lang === 'zh' ? '：' : ': '}${yes(c.catastrophic10)}${lang === 'zh' ? '，' : ', '}` +
      `>25%${lang === 'zh' ? '：' : ': '}${yes(c.catastrophic25)}` +
      (c.impoverished === null
        ? ''
        : `${lang === 'zh' ? '，' : ', '}${t('typicalImpoverished', lang)}${lang === 'zh' ? '：' : ': '}${yes(c.impoverished)}`) +
      (lang === 'zh' ? '。' : '.')
    );
  });
  return { header, rows, who, verdicts };
}
