/**
 * The workbench page: the header, the editor column and the results column, around three plain state objects —
 * the workbench (scenario, history, run, results), the file session (open, autosave, share) and the chart book.
 * It only wires them together: page-wide keys, dropped files, language and unit.
 */
import { LitElement, css, html } from 'lit';
import type { Unit } from '../report/format.ts';
import { t, type Lang } from '../report/strings.ts';
import { ChartBook } from './chart-book.ts';
import { FileSession, scenarioFiles } from './file-session.ts';
import { Observe, scenarioChanges } from './observe.ts';
import { shared } from './styles.ts';
import { Workbench } from './workbench-state.ts';
import './app-header.ts';
import './charts-panel.ts';
import './editor-panel.ts';
import './fund-view.ts';
import './key-strip.ts';
import './results-panel.ts';

const LANG_KEY = 'jingsuan:lang';
function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'zh' || v === 'en' ? v : null;
  } catch {
    return null; // storage disabled: the page starts in Chinese
  }
}
function storeLang(lang: Lang) {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* not kept: the next page starts in Chinese */
  }
}

export class App extends LitElement {
  static override properties = { lang: { state: true }, unit: { state: true }, dismissedSave: { state: true } };
  /** The storage notice closed by the person (its state and time): it comes back when that changes. */
  declare dismissedSave: string;
  declare lang: Lang;
  declare unit: Unit;
  readonly wb = new Workbench();
  readonly session = new FileSession(this.wb);
  readonly book = new ChartBook(this.wb);

  constructor() {
    super();
    this.lang = 'zh';
    this.unit = 'wan';
    this.dismissedSave = '';
    // The page's frame follows files and scenarios; the run's progress is drawn by the results panel itself, and the
    // charts by their panel (the editors take only the severity sketches).
    new Observe(
      this,
      () => [this.session, this.wb, this.book],
      (e) => (e.target === this.book ? (e as CustomEvent<string[]>).detail.some((k) => k.startsWith('density')) : scenarioChanges(e)),
    );
  }

  static override styles = [
    shared,
    css`
      :host { display: block; min-height: 100vh; background: #f5f6f8; }
      main { display: grid; grid-template-columns: minmax(430px, 520px) minmax(0, 1fr); gap: 16px; padding: 16px 20px; align-items: start; }
      .results { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
      /* Two columns: the results column stays in view (and scrolls on its own) while the editors below are edited. */
      /* Over the page, not in a column: seen wherever the person is, on a phone too; it blocks nothing. */
      .save-notice { position: fixed; left: 50%; bottom: 12px; transform: translateX(-50%); z-index: 10; width: min(640px, calc(100vw - 24px));
        box-sizing: border-box; display: flex; gap: 10px; align-items: flex-start; background: var(--warn-soft); color: var(--warn);
        border: 1px solid #fcd34d; border-radius: 8px; padding: 8px 12px; font-size: 13px; line-height: 1.5; box-shadow: 0 2px 10px rgb(0 0 0 / 0.15); }
      .save-notice span { flex: 1; }
      @media (min-width: 1101px) {
        .results { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; overscroll-behavior: contain; }
      }
      @media (max-width: 1100px) {
        main { grid-template-columns: minmax(0, 1fr); padding: 12px; }
        /* One column: the results first, the editors below them. */
        .results { order: -1; }
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    // The language chosen before stays after a reload (issue #31).
    const lang = storedLang();
    if (lang) this.setView(lang, this.unit);
    this.session.start();
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('drop', this.onDrop);
    globalThis.addEventListener?.('keydown', this.onKey);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.wb.dispose();
    this.session.stop();
    globalThis.removeEventListener?.('keydown', this.onKey);
  }

  /** The run's state (for tests and the UI benchmark). */
  get runState() {
    return this.wb.run.state;
  }

  /** The working scenario as JSON text (what Save writes). */
  draftJson(): string {
    return JSON.stringify(this.wb.draft);
  }

  openText(name: string, text: string): boolean {
    return this.session.openText(name, text);
  }

  private onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) void this.session.openFile(file);
  };

  private onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    // Inside a text or number field, Ctrl+Z is the field's own undo; on a slider it is the scenario's.
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT') && (target as HTMLInputElement).type !== 'range') return;
    const key = e.key.toLowerCase();
    if (!(e.ctrlKey || e.metaKey)) return;
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.wb.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      this.wb.redo();
    }
  };

  private setView(lang: Lang, unit: Unit) {
    if (lang !== this.lang) storeLang(lang);
    this.lang = lang;
    this.unit = unit;
    this.wb.lang = lang;
    this.session.lang = lang;
    document.documentElement.lang = t('locale', lang);
    document.title = t('appTitle', lang);
    this.book.setView(lang, unit);
  }

  override render() {
    const L = this.lang;
    const ss = this.session;
    return html`
      <js-app-header .lang=${L} .unit=${this.unit} .scenarioId=${ss.scenarioId} .opened=${ss.fund?.id ?? this.wb.applied?.id ?? ''} .files=${scenarioFiles}
        @scenario-pick=${(e: CustomEvent<string>) => ss.switcher.pick(e.detail)}
        @unit-change=${(e: CustomEvent<Unit>) => this.setView(L, e.detail)}
        @lang-change=${(e: CustomEvent<Lang>) => this.setView(e.detail, this.unit)}></js-app-header>
      ${ss.fund ? '' : html`<js-key-strip .wb=${this.wb} .lang=${L} .unit=${this.unit}></js-key-strip>`}
      <main class=${ss.fund ? 'fund' : ''}>
        <js-editor-panel .wb=${this.wb} .session=${ss} .lang=${L} .charts=${this.book.charts}></js-editor-panel>
        ${
          ss.fund
            ? html`<section class="results"><js-fund-view .fund=${ss.fund} .lang=${L} .unit=${this.unit}></js-fund-view></section>`
            : html`<section class="results">
              <js-results-panel .wb=${this.wb} .book=${this.book} .lang=${L} .unit=${this.unit}></js-results-panel>
              <js-charts-panel .wb=${this.wb} .book=${this.book} .lang=${L}></js-charts-panel>
            </section>`
        }
      </main>
      ${this.renderSaveNotice()}
    `;
  }

  /** The autosave could not keep the latest edit with the others (storage full): where it is, or that it is not. */
  private renderSaveNotice() {
    const ss = this.session;
    const L = this.lang;
    const which = `${ss.saveState} ${ss.lostAt ?? ''}`;
    if (ss.saveState === 'saved' || this.dismissedSave === which) return '';
    const when = ss.lostAt ? new Date(ss.lostAt).toLocaleTimeString(t('locale', L)) : '';
    return html`<div class="save-notice" role="status">
      <span>${ss.saveState === 'lost' ? t('autosaveLost', L, when) : t('autosaveTabOnly', L)}</span>
      <button @click=${() => (this.dismissedSave = which)}>${t('close', L)}</button>
    </div>`;
  }
}
customElements.define('js-app', App);

declare global {
  interface HTMLElementTagNameMap {
    'js-app': App;
  }
}
