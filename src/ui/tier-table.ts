/** A corridor's tiers (the main reading or another one): edges, insurer share, basis; add and remove. */
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang } from '../report/strings.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { TierSpec } from '../scenario/schema.ts';
import { emit, type Path } from './events.ts';
import { itemChange, itemStyles, miniSlider, rowMessages } from './item-inputs.ts';
import { provenanceChip } from './provenance-chip.ts';
import { shared } from './styles.ts';

const pct = (v: unknown) => String(+(Number(v) * 100).toFixed(6));

export class TierTable extends LitElement {
  static override properties = {
    tiers: { attribute: false },
    path: { attribute: false },
    label: {},
    lang: {},
    problems: { attribute: false },
    warnings: { attribute: false },
  };
  declare tiers: TierSpec[];
  /** The tiers list's path in the scenario. */
  declare path: Path;
  declare label: string;
  declare lang: Lang;
  declare problems: { path: string; message: string }[];
  declare warnings: { path: string; message: string }[];

  constructor() {
    super();
    this.tiers = [];
    this.path = [];
    this.label = '';
    this.lang = 'zh';
    this.problems = [];
    this.warnings = [];
  }

  static override styles = [
    shared,
    itemStyles,
    css`
      :host { display: block; container-type: inline-size; }
      .scroll { overflow-x: auto; max-width: 100%; }
      table { font-size: 12px; color: var(--muted); }
      td input { width: 70px; }
      td input.mini { width: 56px; }
      /* A phone's card (336 px at 390): the table ran 44 px past it, and with it the page (#ui-review). Percentages
         of a corridor need no more than "-100.5" on screen. */
      @container (max-width: 380px) {
        td input { width: 52px; }
        td input.ratio { width: 48px; }
      }
    `,
  ];

  private edge(tier: TierSpec, ti: number, field: 'from' | 'to') {
    if (tier[field] === null) return html`<span class="muted">${field === 'from' ? '−∞' : '+∞'}</span>`;
    return html`<input type="number" step="any" aria-label="${this.label} ${ti + 1} ${field}" .value=${pct(tier[field])}
      @change=${(e: Event) => itemChange(this, [...this.path, ti], field, (e.target as HTMLInputElement).value, true)} />`;
  }

  override render() {
    const L = this.lang;
    const share = t('insurerShare', L);
    const full = this.tiers.length >= LIMITS.tiers;
    return html`<div class="scroll"><table class="tiers" aria-label=${this.label}>
        <thead><tr><th title=${t('hintTierFrom', L)}>m ${t('from', L)} (%)</th><th>${t('to', L)} (%)</th><th>${share} (%)</th><th>${t('tierBasis', L)}</th><th></th></tr></thead>
        <tbody>
          ${this.tiers.map((tier, ti) => {
            const tp = [...this.path, ti];
            const m = rowMessages(this.problems, this.warnings, [tp, [...tp, 'from'], [...tp, 'to'], [...tp, 'insurerShare']]);
            const whole = tier.basis === 'whole';
            return html`<tr>
                <td>${this.edge(tier, ti, 'from')}</td><td>${this.edge(tier, ti, 'to')}</td>
                <td>${miniSlider(this, tp, 'insurerShare', { value: Number(tier.insurerShare), min: 0, max: 100, step: 5, percent: true, label: `${this.label} ${ti + 1} ${share}` })}<input
                  class="ratio" type="number" step="any"
                  aria-label="${this.label} ${ti + 1} ${share}" .value=${pct(tier.insurerShare)}
                  @change=${(e: Event) => itemChange(this, tp, 'insurerShare', (e.target as HTMLInputElement).value, true)} /></td>
                <td title=${t(whole ? 'basisWholeHint' : 'basisMarginalHint', L)}>${t(whole ? 'basisWhole' : 'basisMarginal', L)} ${provenanceChip(tier, L)}</td>
                <td><button aria-label="${t('removeTier', L)} ${this.label} ${ti + 1}" title=${t('removeTier', L)} ?disabled=${this.tiers.length <= 1}
                  @click=${() => emit(this, 'tier-remove', { path: tp })}>✕</button></td>
              </tr>
              ${m.error ? html`<tr><td colspan="5" class="row-error" role="alert">${m.error}</td></tr>` : nothing}
              ${!m.error && m.warning ? html`<tr><td colspan="5" class="row-warn" role="status">⚠ ${m.warning}</td></tr>` : nothing}`;
          })}
        </tbody>
      </table></div>
      <div class="actions"><button aria-label="${t('addTier', L)} ${this.label}" ?disabled=${full} title=${full ? t('tierLimit', L, LIMITS.tiers) : ''}
        @click=${() => emit(this, 'tier-add', { path: this.path })}>＋ ${t('addTier', L)}</button></div>`;
  }
}
customElements.define('js-tier-table', TierTable);

declare global {
  interface HTMLElementTagNameMap {
    'js-tier-table': TierTable;
  }
}
