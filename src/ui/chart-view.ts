/** Draws a chart spec (src/report/charts) with Observable Plot into its shadow root. */
import { LitElement, css, html } from 'lit';
import { renderChart, type ChartSpec } from '../report/charts/charts.ts';
import { chartCsv, standaloneSvg } from '../report/charts/standalone.ts';
import { specForWidth } from './chart-width.ts';
import { download, svgToPng } from './download.ts';

export class ChartView extends LitElement {
  static override properties = { spec: { attribute: false } };
  declare spec: ChartSpec | null;

  constructor() {
    super();
    this.spec = null;
  }

  static override styles = css`
    :host { display: block; }
    /* A chart not drawn yet keeps the room its container reserves, so the page does not jump as charts come in. */
    .host:empty { min-height: var(--chart-reserve, 0); }
    figure { margin: 0; }
    h2 { font-size: 14px; margin: 0 0 2px; }
    h3 { font-size: 12px; font-weight: normal; color: #4b5563; margin: 0 0 6px; }
    figcaption { font-size: 11px; color: #4b5563; margin-top: 4px; line-height: 1.4; }
    svg { max-width: 100%; height: auto; }
    .export { display: flex; gap: 6px; justify-content: flex-end; margin-top: 4px; }
    .export button { font: inherit; font-size: 12px; border: 1px solid #d1d5db; background: white; border-radius: 6px; padding: 2px 8px; cursor: pointer; color: #1f2937; }
    .export button:disabled { opacity: 0.45; cursor: not-allowed; }
    .export button:hover { background: #f3f4f6; }
    .export button:focus-visible { outline: 2px solid #1d4ed8; }
  `;

  private svgText() {
    return standaloneSvg(this.spec!, document);
  }

  private async exportAs(kind: 'svg' | 'png' | 'csv') {
    if (!this.spec) return;
    if (kind === 'svg') download(`${this.spec.id}.svg`, this.svgText(), 'image/svg+xml');
    else if (kind === 'csv') download(`${this.spec.id}.csv`, chartCsv(this.spec), 'text/csv');
    else download(`${this.spec.id}.png`, await svgToPng(this.svgText(), 2), 'image/png');
  }

  override render() {
    const name = this.spec?.title ?? '';
    return html`<div class="host" role="figure" aria-label=${name}></div>
      ${
        this.spec && this.spec.footnote
          ? html`<div class="export">
            <button aria-label="SVG: ${name}" @click=${() => this.exportAs('svg')}>SVG</button>
            <button aria-label="PNG: ${name}" @click=${() => this.exportAs('png')}>PNG 2×</button>
            <button aria-label="CSV: ${name}" @click=${() => this.exportAs('csv')}>CSV</button>
          </div>`
          : ''
      }`;
  }

  /** The spec changed since the chart was last drawn. */
  private stale = false;
  /** Within a screen of the visible part of the page (see nearby below). */
  near = false;

  /** The room the chart was last drawn in (its width on screen): a change of width draws it again. */
  private drawnIn = -1;
  private readonly resized = new ResizeObserver(() => {
    if (!this.spec || this.clientWidth === this.drawnIn) return;
    this.stale = true;
    if (this.near) queueDraw(this);
  });

  override connectedCallback() {
    super.connectedCallback();
    nearby().observe(this);
    this.resized.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    nearby().unobserve(this);
    this.resized.disconnect();
    queue.delete(this);
  }

  override updated() {
    this.stale = true;
    if (this.near) queueDraw(this);
  }

  /** Came within a screen of view: drawn now if its spec changed meanwhile. */
  approached() {
    if (this.stale) queueDraw(this);
  }

  /** Draws the spec now (called from the queue below, one chart per task). */
  draw() {
    this.stale = false;
    const host = this.renderRoot.querySelector('.host');
    if (!host) return;
    if (!this.spec) {
      host.replaceChildren();
      return;
    }
    try {
      // At the width it is shown (the exports above draw the spec's own width).
      this.drawnIn = this.clientWidth;
      host.replaceChildren(renderChart(specForWidth(this.spec, this.drawnIn)));
    } catch (err) {
      // A chart that cannot be drawn says so instead of leaving a blank or breaking the page.
      const p = document.createElement('p');
      p.textContent = `${this.spec.title}: ${(err as Error).message}`;
      host.replaceChildren(p);
    }
  }
}

/**
 * Charts are drawn when they come within a screen of view, and kept as drawn when they leave it: an edit in the
 * editor redrew every chart of the results column, most of them scrolled out of sight (about an eighth of the
 * page's work in an editing session). scrollMargin widens the results column's own scrolling box as rootMargin
 * widens the window (Chromium 120+; elsewhere a chart is drawn as it scrolls into view).
 */
let observer: IntersectionObserver | null = null;
function nearby(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const view = e.target as ChartView;
        view.near = e.isIntersecting;
        if (view.near) view.approached();
      }
    },
    { rootMargin: '1000px 0px', scrollMargin: '1000px 0px' } as IntersectionObserverInit,
  );
  return observer;
}

/**
 * Charts are drawn one per task: a page of a dozen charts redrawn at once (a language switch, a large run's
 * results) would otherwise hold the page for several hundred milliseconds.
 */
const queue = new Set<ChartView>();
let pumping = false;
function queueDraw(c: ChartView) {
  queue.add(c);
  if (pumping) return;
  pumping = true;
  setTimeout(pump, 0);
}
function pump() {
  const next = queue.values().next();
  if (next.done) {
    pumping = false;
    return;
  }
  queue.delete(next.value);
  next.value.draw();
  setTimeout(pump, 0);
}
customElements.define('js-chart', ChartView);
