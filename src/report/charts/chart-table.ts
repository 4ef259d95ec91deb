/**
 * A chart's data as a table (report/columns.ts): each field of its rows named as a reader reads it, in the chart's
 * language, with its unit, and rulesets, populations, groups and corridor readings by their titles (issue #31:
 * "Chart CSVs carry Chinese headers in the zh UI, titles not ids, values rounded to their unit"). The chart CSVs
 * and the Excel workbook's chart sheets are drawn from it.
 */
import { metricDef, metricLabel, metricLabels, type MetricName } from '../../engine/metrics.ts';
import { csvOf, csvValue, isWhy, table, type ColumnUnit, type Table, type Value } from '../columns.ts';
import { unitText } from '../format.ts';
import { t, type Lang, type StringKey } from '../strings.ts';
import type { ChartSpec } from './charts.ts';

/** Names by id (rulesets and corridor readings, populations, groups), as all.ts chartContext gives them. */
export interface ChartNames {
  names?: Record<string, string>;
  populationNames?: Record<string, string>;
  groupNames?: Record<string, string>;
}

interface Field {
  label: (lang: Lang, spec: ChartSpec) => string;
  unit: ColumnUnit;
  /** A text field's value as read (an id → its title). */
  text?: (v: unknown, names: ChartNames, lang: Lang) => string;
}

const word = (key: StringKey) => (lang: Lang) => t(key as 'burden', lang);
const metric = (id: MetricName): Field => ({ label: (lang) => metricLabel(id, lang), unit: metricDef(id).unit as ColumnUnit });
const named = (key: StringKey, pick: (n: ChartNames) => Record<string, string> | undefined): Field => ({
  label: word(key),
  unit: 'text',
  text: (v, n) => pick(n)?.[String(v)] ?? String(v),
});
/** The chart's own axis label (a sweep's parameter): what its x is. */
const axisLabel = (spec: ChartSpec, axis: 'x' | 'y') => {
  const a = spec.options[axis] as { label?: string } | undefined;
  return typeof a?.label === 'string' ? a.label : axis;
};

const FIELDS: Record<string, Field> = {
  ruleset: named('colRuleset', (n) => n.names),
  reading: named('colReading', (n) => n.names),
  population: named('colPopulation', (n) => n.populationNames),
  // A group's name as the charts give it (charts.ts groupName): the general members, several groups, or its title.
  group: {
    label: word('group'),
    unit: 'text',
    text: (v, n, lang) => (v === 'general' || v === 'multiple' ? t(v, lang) : (n.groupNames?.[String(v)] ?? String(v))),
  },
  part: {
    label: word('colPart'),
    unit: 'text',
    text: (v, _, lang) => (['insurer', 'fundReturn', 'fundTopUp'].includes(String(v)) ? t(v as 'insurer', lang) : String(v)),
  },
  burden: { label: word('burden'), unit: 'money' },
  benefit: { label: word('benefit'), unit: 'money' },
  ratio: { label: word('ratio'), unit: 'ratio' },
  payout: metric('payout'),
  beneficiaries: metric('beneficiaries'),
  lossRatio: metric('lossRatio'),
  reimbursementRatio: metric('reimbursementRatio'),
  policyRangeReimbursementRatio: metric('policyRangeReimbursementRatio'),
  burdenReductionRate: metric('burdenReductionRate'),
  current: { label: word('colCurrentValue'), unit: 'text', text: (v, _, lang) => (v ? t('yes', lang) : '') },
  x: { label: (_, spec) => axisLabel(spec, 'x'), unit: 'number' },
  year: { label: word('year'), unit: 'year' },
  // The typical case's waterfall (waterfall.ts): a layer and what it pays (negative) or leaves.
  step: { label: word('typicalStep'), unit: 'text' },
  amount: { label: word('amount'), unit: 'money' },
};

/** A distribution's `value`: the payout in yuan or a loss ratio; a corridor split's: an amount in yuan. */
function valueField(spec: ChartSpec): Field {
  // One trial's payout or loss ratio: the metric's short name (赔付, 赔付率), not its expectation's.
  const short = (id: MetricName): Field => ({ label: (lang) => metricLabels(id, 'short')[lang], unit: metricDef(id).unit as ColumnUnit });
  if (spec.id.startsWith('loss-ratio')) return short('lossRatio');
  if (spec.id.startsWith('payout')) return short('payout');
  return { label: word('amount'), unit: 'money' };
}

export function chartTable(spec: ChartSpec, names: ChartNames, lang: Lang): Table {
  const keys = spec.rows.length ? Object.keys(spec.rows[0]) : [];
  const fields = keys.map((k) => (k === 'value' ? valueField(spec) : (FIELDS[k] ?? { label: () => k, unit: 'number' as const })));
  return table<Record<string, unknown>>(
    spec.id,
    { zh: spec.title, en: spec.title },
    keys.map((k, i) => {
      const f = fields[i];
      return {
        label: { zh: f.label('zh', spec), en: f.label('en', spec) },
        unit: f.unit,
        value: (row) => {
          const v = row[k];
          if (f.text) return v === null || v === undefined ? null : f.text(v, names, lang);
          return typeof v === 'number' || typeof v === 'string' || v === null || v === undefined ? (v as Value) : String(v);
        },
      };
    }),
    spec.rows,
  );
}

/** A header in one language with its unit: money in 元 (CSV holds yuan to the fen), ratios as fractions. */
export function chartHeader(c: Table['columns'][number], lang: Lang): string {
  const label = c.label[lang];
  if (c.unit === 'money') return `${label} (${unitText('yuan', lang)})`;
  if (c.unit === 'ratio') return `${label} (${t('ratioFraction', lang)})`;
  return label;
}

/** The chart's data as CSV in one language: headers as read, values rounded to their unit (money to the fen, ratios to 4 places). */
export function chartCsvIn(spec: ChartSpec, names: ChartNames, lang: Lang): string {
  const tab = chartTable(spec, names, lang);
  return csvOf(
    tab.columns.map((c) => chartHeader(c, lang)),
    tab.rows.map((r) => tab.columns.map((c, i) => (isWhy(r[i]) ? '' : csvValue(r[i], c.unit === 'number' ? 'number' : c.unit)))),
  );
}
