/**
 * The results column's top: the run's progress, the baseline, goal seek, the indicators side by side and who pays
 * the premium. Everything read from the workbench state; a solved value comes back as an edit.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { ChartBook } from './chart-book.ts';
import type { Unit } from '../report/format.ts';
import { formattedRows, headerOf, proposalTable } from '../report/tables.ts';
import { t, type Lang } from '../report/strings.ts';
import { bt } from '../report/briefing-strings.ts';
import { defaultStyle, type BriefingStyleName } from '../report/briefing-style.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { setParam } from '../scenario/edit.ts';
import { validateData } from '../scenario/validate.ts';
import { rulesetColors } from '../report/charts/charts.ts';
import { Observe } from './observe.ts';
import { paramChoices } from './param-choices.ts';
import type { ParamChange } from './param-field.ts';
import { headerWords } from './header-words.ts';
import { shared } from './styles.ts';
import type { ChangeKind, Workbench } from './workbench-state.ts';
import type { Scenario } from '../scenario/schema.ts';
import './funding-table.ts';
import './household-panel.ts';
import type { HouseholdExport } from './briefing-export.ts';
import './goal-seek.ts';
import './results-table.ts';
import './run-status.ts';
import './years-panel.ts';

export class ResultsPanel extends LitElement {
  static override properties = {
    wb: { attribute: false },
    book: { attribute: false },
    lang: {},
    unit: {},
    exporting: { state: true },
    briefingStyle: { state: true },
  };
  declare wb: Workbench;
  declare lang: Lang;
  declare unit: Unit;
  /** The charts on screen (chart-book.ts), for the briefing. */
  declare book: ChartBook | null;
  declare exporting: boolean;
  /** The briefing's layout as chosen (null: the language's default, report/briefing-style.ts). */
  declare briefingStyle: BriefingStyleName | null;

  constructor() {
    super();
    this.lang = 'zh';
    this.unit = 'wan';
    this.book = null;
    this.exporting = false;
    this.briefingStyle = null;
    // The run's progress alone redraws only the progress bar (js-run-status observes it).
    new Observe(
      this,
      () => [this.wb],
      (e) => (e as CustomEvent<ChangeKind>).detail !== 'progress',
    );
  }

  static override styles = [
    shared,
    css`
      :host { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
      .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; font-size: 13px; }
      .note { font-size: 12px; color: var(--muted); }
      table.proposals { border-collapse: collapse; width: 100%; font-size: 12px; margin: 12px 0; font-variant-numeric: tabular-nums; display: block; overflow-x: auto; }
      table.proposals caption { text-align: left; font-weight: 600; padding: 4px 0 6px; font-size: 13px; }
      table.proposals caption .against { font-weight: 400; color: var(--muted); margin-left: 10px; }
      table.proposals th, table.proposals td { padding: 4px 5px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      table.proposals .name { text-align: left; }
      /* Headers and names wrap (the figures do not), so seven columns fit the results column without a hidden scroll. */
      table.proposals th { white-space: normal; vertical-align: bottom; }
      table.proposals td.name { white-space: normal; min-width: 6em; }
      /* Chinese wraps at the spaces only ("亏损概率", not "亏损概/率"): between a label and its unit, or a name's parts. */
      table.proposals th, table.proposals td.name { word-break: keep-all; }
      table.proposals th .w { white-space: nowrap; }
      label { min-width: 0; max-width: 100%; }
      select { min-width: 0; max-width: 100%; }
    `,
  ];

  private async briefing() {
    const s = this.wb.applied;
    if (!s || !this.wb.run.result) return;
    this.exporting = true;
    try {
      const { exportBriefing } = await import('./briefing-export.ts');
      // The file as opened, read as the run reads a file (migrated, defaults filled), so that the briefing's list of
      // changes holds the analyst's edits only.
      await exportBriefing(s, this.wb.run.result, this.book?.charts ?? {}, this.lang, this.unit, {
        original: validateData(this.wb.original).scenario ?? this.wb.original,
        style: this.briefingStyle ?? defaultStyle(this.lang),
        ...this.householdShown(s),
      });
    } finally {
      this.exporting = false;
    }
  }

  private async excel() {
    const s = this.wb.applied;
    if (!s || !this.wb.run.result) return;
    this.exporting = true;
    try {
      const { exportExcel } = await import('./excel-export.ts');
      exportExcel(s, this.wb.run.result, this.book?.charts ?? {}, this.lang, this.unit, this.householdShown(s));
    } finally {
      this.exporting = false;
    }
  }

  /**
   * The household figures and the typical case's person as the household panel shows them, for the exports: the
   * panel's figures only when they are of the file exported (none while they are computed).
   */
  private householdShown(s: Scenario): HouseholdExport {
    const panel = this.renderRoot.querySelector('js-household-panel');
    const household = panel && panel.model?.scenario === s ? panel.sampled : null;
    const typical = panel?.renderRoot.querySelector('js-typical-case');
    return { household, ...(typical ? { typicalPerson: typical.person() } : {}) };
  }

  /** Each proposal against the baseline (report/tables.ts proposalTable), as the run gives it. */
  private proposals() {
    const table = proposalTable(this.wb.run.result!, this.lang);
    const head = headerOf(table, this.lang, this.unit);
    const rows = formattedRows(table, this.unit, this.lang);
    // Every proposal is against the one baseline: it is named once in the caption, and its column (the second)
    // left out, so the twelve columns fit a 1440-px window in English (issue #31: the last two were cut off).
    const baseline = rows.length && rows.every((r) => r[1] === rows[0][1]) ? rows[0][1] : null;
    const shown = (i: number) => baseline === null || i !== 1;
    return html`<table class="proposals" aria-label=${t('proposalsTitle', this.lang)}>
      <caption>${t('proposalsTitle', this.lang)}${baseline === null ? nothing : html`<span class="against">${t('baseline', this.lang)}${t('colon', this.lang)}${baseline}</span>`}</caption>
      <thead><tr>${head.map((h, i) => (shown(i) ? html`<th scope="col" class=${i < 2 ? 'name' : ''}>${headerWords(h)}</th>` : nothing))}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (shown(i) ? html`<td class=${i < 2 ? 'name' : ''} data-col=${table.columns[i].label.en}>${c}</td>` : nothing))}</tr>`)}</tbody>
    </table>`;
  }

  override render() {
    const wb = this.wb;
    const s = wb?.applied;
    const run = wb?.run;
    if (!s) return nothing;
    const L = this.lang;
    const named = scenarioNames(s, L);
    const u = this.unit;
    const colors = rulesetColors(s.rulesets.map((r) => r.id));
    return html`
      <div class="panel">
        <js-run-status .lang=${L} .wb=${wb}
          @run-cancel=${() => run.cancel()} @run-again=${() => run.schedule()} @run-confirm=${() => run.confirmLong()}></js-run-status>
        ${run.note ? html`<p class="note run-note" role="note">${run.note}</p>` : nothing}
        <p class="note">${t('analyticNote', L)} (${t('analyticMs', L, wb.analyticMs.toFixed(1))})</p>
      </div>
      <div class="panel" @param-change=${(e: CustomEvent<ParamChange>) => wb.edit(setParam(wb.draft, e.detail.path, e.detail.value))}>
        <div class="toolbar">
          <button class="briefing" title=${t('briefingHint', L)} ?disabled=${!run.result || run.state !== 'done' || this.exporting} @click=${() => this.briefing()}>
            ${t('briefing', L)}
          </button>
          <label title=${bt('layoutHint', L)}>${bt('layout', L)}
            <select class="briefing-style" aria-label=${bt('layout', L)}
              @change=${(e: Event) => (this.briefingStyle = (e.target as HTMLSelectElement).value as BriefingStyleName)}>
              ${(['gongwen', 'plain'] as const).map(
                (v) =>
                  html`<option value=${v} ?selected=${v === (this.briefingStyle ?? defaultStyle(L))}>${bt(v === 'gongwen' ? 'layoutGongwen' : 'layoutPlain', L)}</option>`,
              )}
            </select>
          </label>
          <button class="excel" title=${t('excelHint', L)} ?disabled=${!run.result || run.state !== 'done' || this.exporting} @click=${() => this.excel()}>
            ${t('excel', L)}
          </button>
          <label>${t('baseline', L)}
            <select aria-label=${t('baseline', L)} @change=${(e: Event) => wb.setBaseline((e.target as HTMLSelectElement).value)}>
              ${s.rulesets.map((r) => html`<option value=${r.id} ?selected=${r.id === wb.baseline}>${r.title?.[L] ?? r.id}</option>`)}
            </select>
          </label>
        </div>
        <js-goal-seek .lang=${L} .scenario=${s} .choices=${paramChoices(s, L)} .run=${run.result}></js-goal-seek>
        <js-results-table .analytic=${wb.analytic} .result=${run.result} .comparisons=${run.comparisons}
          .baseline=${wb.baseline} .lang=${L} .unit=${u} .colors=${colors}
          .titles=${named.rulesets} .populationTitles=${named.populations} .groupTitles=${named.groups} .exact=${run.exact}></js-results-table>
        ${run.result?.comparisons.length ? this.proposals() : nothing}
        <js-funding-table .analytic=${wb.analytic} .scenario=${s} .lang=${L} .unit=${u}></js-funding-table>
        <js-years-panel .wb=${wb} .book=${this.book} .lang=${L} .unit=${u}></js-years-panel>
      </div>
      <div class="panel"><js-household-panel .model=${wb.model} .baseline=${wb.baseline} .busy=${run.state === 'running'} .lang=${L} .unit=${u}></js-household-panel></div>
    `;
  }
}
customElements.define('js-results-panel', ResultsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'js-results-panel': ResultsPanel;
  }
}
