/** The charts: the model's and the run's, the sensitivity sweep with its parameter and metric, the breakdown. */
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang } from '../report/strings.ts';
import { ANALYTIC_METRICS, metricLabel, type AnalyticMetric } from '../engine/metrics.ts';
import { CHARTS, drawnWith } from '../report/charts/all.ts';
import type { ChartBook } from './chart-book.ts';
import { Observe } from './observe.ts';
import { paramChoices } from './param-choices.ts';
import { shared } from './styles.ts';
import type { Workbench } from './workbench-state.ts';
import './chart-view.ts';

export class ChartsPanel extends LitElement {
  static override properties = { wb: { attribute: false }, book: { attribute: false }, lang: {} };
  declare wb: Workbench;
  declare book: ChartBook;
  declare lang: Lang;

  constructor() {
    super();
    this.lang = 'zh';
    new Observe(this, () => [this.book]);
  }

  static override styles = [
    shared,
    css`
      :host { display: block; min-width: 0; }
      h2 { font-size: 14px; color: var(--muted); margin: 4px 0 14px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(520px, 100%), 1fr)); gap: 14px; }
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; min-width: 0; }
      .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; font-size: 13px; margin-bottom: 6px; }
      select { max-width: 100%; }
      /* About a drawn chart's height (title, legend, plot, footnote), held until it is drawn (chart-view.ts). */
      js-chart { --chart-reserve: 430px; }
    `,
  ];

  /** The sweep's controls and its charts, in one panel where the first sweep chart sits in the list (the
   * year-by-year charts are beside their table and control, in years-panel.ts). */
  private sweepPanel() {
    const s = this.wb.applied!;
    const book = this.book;
    const L = this.lang;
    const pick = (choice: number, metric: AnalyticMetric) => book.setSensitivity(choice, metric);
    return html`<div class="panel">
      <label class="toolbar">${t('sensitivityParam', L)}
        <select aria-label=${t('sensitivityParam', L)} @change=${(e: Event) => pick(Number((e.target as HTMLSelectElement).value), book.sensMetric)}>
          ${paramChoices(s, L).map((p, i) => html`<option value=${i} ?selected=${i === book.sens}>${p.label}</option>`)}
        </select>
      </label>
      <label class="toolbar">${t('metric', L)}
        <select aria-label=${t('sensitivityMetric', L)} @change=${(e: Event) => pick(book.sens, (e.target as HTMLSelectElement).value as AnalyticMetric)}>
          ${ANALYTIC_METRICS.map((m) => html`<option value=${m} ?selected=${m === book.sensMetric}>${metricLabel(m, L)}</option>`)}
        </select>
      </label>
      ${CHARTS.filter((e) => drawnWith(e) === 'sweep').map((e) => html`<js-chart data-chart=${e.key} .spec=${book.charts[e.key] ?? null}></js-chart>`)}
    </div>`;
  }

  override render() {
    if (!this.wb?.applied || !this.book) return nothing;
    const c = this.book.charts;
    const firstSweep = CHARTS.find((e) => drawnWith(e) === 'sweep')?.key;
    return html`
      <h2>${t('charts', this.lang)}</h2>
      <div class="charts">
        ${CHARTS.filter((e) => drawnWith(e) !== 'years').map((e) =>
          drawnWith(e) === 'sweep'
            ? e.key === firstSweep
              ? this.sweepPanel()
              : nothing
            : c[e.key]
              ? html`<div class="panel"><js-chart data-chart=${e.key} .spec=${c[e.key]}></js-chart></div>`
              : nothing,
        )}
      </div>
    `;
  }
}
customElements.define('js-charts-panel', ChartsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'js-charts-panel': ChartsPanel;
  }
}
