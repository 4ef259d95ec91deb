/** Progress of the Monte Carlo: trials done of total, a bar, cancel and run-again buttons. */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../report/strings.ts';
import { emit } from './events.ts';
import { t } from '../report/strings.ts';
import { shared } from './styles.ts';

/** 'confirm': the run was paused because it would take minutes; the message says how long, a button goes on. */
export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'confirm';

export class RunStatus extends LitElement {
  static override properties = {
    done: { type: Number },
    total: { type: Number },
    state: {},
    message: {},
    lang: {},
    seconds: { type: Number },
  };
  declare done: number;
  declare total: number;
  declare state: RunState;
  declare message: string;
  declare lang: Lang;
  declare seconds: number;

  constructor() {
    super();
    this.done = 0;
    this.total = 0;
    this.state = 'idle';
    this.message = '';
    this.lang = 'zh';
    this.seconds = 0;
  }

  static override styles = [
    shared,
    css`
      :host { display: flex; align-items: center; gap: 10px; font-size: 13px; }
      progress { flex: 1; height: 10px; accent-color: var(--accent); }
      .state { min-width: 180px; }
      .err { color: var(--error); }
    `,
  ];

  override render() {
    const L = this.lang;
    const label =
      this.state === 'running'
        ? `${t('running', L)} ${this.done.toLocaleString('zh-CN')} / ${this.total.toLocaleString('zh-CN')} ${t('trialsWord', L)}`
        : this.state === 'done'
          ? `${t('done', L)}: ${this.total.toLocaleString('zh-CN')} ${t('trialsWord', L)} · ${this.seconds.toFixed(1)} s`
          : this.state === 'cancelled'
            ? `${t('cancelled', L)} (${this.done.toLocaleString('zh-CN')} / ${this.total.toLocaleString('zh-CN')})`
            : this.state === 'error' || this.state === 'confirm'
              ? this.message
              : '';
    return html`<span class="state ${this.state === 'error' ? 'err' : ''}" role="status" aria-live="polite">${label}</span>
      <progress max=${this.total || 1} .value=${this.done} aria-label=${t('running', L)}></progress>
      ${
        this.state === 'running'
          ? html`<button @click=${() => emit(this, 'run-cancel', {})}>${t('cancel', L)}</button>`
          : this.state === 'confirm'
            ? html`<button @click=${() => emit(this, 'run-confirm', {})}>${t('runAnyway', L)}</button>`
            : html`<button @click=${() => emit(this, 'run-again', {})}>${t('rerun', L)}</button>`
      }`;
  }
}
customElements.define('js-run-status', RunStatus);
