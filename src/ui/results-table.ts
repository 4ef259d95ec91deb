/**
 * Results side by side, one column per ruleset: analytic values at once, Monte Carlo values as trials arrive,
 * differences against the chosen baseline with their 95% intervals, and the scenario's targets.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { Comparison, RunResult } from '../engine/summary.ts';
import type { Lang } from '../report/strings.ts';
import { unitLabel, type Unit } from '../report/format.ts';
import { formattedRows, headerOf, targetTable } from '../report/tables.ts';
import { resultRows, resultsCsv, showCell } from './results-rows.ts';
import { download, tableText } from './download.ts';
import type { ExactResult } from './exact-client.ts';
import { t } from '../report/strings.ts';
import { shared } from './styles.ts';

export class ResultsTable extends LitElement {
  static override properties = {
    analytic: { attribute: false },
    result: { attribute: false },
    comparisons: { attribute: false },
    baseline: {},
    lang: {},
    unit: {},
    colors: { attribute: false },
    titles: { attribute: false },
    populationTitles: { attribute: false },
    groupTitles: { attribute: false },
    exact: { attribute: false },
  };
  /** Ruleset id → its title in the page's language (the column heads; the id stays beneath, as the CLI names it). */
  declare titles: Record<string, string>;
  /** Population id → its title in the page's language (the targets table). */
  declare populationTitles: Record<string, string>;
  /** Group tag → its title in the page's language (a target over a group's members). */
  declare groupTitles: Record<string, string>;
  /** The exact aggregate (FFT) from its worker: null while computed, or the reason it failed. */
  declare exact: ExactResult | { error: string } | null;
  declare analytic: AnalyticRuleset[];
  declare result: RunResult | null;
  declare comparisons: Comparison[];
  declare baseline: string;
  declare lang: Lang;
  declare unit: Unit;
  declare colors: Record<string, string>;

  constructor() {
    super();
    this.analytic = [];
    this.result = null;
    this.comparisons = [];
    this.baseline = '';
    this.lang = 'zh';
    this.unit = 'wan';
    this.colors = {};
    this.titles = {};
    this.populationTitles = {};
    this.groupTitles = {};
    this.exact = null;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
      th, td { padding: 5px 8px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; white-space: normal; }
      thead th { border-bottom: 2px solid var(--line); vertical-align: bottom; }
      thead th { white-space: normal; min-width: 90px; }
      thead th span.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
      tr.mc td:not(:first-child) { color: #1f2937; }
      tr.pending td:not(:first-child) { color: #9ca3af; }
      td.base { color: var(--muted); }
      .en { color: var(--muted); font-size: 11px; display: block; }
      caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
      .targets { margin-top: 16px; }
      /* The targets' words (indicator, group, ruleset title, the conflict note) wrap and read left like the CLI's text
         table: on one line each they pushed the note past a 1440-px window's edge. */
      .targets .words { white-space: normal; text-align: left; min-width: 4em; }
      .tools { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
      .tools button { font-size: 12px; padding: 2px 8px; }
    `,
  ];

  private rows() {
    return resultRows({
      analytic: this.analytic,
      result: this.result,
      comparisons: this.comparisons,
      baseline: this.baseline,
      baselineName: this.titles[this.baseline],
      exact: this.exact,
      lang: this.lang,
    });
  }

  /** The table as shown (results-rows.ts), as CSV. */
  private csv() {
    const ids = this.analytic.map((a) => a.id);
    download(`${this.result?.scenario ?? 'results'}-results.csv`, resultsCsv(this.rows(), ids, this.lang, this.titles), 'text/csv');
  }

  /** Copies the table as shown, as HTML (pastes as a table into Word/WPS) and tab-separated text. */
  private async copy() {
    const table = this.renderRoot.querySelector('table');
    if (!table) return;
    const tsv = tableText(table)
      .map((r) => r.join('\t'))
      .join('\n');
    const htmlText = `<table border="1">${table.innerHTML}</table>`;
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([htmlText], { type: 'text/html' }),
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
        }),
      ]);
      this.copied = true;
    } catch {
      this.copied = false;
    }
    this.requestUpdate();
  }
  private copied = false;

  override render() {
    const L = this.lang;
    const beneath = t('labelBeneath', L) as Lang | '';
    const u = this.unit;
    const ids = this.analytic.map((a) => a.id);
    const rows = this.rows();
    const targets = this.result?.targets.length
      ? targetTable(this.result, L, { populations: this.populationTitles, rulesets: this.titles, groups: this.groupTitles })
      : null;
    const words = (i: number) => targets!.columns[i].unit === 'text' && !targets!.columns[i].figures;
    return html`
      <table aria-label=${t('results', L)}>
        <caption>${t('results', L)} · ${t('amountsIn', L)} ${unitLabel(u, L)}</caption>
        <thead>
          <tr>
            <th scope="col">${t('indicator', L)}</th>
            ${ids.map(
              (id) =>
                html`<th scope="col" data-ruleset=${id}><span class="sw"
                  style="background:${this.colors[id] ?? '#999'}"></span>${this.titles[id] ?? id}${this.titles[id] && this.titles[id] !== id ? html`<span class="en">${id}</span>` : nothing}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr class=${r.mc ? (this.result ? 'mc' : 'pending') : ''}>
              <th scope="row" title=${r.hint?.[L] ?? nothing}>${r.label[L]}${beneath ? html`<span class="en">${r.label[beneath]}</span>` : nothing}</th>
              ${ids.map((id, i) => html`<td class=${id === this.baseline ? 'base' : ''} data-metric=${r.label.en} data-ruleset=${id}>${showCell(r, id, i, u)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="tools">
        <button @click=${() => this.csv()}>CSV</button>
        <button @click=${() => this.copy()}>${this.copied ? t('copied', L) : t('copyTable', L)}</button>
      </div>
      ${
        targets
          ? html`<table class="targets" aria-label=${t('targets', L)}>
            <caption>${t('targets', L)}</caption>
            <thead><tr>${headerOf(targets, L, u).map((h, i) => html`<th scope="col" class=${words(i) ? 'words' : ''}>${h}</th>`)}</tr></thead>
            <tbody>${formattedRows(targets, u, L).map((r) => html`<tr>${r.map((c, i) => html`<td class=${words(i) ? 'words' : ''}>${c}</td>`)}</tr>`)}</tbody>
          </table>`
          : nothing
      }
    `;
  }
}
customElements.define('js-results-table', ResultsTable);
