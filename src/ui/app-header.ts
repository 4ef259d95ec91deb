/** The bar across the top: the scenario menu, the unit and language switches, the notebooks link. Events go up. */
import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Unit } from '../report/format.ts';
import { otherLang, t, type Lang } from '../report/strings.ts';
import type { Scenario } from '../scenario/schema.ts';
import { emit } from './events.ts';
import { shared } from './styles.ts';

export class AppHeader extends LitElement {
  static override properties = { lang: {}, unit: {}, scenarioId: {}, opened: {}, files: { attribute: false } };
  declare lang: Lang;
  declare unit: Unit;
  /** The shipped scenario on screen, or '' when a file was opened. */
  declare scenarioId: string;
  /** Id of the opened file (shown when scenarioId is ''). */
  declare opened: string;
  declare files: Record<string, unknown>;

  constructor() {
    super();
    this.lang = 'zh';
    this.unit = 'wan';
    this.scenarioId = '';
    this.opened = '';
    this.files = {};
  }

  static override styles = [
    shared,
    css`
      :host { display: block; }
      header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: #0f2a5c; color: white; flex-wrap: wrap; }
      h1 { font-size: 18px; margin: 0; font-weight: 600; letter-spacing: 0.02em; }
      label { font-size: 13px; display: flex; gap: 6px; align-items: center; }
      .spacer { flex: 1; }
      button { background: transparent; color: white; border-color: #6b83b6; white-space: nowrap; }
      button:hover { background: #1e3a70; }
      button[aria-pressed='true'] { background: white; color: #0f2a5c; }
      select { min-width: 0; width: min(360px, calc(100vw - 130px)); }
      label { min-width: 0; max-width: 100%; flex: 0 1 auto; white-space: nowrap; }
      a { color: white; font-size: 13px; text-decoration: underline; white-space: nowrap; }
      .switches { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      @media (max-width: 560px) { header { padding: 8px 12px; gap: 8px; } h1 { font-size: 16px; } }
    `,
  ];

  /** The menu shows the scenario on screen until the pick is done (a switch with edits is asked first). */
  private onPick = (e: Event) => {
    const select = e.target as HTMLSelectElement;
    const id = select.value;
    select.value = this.scenarioId;
    emit(this, 'scenario-pick', id);
  };

  private fileTitle(id: string) {
    const f = this.files[id] as Partial<Scenario> & { kind?: string };
    return `${f.title?.[this.lang] ?? id}${f.kind ? t('fundSuffix', this.lang) : ''}`;
  }

  override render() {
    const L = this.lang;
    return html`<header>
      <h1>${t('appTitle', L)}</h1>
      <label>${t('scenario', L)}
        <select aria-label=${t('scenario', L)} .value=${live(this.scenarioId)} @change=${this.onPick}>
          ${this.scenarioId === '' ? html`<option value="" selected>${t('openedFile', L)} ${this.opened}</option>` : nothing}
          ${Object.keys(this.files).map((id) => html`<option value=${id} ?selected=${id === this.scenarioId}>${this.fileTitle(id)}</option>`)}
        </select>
      </label>
      <span class="spacer"></span>
      <span class="switches">
        <span role="group" aria-label=${t('unit', L)}>
          <button aria-pressed=${this.unit === 'wan'} @click=${() => emit(this, 'unit-change', 'wan')}>${t('wan', L)}</button>
          <button aria-pressed=${this.unit === 'yuan'} @click=${() => emit(this, 'unit-change', 'yuan')}>${t('yuan', L)}</button>
        </span>
        <a href="./notebooks/index.html" title=${t('notebooksHint', L)}>${t('notebooks', L)}</a>
        <button class="lang" aria-label=${t('languageLabel', L)} @click=${() => emit(this, 'lang-change', otherLang(L))}>${t('language', L)}</button>
      </span>
    </header>`;
  }
}
customElements.define('js-app-header', AppHeader);

declare global {
  interface HTMLElementTagNameMap {
    'js-app-header': AppHeader;
  }
}
