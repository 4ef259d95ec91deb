/**
 * A ruleset's group modifiers (preferential rules for assistance recipients and others, seed 000 三(三), seed 002
 * 二(三)): each field editable and removable, a field added from the ones it lacks, a modifier added for a group
 * that has none yet, or removed.
 */
import { LitElement, css, html, nothing } from 'lit';
import { incomeFigureTitle, type IncomeFigures } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import type { Modifier } from '../scenario/schema.ts';
import { MODIFIER_FIELDS, type ModifierField } from '../scenario/structure.ts';
import { emit, type Path } from './events.ts';
import { itemChange, itemStyles, miniSlider, rowMessages } from './item-inputs.ts';
import { provenanceChip } from './provenance-chip.ts';
import { shared } from './styles.ts';

/** How each field reads and moves: its label, whether it is a percent, and a slider where one helps. */
const FIELD: Record<
  ModifierField,
  {
    label: 'deductibleFactor' | 'deductibleOverride' | 'ratioAdd' | 'capOverride' | 'capFactor';
    percent: boolean;
    slider?: [number, number, number];
  }
> = {
  deductibleFactor: { label: 'deductibleFactor', percent: false, slider: [0, 1.5, 0.05] },
  deductible: { label: 'deductibleOverride', percent: false },
  ratioAdd: { label: 'ratioAdd', percent: true, slider: [0, 20, 1] },
  cap: { label: 'capOverride', percent: false },
  capFactor: { label: 'capFactor', percent: false, slider: [0, 3, 0.1] },
};

export class ModifierList extends LitElement {
  static override properties = {
    modifiers: { attribute: false },
    path: { attribute: false },
    groupTitles: { attribute: false },
    incomeIndex: { attribute: false },
    lang: {},
    problems: { attribute: false },
    warnings: { attribute: false },
  };
  declare modifiers: Modifier[];
  /** The modifiers list's path (rulesets[i].modifiers). */
  declare path: Path;
  /** Group tags → the titles a person reads (from the populations). */
  declare groupTitles: Record<string, string>;
  /** The scenario's income figures: an override indexed to one is said with the figure's title and value. */
  declare incomeIndex: IncomeFigures;
  declare lang: Lang;
  declare problems: { path: string; message: string }[];
  /** Warnings beside their modifier (a lift past the ruleset's ratio ceiling, scenario/semantics.ts). */
  declare warnings: { path: string; message: string }[];

  constructor() {
    super();
    this.modifiers = [];
    this.path = [];
    this.groupTitles = {};
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
      .mod { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; font-size: 13px; margin: 4px 0; padding: 4px 0; border-bottom: 1px solid #f0f0f0; }
      .mod input[type='number'] { width: 80px; text-align: right; }
      .add-mod { font-size: 12px; display: flex; gap: 6px; align-items: center; margin-bottom: 4px; }
    `,
  ];

  private field(m: Modifier, mp: Path, f: ModifierField) {
    const L = this.lang;
    const spec = FIELD[f];
    const value = m[f] as number;
    const label = t(spec.label, L);
    const shown = spec.percent ? String(+(value * 100).toFixed(6)) : String(value);
    return html`<label>${label}${spec.percent ? ' (%)' : ''}
      ${spec.slider ? miniSlider(this, mp, f, { value, min: spec.slider[0], max: spec.slider[1], step: spec.slider[2], percent: spec.percent, label }) : nothing}<input
        type="number" step="any" aria-label=${label} .value=${shown} @change=${(e: Event) => itemChange(this, mp, f, (e.target as HTMLInputElement).value, spec.percent)} /><button
        class="small" aria-label="${t('removeField', L)} ${label}" title=${t('removeField', L)} @click=${() => emit(this, 'item-remove', { path: [...mp, f] })}>✕</button>${
          // An override indexed to an income figure (scenario/income-index.ts): said beside it; typing a value sets it outright.
          f === 'deductible' && m.deductibleIndexedTo ? this.indexed(m.deductibleIndexedTo) : nothing
        }</label>`;
  }

  /** "= 1 × 农村居民人均纯收入 (12,123) · 由收入指标推导": the figure by its title (its key in the hover), as the track editor says it. */
  private indexed(idx: NonNullable<Modifier['deductibleIndexedTo']>) {
    const L = this.lang;
    const key = idx.income;
    const figure = Object.hasOwn(this.incomeIndex, key) ? this.incomeIndex[key].value : undefined;
    const money = (x: number) => x.toLocaleString(L === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 });
    return html`<span class="muted derived">= ${idx.share.value} × <span class="figure" title=${`incomeIndex.${key}`}>${incomeFigureTitle(this.incomeIndex, key, L) ?? t('indexedIncome', L, key)}</span>${figure === undefined ? '' : ` (${money(figure)})`} · ${t('indexedDerived', L)}</span>`;
  }

  private modifier(m: Modifier, mi: number) {
    const L = this.lang;
    const mp = [...this.path, mi];
    const msg = rowMessages(this.problems, this.warnings, [mp, ...MODIFIER_FIELDS.map((f) => [...mp, f])]);
    const missing = MODIFIER_FIELDS.filter((f) => m[f] === undefined);
    const title = this.groupTitles[m.group] ?? m.group;
    return html`<div class="mod">
      <strong title=${m.group}>${title}</strong> ${provenanceChip(m, L)}
      ${MODIFIER_FIELDS.filter((f) => m[f] !== undefined).map((f) => this.field(m, mp, f))}
      ${
        missing.length
          ? html`<select class="small" aria-label="${t('addModifierField', L)} ${title}" @change=${(e: Event) => {
              const select = e.target as HTMLSelectElement;
              if (select.value) emit(this, 'modifier-field-add', { path: mp, field: select.value });
              select.value = '';
            }}><option value="">${t('addModifierField', L)}</option>${missing.map((f) => html`<option value=${f}>${t(FIELD[f].label, L)}</option>`)}</select>`
          : nothing
      }
      <button class="small" aria-label="${t('removeModifier', L)} ${title}" @click=${() => emit(this, 'item-remove', { path: mp })}>${t('removeModifier', L)}</button>
      ${msg.error ? html`<span class="error" role="alert">${msg.error}</span>` : nothing}
      ${!msg.error && msg.warning ? html`<span class="row-warn">${msg.warning}</span>` : nothing}
    </div>`;
  }

  override render() {
    const L = this.lang;
    const free = Object.keys(this.groupTitles).filter((g) => !this.modifiers.some((m) => m.group === g));
    return html`
      ${
        free.length
          ? html`<label class="add-mod">${t('addModifier', L)}
            <select aria-label=${t('addModifier', L)} @change=${(e: Event) => {
              const select = e.target as HTMLSelectElement;
              if (select.value) emit(this, 'modifier-add', { path: this.path, group: select.value });
              select.value = '';
            }}><option value="">—</option>${free.map((g) => html`<option value=${g}>${this.groupTitles[g]}</option>`)}</select></label>`
          : nothing
      }
      ${this.modifiers.map((m, mi) => this.modifier(m, mi))}
    `;
  }
}
customElements.define('js-modifier-list', ModifierList);

declare global {
  interface HTMLElementTagNameMap {
    'js-modifier-list': ModifierList;
  }
}
