/** File actions of the workbench: open (picker), save, share link, undo, redo, changes. Events go up. */
import { readFileText } from './read-file.ts';
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../report/strings.ts';
import { emit } from './events.ts';
import { shared } from './styles.ts';
import { t } from '../report/strings.ts';

export class FileBar extends LitElement {
  static override properties = {
    lang: {},
    canUndo: { type: Boolean },
    canRedo: { type: Boolean },
    changes: { type: Number },
    shareUrl: {},
    openOnly: { type: Boolean },
    withheld: { type: Number },
  };
  declare lang: Lang;
  declare canUndo: boolean;
  declare canRedo: boolean;
  declare changes: number;
  declare shareUrl: string;
  /** Only the open action (a read-only fund-level file is shown). */
  declare openOnly: boolean;
  /** Refused values the last save or share link left out (file-session.ts withheld): said below the bar. */
  declare withheld: number;

  constructor() {
    super();
    this.lang = 'zh';
    this.canUndo = false;
    this.canRedo = false;
    this.changes = 0;
    this.shareUrl = '';
    this.openOnly = false;
    this.withheld = 0;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; }
      .bar { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; font-size: 13px; }
      input[type='file'] { display: none; }
      .share { display: flex; gap: 6px; align-items: center; margin-top: 6px; font-size: 12px; }
      .share input { flex: 1; font: inherit; font-size: 12px; padding: 2px 6px; border: 1px solid var(--line); border-radius: 4px; }
      .count { background: var(--accent-soft); color: var(--accent); border-radius: 8px; padding: 0 6px; margin-left: 4px; }
      .withheld { margin-top: 6px; font-size: 12px; color: var(--warn); }
    `,
  ];

  private async pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) emit(this, 'file-open', { name: file.name, ...(await readFileText(file)) });
    input.value = '';
  }

  override render() {
    const L = this.lang;
    return html`<div class="bar">
        <button @click=${() => emit(this, 'new-scenario', {})}>${t('newScenario', L)}</button>
        <label><button @click=${() => (this.renderRoot.querySelector('input[type=file]') as HTMLInputElement).click()}>${t('fileOpen', L)}</button>
          <input type="file" accept=".json,application/json" aria-label=${t('fileOpen', L)} @change=${this.pick} /></label>
        ${
          this.openOnly
            ? nothing
            : html`<button @click=${() => emit(this, 'file-save', {})}>${t('fileSave', L)}</button>
              <button @click=${() => emit(this, 'share', {})}>${t('fileShare', L)}</button>
              <button ?disabled=${!this.canUndo} @click=${() => emit(this, 'undo', {})} title="Ctrl+Z">${t('fileUndo', L)}</button>
              <button ?disabled=${!this.canRedo} @click=${() => emit(this, 'redo', {})} title="Ctrl+Y">${t('fileRedo', L)}</button>
              <button @click=${() => emit(this, 'toggle-diff', {})}>${t('fileChanges', L)}<span class="count">${this.changes}</span></button>`
        }
        <span class="muted">${t('fileDrop', L)}</span>
      </div>
      ${this.withheld > 0 ? html`<div class="withheld" role="status">${t('fileWithheld', L, this.withheld)}</div>` : nothing}
      ${
        this.shareUrl
          ? html`<div class="share"><span>${t('fileCopied', L)}</span><input readonly
            aria-label=${t('fileShare', L)} .value=${this.shareUrl} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></div>`
          : nothing
      }`;
  }
}
customElements.define('js-file-bar', FileBar);
