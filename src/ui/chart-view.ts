/** Draws a chart spec (src/report/charts) with Observable Plot into its shadow root. */
import { LitElement, css, html } from 'lit';
import { renderChart, type ChartSpec } from '../report/charts/charts.ts';

export class ChartView extends LitElement {
  static override properties = { spec: { attribute: false } };
  declare spec: ChartSpec | null;

  constructor() {
    super();
    this.spec = null;
  }

  static override styles = css`
    :host { display: block; }
    figure { margin: 0; }
    h2 { font-size: 14px; margin: 0 0 2px; }
    h3 { font-size: 12px; font-weight: normal; color: #4b5563; margin: 0 0 6px; }
    figcaption { font-size: 11px; color: #4b5563; margin-top: 4px; line-height: 1.4; }
    svg { max-width: 100%; height: auto; }
  `;

  override render() {
    return html`<div class="host" role="figure" aria-label=${this.spec?.title ?? ''}></div>`;
  }

  override updated() {
    const host = this.renderRoot.querySelector('.host');
    if (!host) return;
    if (!this.spec) {
      host.replaceChildren();
      return;
    }
    try {
      host.replaceChildren(renderChart(this.spec));
    } catch (err) {
      // A chart that cannot be drawn says so instead of leaving a blank or breaking the page.
      const p = document.createElement('p');
      p.textContent = `${this.spec.title}: ${(err as Error).message}`;
      host.replaceChildren(p);
    }
  }
}
customElements.define('js-chart', ChartView);
