/**
 * One ruleset, editable: its name and place among the others, its tracks (each a js-track-editor), the overall
 * cap, group modifiers, funding channels and the corridor's readings. Every value shows its provenance; messages
 * appear beside the fields; structural edits go up as events (editor-panel applies them).
 */
import { LitElement, css, html, nothing } from 'lit';
import { CHANNEL_NAMES } from '../report/tables.ts';
import type { IncomeFigures } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Ruleset } from '../scenario/schema.ts';
import { TRACK_BASES } from '../scenario/structure.ts';
import { emit, errorAt, pathString, type Path } from './events.ts';
import { itemStyles } from './item-inputs.ts';
import { provenanceChip } from './provenance-chip.ts';
import { shared } from './styles.ts';
import './household-editors.ts';
import './modifier-list.ts';
import './param-field.ts';
import './tier-table.ts';
import './track-editor.ts';
import type { Msg } from './accepted-values.ts';

export class RulesetCard extends LitElement {
  static override properties = {
    ruleset: { attribute: false },
    index: { type: Number },
    count: { type: Number },
    problems: { attribute: false },
    warnings: { attribute: false },
    lang: {},
    color: {},
    populationTitles: { attribute: false },
    groupTitles: { attribute: false },
    incomeIndex: { attribute: false },
  };
  /** The scenario's income figures, which a track's or a modifier's deductible may be indexed to (scenario/income-index.ts). */
  declare incomeIndex: IncomeFigures;
  /** Population id → its title in the current language, to name the population a funding channel pays for. */
  declare populationTitles: Record<string, string>;
  /** Group tags by the title a person reads (populations[].groups[].title). */
  declare groupTitles: Record<string, string>;
  declare ruleset: Ruleset;
  declare index: number;
  /** How many rulesets the scenario has (limits on adding and removing). */
  declare count: number;
  declare problems: Msg[];
  /** Validator warnings, shown beside the values they are about. */
  declare warnings: Msg[];
  declare lang: Lang;
  declare color: string;

  constructor() {
    super();
    this.index = 0;
    this.count = 1;
    this.problems = [];
    this.warnings = [];
    this.lang = 'zh';
    this.color = '#1d4ed8';
    this.populationTitles = {};
    this.groupTitles = {};
    this.incomeIndex = {};
  }

  static override styles = [
    shared,
    itemStyles,
    css`
      :host { display: block; content-visibility: auto; contain-intrinsic-size: auto 640px; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: white; border-top: 4px solid var(--card-color); }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 6px; }
      input.title { font: inherit; font-size: 15px; font-weight: 600; border: 1px solid transparent; border-radius: 4px; padding: 1px 4px; min-width: 0; flex: 1; }
      input.title:hover, input.title:focus, input.reading:hover, input.reading:focus { border-color: var(--line); }
      input.reading { font: inherit; border: 1px solid transparent; border-radius: 4px; padding: 0 4px; min-width: 0; width: 12em; color: var(--muted); }
      .ruleset-actions { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 6px; }
      .ruleset-actions button { font-size: 12px; padding: 2px 8px; }
      h5 { margin: 8px 0 2px; font-size: 12px; color: var(--muted); font-weight: 600; display: flex; align-items: center; gap: 6px; }
      .tiers { font-size: 12px; color: var(--muted); }
      /* The title has the card's whole width, the id on the line beneath: beside it, the id cut an English title short. */
      header { flex-wrap: wrap; }
      input.title { flex: 1 1 100%; }
    `,
  ];

  private base(path: Path): Path {
    return ['rulesets', this.index, ...path];
  }

  private header() {
    const r = this.ruleset;
    const L = this.lang;
    const full = this.count >= LIMITS.rulesets;
    return html`<header>
        <input class="title" aria-label=${t('rulesetTitle', L)} .value=${r.title?.[L] ?? r.id}
          @change=${(e: Event) => emit(this, 'retitle', { path: this.base([]), lang: L, title: (e.target as HTMLInputElement).value })} />
        <span class="muted" title=${t('rulesetIdHint', L)}>${r.id}</span>
      </header>
      <div class="ruleset-actions">
        <button ?disabled=${full} title=${full ? t('rulesetLimit', L, LIMITS.rulesets) : t('duplicateHint', L)}
          @click=${() => emit(this, 'ruleset-duplicate', { index: this.index })}>${t('duplicateRuleset', L)}</button>
        <button aria-label=${t('moveUp', L)} ?disabled=${this.index === 0} @click=${() => emit(this, 'ruleset-move', { index: this.index, by: -1 })}>↑</button>
        <button aria-label=${t('moveDown', L)} ?disabled=${this.index >= this.count - 1} @click=${() => emit(this, 'ruleset-move', { index: this.index, by: 1 })}>↓</button>
        <button ?disabled=${this.count <= 1} @click=${() => emit(this, 'ruleset-remove', { index: this.index })}>${t('removeRuleset', L)}</button>
      </div>`;
  }

  private tracks() {
    const r = this.ruleset;
    const L = this.lang;
    const tracks = r.tracks ?? [];
    const full = tracks.length >= LIMITS.tracks;
    return html`${tracks.map(
      (track, ti) =>
        html`<js-track-editor .track=${track} .incomeIndex=${this.incomeIndex} .path=${this.base(['tracks', ti])} ?removable=${tracks.length > 1} .lang=${L} .problems=${this.problems} .warnings=${this.warnings}></js-track-editor>`,
    )}
      <div class="actions"><label>${t('addTrack', L)}
        <select aria-label=${t('addTrack', L)} ?disabled=${full} title=${full ? t('trackLimit', L, LIMITS.tracks) : ''} @change=${(
          e: Event,
        ) => {
          const select = e.target as HTMLSelectElement;
          if (select.value) emit(this, 'track-add', { index: this.index, base: select.value });
          select.value = '';
        }}><option value="">—</option>${TRACK_BASES.map((b) => html`<option value=${b}>${t(b, L)}</option>`)}</select></label></div>`;
  }

  private cap() {
    const r = this.ruleset;
    const L = this.lang;
    const errs = (p: Path) => errorAt(this.problems, pathString(this.base(p)));
    const warns = (p: Path) => errorAt(this.warnings, pathString(this.base(p)));
    if (!r.cap)
      return html`<div class="actions"><span class="muted">${t('cap', L)}: ${t('noCap', L)}</span>
        <button @click=${() => emit(this, 'cap-add', { path: this.base([]) })}>＋ ${t('addCap', L)}</button></div>`;
    return html`<js-param-field .lang=${L} label=${t('cap', L)} .path=${this.base(['cap'])}
      .param=${r.cap} min="0" max=${r.cap.value * 2} step="5000" .error=${errs(['cap'])} .warning=${warns(['cap'])}></js-param-field>
      <div class="actions"><button @click=${() => emit(this, 'item-remove', { path: this.base(['cap']) })}>${t('removeCap', L)}</button></div>`;
  }

  /** The document's ceiling on the ratios (seed 004 三(三) 最高不超过80%): a bound, shown with how it treats a group's lift. */
  private ceiling() {
    const c = this.ruleset.ratioCeiling;
    const L = this.lang;
    if (!c) return nothing;
    const errs = (p: Path) => errorAt(this.problems, pathString(this.base(p)));
    const reading = c.bindsModifiers === true ? 'ceilingBinds' : c.bindsModifiers === false ? 'ceilingLifted' : 'ceilingOpen';
    return html`<js-param-field .lang=${L} label=${t('ratioCeiling', L)} percent .path=${this.base(['ratioCeiling'])}
      .param=${c} min="0" max="100" step="1" .error=${errs(['ratioCeiling'])}></js-param-field>
      <div class="actions"><span class="muted">${t(reading, L)}</span></div>`;
  }

  private funding() {
    const r = this.ruleset;
    const L = this.lang;
    const errs = (p: Path) => errorAt(this.problems, pathString(this.base(p)));
    return html`<h4>${t('fundingChannels', L)} ${r.funding.monthsInForce ? html`<span class="tiers">· ${t('monthsInForce', L)} ${r.funding.monthsInForce.value}</span>` : nothing}</h4>
      ${r.funding.channels.map((c, ci) => {
        const key = c.perInsured ? 'perInsured' : 'total';
        const param = c.perInsured ?? c.total!;
        const who = c.population ? ` · ${this.populationTitles[c.population] ?? c.population}` : '';
        const label = `${c.title?.[L] ?? CHANNEL_NAMES[c.channel][L]}${who} · ${t(key === 'perInsured' ? 'perInsuredUnit' : 'totalUnit', L)}`;
        const max = key === 'perInsured' ? Math.max(200, param.value * 2) : Math.max(1e6, param.value * 2);
        const path = ['funding', 'channels', ci];
        return html`<js-param-field .lang=${L} label=${label} .path=${this.base([...path, key])} .param=${param} min="0" max=${max} step=${key === 'perInsured' ? 0.5 : 10000}
          .error=${errs([...path, key]) || errs(path)}></js-param-field>`;
      })}`;
  }

  private corridor() {
    const c = this.ruleset.corridor;
    const L = this.lang;
    if (!c) return nothing;
    const table = (path: Path, tiers: typeof c.tiers, label: string) =>
      html`<js-tier-table .tiers=${tiers ?? []} .path=${this.base(path)} label=${label} .lang=${L} .problems=${this.problems} .warnings=${this.warnings}></js-tier-table>`;
    return html`<h4>${t('corridor', L)} ${provenanceChip(c, L)}</h4>
      ${table(['corridor', 'tiers'], c.tiers, t('corridor', L))}
      ${(c.alternatives ?? []).map(
        (
          a,
          ai,
        ) => html`<h5>${t('reading', L)}: <input class="reading" aria-label="${t('readingTitle', L)} ${a.id}" .value=${a.title?.[L] ?? a.id}
              @change=${(e: Event) =>
                emit(this, 'retitle', {
                  path: this.base(['corridor', 'alternatives', ai]),
                  lang: L,
                  title: (e.target as HTMLInputElement).value,
                })} />
            ${provenanceChip(a, L)}
            <button aria-label="${t('removeReading', L)} ${a.id}" @click=${() => emit(this, 'item-remove', { path: this.base(['corridor', 'alternatives', ai]) })}>✕</button></h5>
          ${table(['corridor', 'alternatives', ai, 'tiers'], a.tiers, a.id)}`,
      )}
      <div class="actions"><button ?disabled=${(c.alternatives ?? []).length >= 4}
        @click=${() => emit(this, 'reading-add', { path: this.base(['corridor']) })}>＋ ${t('addReading', L)}</button></div>`;
  }

  override render() {
    this.style.setProperty('--card-color', this.color);
    const L = this.lang;
    return html`
      ${this.header()}
      ${this.tracks()}
      ${this.cap()}
      ${this.ceiling()}
      <h4>${t('modifiers', L)}</h4>
      <js-modifier-list .modifiers=${this.ruleset.modifiers ?? []} .path=${this.base(['modifiers'])} .groupTitles=${this.groupTitles} .incomeIndex=${this.incomeIndex} .lang=${L} .problems=${this.problems} .warnings=${this.warnings}></js-modifier-list>
      <js-assistance-editor .assistance=${this.ruleset.assistance} .path=${this.base([])} .groupTitles=${this.groupTitles} .lang=${L} .problems=${this.problems}></js-assistance-editor>
      ${this.funding()}
      ${this.corridor()}
    `;
  }
}
customElements.define('js-ruleset-card', RulesetCard);

declare global {
  interface HTMLElementTagNameMap {
    'js-ruleset-card': RulesetCard;
  }
}
