/**
 * The household layer's editors (issue #33): a population's or group's income (μ, σ with sliders, and a helper
 * that sets both from a published mean income and a Gini, math/income.ts), a ruleset's medical assistance
 * (recipients chosen from the populations' group tags, deductible, rate, cap) and the household poverty line.
 * Every change is one edit of the draft (edit-events.ts, scenario/household-edit.ts; a parameter through
 * param-field.ts as every other), every value with its provenance, every message at its JSON path.
 */
import { LitElement, css, html, nothing } from 'lit';
import { giniFromSigma, incomeMean, incomeMedian } from '../math/income.ts';
import { formatNumber } from '../report/format.ts';
import { t, type Lang } from '../report/strings.ts';
import { incomeOk, NEW_INCOME } from '../scenario/household-edit.ts';
import type { AssistanceSpec, IncomeSpec as Income, Scenario } from '../scenario/schema.ts';
import { emit, errorAt, pathString, type Path } from './events.ts';
import { provenanceChip } from './provenance-chip.ts';
import { shared } from './styles.ts';
import './param-field.ts';

type Household = NonNullable<Scenario['household']>;
type Problems = { path: string; message: string }[];

const styles = css`
  :host { display: block; }
  h4 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  .actions { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; align-items: center; font-size: 12px; }
  .actions button, button.small { font-size: 12px; padding: 2px 8px; }
  .hint { font-size: 12px; color: var(--muted); margin: 2px 0 4px; }
  .helper { display: flex; gap: 6px 10px; align-items: end; flex-wrap: wrap; font-size: 12px; margin: 4px 0; }
  .helper label { display: flex; flex-direction: column; gap: 2px; }
  .helper input { width: 7.5em; }
  .groups { display: flex; gap: 4px 12px; flex-wrap: wrap; font-size: 13px; margin: 2px 0 4px; }
  .groups label { display: flex; gap: 4px; align-items: center; }
  .error { color: var(--error); font-size: 12px; }
`;

const yuan = (x: number) => formatNumber(x, 'zh-CN', 0, 0);

/** An income (populations[i].income or populations[i].groups[j].income): add, edit, set from mean and Gini, remove. */
export class IncomeEditor extends LitElement {
  static override properties = {
    income: { attribute: false },
    path: { attribute: false },
    label: {},
    lang: {},
    problems: { attribute: false },
    mean: { state: true },
    gini: { state: true },
  };
  declare income: Income | undefined;
  /** The income's path. */
  declare path: Path;
  /** Whose income ("收入" of a population, "<group> 收入" of a group). */
  declare label: string;
  declare lang: Lang;
  declare problems: Problems;
  declare mean: string;
  declare gini: string;

  constructor() {
    super();
    this.income = undefined;
    this.path = [];
    this.label = '';
    this.lang = 'zh';
    this.problems = [];
    this.mean = '';
    this.gini = '';
  }

  static override styles = [shared, styles];

  override render() {
    const L = this.lang;
    const inc = this.income;
    const err = (k?: string) => errorAt(this.problems, pathString(k ? [...this.path, k] : this.path));
    if (!inc)
      return html`<div class="actions"><span class="muted">${this.label}${t('colon', L)}${t('incomeNone', L)}</span>
        <button class="add-income" aria-label="${t('addIncome', L)} ${this.label}" @click=${() => emit(this, 'income-add', { path: this.path })}>＋ ${t('addIncome', L)}</button>
        ${err() ? html`<span class="error" role="alert">${err()}</span>` : nothing}</div>`;
    const mu = inc.mu?.value;
    const sigma = inc.sigma?.value;
    const ok = Number.isFinite(mu) && Number.isFinite(sigma) && sigma > 0;
    const now = ok ? { mu, sigma } : null;
    // The helper's fields start at the income's own mean and Gini, so that changing one keeps the other.
    const meanShown = this.mean || (now ? String(Math.round(incomeMean(now))) : String(NEW_INCOME.mean));
    const giniShown = this.gini || (now ? String(+giniFromSigma(now.sigma).toFixed(3)) : String(NEW_INCOME.gini));
    const m = Number(meanShown);
    const g = Number(giniShown);
    const helperOk = incomeOk(m, g);
    return html`
      <h4>${this.label} ${provenanceChip(inc, L)}</h4>
      <js-param-field .lang=${L} label=${t('incomeMu', L)} .path=${[...this.path, 'mu']} .param=${inc.mu} min="7" max="13" step="0.01" .error=${err('mu')}></js-param-field>
      <js-param-field .lang=${L} label=${t('incomeSigma', L)} .path=${[...this.path, 'sigma']} .param=${inc.sigma} min="0.05" max="1.5" step="0.01" .error=${err('sigma')}></js-param-field>
      ${now ? html`<p class="hint">${t('incomeReads', L, yuan(incomeMedian(now)), yuan(incomeMean(now)), giniFromSigma(now.sigma).toFixed(3))}</p>` : nothing}
      <div class="helper">
        <label>${t('incomeMean', L)}<input type="number" min="1" step="1000" aria-label="${t('incomeMean', L)} ${this.label}" .value=${meanShown}
          @input=${(e: Event) => (this.mean = (e.target as HTMLInputElement).value)} /></label>
        <label>${t('incomeGini', L)}<input type="number" min="0.01" max="0.96" step="0.01" aria-label="${t('incomeGini', L)} ${this.label}" .value=${giniShown}
          @input=${(e: Event) => (this.gini = (e.target as HTMLInputElement).value)} /></label>
        <button class="small" ?disabled=${!helperOk} aria-label="${t('incomeApply', L)} ${this.label}" @click=${() => {
          emit(this, 'income-from-mean-gini', { path: this.path, mean: m, gini: g });
          this.mean = '';
          this.gini = '';
        }}>${t('incomeApply', L)}</button>
        <button class="small" aria-label="${t('removeIncome', L)} ${this.label}" @click=${() => emit(this, 'item-remove', { path: this.path })}>${t('removeIncome', L)}</button>
      </div>
      ${helperOk ? nothing : html`<div class="error" role="alert">${t('incomeHelperBad', L)}</div>`}
      ${err() ? html`<div class="error" role="alert">${err()}</div>` : nothing}
    `;
  }
}
customElements.define('js-income-editor', IncomeEditor);

/** A ruleset's medical assistance (rulesets[i].assistance): recipients, deductible, rate, cap; add and remove. */
export class AssistanceEditor extends LitElement {
  static override properties = {
    assistance: { attribute: false },
    path: { attribute: false },
    groupTitles: { attribute: false },
    lang: {},
    problems: { attribute: false },
  };
  declare assistance: AssistanceSpec | undefined;
  /** The ruleset's path (rulesets[i]). */
  declare path: Path;
  declare groupTitles: Record<string, string>;
  declare lang: Lang;
  declare problems: Problems;

  constructor() {
    super();
    this.assistance = undefined;
    this.path = [];
    this.groupTitles = {};
    this.lang = 'zh';
    this.problems = [];
  }

  static override styles = [shared, styles];

  override render() {
    const L = this.lang;
    const a = this.assistance;
    const ap = [...this.path, 'assistance'];
    const err = (k?: string) => errorAt(this.problems, pathString(k ? [...ap, k] : ap));
    if (!a)
      return html`<h4>${t('assistanceTitle', L)}</h4><div class="actions"><span class="muted">${t('assistanceNone', L)}</span>
        <button class="add-assistance" @click=${() => emit(this, 'assistance-add', { path: this.path })}>＋ ${t('addAssistance', L)}</button></div>`;
    // The populations' tags, and any the block names that no population declares (validation says so beside it).
    // A draft is the analyst's, possibly invalid: a list that is not one reads as empty (validation names it).
    const chosen = Array.isArray(a.groups) ? a.groups : [];
    const tags = [...new Set([...Object.keys(this.groupTitles), ...chosen])];
    const groupErrors = this.problems.filter(
      (p) => p.path === pathString([...ap, 'groups']) || p.path.startsWith(`${pathString([...ap, 'groups'])}[`),
    );
    return html`
      <h4>${t('assistanceTitle', L)} ${provenanceChip(a, L)}</h4>
      <div class="groups" role="group" aria-label=${t('assistanceGroups', L)}>
        <span class="muted">${t('assistanceGroups', L)}${t('colon', L)}</span>
        ${tags.map(
          (tag) => html`<label title=${tag}><input type="checkbox" .checked=${chosen.includes(tag)}
            @change=${(e: Event) => emit(this, 'assistance-group', { path: ap, group: tag, on: (e.target as HTMLInputElement).checked })} />${this.groupTitles[tag] ?? tag}</label>`,
        )}
        ${tags.length ? nothing : html`<span class="muted">${t('assistanceNoGroups', L)}</span>`}
      </div>
      ${groupErrors.length ? html`<div class="error" role="alert">${groupErrors.map((p) => p.message).join('; ')}</div>` : nothing}
      <js-param-field .lang=${L} label=${t('assistanceDeductible', L)} .path=${[...ap, 'deductible']} .param=${a.deductible}
        min="0" max=${Math.max(50_000, (a.deductible?.value ?? 0) * 2)} step="500" .error=${err('deductible')}></js-param-field>
      <js-param-field .lang=${L} label=${t('assistanceRate', L)} percent .path=${[...ap, 'rate']} .param=${a.rate} min="0" max="100" step="1" .error=${err('rate')}></js-param-field>
      ${
        a.cap
          ? html`<js-param-field .lang=${L} label=${t('assistanceCap', L)} .path=${[...ap, 'cap']} .param=${a.cap}
              min="0" max=${Math.max(200_000, (a.cap.value ?? 0) * 2)} step="5000" .error=${err('cap')}></js-param-field>`
          : nothing
      }
      <div class="actions">
        ${
          a.cap
            ? html`<button @click=${() => emit(this, 'item-remove', { path: [...ap, 'cap'] })}>${t('removeAssistanceCap', L)}</button>`
            : html`<span class="muted">${t('assistanceCap', L)}${t('colon', L)}${t('noCap', L)}</span>
              <button @click=${() => emit(this, 'assistance-cap-add', { path: [...ap, 'cap'] })}>＋ ${t('addAssistanceCap', L)}</button>`
        }
        <button class="remove-assistance" @click=${() => emit(this, 'item-remove', { path: ap })}>${t('removeAssistance', L)}</button>
      </div>
      ${err() ? html`<div class="error" role="alert">${err()}</div>` : nothing}
    `;
  }
}
customElements.define('js-assistance-editor', AssistanceEditor);

/** The household settings (household): the poverty line of the impoverishment count; add and remove. */
export class HouseholdSettings extends LitElement {
  static override properties = {
    household: { attribute: false },
    lang: {},
    problems: { attribute: false },
  };
  declare household: Household | undefined;
  declare lang: Lang;
  declare problems: Problems;

  constructor() {
    super();
    this.household = undefined;
    this.lang = 'zh';
    this.problems = [];
  }

  static override styles = [
    shared,
    styles,
    css`:host { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: white; }`,
  ];

  override render() {
    const L = this.lang;
    const h = this.household;
    const err = (k?: string) => errorAt(this.problems, pathString(k ? ['household', k] : ['household']));
    if (!h)
      return html`<div class="actions"><span class="muted">${t('povertyLine', L)}${t('colon', L)}${t('householdNoLine', L)}</span>
        <button class="add-household" @click=${() => emit(this, 'household-add', { path: ['household'] })}>＋ ${t('addPovertyLine', L)}</button></div>`;
    return html`
      <js-param-field .lang=${L} label=${t('povertyLine', L)} .path=${['household', 'povertyLine']} .param=${h.povertyLine}
        min="0" max=${Math.max(60_000, (h.povertyLine?.value ?? 0) * 2)} step="100" .error=${err('povertyLine')}></js-param-field>
      <div class="actions"><button @click=${() => emit(this, 'item-remove', { path: ['household'] })}>${t('removeHousehold', L)}</button></div>
      ${err() ? html`<div class="error" role="alert">${err()}</div>` : nothing}
    `;
  }
}
customElements.define('js-household-settings', HouseholdSettings);

declare global {
  interface HTMLElementTagNameMap {
    'js-income-editor': IncomeEditor;
    'js-assistance-editor': AssistanceEditor;
    'js-household-settings': HouseholdSettings;
  }
}
