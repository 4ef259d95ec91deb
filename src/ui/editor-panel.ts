/**
 * The left column: the scenario's title, the file actions, unsaved work and file problems, validation problems,
 * and one card per population and ruleset. Edits coming up from the cards become scenario edits here (the pure
 * rules of scenario/edit.ts), applied through the workbench state.
 */
import { LitElement, css, html, nothing } from 'lit';
import { rulesetColors, type ChartSpec } from '../report/charts/charts.ts';
import { t, type Lang } from '../report/strings.ts';
import { LIMITS } from '../scenario/limits.ts';
import { formatProblem, type Problem } from '../scenario/problems.ts';
import { describeProblem, messageIn } from '../report/field-names.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { citeDocuments } from '../report/sources.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EDITS, applyParamChange, type EditDetail } from './edit-events.ts';
import type { FileSession, OpenProblems } from './file-session.ts';
import './household-editors.ts';
import './scenario-dialogs.ts';
import { Observe, scenarioChanges } from './observe.ts';
import { resetSliderRanges, type ParamChange } from './param-field.ts';
import { shared } from './styles.ts';
import type { Workbench } from './workbench-state.ts';
import './diff-view.ts';
import './fit-dialog.ts';
import './file-bar.ts';
import './population-card.ts';
import './ruleset-card.ts';

/** Cards drawn per task when a file opens. */
const CARDS_AT_ONCE = 4;

export class EditorPanel extends LitElement {
  static override properties = {
    wb: { attribute: false },
    session: { attribute: false },
    lang: {},
    charts: { attribute: false },
    showDiff: { state: true },
    cardLimit: { state: true },
    creating: { state: true },
    fitting: { state: true },
    restoreLater: { state: true },
  };
  declare wb: Workbench;
  declare session: FileSession;
  declare lang: Lang;
  /** Chart specs by key (the populations' severity sketches: density0, density1, …). */
  declare charts: Record<string, ChartSpec | null>;
  declare showDiff: boolean;
  /** The new-scenario form is open. */
  declare creating: boolean;
  /** The population whose 导入数据拟合 dialog is open (fit-dialog.ts), or null. */
  declare fitting: number | null;
  /** The unsaved-work offer was put off (Escape): it waits in the column instead of over the page. */
  declare restoreLater: boolean;
  /**
   * How many cards are drawn: a large file's dozens of cards come a few per task after the first paint (drawing
   * hundreds of fields at once would hold the page), then stay.
   */
  declare cardLimit: number;
  private cardTimer: ReturnType<typeof setTimeout> | null = null;
  private shownOriginal: unknown = null;

  constructor() {
    super();
    this.lang = 'zh';
    this.charts = {};
    this.showDiff = false;
    this.creating = false;
    this.fitting = null;
    this.restoreLater = false;
    this.cardLimit = Infinity;
    // The editors show the scenario, not the run: its progress does not redraw them.
    new Observe(this, () => [this.wb, this.session], scenarioChanges);
    // Every structural edit from the cards (composed events reach the host): one table says what each does.
    for (const [name, edit] of Object.entries(EDITS))
      this.addEventListener(name, (e) => {
        const next = edit(this.wb.draft, (e as CustomEvent<EditDetail>).detail);
        if (next !== this.wb.draft) this.wb.edit(next);
      });
  }

  static override styles = [
    shared,
    css`
      :host { display: flex; flex-direction: column; gap: 12px; min-width: 0; contain: paint; }
      h2 { font-size: 14px; color: var(--muted); margin: 4px 0 0; }
      h2 .count { font-weight: 400; font-size: 12px; margin-left: 6px; }
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
      .scenario-title { font-size: 16px; font-weight: 600; }
      .desc { font-size: 13px; color: var(--muted); margin: 4px 0 0; line-height: 1.5; }
      .note { font-size: 12px; color: var(--muted); }
      .banner { background: var(--error-soft); color: var(--error); border: 1px solid #fca5a5; border-radius: 8px; padding: 8px 12px; font-size: 13px; }
      .banner ul { margin: 4px 0 0; padding-left: 18px; }
      li .field { font-weight: 600; }
      .cards { display: flex; flex-direction: column; gap: 12px; }
      .warnings { background: var(--warn-soft); color: var(--warn); border: 1px solid #fcd34d; border-radius: 8px; padding: 8px 12px; font-size: 13px; }
      .warnings ul { margin: 4px 0 0; padding-left: 18px; }
      .restore { background: var(--warn-soft); color: var(--warn); border: 1px solid #fcd34d; border-radius: 8px; padding: 8px 12px; font-size: 13px; }
      .restore { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .restore.prompt { position: fixed; inset: 12px 0 auto 0; margin: 0 auto; width: min(640px, calc(100vw - 24px)); box-sizing: border-box;
        max-height: calc(100vh - 24px); overflow: auto; line-height: 1.5; box-shadow: 0 4px 18px rgb(0 0 0 / 0.25); }
      .restore.prompt:not(:popover-open) { display: none; }
    `,
  ];

  override willUpdate() {
    // A new file: its cards come a few at a time.
    if (this.wb && this.wb.original !== this.shownOriginal) {
      this.shownOriginal = this.wb.original;
      resetSliderRanges();
      const s = this.wb.applied;
      if (s) this.revealCards(s.populations.length + s.rulesets.length);
    }
  }

  /** The refusal last brought into view: a new one is, once. */
  private shownProblems: OpenProblems | null = null;

  override updated() {
    // On a phone the editors come after the results (app.ts): a refused file or link would be found only by
    // scrolling past all of them. On a wide screen the notice is already in view and nothing moves.
    const o = this.session?.openProblems ?? null;
    if (o && o !== this.shownProblems) this.renderRoot.querySelector('.open-problems')?.scrollIntoView({ block: 'nearest' });
    this.shownProblems = o;
    this.showRestoreOffer();
  }

  /**
   * Unsaved work found after a reload is offered over the page, at the top of the window (issue #31: in one
   * column, at 1,100 px and below, it sat about 6,200 px down). In the top layer (a popover): this panel's paint
   * containment would hold a fixed box in the column. It does not block the page (a window opened beside another
   * is offered that one's work and may go on without answering); the focus goes to 恢复 unless a field has it.
   */
  private showRestoreOffer() {
    const offer = this.renderRoot.querySelector<HTMLElement>('.restore[popover]');
    if (!offer || offer.matches(':popover-open') || !offer.isConnected) return;
    offer.showPopover();
    const focused = document.activeElement;
    if (!focused || focused === document.body) offer.querySelector<HTMLButtonElement>('button.restore-go')?.focus();
  }

  private renderRestore(r: NonNullable<FileSession['restorable']>) {
    const L = this.lang;
    const ss = this.session;
    const when = new Date(r.savedAt).toLocaleString(t('locale', L));
    const text = r.savedTo ? t('savedWorkFound', L, when, r.label, r.savedTo) : t('unsavedFound', L, when, r.label);
    const body = html`<span>${text}</span>
      <button class="restore-go" @click=${() => ss.restore()}>${t('restore', L)}</button>
      <button @click=${() => ss.discard()}>${t('discard', L)}</button>`;
    if (this.restoreLater) return html`<div class="restore" role="alert">${body}</div>`;
    // Escape puts the answer off (the work stays offered, in the column), it never drops the work.
    return html`<div class="restore prompt" popover="manual" role="alertdialog" aria-label=${t('unsavedWork', L)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.restoreLater = true;
      }}>${body}</div>`;
  }

  private revealCards(total: number) {
    if (this.cardTimer) clearTimeout(this.cardTimer);
    this.cardLimit = Math.min(total, CARDS_AT_ONCE);
    const step = () => {
      // Once all are drawn the limit is lifted, so cards added later by edits always show.
      this.cardLimit = this.cardLimit + CARDS_AT_ONCE >= total ? Infinity : this.cardLimit + CARDS_AT_ONCE;
      if (this.cardLimit !== Infinity) this.cardTimer = setTimeout(step, 0);
    };
    this.cardTimer = setTimeout(step, 0);
  }

  private onParam(e: CustomEvent<ParamChange>) {
    applyParamChange(this.wb, e.detail);
  }

  /** A problem as the page words it: the field by its name on screen, the JSON path on hover. */
  private problemItem(p: Problem, data: unknown) {
    const L = this.lang;
    const d = describeProblem(p, data, L);
    return html`<li title=${d.path}>${d.field ? html`<span class="field">${d.field}</span>${t('colon', L)}` : nothing}${d.message}</li>`;
  }

  private renderOpenProblems() {
    const o = this.session.openProblems!;
    const { file, problems } = o.inLang?.(this.lang) ?? o;
    return html`<div class="banner open-problems" role="alert">
      ${t('notOpened', this.lang, file, problems.length)}
      <ul>${problems.slice(0, 50).map((p) => this.problemItem(p, o.data ?? null))}</ul>
      <button @click=${() => this.session.closeProblems()}>${t('close', this.lang)}</button>
    </div>`;
  }

  private renderFileBar(openOnly: boolean) {
    const L = this.lang;
    const wb = this.wb;
    const ss = this.session;
    return html`<js-file-bar .lang=${L} ?openOnly=${openOnly} .canUndo=${wb.history.canUndo} .canRedo=${wb.history.canRedo} .changes=${openOnly ? 0 : ss.changeList().length} .shareUrl=${ss.shareUrl} .withheld=${ss.withheld}
      @file-open=${(e: CustomEvent<{ name: string; text?: string; error?: string }>) => ss.openPicked(e.detail)}
      @file-save=${() => ss.save()} @share=${() => void ss.share()} @undo=${() => wb.undo()} @redo=${() => wb.redo()}
      @toggle-diff=${() => (this.showDiff = !this.showDiff)}
      @new-scenario=${() => (this.creating = true)}></js-file-bar>`;
  }

  override render() {
    if (!this.wb || !this.session) return nothing;
    const L = this.lang;
    const ss = this.session;
    const notice = ss.notice ? html`<p class="note" role="status">${t('openedNotice', L)}${ss.notice}</p>` : nothing;
    if (ss.fund)
      return html`<div class="panel">${notice}${this.renderFileBar(true)}${ss.openProblems ? this.renderOpenProblems() : nothing}</div>`;
    const s = this.wb.applied;
    if (!s) return html`<div class="banner" role="alert">${this.wb.problems.map((p) => html`<div>${formatProblem(p)}</div>`)}</div>`;
    const draft = (this.wb.draft as Scenario | null) ?? s;
    const colors = rulesetColors(s.rulesets.map((r) => r.id));
    // Messages in the page's language beside the fields; in the lists, the field named as it reads on screen.
    const problems = this.wb.problems.map((p) => ({ ...p, message: messageIn(p.message, L) }));
    const warnings = this.wb.warnings.map((p) => ({ ...p, message: messageIn(p.message, L) }));
    const item = (p: Problem) => this.problemItem(p, draft);
    const populations = draft.populations ?? s.populations;
    const { populations: titles, groups: groupTitles } = scenarioNames({ populations }, L);
    const r = ss.restorable;
    return html`
      <div class="panel">
        <div class="scenario-title">${s.title[L]}</div>
        <p class="desc">${citeDocuments(s.description?.[L] ?? '', L)}</p>
        ${notice}${this.renderFileBar(false)}
        ${this.showDiff ? html`<js-diff-view .lang=${L} .scenario=${this.wb.draft} .changes=${ss.changeList()}></js-diff-view>` : nothing}
      </div>
      ${r ? this.renderRestore(r) : nothing}
      ${ss.openProblems ? this.renderOpenProblems() : nothing}
      <js-scenario-dialogs .session=${ss} .lang=${L} ?creating=${this.creating} @close=${() => (this.creating = false)}></js-scenario-dialogs>
      ${
        this.wb.warnings.length
          ? html`<div class="warnings" role="status">${t('appliedWithWarnings', L)}<ul>${this.wb.warnings.slice(0, 8).map(item)}</ul></div>`
          : nothing
      }
      ${problems.length ? html`<div class="banner" role="alert">${t('notApplied', L)}<ul>${this.wb.problems.slice(0, 8).map(item)}</ul></div>` : nothing}
      ${
        this.fitting !== null && this.fitting < populations.length
          ? html`<js-fit-dialog .wb=${this.wb} .index=${this.fitting} .lang=${L} @close=${() => (this.fitting = null)}></js-fit-dialog>`
          : nothing
      }
      <div class="cards" @param-change=${this.onParam} @fit-open=${(e: CustomEvent<{ index: number }>) => (this.fitting = e.detail.index)}>
        <h2>${t('populations', L)} <span class="count" title=${t('populationLimit', L, LIMITS.populations)}>${populations.length} / ${LIMITS.populations}</span></h2>
        ${populations
          .slice(0, this.cardLimit)
          .map(
            (p, i) =>
              html`<js-population-card .population=${p} .index=${i} .count=${populations.length} .problems=${problems} .lang=${L} .density=${this.charts[`density${i}`] ?? null}></js-population-card>`,
          )}
        <h2>${t('rulesets', L)} <span class="count" title=${t('rulesetLimit', L, LIMITS.rulesets)}>${(draft.rulesets ?? s.rulesets).length} / ${LIMITS.rulesets}</span></h2>
        ${(draft.rulesets ?? s.rulesets).slice(0, Math.max(0, this.cardLimit - populations.length)).map(
          (rs, i) =>
            html`<js-ruleset-card .ruleset=${rs} .index=${i} .problems=${problems} .warnings=${warnings}
                .count=${(draft.rulesets ?? s.rulesets).length} .lang=${L} .color=${colors[rs.id] ?? '#888'}
                .populationTitles=${titles} .groupTitles=${groupTitles} .incomeIndex=${draft.incomeIndex ?? {}}></js-ruleset-card>`,
        )}
        <h2>${t('householdSettings', L)}</h2>
        <js-household-settings .household=${draft.household} .lang=${L} .problems=${problems}></js-household-settings>
      </div>
    `;
  }
}
customElements.define('js-editor-panel', EditorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'js-editor-panel': EditorPanel;
  }
}
