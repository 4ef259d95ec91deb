/**
 * A typical case (典型病例, issue #33): one person — population, group, income and a year's amount — through every
 * layer of the baseline and of a proposal, exact to the fen (rules/typical-case.ts), drawn as a waterfall
 * (report/charts/waterfall.ts) with the amounts beneath and what the out-of-pocket means against the income.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { TypicalCase } from '../rules/typical-case.ts';
import { chartCsv, standaloneSvg } from '../report/charts/standalone.ts';
import {
  defaultTypicalPerson,
  hasBasicLayer,
  medianIncome,
  typicalCaseChart,
  typicalCasesOf,
  typicalInput,
  typicalValue,
  amountName,
  type TypicalPerson,
} from '../report/typical-default.ts';
import { download, svgToPng } from './download.ts';
import { waterfallPlot, waterfallRows } from '../report/charts/waterfall.ts';
import { formatPercent, formatYuanIn, withoutUnit } from '../report/format.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import type { Scenario } from '../scenario/schema.ts';
import { shared } from './styles.ts';

export class TypicalCaseView extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    baseline: {},
    lang: {},
    population: { state: true },
    group: { state: true },
    income: { state: true },
    amount: { state: true },
    against: { state: true },
    width: { state: true },
    refused: { state: true },
  };
  declare scenario: Scenario | null;
  declare baseline: string;
  declare lang: Lang;
  declare population: string;
  declare group: string;
  declare income: number | null;
  declare amount: number;
  declare against: string;
  declare width: number;
  /** Values typed into the income and amount fields and refused: the field's message, until a good value replaces it. */
  declare refused: { income?: string; amount?: string };
  /** The file the person was started for (its title and household.typicalCase). */
  private origin = '';
  private resize = new ResizeObserver((e) => (this.width = Math.round(e[0].contentRect.width)));

  constructor() {
    super();
    this.scenario = null;
    this.baseline = '';
    this.lang = 'zh';
    this.population = '';
    this.group = '';
    this.income = null;
    this.amount = 100_000;
    this.against = '';
    this.width = 600;
    this.refused = {};
  }

  static override styles = [
    shared,
    css`
      :host { display: block; margin-top: 14px; border-top: 1px solid var(--line); padding-top: 10px; }
      h3 { font-size: 14px; margin: 0 0 8px; }
      .inputs { display: flex; flex-wrap: wrap; gap: 8px 14px; font-size: 12px; align-items: end; }
      .inputs label { display: flex; flex-direction: column; gap: 2px; }
      .inputs input { width: 9em; }
      /* A long ruleset name in 对比方案 made the select, and the page, wider than a phone (#ui-review). */
      .inputs label { max-width: 100%; }
      .inputs select { max-width: 100%; }
      .caption { font-size: 13px; font-weight: 600; margin: 10px 0 0; }
      .chart { margin-top: 4px; overflow-x: auto; }
      .chart svg { max-width: 100%; height: auto; }
      table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; margin-top: 6px; width: 100%; }
      th, td { padding: 3px 6px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; }
      /* A proposal's title wraps rather than pushing the table past a phone's width; the figures scroll inside. */
      thead th { white-space: normal; }
      .scroll { overflow-x: auto; }
      .verdict { font-size: 12px; margin: 6px 0 0; }
      .flag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; margin-left: 4px; }
      .flag.bad { background: var(--error-soft); color: var(--error); }
      .flag.ok { background: #ecfdf5; color: #065f46; }
      .note { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
      .export { display: flex; gap: 6px; justify-content: flex-end; margin-top: 4px; }
      .export button { font: inherit; font-size: 12px; border: 1px solid #d1d5db; background: white; border-radius: 6px; padding: 2px 8px; cursor: pointer; color: #1f2937; }
      .refused { color: var(--error); font-size: 12px; max-width: 22em; }
      .stale { font-size: 12px; color: var(--warn); background: var(--warn-soft); padding: 2px 6px; border-radius: 4px; margin: 6px 0 0; }
      .export button:disabled { opacity: 0.45; cursor: not-allowed; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.resize.observe(this);
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override willUpdate(changed: PropertyValues<this>) {
    const s = this.scenario;
    // A file with no population yet (the editor can remove the last) has no typical person.
    if (!s || !s.populations.length) return;
    // The person starts where the briefing and `run --out` start (report/typical-default.ts): the file's
    // household.typicalCase, else the first population with an income, as the first assistance group where a
    // ruleset's assistance names one. Another file (its title), or the file's own choice of person edited, starts the
    // person again; other edits keep the person the reader chose (a file switched to keeps no person of the last one
    // whose population id it shares).
    const origin = JSON.stringify([s.title, s.household?.typicalCase ?? null]);
    const another = origin !== this.origin;
    this.origin = origin;
    let fresh = false;
    if (another || !s.populations.some((p) => p.id === this.population)) {
      const person = defaultTypicalPerson(s)!;
      this.population = person.population;
      this.group = person.group;
      this.income = person.income;
      this.amount = person.amount;
      fresh = this.income !== null;
      this.refused = {};
    }
    const pop = s.populations.find((p) => p.id === this.population)!;
    if (this.group && !pop.groups.some((g) => g.tag === this.group)) this.group = '';
    if (!s.rulesets.some((r) => r.id === this.against) || this.against === this.baseline)
      this.against = s.rulesets.find((r) => r.id !== this.baseline)?.id ?? '';
    // The income starts at the median of the person's distribution (the group's where it has one).
    if (!fresh && (this.income === null || changed.has('population') || changed.has('group')))
      this.income = medianIncome(s, this.population, this.group) ?? this.income;
  }

  /** The person shown (the briefing and the workbook exported from the workbench take the same one). */
  person(): TypicalPerson | null {
    if (!this.scenario?.populations.some((p) => p.id === this.population)) return null;
    return { population: this.population, group: this.group, income: this.income, amount: this.amount, against: this.against || undefined };
  }

  private cases(): TypicalCase[] {
    const person = this.person();
    return person ? typicalCasesOf(this.scenario!, person, [this.baseline, this.against]) : [];
  }

  /** The waterfall as drawn for export (SVG, PNG 2×, CSV), as the other charts are (chart-view.ts). */
  private async exportAs(kind: 'svg' | 'png' | 'csv') {
    const s = this.scenario;
    const person = this.person();
    if (!s || !person) return;
    const c = typicalCaseChart(s, this.lang, person, this.baseline);
    if (!c) return;
    const svg = () => standaloneSvg(c.spec, document);
    if (kind === 'svg') download(`${c.spec.id}.svg`, svg(), 'image/svg+xml');
    else if (kind === 'csv') download(`${c.spec.id}.csv`, chartCsv(c.spec), 'text/csv');
    else download(`${c.spec.id}.png`, await svgToPng(svg(), 2), 'image/png');
  }

  override render() {
    const s = this.scenario;
    const L = this.lang;
    if (!s) return nothing;
    const pop = s.populations.find((p) => p.id === this.population);
    if (!pop) return nothing;
    const named = scenarioNames(s, L);
    const valid = typicalValue(this.amount);
    const cases = valid ? this.cases() : [];
    // Side by side where there is room; on a phone one panel under the other, each at full width, so that the
    // rulesets' names and the amounts over the bars do not run into each other.
    const width = Math.max(320, Math.min(this.width, 900));
    const stacked = width < 600 && cases.length > 1;
    const basic = hasBasicLayer(
      s,
      cases.map((c) => c.ruleset),
    );
    const draw = (cs: typeof cases) => waterfallPlot(waterfallRows(cs, L, basic), { lang: L, width, names: named.rulesets, document });
    const chart = !cases.length ? null : stacked ? cases.map((c) => draw([c])) : draw(cases);
    // A refused value keeps the last good one in force, and both the field and the case shown say so.
    const take = (e: Event, which: 'income' | 'amount', label: string) => {
      const got = typicalInput((e.target as HTMLInputElement).value, label, L);
      this.refused = { ...this.refused, [which]: 'error' in got ? got.error : undefined };
      if ('value' in got) this[which] = got.value;
    };
    const incomeName = withoutUnit(t('typicalIncome', L));
    const amountLabel = amountName(s, this.person()!, L);
    const ratio = pop.selfPay.ratio?.value;
    const colon = t('colon', L);
    return html`
      <h3>${t('typicalCase', L)}</h3>
      <div class="inputs">
        <label>${t('typicalPopulation', L)}
          <select aria-label=${t('typicalPopulation', L)} @change=${(e: Event) => (this.population = (e.target as HTMLSelectElement).value)}>
            ${s.populations.map((p) => html`<option value=${p.id} ?selected=${p.id === this.population}>${named.populations[p.id]}</option>`)}
          </select></label>
        <label>${t('typicalGroup', L)}
          <select aria-label=${t('typicalGroup', L)} @change=${(e: Event) => (this.group = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.group}>${t('typicalGeneral', L)}</option>
            ${pop.groups.map((g) => html`<option value=${g.tag} ?selected=${g.tag === this.group}>${named.groups[g.tag]}</option>`)}
          </select></label>
        <label>${t('typicalIncome', L)}
          <input type="number" min="0" step="1000" aria-label=${t('typicalIncome', L)} .value=${String(this.income ?? '')}
            aria-invalid=${this.refused.income ? 'true' : 'false'} @change=${(e: Event) => take(e, 'income', incomeName)} />
          ${this.refused.income ? html`<span class="refused" role="alert" data-refused="income">${this.refused.income}</span>` : nothing}</label>
        <label>${t('typicalAmount', L, pop.amountBasis)}
          <input type="number" min="0" step="10000" aria-label=${t('typicalAmount', L, pop.amountBasis)} .value=${String(this.amount)}
            aria-invalid=${this.refused.amount ? 'true' : 'false'} @change=${(e: Event) => take(e, 'amount', amountLabel)} />
          ${this.refused.amount ? html`<span class="refused" role="alert" data-refused="amount">${this.refused.amount}</span>` : nothing}</label>
        ${
          s.rulesets.length > 1
            ? html`<label>${t('typicalAgainst', L)}
              <select aria-label=${t('typicalAgainst', L)} @change=${(e: Event) => (this.against = (e.target as HTMLSelectElement).value)}>
                ${s.rulesets.filter((r) => r.id !== this.baseline).map((r) => html`<option value=${r.id} ?selected=${r.id === this.against}>${named.rulesets[r.id]}</option>`)}
              </select></label>`
            : nothing
        }
      </div>
      ${ratio ? html`<p class="note">${t('typicalSelfPay', L, formatPercent(ratio, 0))}</p>` : nothing}
      ${this.refused.amount ? html`<p class="stale" data-stale>${t('typicalStale', L, amountLabel, this.amount.toLocaleString('zh-CN'))}</p>` : nothing}
      ${this.refused.income ? html`<p class="stale" data-stale>${t('typicalStale', L, incomeName, (this.income ?? 0).toLocaleString('zh-CN'))}</p>` : nothing}
      <p class="caption">${t('waterfallTitle', L)}</p>
      <div class="chart">${chart}</div>
      ${
        cases.length
          ? html`<div class="export">
            <button aria-label="SVG: ${t('waterfallTitle', L)}" @click=${() => this.exportAs('svg')}>SVG</button>
            <button aria-label="PNG: ${t('waterfallTitle', L)}" @click=${() => this.exportAs('png')}>PNG 2×</button>
            <button aria-label="CSV: ${t('waterfallTitle', L)}" @click=${() => this.exportAs('csv')}>CSV</button>
          </div>`
          : nothing
      }
      <div class="scroll"><table class="typical">
        <thead><tr><th scope="col"></th>${cases.map((c) => html`<th scope="col">${named.rulesets[c.ruleset]}</th>`)}</tr></thead>
        <tbody>
          ${(
            [
              ['layerCost', 'cost'],
              ['layerBasic', 'basic'],
              ['layerCi', 'criticalIllness'],
              ['layerAssistance', 'assistance'],
              ['layerOop', 'outOfPocket'],
            ] as const
          )
            .filter(([, f]) => basic || f !== 'basic')
            .map(
              ([k, f]) =>
                html`<tr><td>${t(k, L)}</td>${cases.map(
                  (c) =>
                    html`<td data-layer=${f}>${formatYuanIn(c[f], L)}${f === 'assistance' && !c.assistanceRecipient && c.ceiling === '0.00' ? html` <span class="note">(${t('typicalNotRecipient', L)})</span>` : nothing}${f === 'assistance' && c.ceiling !== '0.00' ? html` <span class="note" data-ceiling>(${t('householdCeilingPart', L, formatYuanIn(c.ceiling, L))})</span>` : nothing}</td>`,
                )}</tr>`,
            )}
        </tbody>
      </table></div>
      ${cases.length && !basic ? html`<p class="note" data-no-basic>${t('typicalNoBasic', L)}</p>` : nothing}
      ${cases.map((c) =>
        c.income === null
          ? nothing
          : html`<p class="verdict">${named.rulesets[c.ruleset]}: ${t('typicalShare', L, formatPercent(c.shareOfIncome, 1))}
              <span class="flag ${c.catastrophic10 ? 'bad' : 'ok'}">${t('typicalCat', L)} >10%${colon}${t(c.catastrophic10 ? 'typicalYes' : 'typicalNo', L)}</span>
              <span class="flag ${c.catastrophic25 ? 'bad' : 'ok'}">${t('typicalCat', L)} >25%${colon}${t(c.catastrophic25 ? 'typicalYes' : 'typicalNo', L)}</span>
              ${c.impoverished === null ? nothing : html`<span class="flag ${c.impoverished ? 'bad' : 'ok'}">${t('typicalImpoverished', L)}${colon}${t(c.impoverished ? 'typicalYes' : 'typicalNo', L)}</span>`}</p>`,
      )}
    `;
  }
}
customElements.define('js-typical-case', TypicalCaseView);

declare global {
  interface HTMLElementTagNameMap {
    'js-typical-case': TypicalCaseView;
  }
}
