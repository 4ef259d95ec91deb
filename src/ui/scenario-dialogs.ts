/**
 * The two questions the editor asks about whole scenarios: which start a new file takes (the template or a
 * shipped region's rules, under the analyst's name), and whether a picked scenario may replace a draft with
 * edits. Answers go to the file session.
 */
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang } from '../report/strings.ts';
import { scenarioFiles, type FileSession } from './file-session.ts';
import { Observe } from './observe.ts';
import { modalPrompt, showModal } from './prompt-dialog.ts';
import { shared } from './styles.ts';

type Titled = { title?: Record<Lang, string>; kind?: string };

export class ScenarioDialogs extends LitElement {
  static override properties = { session: { attribute: false }, lang: {}, creating: { type: Boolean } };
  declare session: FileSession;
  declare lang: Lang;
  /** The new-scenario form is open (the file bar's 新建情景 opens it). */
  declare creating: boolean;

  constructor() {
    super();
    this.lang = 'zh';
    this.creating = false;
    new Observe(this, () => [this.session]);
  }

  static override styles = [
    shared,
    css`
      :host { display: contents; }
      .box { border-radius: 8px; padding: 8px 12px; font-size: 13px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .switch { background: var(--warn-soft); color: var(--warn); border: 1px solid #fcd34d; }
      ${modalPrompt}
      .new { background: white; border: 1px solid var(--line); }
      .new input, .new select { font: inherit; max-width: 100%; }
    `,
  ];

  override updated() {
    // Shown modal: in the top layer, in view however far down the page the editors are (one column at 1,100 px
    // and below put them after the results), the focus on 取消, the page behind it inert until answered.
    showModal(this.renderRoot.querySelector<HTMLDialogElement>('dialog.switch'));
  }

  private close() {
    this.creating = false;
    this.dispatchEvent(new Event('close'));
  }

  private create() {
    const name = (this.renderRoot.querySelector('input.new-name') as HTMLInputElement).value.trim() || t('newScenarioDefault', this.lang);
    const from = (this.renderRoot.querySelector('select.new-from') as HTMLSelectElement).value;
    this.close();
    this.session.newScenario(from, name);
  }

  override render() {
    const L = this.lang;
    const ss = this.session;
    if (!ss) return nothing;
    const pending = ss.switcher.pending;
    const target = pending ? (scenarioFiles[pending] as Titled) : null;
    const regions = Object.entries(scenarioFiles).filter(([, f]) => (f as Titled).kind === undefined);
    return html`
      ${
        pending
          ? html`<dialog class="prompt switch" role="alertdialog" aria-label=${t('switchTitle', L)}
            @cancel=${(e: Event) => {
              e.preventDefault();
              ss.switcher.answer(false);
            }}>
            <span>${t('switchAsk', L, target?.title?.[L] ?? pending, ss.changeList().length)}</span>
            <button @click=${() => ss.save()}>${t('fileSave', L)}</button>
            <button @click=${() => ss.switcher.answer(true)}>${t('switchGo', L)}</button>
            <button autofocus @click=${() => ss.switcher.answer(false)}>${t('cancel', L)}</button>
          </dialog>`
          : nothing
      }
      ${
        this.creating
          ? html`<div class="box new" role="dialog" aria-label=${t('newScenario', L)}>
            <label>${t('newScenarioName', L)} <input class="new-name" .value=${t('newScenarioDefault', L)} /></label>
            <label>${t('newScenarioFrom', L)}
              <select class="new-from">
                <option value="template">${t('newScenarioTemplate', L)}</option>
                ${regions.map(([id, f]) => html`<option value=${id}>${t('newScenarioCopy', L, (f as Titled).title?.[L] ?? id)}</option>`)}
              </select>
            </label>
            <button @click=${() => this.create()}>${t('create', L)}</button>
            <button @click=${() => this.close()}>${t('cancel', L)}</button>
          </div>`
          : nothing
      }
    `;
  }
}
customElements.define('js-scenario-dialogs', ScenarioDialogs);

declare global {
  interface HTMLElementTagNameMap {
    'js-scenario-dialogs': ScenarioDialogs;
  }
}
