/**
 * One payment track of a ruleset (一个支付项): its deductible, the band table (add, remove, edit), its own cap
 * (add or remove), and removing the track itself when the ruleset has another.
 */
import { LitElement, css, html, nothing } from 'lit';
import { incomeFigureTitle, type IncomeFigures } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Track } from '../scenario/schema.ts';
import { emit, errorAt, pathString, type Path } from './events.ts';
import { itemChange, itemStyles, miniSlider, rowMessages } from './item-inputs.ts';
import { provenanceChip } from './provenance-chip.ts';
import { shared } from './styles.ts';
import { AcceptedValues } from './accepted-values.ts';
import { fileEpoch } from './param-field.ts';

export class TrackEditor extends LitElement {
  static override properties = {
    track: { attribute: false },
    path: { attribute: false },
    removable: { type: Boolean },
    lang: {},
    problems: { attribute: false },
    warnings: { attribute: false },
    importing: { state: true },
    incomeIndex: { attribute: false },
  };
  /** The scenario's income figures (an indexed deductible is derived from one), named by their titles. */
  declare incomeIndex: IncomeFigures;
  declare track: Track;
  /** The band table from a sheet is open (band-import.ts, loaded when first opened). */
  declare importing: boolean;
  /** The track's path in the scenario (rulesets[i].tracks[j]). */
  declare path: Path;
  /** The ruleset has another track, so this one can go. */
  declare removable: boolean;
  declare lang: Lang;
  declare problems: { path: string; message: string }[];
  declare warnings: { path: string; message: string }[];

  /** The values the band labels and the derived deductible are built from, as last accepted (accepted-values.ts). */
  private readonly accepted = new AcceptedValues();
  private acceptedAt(path: Path, value: number | null) {
    return this.accepted.shown(fileEpoch(), this.problems, pathString(path), value);
  }

  constructor() {
    super();
    this.path = [];
    this.removable = false;
    this.importing = false;
    this.incomeIndex = {};
    this.lang = 'zh';
    this.problems = [];
    this.warnings = [];
  }

  static override styles = [
    shared,
    itemStyles,
    css`
      :host { display: block; }
      .derived { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em; margin: 0.3em 0; }
      .derived .label { min-width: 6em; }
    `,
  ];

  private async openImport() {
    await import('./band-import.ts');
    this.importing = true;
  }

  private band(bi: number) {
    const L = this.lang;
    const track = this.track;
    const b = track.bands[bi];
    const bp = [...this.path, 'bands', bi];
    // A band starts where the one before it ends (the first at the deductible): as accepted, not as typed.
    const from =
      bi === 0
        ? this.acceptedAt([...this.path, 'deductible'], Number(track.deductible?.value))
        : this.acceptedAt([...this.path, 'bands', bi - 1, 'to'], track.bands[bi - 1]?.to ?? null);
    const m = rowMessages(this.problems, this.warnings, [[...bp, 'to'], [...bp, 'ratio'], bp]);
    const invalid = (f: string) => (errorAt(this.problems, pathString([...bp, f])) ? 'true' : 'false');
    const openLast = b.to === null && bi === track.bands.length - 1;
    return html`<tr class=${m.error ? 'band-error' : ''}>
        <td>${from === null || from === undefined ? '' : Number(from).toLocaleString('zh-CN')} – ${b.to === null ? t('open', L) : ''} ${provenanceChip(b, L)}</td>
        <td>${
          openLast
            ? html`<span class="muted">∞</span>`
            : html`<input type="number" step="any" aria-label="${t('bandTo', L)} ${bi + 1}" .value=${b.to === null ? '' : String(b.to)} aria-invalid=${invalid('to')}
              @change=${(e: Event) => itemChange(this, bp, 'to', (e.target as HTMLInputElement).value)} />`
        }</td>
        <td>${typeof b.ratio === 'number' ? miniSlider(this, bp, 'ratio', { value: b.ratio, min: 0, max: 100, step: 1, percent: true, label: `${t('bandRatio', L)} ${bi + 1}` }) : nothing}<input
            class="ratio" type="number" step="any" aria-label="${t('bandRatio', L)} ${bi + 1}" aria-invalid=${invalid('ratio')}
            .value=${typeof b.ratio === 'number' ? String(+(b.ratio * 100).toFixed(6)) : String(b.ratio)}
            @change=${(e: Event) => itemChange(this, bp, 'ratio', (e.target as HTMLInputElement).value, true)} /></td>
        <td><button aria-label="${t('removeBand', L)} ${bi + 1}" title=${t('removeBand', L)} ?disabled=${track.bands.length <= 1}
            @click=${() => emit(this, 'item-remove', { path: bp })}>✕</button></td>
      </tr>
      ${m.error ? html`<tr><td colspan="4" class="row-error" role="alert">${m.error}</td></tr>` : nothing}
      ${!m.error && m.warning ? html`<tr><td colspan="4" class="row-warn" role="status">⚠ ${m.warning}</td></tr>` : nothing}`;
  }

  /**
   * A deductible indexed to an income figure (scenario/income-index.ts): shown as derived, share × figure, with the
   * share editable (editor-panel.ts re-derives the value from it).
   */
  private indexed() {
    const L = this.lang;
    const d = this.track.deductible;
    const idx = d.indexedTo!;
    const tp = this.path;
    const figure = Object.hasOwn(this.incomeIndex, idx.income) ? this.incomeIndex[idx.income].value : undefined;
    // The figure as a reader names it (城镇居民人均可支配收入), its key in the hover; the key where it has no title.
    const title = incomeFigureTitle(this.incomeIndex, idx.income, L);
    // A rejected share (or figure) leaves the derived amount as it was accepted; the share's field shows its message.
    const value = this.acceptedAt([...tp, 'deductible'], d.value);
    const share = this.acceptedAt([...tp, 'deductible', 'indexedTo', 'share'], idx.share.value);
    const money = (x: number) => x.toLocaleString(L === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 });
    const error =
      errorAt(this.problems, pathString([...tp, 'deductible', 'value'])) ??
      errorAt(this.problems, pathString([...tp, 'deductible', 'indexedTo', 'income']));
    return html`<div class="derived" role="group" aria-label=${t('deductible', L)}>
        <span class="label">${t('deductible', L)}</span>
        <strong>${value === null || value === undefined ? '' : money(value)}</strong>
        <span class="muted">= ${share ?? ''} × <span class="figure" title=${`incomeIndex.${idx.income}`}>${title ?? t('indexedIncome', L, idx.income)}</span>${figure === undefined ? '' : ` (${money(figure)})`} · ${t('indexedDerived', L)}</span>
        ${provenanceChip(idx.share, L)}
        ${error ? html`<div class="row-error" role="alert">${error}</div>` : nothing}
      </div>
      <js-param-field .lang=${L} label=${t('indexedShare', L)} .path=${[...tp, 'deductible', 'indexedTo', 'share']} .param=${idx.share}
        min="0" max=${Math.max(2, idx.share.value * 2)} step="0.05" .error=${errorAt(this.problems, pathString([...tp, 'deductible', 'indexedTo', 'share', 'value']))}></js-param-field>`;
  }

  override render() {
    const L = this.lang;
    const track = this.track;
    const tp = this.path;
    const at = (p: Path) => errorAt(this.problems, pathString([...tp, ...p]));
    const warn = (p: Path) => errorAt(this.warnings, pathString([...tp, ...p]));
    const ded = Number(track.deductible?.value);
    const full = track.bands.length >= LIMITS.bands;
    return html`
      <h4>${t('base', L)}: ${t(track.base, L)}
        ${
          this.removable
            ? html`<button class="small" aria-label="${t('removeTrack', L)} ${track.id}"
          @click=${() => emit(this, 'track-remove', { path: tp })}>✕ ${t('removeTrack', L)}</button>`
            : nothing
        }</h4>
      ${
        track.deductible?.indexedTo
          ? this.indexed()
          : html`<js-param-field .lang=${L} label=${t('deductible', L)} .path=${[...tp, 'deductible']} .param=${track.deductible}
        min="0" max=${Math.max(100000, ded * 2)} step="500" .error=${at(['deductible'])} .warning=${warn(['deductible'])}></js-param-field>`
      }
      <table class="bands" aria-label="${t('bands', L)} ${track.id}">
        <thead><tr><th>${t('bands', L)}</th><th>${t('bandTo', L)}</th><th>${t('bandRatio', L)} (%)</th><th></th></tr></thead>
        <tbody>${track.bands.map((_, bi) => this.band(bi))}</tbody>
      </table>
      <div class="actions">
        <button ?disabled=${full} title=${t('bandLimit', L, LIMITS.bands)} @click=${() => emit(this, 'band-add', { path: [...tp, 'bands'] })}>＋ ${t('addBand', L)}</button>
        <span class="muted">${track.bands.length} / ${LIMITS.bands}</span>
        ${track.cap ? nothing : html`<button @click=${() => emit(this, 'cap-add', { path: tp })}>＋ ${t('trackCap', L)}</button>`}
      </div>
      ${
        this.importing
          ? html`<js-band-import .track=${track} .path=${tp} .lang=${L} @import-close=${() => (this.importing = false)}></js-band-import>`
          : html`<div class="actions"><button class="import" @click=${() => this.openImport()}>⇪ ${t('bandsImport', L)}</button></div>`
      }
      ${
        track.cap
          ? html`<js-param-field .lang=${L} label=${t('trackCap', L)} .path=${[...tp, 'cap']} .param=${track.cap} min="0" max=${track.cap.value * 2} step="1000" .error=${at(['cap'])}></js-param-field>
            <button class="small" @click=${() => emit(this, 'item-remove', { path: [...tp, 'cap'] })}>${t('removeCap', L)}</button>`
          : nothing
      }
    `;
  }
}
customElements.define('js-track-editor', TrackEditor);

declare global {
  interface HTMLElementTagNameMap {
    'js-track-editor': TrackEditor;
  }
}
