/**
 * One editable parameter: a slider and an exact number field, its provenance mark, and the validation message
 * beside it. Emits `param-change` {path, value} (bubbles, composed); the app decides whether it applies.
 */
import { LitElement, css, html, nothing } from 'lit';
import { t } from '../report/strings.ts';
import type { Lang } from '../report/strings.ts';
import { digitsShown } from '../report/format.ts';
import { provenanceChip } from './provenance-chip.ts';
import { firstRange, widenRange } from './slider-range.ts';
import { shared } from './styles.ts';

export interface ParamChange {
  path: (string | number)[];
  value: number;
  live: boolean;
}

let counter = 0;
/** Bumped when a file opens: sliders then take the ranges its cards suggest (see ParamField.range). */
let rangeEpoch = 0;
export const resetSliderRanges = () => void rangeEpoch++;
/** Which file's values the fields show (bumped with resetSliderRanges): what was accepted in another is no guide. */
export const fileEpoch = () => rangeEpoch;

export class ParamField extends LitElement {
  static override properties = {
    label: {},
    path: { attribute: false },
    param: { attribute: false },
    min: { type: Number },
    max: { type: Number },
    step: { type: Number },
    error: {},
    warning: {},
    lang: {},
    percent: { type: Boolean },
  };
  declare label: string;
  declare path: (string | number)[];
  declare param: { value: number; source?: string; assumption?: string };
  declare min: number;
  declare max: number;
  declare step: number;
  declare error: string;
  /** A validator warning about this value (shown when there is no error). */
  declare warning: string;
  declare lang: Lang;
  declare percent: boolean;
  private readonly uid = `pf${++counter}`;
  /**
   * The slider's range, fixed when the field first shows a file's value: the cards suggest ranges from the value
   * (e.g. a deductible up to twice itself), and a range recomputed on every step runs away under the thumb
   * during a drag. Widened only to take in a value the validator accepted (slider-range.ts).
   */
  private range: { epoch: number; key: string; lo: number; hi: number } | null = null;
  /**
   * The last value shown without an error: while a rejected value is in the exact field, the slider stays on
   * this one (a rejected value changes nothing on the page but the field's text and its message).
   */
  private accepted: { epoch: number; key: string; value: number; param: ParamField['param'] } | null = null;
  /** What the user typed, kept while it is invalid so nothing they entered is lost. */
  private typed: string | null = null;
  /** A drag (live steps) is under way: letting go ends it even where no `change` comes (see letGo). */
  private dragging = false;

  constructor() {
    super();
    this.label = '';
    this.path = [];
    this.min = 0;
    this.max = 100;
    this.step = 1;
    this.error = '';
    this.warning = '';
    this.lang = 'zh';
    this.percent = false;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; margin: 6px 0; }
      .row { display: grid; grid-template-columns: minmax(90px, 1fr) minmax(80px, 1.4fr) 104px; gap: 8px; align-items: center; }
      label { font-size: 13px; display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
      input[type='range'] { width: 100%; accent-color: var(--accent); }
      input[type='number'] { width: 96px; text-align: right; }
      input[aria-invalid='true'] { border-color: var(--error); background: var(--error-soft); }
      .error { grid-column: 1 / -1; }
      .warn { grid-column: 1 / -1; color: var(--warn); font-size: 12px; }
    `,
  ];

  private emit(raw: string, live: boolean) {
    this.dragging = live;
    const value = this.percent ? Number(raw) / 100 : Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) {
      this.typed = raw;
      this.error = t('enterANumber', this.lang);
      return;
    }
    this.typed = live ? null : raw;
    this.dispatchEvent(
      new CustomEvent<ParamChange>('param-change', { detail: { path: this.path, value, live }, bubbles: true, composed: true }),
    );
  }

  /**
   * Chromium sends no `change` for a drag let go where it started: the drag's end is sent from here then, so the
   * app can see that nothing changed (edit-events.ts applyParamChange) rather than keep its live steps.
   */
  private letGo(e: Event) {
    if (this.dragging) this.emit((e.target as HTMLInputElement).value, false);
  }

  override willUpdate() {
    // The text kept for a rejected value goes with its message (an undo, the applied value typed again).
    if (!this.error) this.typed = null;
  }

  override render() {
    const v = this.param?.value ?? 0;
    const shown = this.percent ? +(v * 100).toFixed(6) : v;
    const numberValue = this.error && this.typed !== null ? this.typed : digitsShown(shown);
    const key = this.path.join('.');
    if (!this.error) this.accepted = { epoch: rangeEpoch, key, value: shown, param: this.param };
    const a = this.accepted && this.accepted.epoch === rangeEpoch && this.accepted.key === key ? this.accepted : null;
    const accepted = a?.value;
    const r = this.range;
    if (!r || r.epoch !== rangeEpoch || r.key !== key) this.range = { epoch: rangeEpoch, key, ...firstRange(this.min, this.max, accepted) };
    else if (accepted !== undefined) this.range = { ...r, ...widenRange(r, accepted, this.step) };
    const { lo, hi } = this.range!;
    const slid = accepted ?? shown;
    return html`<div class="row">
        <label for=${this.uid}>${this.label}${this.percent ? ' (%)' : ''} ${provenanceChip(a?.param ?? this.param, this.lang)}</label>
        <input type="range" min=${lo} max=${hi} step=${this.step} .value=${String(slid)} aria-label=${`${this.label} slider`}
          @input=${(e: Event) => this.emit((e.target as HTMLInputElement).value, true)}
          @change=${(e: Event) => this.emit((e.target as HTMLInputElement).value, false)}
          @pointerup=${(e: Event) => this.letGo(e)} @pointercancel=${(e: Event) => this.letGo(e)} />
        <input id=${this.uid} type="number" step="any" .value=${numberValue} title=${numberValue === String(shown) ? nothing : String(shown)}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.error ? `${this.uid}-err` : nothing}
          @change=${(e: Event) => this.emit((e.target as HTMLInputElement).value, false)} />
        ${this.error ? html`<div class="error" id="${this.uid}-err" role="alert">${this.error}</div>` : nothing}
        ${!this.error && this.warning ? html`<div class="warn" role="status">⚠ ${this.warning}</div>` : nothing}
      </div>`;
  }
}
customElements.define('js-param-field', ParamField);
