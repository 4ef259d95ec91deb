/**
 * A chart as one self-contained SVG for briefing papers: title, subtitle, legend and footnote drawn inside the
 * image, styles inlined as attributes (no external CSS), a CJK-capable font stack. Works with any `document`
 * (the browser's, or jsdom's in Node) so the workbench and `run --out` export the same picture.
 */
import { csvOf } from '../columns.ts';
import { chartCsvIn } from './chart-table.ts';
import * as Plot from '@observablehq/plot';
import { readableAxes, type ChartSpec } from './charts.ts';
import { textWidth, wrapText } from './text-width.ts';

const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";
const NS = 'http://www.w3.org/2000/svg';

export function standaloneSvg(spec: ChartSpec, document: Document): string {
  const opts = readableAxes(spec.options) as Plot.PlotOptions & { color?: Plot.ScaleOptions };
  const plot = Plot.plot({ ...opts, color: opts.color ? { ...opts.color, legend: false } : undefined, document }) as SVGSVGElement &
    Plot.Plot;
  const width = Number(plot.getAttribute('width')) || 640;
  const height = Number(plot.getAttribute('height')) || 320;
  const pad = 16;
  const svg = document.createElementNS(NS, 'svg');
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  let y = pad;
  const parts: Element[] = [];
  parts.push(el('text', { x: pad, y: (y += 18), 'font-size': 17, 'font-weight': 700, fill: '#111827' }, spec.title));
  if (spec.subtitle) parts.push(el('text', { x: pad, y: (y += 20), 'font-size': 12, fill: '#4b5563' }, spec.subtitle));
  y += 8;
  // Legend as swatches, from the plot's own colour scale.
  let color: { domain?: unknown[]; range?: unknown[] } | undefined;
  try {
    color = plot.scale('color') as { domain?: unknown[]; range?: unknown[] } | undefined;
  } catch {
    color = undefined;
  }
  if (color?.domain && color.range && opts.color?.legend) {
    let x = pad;
    y += 14;
    const named = (opts.color as { tickFormat?: (d: unknown) => string }).tickFormat;
    color.domain.forEach((d, i) => {
      const name = typeof named === 'function' ? named(d) : String(d);
      const w = 16 + textWidth(name, 11) + 14;
      if (x + w > width + pad && x > pad) {
        x = pad;
        y += 16;
      }
      parts.push(el('rect', { x, y: y - 9, width: 10, height: 10, rx: 2, fill: String(color!.range![i % color!.range!.length]) }));
      parts.push(el('text', { x: x + 14, y, 'font-size': 11, fill: '#1f2937' }, name));
      x += w;
    });
    y += 8;
  }
  const plotY = y;
  y += height + 6;
  const foot = wrapText(spec.footnote, 10.5, width);
  for (const line of foot) parts.push(el('text', { x: pad, y: (y += 14), 'font-size': 10.5, fill: '#4b5563' }, line));
  y += pad;
  const W = width + 2 * pad;
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(y));
  svg.setAttribute('viewBox', `0 0 ${W} ${y}`);
  svg.setAttribute('font-family', FONT);
  svg.appendChild(el('rect', { x: 0, y: 0, width: W, height: y, fill: 'white' }));
  const title = el('title', {}, spec.title);
  svg.appendChild(title);
  for (const p of parts) svg.appendChild(p);
  plot.setAttribute('x', String(pad));
  plot.setAttribute('y', String(plotY));
  plot.setAttribute('font-family', FONT);
  // Plot's class-scoped <style> stays inside the nested svg; it names no external resource.
  svg.appendChild(plot);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}`;
}

/** Width and height (CSS pixels) written on a standalone SVG's root. */
export function svgSize(svg: string): { width: number; height: number } {
  const [width, height] = [/ width="([\d.]+)"/, / height="([\d.]+)"/].map((re) => Number(svg.match(re)?.[1] ?? 0));
  return { width, height };
}

/** The rows behind a chart as CSV (UTF-8 with BOM for spreadsheet programs). */
export function chartCsv(spec: ChartSpec): string {
  // A chart of the run drawn in a language (all.ts) gives its data in that language, by title (issue #31).
  if (spec.drawnIn) return chartCsvIn(spec, spec.drawnIn, spec.drawnIn.lang);
  const cols = spec.rows.length ? Object.keys(spec.rows[0]) : [];
  return csvOf(
    cols,
    spec.rows.map((r) => cols.map((c) => r[c])),
  );
}
