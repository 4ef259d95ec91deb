/**
 * A population's figures from a sheet (issue #31 "Import: … a population's figures pasted from or opened as a
 * sheet"): 参保人数, 发生费用比例, 地区费用水平 as label rows, previewed beside the population's figures, problems
 * named by row and column, applied as one edit (one undo step).
 */
import { LitElement, css, html, nothing } from 'lit';
import { pastedRows, readFigureSheet, type FigureSheet, type PopulationFigure } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import { t, type Lang } from '../report/strings.ts';
import type { Population } from '../scenario/schema.ts';
import { emit, type Path } from './events.ts';
import { itemStyles } from './item-inputs.ts';
import { openedRows, sheetImportStyles } from './sheet-file.ts';
import { shared } from './styles.ts';

const LABEL: Record<PopulationFigure, 'insured' | 'incidence' | 'costLevel'> = {
  insured: 'insured',
  incidence: 'incidence',
  costLevel: 'costLevel',
};
const shown = (key: PopulationFigure, v: number | undefined) =>
  v === undefined ? '—' : key === 'incidence' ? `${+(v * 100).toFixed(4)}%` : v.toLocaleString('zh-CN', { maximumFractionDigits: 6 });

export class FigureImport extends LitElement {
  static override properties = {
    population: { attribute: false },
    path: { attribute: false },
    lang: {},
    sheet: { state: true },
    fileError: { state: true },
  };
  declare population: Population;
  /** The population's path in the scenario. */
  declare path: Path;
  declare lang: Lang;
  declare sheet: FigureSheet | null;
  declare fileError: string;

  constructor() {
    super();
    this.path = [];
    this.lang = 'zh';
    this.sheet = null;
    this.fileError = '';
  }

  static override styles = [
    shared,
    itemStyles,
    sheetImportStyles,
    css`
      :host { display: block; }
      .panel { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin: 6px 0; background: #f9fafb; font-size: 12px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 80px; font: 12px/1.4 ui-monospace, monospace; tab-size: 14; }
    `,
  ];

  private read(rows: TableRow[]) {
    this.fileError = '';
    this.sheet = readFigureSheet(rows);
  }

  private async openFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const opened = await openedRows(file, this.lang);
    if ('rows' in opened) this.read(opened.rows);
    else {
      this.sheet = null;
      this.fileError = opened.error;
    }
  }

  /** Done or cancelled: the card takes the panel away (it is loaded only while open). */
  private close() {
    this.sheet = null;
    this.fileError = '';
    this.dispatchEvent(new CustomEvent('import-close'));
  }

  private apply() {
    const s = this.sheet;
    if (!s || s.problems.length || !Object.keys(s.figures).length) return;
    emit(this, 'figures-import', { path: this.path, figures: s.figures });
    this.close();
  }

  override render() {
    const L = this.lang;
    const s = this.sheet;
    const problems = this.fileError ? [this.fileError] : (s?.problems ?? []).map((p) => (L === 'zh' ? p.zh : p.en));
    const entries = Object.entries(s?.figures ?? {}) as [PopulationFigure, number][];
    const now = (k: PopulationFigure) => (this.population[k] as { value: number } | undefined)?.value;
    return html`<div class="panel" role="group" aria-label=${t('figuresImport', L)}>
      <p class="hint">${t('figuresImportHint', L)}</p>
      <textarea aria-label=${t('figuresImportPaste', L)} placeholder=${'参保人数\t1350000\n发生费用比例\t10%\n地区费用水平\t0.965'}
        @input=${(e: Event) => {
          const text = (e.target as HTMLTextAreaElement).value;
          if (text.trim()) this.read(pastedRows(text));
          else this.sheet = null;
        }}></textarea>
      <div class="actions">
        <label class="file">${t('bandsImportFile', L)} (.xlsx / .csv)…<input type="file" accept=".xlsx,.csv,.tsv,.txt" aria-label=${t('bandsImportFile', L)} @change=${(e: Event) => this.openFile(e)} /></label>
      </div>
      ${
        problems.length
          ? html`<div role="alert"><strong>${t('bandsImportProblems', L, problems.length)}</strong><ul class="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
          : nothing
      }
      ${
        entries.length && !problems.length
          ? html`<table aria-label=${t('figuresImportPreview', L)}>
              <caption>${t('figuresImportPreview', L)}</caption>
              <thead><tr><th></th><th>${t('xlsxValue', L)}</th><th>${t('bandsImportNow', L)}</th></tr></thead>
              <tbody>${entries.map(([k, v]) => {
                const changed = now(k) !== v;
                return html`<tr><td>${t(LABEL[k], L)}</td><td class=${changed ? 'changed' : ''}>${shown(k, v)}</td>
                  <td class="now">${changed ? shown(k, now(k)) : t('bandsImportUnchanged', L)}</td></tr>`;
              })}</tbody>
            </table>`
          : nothing
      }
      <div class="actions">
        <button class="apply" ?disabled=${!entries.length || problems.length > 0} @click=${() => this.apply()}>${t('bandsImportApply', L)}</button>
        <button @click=${() => this.close()}>${t('bandsImportCancel', L)}</button>
      </div>
    </div>`;
  }
}
customElements.define('js-figure-import', FigureImport);

declare global {
  interface HTMLElementTagNameMap {
    'js-figure-import': FigureImport;
  }
}
