/**
 * What the sheet-import panels (a track's bands, band-import.ts; a population's figures, figure-import.ts) share:
 * a sheet pasted or opened as a file (sheet-file.ts), its problems named by row and column in the reader's
 * language, a preview the panel draws, and apply or cancel. A panel says how to read the rows and what to preview.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { pastedRows } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import { t, type Lang, type StringKey } from '../report/strings.ts';
import type { Path } from './events.ts';
import { openedRows } from './sheet-file.ts';

/** A sheet as read: its problems in both languages, and what it holds. */
interface ReadSheet {
  problems: { zh: string; en: string }[];
}

export abstract class SheetImportPanel<S extends ReadSheet> extends LitElement {
  // A panel declares only its own properties: Lit adds these, its superclass's, to them.
  static override properties: PropertyDeclarations = {
    path: { attribute: false },
    lang: {},
    sheet: { state: true },
    fileError: { state: true },
  };
  /** The edited item's path in the scenario. */
  declare path: Path;
  declare lang: Lang;
  declare sheet: S | null;
  declare fileError: string;

  constructor() {
    super();
    this.path = [];
    this.lang = 'zh';
    this.sheet = null;
    this.fileError = '';
  }

  /** The sheet a panel reads from rows (fit/read-bands.ts). */
  protected abstract parse(rows: TableRow[]): S;

  private read(rows: TableRow[]) {
    this.fileError = '';
    this.sheet = this.parse(rows);
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
  protected close() {
    this.sheet = null;
    this.fileError = '';
    this.dispatchEvent(new CustomEvent('import-close'));
  }

  /** The file's error, else the sheet's problems, in the reader's language. */
  protected problems(): string[] {
    const L = this.lang;
    return this.fileError ? [this.fileError] : (this.sheet?.problems ?? []).map((p) => (L === 'zh' ? p.zh : p.en));
  }

  /** The panel: hint, paste area, file button, problems, the panel's preview (none while there are problems), apply and cancel. */
  protected panel(p: {
    label: StringKey;
    hint: StringKey;
    paste: StringKey;
    placeholder: string;
    preview: TemplateResult | typeof nothing;
    ready: boolean;
    apply: () => void;
  }) {
    const L = this.lang;
    const problems = this.problems();
    return html`<div class="panel" role="group" aria-label=${t(p.label, L)}>
      <p class="hint">${t(p.hint, L)}</p>
      <textarea aria-label=${t(p.paste, L)} placeholder=${p.placeholder}
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
          ? html`<div role="alert"><strong>${t('bandsImportProblems', L, problems.length)}</strong><ul class="problems">${problems.map((x) => html`<li>${x}</li>`)}</ul></div>`
          : nothing
      }
      ${problems.length ? nothing : p.preview}
      <div class="actions">
        <button class="apply" ?disabled=${!p.ready || problems.length > 0} @click=${p.apply}>${t('bandsImportApply', L)}</button>
        <button @click=${() => this.close()}>${t('bandsImportCancel', L)}</button>
      </div>
    </div>`;
  }
}
