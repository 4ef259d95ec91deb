/**
 * One ruleset, editable: deductible per track, the band table (add, remove, edit), caps, group modifiers,
 * funding standard, and the corridor tiers. Every value shows its provenance; messages appear beside fields.
 */
import { LIMITS } from '../scenario/limits.ts';
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../report/strings.ts';
import type { Ruleset, TierSpec } from '../scenario/schema.ts';
import { emit, errorAt, pathString, type ItemChange } from './events.ts';
import { provenanceChip } from './provenance-chip.ts';
import { t } from '../report/strings.ts';
import { CHANNEL_NAMES } from '../report/tables.ts';
import { shared } from './styles.ts';
import './param-field.ts';

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
  };
  /** Population id → its title in the current language, to name the population a funding channel pays for. */
  declare populationTitles: Record<string, string>;
  /** Group tags by the title a person reads (populations[].groups[].title). */
  declare groupTitles: Record<string, string>;
  declare ruleset: Ruleset;
  declare index: number;
  /** How many rulesets the scenario has (limits on adding and removing). */
  declare count: number;
  declare problems: { path: string; message: string }[];
  /** Validator warnings, shown beside the values they are about. */
  declare warnings: { path: string; message: string }[];
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
  }

  static override styles = [
    shared,
    css`
      :host { display: block; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: white; border-top: 4px solid var(--card-color); }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 6px; }
      input.title { font: inherit; font-size: 15px; font-weight: 600; border: 1px solid transparent; border-radius: 4px; padding: 1px 4px; min-width: 0; flex: 1; }
      input.title:hover, input.title:focus { border-color: var(--line); }
      .add-mod { font-size: 12px; display: flex; gap: 6px; align-items: center; margin-bottom: 4px; }
      .ruleset-actions { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 6px; }
      .ruleset-actions button { font-size: 12px; padding: 2px 8px; }
      h3 { font-size: 15px; }
      h4 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; }
      h5 { margin: 8px 0 2px; font-size: 12px; color: var(--muted); font-weight: 600; display: flex; align-items: center; gap: 6px; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; }
      th, td { padding: 3px 4px; border-bottom: 1px solid #f0f0f0; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      td input { width: 92px; text-align: right; }
      td input.ratio { width: 64px; }
      .band-error td { border-bottom: none; }
      .row-error { color: var(--error); font-size: 12px; text-align: left; }
      .row-warn { color: var(--warn); font-size: 12px; text-align: left; }
      .actions { display: flex; gap: 6px; margin-top: 6px; }
      .tiers { font-size: 12px; color: var(--muted); }
      .scroll { overflow-x: auto; max-width: 100%; }
      table.tiers td input { width: 70px; }
      input.mini { width: 64px; vertical-align: middle; margin-right: 4px; accent-color: var(--accent); }
      table.tiers td input.mini { width: 56px; }
      .mod { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; font-size: 13px; margin: 4px 0; }
      .mod input { width: 70px; text-align: right; }
    `,
  ];

  private base(path: (string | number)[]) {
    return ['rulesets', this.index, ...path];
  }

  private itemChange(path: (string | number)[], field: string, raw: string, percent = false) {
    const trimmed = raw.trim();
    const value = field === 'to' && trimmed === '' ? null : percent ? Number(trimmed) / 100 : Number(trimmed);
    emit<ItemChange>(this, 'item-change', {
      path: this.base(path),
      field,
      value: value === null || Number.isFinite(value) ? value : trimmed,
    });
  }

  /** A compact slider beside an exact field of a list item (band ratio, modifier, tier share). */
  private slider(
    path: (string | number)[],
    field: string,
    value: number,
    min: number,
    max: number,
    step: number,
    percent: boolean,
    label: string,
  ) {
    const shown = percent ? +(value * 100).toFixed(6) : value;
    return html`<input class="mini" type="range" min=${Math.min(min, shown)} max=${Math.max(max, shown)} step=${step} .value=${String(shown)} aria-label="${label} slider"
      @change=${(e: Event) => this.itemChange(path, field, (e.target as HTMLInputElement).value, percent)} />`;
  }

  /** A corridor's tiers (the main reading or an alternative) at `path`: edges, insurer share, basis; add and remove. */
  private tierTable(path: (string | number)[], tiers: TierSpec[], label: string) {
    const L = this.lang;
    const errs = (p: (string | number)[]) => errorAt(this.problems, pathString(this.base(p)));
    const warns = (p: (string | number)[]) => errorAt(this.warnings, pathString(this.base(p)));
    return html`<div class="scroll"><table class="tiers" aria-label=${label}>
        <thead><tr><th>m ${t('from', L)} (%)</th><th>${t('to', L)} (%)</th><th>${t('insurerShare', L)} (%)</th><th>${t('tierBasis', L)}</th><th></th></tr></thead>
        <tbody>
          ${tiers.map((tier, ti) => {
            const tp = [...path, ti];
            const err = [errs(tp), errs([...tp, 'from']), errs([...tp, 'to']), errs([...tp, 'insurerShare'])].filter(Boolean).join('; ');
            const warn = [warns(tp), warns([...tp, 'from']), warns([...tp, 'to'])].filter(Boolean).join('; ');
            const edge = (field: 'from' | 'to') =>
              tier[field] === null
                ? html`<span class="muted">${field === 'from' ? '−∞' : '+∞'}</span>`
                : html`<input type="number" step="any" aria-label="${label} ${ti + 1} ${field}" .value=${String(+(Number(tier[field]) * 100).toFixed(6))}
                    @change=${(e: Event) => this.itemChange(tp, field, (e.target as HTMLInputElement).value, true)} />`;
            return html`<tr>
                <td>${edge('from')}</td><td>${edge('to')}</td>
                <td>${this.slider(tp, 'insurerShare', Number(tier.insurerShare), 0, 100, 5, true, `${label} ${ti + 1} ${t('insurerShare', L)}`)}<input class="ratio" type="number" step="any" aria-label="${label} ${ti + 1} ${t('insurerShare', L)}" .value=${String(+(Number(tier.insurerShare) * 100).toFixed(6))}
                  @change=${(e: Event) => this.itemChange(tp, 'insurerShare', (e.target as HTMLInputElement).value, true)} /></td>
                <td title=${t(tier.basis === 'whole' ? 'basisWholeHint' : 'basisMarginalHint', L)}>${t(tier.basis === 'whole' ? 'basisWhole' : 'basisMarginal', L)} ${provenanceChip(tier, L)}</td>
                <td><button aria-label="${t('removeTier', L)} ${label} ${ti + 1}" title=${t('removeTier', L)} ?disabled=${tiers.length <= 1}
                  @click=${() => emit(this, 'tier-remove', { path: this.base(tp) })}>✕</button></td>
              </tr>
              ${err ? html`<tr><td colspan="5" class="row-error" role="alert">${err}</td></tr>` : nothing}
              ${!err && warn ? html`<tr><td colspan="5" class="row-warn" role="status">⚠ ${warn}</td></tr>` : nothing}`;
          })}
        </tbody>
      </table></div>
      <div class="actions"><button aria-label="${t('addTier', L)} ${label}" ?disabled=${tiers.length >= 16} @click=${() => emit(this, 'tier-add', { path: this.base(path) })}>＋ ${t('addTier', L)}</button></div>`;
  }

  /** A modifier for a group that has none yet in this ruleset (the groups come from the populations). */
  private addModifier(modifiers: { group: string }[]) {
    const L = this.lang;
    const free = Object.keys(this.groupTitles).filter((g) => !modifiers.some((m) => m.group === g));
    if (!free.length) return nothing;
    return html`<label class="add-mod">${t('addModifier', L)}
      <select aria-label=${t('addModifier', L)} @change=${(e: Event) => {
        const select = e.target as HTMLSelectElement;
        if (select.value) emit(this, 'modifier-add', { path: this.base(['modifiers']), group: select.value });
        select.value = '';
      }}>
        <option value="">—</option>
        ${free.map((g) => html`<option value=${g}>${this.groupTitles[g]}</option>`)}
      </select></label>`;
  }

  override render() {
    const r = this.ruleset;
    const L = this.lang;
    const errs = (p: (string | number)[]) => errorAt(this.problems, pathString(this.base(p)));
    const warns = (p: (string | number)[]) => errorAt(this.warnings, pathString(this.base(p)));
    this.style.setProperty('--card-color', this.color);
    return html`
      <header>
        <input class="title" aria-label=${t('rulesetTitle', L)} .value=${r.title?.[L] ?? r.id}
          @change=${(e: Event) => emit(this, 'ruleset-retitle', { index: this.index, lang: L, title: (e.target as HTMLInputElement).value })} />
        <span class="muted" title=${t('rulesetIdHint', L)}>${r.id}</span>
      </header>
      <div class="ruleset-actions">
        <button ?disabled=${this.count >= LIMITS.rulesets} title=${this.count >= LIMITS.rulesets ? t('rulesetLimit', L, LIMITS.rulesets) : t('duplicateHint', L)}
          @click=${() => emit(this, 'ruleset-duplicate', { index: this.index })}>${t('duplicateRuleset', L)}</button>
        <button aria-label=${t('moveUp', L)} ?disabled=${this.index === 0} @click=${() => emit(this, 'ruleset-move', { index: this.index, by: -1 })}>↑</button>
        <button aria-label=${t('moveDown', L)} ?disabled=${this.index >= this.count - 1} @click=${() => emit(this, 'ruleset-move', { index: this.index, by: 1 })}>↓</button>
        <button ?disabled=${this.count <= 1} @click=${() => emit(this, 'ruleset-remove', { index: this.index })}>${t('removeRuleset', L)}</button>
      </div>
      ${(r.tracks ?? []).map((track, ti) => {
        const tp = ['tracks', ti];
        const ded = Number(track.deductible?.value);
        return html`
          <h4>${t('base', L)}: ${t(track.base, L)}</h4>
          <js-param-field .lang=${L} label=${t('deductible', L)} .path=${this.base([...tp, 'deductible'])} .param=${track.deductible}
            min="0" max=${Math.max(100000, ded * 2)} step="500" .error=${errs([...tp, 'deductible'])} .warning=${warns([...tp, 'deductible'])}></js-param-field>
          <table class="bands" aria-label="${t('bands', L)} ${track.id}">
            <thead><tr><th>${t('bands', L)}</th><th>${t('bandTo', L)}</th><th>${t('bandRatio', L)} (%)</th><th></th></tr></thead>
            <tbody>
              ${(track.bands ?? []).map((b, bi) => {
                const bp = [...tp, 'bands', bi];
                const from = bi === 0 ? ded : track.bands[bi - 1]?.to;
                const rowErr = [errs([...bp, 'to']), errs([...bp, 'ratio']), errs(bp)].filter(Boolean).join('; ');
                const rowWarn = [warns([...bp, 'to']), warns([...bp, 'ratio']), warns(bp)].filter(Boolean).join('; ');
                return html`<tr class=${rowErr ? 'band-error' : ''}>
                    <td>${from === null || from === undefined ? '' : Number(from).toLocaleString('zh-CN')} – ${b.to === null ? t('open', L) : ''} ${provenanceChip(b, L)}</td>
                    <td>${
                      b.to === null && bi === track.bands.length - 1
                        ? html`<span class="muted">∞</span>`
                        : html`<input type="number" step="any" aria-label="${t('bandTo', L)} ${bi + 1}" .value=${b.to === null ? '' : String(b.to)}
                          aria-invalid=${errs([...bp, 'to']) ? 'true' : 'false'}
                          @change=${(e: Event) => this.itemChange(bp, 'to', (e.target as HTMLInputElement).value)} />`
                    }</td>
                    <td>${typeof b.ratio === 'number' ? this.slider(bp, 'ratio', b.ratio, 0, 100, 1, true, `${t('bandRatio', L)} ${bi + 1}`) : nothing}<input class="ratio" type="number" step="any" aria-label="${t('bandRatio', L)} ${bi + 1}" .value=${typeof b.ratio === 'number' ? String(+(b.ratio * 100).toFixed(6)) : String(b.ratio)}
                        aria-invalid=${errs([...bp, 'ratio']) ? 'true' : 'false'}
                        @change=${(e: Event) => this.itemChange(bp, 'ratio', (e.target as HTMLInputElement).value, true)} /></td>
                    <td><button aria-label="${t('removeBand', L)} ${bi + 1}" title=${t('removeBand', L)} ?disabled=${track.bands.length <= 1}
                        @click=${() => emit(this, 'item-remove', { path: this.base(bp) })}>✕</button></td>
                  </tr>
                  ${rowErr ? html`<tr><td colspan="4" class="row-error" role="alert">${rowErr}</td></tr>` : nothing}
                  ${!rowErr && rowWarn ? html`<tr><td colspan="4" class="row-warn" role="status">⚠ ${rowWarn}</td></tr>` : nothing}`;
              })}
            </tbody>
          </table>
          <div class="actions"><button @click=${() => emit(this, 'band-add', { path: this.base([...tp, 'bands']) })}>＋ ${t('addBand', L)}</button></div>
          ${track.cap ? html`<js-param-field .lang=${L} label=${t('trackCap', L)} .path=${this.base([...tp, 'cap'])} .param=${track.cap} min="0" max=${track.cap.value * 2} step="1000" .error=${errs([...tp, 'cap'])}></js-param-field>` : nothing}
        `;
      })}
      ${
        r.cap
          ? html`<js-param-field .lang=${L} label=${t('cap', L)} .path=${this.base(['cap'])} .param=${r.cap} min="0" max=${r.cap.value * 2} step="5000" .error=${errs(['cap'])} .warning=${warns(['cap'])}></js-param-field>`
          : html`<p class="muted">${t('cap', L)}: ${t('noCap', L)}</p>`
      }
      <h4>${t('modifiers', L)}</h4>
      ${this.addModifier(r.modifiers ?? [])}
      ${
        (r.modifiers ?? []).length
          ? html`${(r.modifiers ?? []).map((m, mi) => {
              const mp = ['modifiers', mi];
              const err = [errs(mp), errs([...mp, 'deductibleFactor']), errs([...mp, 'ratioAdd'])].filter(Boolean).join('; ');
              return html`<div class="mod">
                <strong title=${m.group}>${this.groupTitles[m.group] ?? m.group}</strong> ${provenanceChip(m, L)}
                ${m.deductible !== undefined ? html`<span>${t('deductible', L)} = ${m.deductible.toLocaleString('zh-CN')}</span>` : nothing}
                ${
                  m.deductibleFactor !== undefined
                    ? html`<label>${t('deductibleFactor', L)} ${this.slider(mp, 'deductibleFactor', m.deductibleFactor, 0, 1.5, 0.05, false, t('deductibleFactor', L))}<input type="number" step="any" .value=${String(m.deductibleFactor)}
                      @change=${(e: Event) => this.itemChange(mp, 'deductibleFactor', (e.target as HTMLInputElement).value)} /></label>`
                    : nothing
                }
                ${
                  m.ratioAdd !== undefined
                    ? html`<label>${t('ratioAdd', L)} (%) ${this.slider(mp, 'ratioAdd', m.ratioAdd, 0, 20, 1, true, t('ratioAdd', L))}<input type="number" step="any" .value=${String(+(m.ratioAdd * 100).toFixed(6))}
                      @change=${(e: Event) => this.itemChange(mp, 'ratioAdd', (e.target as HTMLInputElement).value, true)} /></label>`
                    : nothing
                }
                ${err ? html`<span class="error" role="alert">${err}</span>` : nothing}
              </div>`;
            })}`
          : nothing
      }
      <h4>${t('fundingChannels', L)} ${r.funding.monthsInForce ? html`<span class="tiers">· ${t('monthsInForce', L)} ${r.funding.monthsInForce.value}</span>` : nothing}</h4>
      ${r.funding.channels.map((c, ci) => {
        const key = c.perInsured ? 'perInsured' : 'total';
        const param = c.perInsured ?? c.total!;
        const who = c.population ? ` · ${this.populationTitles[c.population] ?? c.population}` : '';
        const label = `${c.title?.[L] ?? CHANNEL_NAMES[c.channel][L]}${who} · ${t(key === 'perInsured' ? 'perInsuredUnit' : 'totalUnit', L)}`;
        const max = key === 'perInsured' ? Math.max(200, param.value * 2) : Math.max(1e6, param.value * 2);
        return html`<js-param-field .lang=${L} label=${label} .path=${this.base(['funding', 'channels', ci, key])} .param=${param} min="0" max=${max} step=${key === 'perInsured' ? 0.5 : 10000} .error=${errs(['funding', 'channels', ci, key]) || errs(['funding', 'channels', ci])}></js-param-field>`;
      })}
      ${
        r.corridor
          ? html`<h4>${t('corridor', L)} ${provenanceChip(r.corridor, L)}</h4>
            ${this.tierTable(['corridor', 'tiers'], r.corridor.tiers ?? [], t('corridor', L))}
            ${(r.corridor.alternatives ?? []).map(
              (a, ai) => html`<h5>${t('reading', L)}: ${a.title?.[L] ?? a.id} ${provenanceChip(a, L)}
                  <button aria-label="${t('removeReading', L)} ${a.id}" @click=${() => emit(this, 'item-remove', { path: this.base(['corridor', 'alternatives', ai]) })}>✕</button></h5>
                ${this.tierTable(['corridor', 'alternatives', ai, 'tiers'], a.tiers ?? [], `${a.id}`)}`,
            )}
            <div class="actions"><button ?disabled=${(r.corridor.alternatives ?? []).length >= 4} @click=${() => emit(this, 'reading-add', { path: this.base(['corridor']) })}>＋ ${t('addReading', L)}</button></div>`
          : nothing
      }
    `;
  }
}
customElements.define('js-ruleset-card', RulesetCard);
