/**
 * The key results in one line that stays at the top of a narrow screen (one column: the results come first and
 * scroll away while a card below is edited): per ruleset its expected payout and loss ratio, from the analytic
 * model, so they follow every edit at once. Wide screens keep the whole results column in view instead.
 */
import { LitElement, css, html, nothing } from 'lit';
import { formatAmount, formatPercent, unitText, type Unit } from '../report/format.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { rulesetColors } from '../report/charts/charts.ts';
import { t, whyText, type Lang } from '../report/strings.ts';
import { metricLabels, metricWhy } from '../engine/metrics.ts';
import { Observe, scenarioChanges } from './observe.ts';
import { shared } from './styles.ts';
import type { Workbench } from './workbench-state.ts';

export class KeyStrip extends LitElement {
  static override properties = { wb: { attribute: false }, lang: {}, unit: {} };
  declare wb: Workbench;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.lang = 'zh';
    this.unit = 'wan';
    // The analytic figures change with the scenario only.
    new Observe(this, () => [this.wb], scenarioChanges);
  }

  static override styles = [
    shared,
    css`
      :host { display: none; }
      @media (max-width: 1100px) {
        :host { display: block; position: sticky; top: 0; z-index: 5; background: #0f2a5c; color: white; font-size: 12px; padding: 4px 12px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.2); }
      }
      .grid { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; gap: 0 12px; align-items: baseline; }
      .head { opacity: 0.75; font-size: 11px; }
      .num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
      .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .sw { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-right: 4px; }
    `,
  ];

  override render() {
    const s = this.wb?.applied;
    if (!s || !this.wb.analytic.length) return nothing;
    const L = this.lang;
    const colors = rulesetColors(s.rulesets.map((r) => r.id));
    const names = scenarioNames(s, L).rulesets;
    // Short names, the unit on a line of its own: at 390 px the full English headers left the rulesets' names
    // three letters ("Suz…").
    const payout = metricLabels('payout', 'short')[L];
    const lossRatio = metricLabels('lossRatio', 'short')[L];
    return html`<div class="grid" role="table" aria-label=${t('keyResults', L)}>
      <span class="head" role="columnheader">${t('keyResults', L)}</span>
      <span class="head num" role="columnheader">${payout}<br />(${unitText(this.unit, L)})</span>
      <span class="head num" role="columnheader">${lossRatio}</span>
      ${this.wb.analytic.map((a) => {
        const title = names[a.id] ?? a.id;
        return html`<span class="name" role="cell" title=${title}><span class="sw" style="background:${colors[a.id] ?? '#999'}"></span>${title}</span>
          <span class="num" role="cell" data-ruleset=${a.id} data-metric="payout">${formatAmount(a.payout, this.unit)}</span>
          <span class="num" role="cell" data-ruleset=${a.id} data-metric="lossRatio">${
            metricWhy('lossRatio', a.premium) ? whyText('no-premium', L) : formatPercent(a.lossRatio)
          }</span>`;
      })}
    </div>`;
  }
}
customElements.define('js-key-strip', KeyStrip);

declare global {
  interface HTMLElementTagNameMap {
    'js-key-strip': KeyStrip;
  }
}
