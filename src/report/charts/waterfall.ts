/**
 * The typical case's waterfall (issue #33): cost → basic insurance → critical illness → medical assistance →
 * out-of-pocket, one panel per ruleset (baseline beside a proposal). Each payment is a bar from the running total
 * down by its amount; the first and last bars stand on zero. Amounts are the exact settlement's (rules/typical-case.ts).
 */
import * as Plot from '@observablehq/plot';
import type { TypicalCase } from '../../rules/typical-case.ts';
import { t, type Lang } from '../strings.ts';
import type { ChartSpec } from './charts.ts';

export interface WaterfallRow {
  ruleset: string;
  step: string;
  /** Bar from y1 to y2 (yuan). */
  y1: number;
  y2: number;
  amount: number;
  kind: 'total' | 'paid' | 'left';
}

/** `basic` false: no ruleset compared has a basic layer, and its step (0 for everyone) is left out. */
export function waterfallRows(cases: TypicalCase[], lang: Lang, basic = true): WaterfallRow[] {
  return cases.flatMap((c) => {
    const cost = Number(c.cost);
    const rows: WaterfallRow[] = [{ ruleset: c.ruleset, step: t('layerCost', lang), y1: 0, y2: cost, amount: cost, kind: 'total' }];
    let at = cost;
    const layers = [
      ['layerBasic', c.basic],
      ['layerCi', c.criticalIllness],
      ['layerAssistance', c.assistance],
    ] as const;
    for (const [key, v] of basic ? layers : layers.slice(1)) {
      const paid = Number(v);
      rows.push({ ruleset: c.ruleset, step: t(key, lang), y1: at - paid, y2: at, amount: -paid, kind: 'paid' });
      at -= paid;
    }
    const oop = Number(c.outOfPocket);
    rows.push({ ruleset: c.ruleset, step: t('layerOop', lang), y1: 0, y2: oop, amount: oop, kind: 'left' });
    return rows;
  });
}

export interface WaterfallOptions {
  lang: Lang;
  width: number;
  names: Record<string, string>;
  document?: Document;
}

export function waterfallPlot(rows: WaterfallRow[], o: WaterfallOptions) {
  return Plot.plot({ ...waterfallOptions(rows, o), document: o.document });
}

/**
 * The waterfall as a chart spec (charts.ts), exported as the other charts are (SVG, PNG, CSV: chart-view.ts,
 * standalone.ts) and drawn into the briefing; its data rows are each step's amount (yuan, a payment negative).
 */
export function waterfallSpec(
  cases: TypicalCase[],
  o: WaterfallOptions & { footnote: string; subtitle?: string; basic?: boolean },
): ChartSpec {
  const rows = waterfallRows(cases, o.lang, o.basic ?? true);
  return {
    id: 'typical-case',
    title: t('waterfallTitle', o.lang),
    subtitle: o.subtitle,
    footnote: o.footnote,
    options: waterfallOptions(rows, o),
    rows: rows.map((r) => ({ ruleset: r.ruleset, step: r.step, amount: Math.round(r.amount * 100) / 100 })),
    drawnIn: { lang: o.lang, names: o.names },
  };
}

function waterfallOptions(rows: WaterfallRow[], o: WaterfallOptions): Plot.PlotOptions {
  const steps = [...new Set(rows.map((r) => r.step))];
  // English step names are long: slanted where five of them share a panel narrower than about 90 px a name.
  const panels = new Set(rows.map((r) => r.ruleset)).size;
  const slant = o.lang === 'en' || o.width / (panels * steps.length) < 60;
  const fmt = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
  return {
    width: o.width,
    height: 280,
    marginLeft: 70,
    marginTop: 40,
    marginBottom: slant ? 64 : 40,
    insetTop: 18,
    // The panel's name above it, clear of the amounts written over the bars (the title is the component's caption).
    fx: { label: null, axis: 'top', tickPadding: 14, tickFormat: (id: string) => o.names[id] ?? id },
    x: { domain: steps, label: null, tickRotate: slant ? -25 : 0 },
    // Every amount 0 (a cost of 0): Plot's domain would be [0, 0], and it stretches each bar of 0 over the whole
    // height; a domain of [0, 1] draws them as they are, flat on the axis.
    y: {
      label: t('waterfallAmount', o.lang),
      grid: true,
      tickFormat: (x: number) => x.toLocaleString('zh-CN'),
      ...(rows.every((r) => r.y1 === 0 && r.y2 === 0) ? { domain: [0, 1], ticks: [0] } : {}),
    },
    color: { domain: ['total', 'paid', 'left'], range: ['#6b7280', '#16a34a', '#dc2626'] },
    marks: [
      Plot.barY(rows, {
        fx: 'ruleset',
        x: 'step',
        y1: 'y1',
        y2: 'y2',
        fill: 'kind',
        title: (r: WaterfallRow) => `${r.step}: ${fmt(r.amount)}`,
      }),
      Plot.text(rows, { fx: 'ruleset', x: 'step', y: 'y2', text: (r: WaterfallRow) => fmt(r.amount), dy: -6, fontSize: 10 }),
      Plot.ruleY([0]),
    ],
  };
}
