/**
 * The typical case's waterfall (issue #33): cost → basic insurance → critical illness → medical assistance →
 * out-of-pocket, one panel per ruleset (baseline beside a proposal). Each payment is a bar from the running total
 * down by its amount; the first and last bars stand on zero. Amounts are the exact settlement's (rules/typical-case.ts).
 */
import * as Plot from '@observablehq/plot';
import type { TypicalCase } from '../../rules/typical-case.ts';
import { t, type Lang } from '../strings.ts';

export interface WaterfallRow {
  ruleset: string;
  step: string;
  /** Bar from y1 to y2 (yuan). */
  y1: number;
  y2: number;
  amount: number;
  kind: 'total' | 'paid' | 'left';
}

export function waterfallRows(cases: TypicalCase[], lang: Lang): WaterfallRow[] {
  return cases.flatMap((c) => {
    const cost = Number(c.cost);
    const rows: WaterfallRow[] = [{ ruleset: c.ruleset, step: t('layerCost', lang), y1: 0, y2: cost, amount: cost, kind: 'total' }];
    let at = cost;
    for (const [key, v] of [
      ['layerBasic', c.basic],
      ['layerCi', c.criticalIllness],
      ['layerAssistance', c.assistance],
    ] as const) {
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
  const steps = [...new Set(rows.map((r) => r.step))];
  const fmt = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: 260,
    marginLeft: 70,
    marginBottom: 40,
    title: t('waterfallTitle', o.lang),
    fx: { label: null, tickFormat: (id: string) => o.names[id] ?? id },
    x: { domain: steps, label: null, tickRotate: o.width < 500 ? -30 : 0 },
    y: { label: t('waterfallAmount', o.lang), grid: true, tickFormat: (x: number) => x.toLocaleString('zh-CN') },
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
  });
}
