/**
 * Who pays the premium: one row per funding channel and population, one column per ruleset (seed 000 项目资金来源:
 * a transfer from the basic funds plus the fiscal subsidy), and beneath it each ruleset's note on why its expected
 * loss ratio lands where it does.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { Lang } from '../report/strings.ts';
import { formatAmount, formatPercent, unitLabel, type Unit } from '../report/format.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { CHANNEL_NAMES } from '../report/tables.ts';
import type { Scenario } from '../scenario/schema.ts';
import { t } from '../report/strings.ts';
import { shared } from './styles.ts';
import { ScrollCues, scrollCueStyles } from './scroll-cue.ts';

export class FundingTable extends LitElement {
  static override properties = {
    analytic: { attribute: false },
    scenario: { attribute: false },
    lang: {},
    unit: {},
  };
  declare analytic: AnalyticRuleset[];
  declare scenario: Scenario | null;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.analytic = [];
    this.scenario = null;
    this.lang = 'zh';
    this.unit = 'wan';
  }

  static override styles = [
    shared,
    scrollCueStyles,
    css`
      :host { display: block; margin-top: 14px; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
      th, td { padding: 4px 8px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      /* The labels' column keeps eight characters a line: squeezed by three rulesets' unbreakable amounts at 390 px
         it was one character wide (#31). The table scrolls sideways instead, the labels staying in view. */
      th:first-child { text-align: left; white-space: normal; min-width: 8em; position: sticky; left: 0; background: white; z-index: 1; }
      thead th { border-bottom: 2px solid var(--line); white-space: normal; vertical-align: bottom; }
      tr.total th, tr.total td { font-weight: 600; border-top: 1px solid var(--line); }
      caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
      .share { color: var(--muted); font-size: 11px; margin-left: 4px; }
      ul.notes { margin: 8px 0 0; padding-left: 18px; font-size: 12px; color: #374151; }
      ul.notes li { margin: 4px 0; }
    `,
  ];

  /** The table's scrolling box's cue (scroll-cue.ts). */
  private readonly cues = new ScrollCues(this);

  override render() {
    const L = this.lang;
    const s = this.scenario;
    if (!s || !this.analytic.length) return nothing;
    const named = scenarioNames(s, L);
    const popTitle = (id: string) => named.populations[id] ?? id;
    // Rows: every (channel, population) pair any ruleset has, in first-seen order.
    const keys: string[] = [];
    for (const r of this.analytic)
      for (const c of r.premiumChannels) if (!keys.includes(`${c.channel}|${c.population}`)) keys.push(`${c.channel}|${c.population}`);
    const amount = (r: AnalyticRuleset, key: string) =>
      r.premiumChannels.filter((c) => `${c.channel}|${c.population}` === key).reduce((a, c) => a + c.amount, 0);
    const d = this.unit === 'wan' ? 2 : 0;
    const notes = s.rulesets.filter((r) => r.funding.lossRatioNote?.[L]);
    return html`
      <div class="scroll"><table aria-label=${t('fundingChannels', L)}>
        <caption>${t('fundingChannels', L)} · ${unitLabel(this.unit, L)}</caption>
        <thead><tr><th scope="col">${t('channelPopulation', L)}</th>${this.analytic.map((r) => html`<th scope="col" title=${r.id}>${named.rulesets[r.id] ?? r.id}</th>`)}</tr></thead>
        <tbody>
          ${keys.map((key) => {
            const [channel, population] = key.split('|') as [keyof typeof CHANNEL_NAMES, string];
            return html`<tr>
              <th scope="row">${CHANNEL_NAMES[channel][L]} · ${popTitle(population)}</th>
              ${this.analytic.map((r) => {
                const v = amount(r, key);
                return html`<td data-channel=${channel} data-population=${population} data-ruleset=${r.id}>${formatAmount(v, this.unit, d)}<span
                  class="share">${formatPercent(r.premium > 0 ? v / r.premium : null)}</span></td>`;
              })}
            </tr>`;
          })}
          <tr class="total"><th scope="row">${t('premium', L)}</th>${this.analytic.map((r) => html`<td>${formatAmount(r.premium, this.unit, d)}</td>`)}</tr>
        </tbody>
      </table></div>
      ${
        notes.length
          ? html`<ul class="notes" aria-label=${t('lossRatioNotes', L)}>
            ${notes.map((r) => html`<li><strong>${r.title[L]}</strong>${t('colon', L)}${r.funding.lossRatioNote![L]}</li>`)}
          </ul>`
          : nothing
      }
    `;
  }
}
customElements.define('js-funding-table', FundingTable);

declare global {
  interface HTMLElementTagNameMap {
    'js-funding-table': FundingTable;
  }
}
