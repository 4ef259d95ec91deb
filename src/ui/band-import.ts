/**
 * A track's payment table from a sheet (issue #31 "Import"): paste the band table copied from Excel or WPS, or open
 * an .xlsx/.csv file; the table read (fit/read-bands.ts) is previewed beside what the track has now, every problem
 * named by its row and column, and applied as one edit (one undo step) only when it reads without a problem.
 */
import { LitElement, css, html, nothing } from 'lit';
import { pastedRows, readBandSheet, type BandSheet } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import { openedRows, sheetImportStyles } from './sheet-file.ts';
import { t, type Lang } from '../report/strings.ts';
import type { Track } from '../scenario/schema.ts';
import type { ImportedBands } from '../scenario/import-bands.ts';
import { emit, type Path } from './events.ts';
import { itemStyles } from './item-inputs.ts';
import { shared } from './styles.ts';

const yuan = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toLocaleString('zh-CN'));
const pct = (r: number) => `${+(r * 100).toFixed(4)}%`;

export class BandImport extends LitElement {
  static override properties = {
    track: { attribute: false },
    path: { attribute: false },
    lang: {},
    sheet: { state: true },
    fileError: { state: true },
  };
  declare track: Track;
  /** The track's path in the scenario. */
  declare path: Path;
  declare lang: Lang;
  declare sheet: BandSheet | null;
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
      .panel { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin-top: 6px; background: #f9fafb; font-size: 12px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 112px; font: 12px/1.4 ui-monospace, monospace; tab-size: 12; }
    `,
  ];

  private read(rows: TableRow[]) {
    this.fileError = '';
    this.sheet = readBandSheet(rows);
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

  private apply() {
    const s = this.sheet;
    if (!s || s.problems.length || !s.bands.length) return;
    const sheet: ImportedBands = { deductible: s.deductible, bands: s.bands.map((b) => ({ to: b.to, ratio: b.ratio })), cap: s.cap };
    emit(this, 'bands-import', { path: this.path, sheet });
    this.close();
  }

  /** Done or cancelled: the card takes the panel away (it is loaded only while open). */
  private close() {
    this.sheet = null;
    this.fileError = '';
    this.dispatchEvent(new CustomEvent('import-close'));
  }

  /** The table after import, each figure beside what the track has now. */
  private preview(s: BandSheet) {
    const L = this.lang;
    const now = this.track;
    const dedChanged = s.deductible !== null && s.deductible !== now.deductible.value;
    const capNow = now.cap ? yuan(now.cap.value) : t('bandsImportNoCap', L);
    let from: number | null = s.deductible ?? now.deductible.value;
    return html`<table aria-label=${t('bandsImportPreview', L)}>
      <caption>${t('bandsImportPreview', L)}</caption>
      <thead><tr><th></th><th>${t('bandsImportFrom', L)}</th><th>${t('bandTo', L)}</th><th>${t('bandRatio', L)}</th><th>${t('bandsImportNow', L)}</th></tr></thead>
      <tbody>
        <tr><td>${t('deductible', L)}</td>
          <td colspan="3" class=${dedChanged ? 'changed' : ''}>${yuan(s.deductible ?? now.deductible.value)}</td>
          <td class="now">${dedChanged ? yuan(now.deductible.value) : t('bandsImportUnchanged', L)}</td></tr>
        ${s.bands.map((b, i) => {
          const was = now.bands[i];
          const changed = !was || was.to !== b.to || was.ratio !== b.ratio;
          const row = html`<tr>
            <td>${i + 1}</td><td>${yuan(from)}</td><td class=${changed ? 'changed' : ''}>${b.to === null ? t('open', L) : yuan(b.to)}</td>
            <td class=${changed ? 'changed' : ''}>${pct(b.ratio)}</td>
            <td class="now">${changed ? (was ? `${was.to === null ? t('open', L) : yuan(was.to)} · ${pct(Number(was.ratio))}` : '—') : t('bandsImportUnchanged', L)}</td></tr>`;
          from = b.to;
          return row;
        })}
        ${now.bands
          .slice(s.bands.length)
          .map(
            (was, j) =>
              html`<tr><td>${s.bands.length + j + 1}</td><td></td><td>—</td><td>—</td><td class="now">${was.to === null ? t('open', L) : yuan(was.to)} · ${pct(Number(was.ratio))}</td></tr>`,
          )}
        ${
          s.cap === undefined
            ? nothing
            : html`<tr><td>${t('trackCap', L)}</td><td colspan="3" class="changed">${s.cap === null ? t('bandsImportNoCap', L) : yuan(s.cap)}</td><td class="now">${capNow}</td></tr>`
        }
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.lang;
    const s = this.sheet;
    const problems = this.fileError ? [this.fileError] : (s?.problems ?? []).map((p) => (L === 'zh' ? p.zh : p.en));
    const ready = !!s && !problems.length && s.bands.length > 0;
    return html`<div class="panel" role="group" aria-label=${t('bandsImport', L)}>
      <p class="hint">${t('bandsImportHint', L)}</p>
      <textarea aria-label=${t('bandsImportPaste', L)} placeholder=${'起付标准\t18000\n下限\t上限\t支付比例\n18000\t100000\t60%\n100000\t以上\t80%'}
        @input=${(e: Event) => {
          const text = (e.target as HTMLTextAreaElement).value;
          if (text.trim()) this.read(pastedRows(text));
          else this.sheet = null;
        }}></textarea>
      <div class="actions">
        <!-- The picker's own button would read in the browser's language ("Choose File"): a label in the page's opens it. -->
        <label class="file">${t('bandsImportFile', L)} (.xlsx / .csv)…<input type="file" accept=".xlsx,.csv,.tsv,.txt" aria-label=${t('bandsImportFile', L)} @change=${(e: Event) => this.openFile(e)} /></label>
      </div>
      ${
        problems.length
          ? html`<div role="alert"><strong>${t('bandsImportProblems', L, problems.length)}</strong><ul class="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
          : nothing
      }
      ${s && s.bands.length && !problems.length ? this.preview(s) : nothing}
      <div class="actions">
        <button class="apply" ?disabled=${!ready} @click=${() => this.apply()}>${t('bandsImportApply', L)}</button>
        <button @click=${() => this.close()}>${t('bandsImportCancel', L)}</button>
      </div>
    </div>`;
  }
}
customElements.define('js-band-import', BandImport);

declare global {
  interface HTMLElementTagNameMap {
    'js-band-import': BandImport;
  }
}
