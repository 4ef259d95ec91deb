/**
 * Progress of the Monte Carlo: trials done of total, a bar, cancel and run-again buttons. It observes the
 * workbench itself: the count of finished trials changes many times a second, and only this bar need redraw.
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../report/strings.ts';
import { emit } from './events.ts';
import { Observe } from './observe.ts';
import { t } from '../report/strings.ts';
import { runLabel } from './run-label.ts';
import { shared } from './styles.ts';
import type { ChangeKind, Workbench } from './workbench-state.ts';

export type { RunState } from './run-state.ts';

export class RunStatus extends LitElement {
  static override properties = { wb: { attribute: false }, lang: {} };
  declare wb: Workbench | null;
  declare lang: Lang;

  constructor() {
    super();
    this.wb = null;
    this.lang = 'zh';
    new Observe(
      this,
      () => [this.wb],
      (e) => (e as CustomEvent<ChangeKind>).detail === 'progress' || (e as CustomEvent<ChangeKind>).detail === 'run',
    );
  }

  static override styles = [
    shared,
    css`
      :host { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; font-size: 13px; }
      /* Redrawn many times a second while a run goes: a layer of its own, so the column of charts around it is not repainted each time. */
      :host { contain: layout paint; will-change: transform; }
      /* On a narrow screen a long status takes its own line and the bar the next, never squeezed to nothing. */
      progress { flex: 1 1 120px; min-width: 120px; height: 10px; accent-color: var(--accent); }
      .state { min-width: 180px; }
      .err { color: var(--error); }
    `,
  ];

  override render() {
    if (!this.wb) return '';
    const L = this.lang;
    const { done, total, state, message, seconds, result } = this.wb.run;
    const label = runLabel({ state, done, total, message, seconds, shown: result?.trials ?? null }, L);
    return html`<span class="state ${state === 'error' ? 'err' : ''}" role="status" aria-live="polite">${label}</span>
      <progress max=${total || 1} .value=${done} aria-label=${t('running', L)}></progress>
      ${
        state === 'running'
          ? html`<button @click=${() => emit(this, 'run-cancel', {})}>${t('cancel', L)}</button>`
          : state === 'confirm'
            ? html`<button @click=${() => emit(this, 'run-confirm', {})}>${t('runAnyway', L)}</button>`
            : html`<button @click=${() => emit(this, 'run-again', {})}>${t('rerun', L)}</button>`
      }`;
  }
}
customElements.define('js-run-status', RunStatus);
