/** One population: insured, incidence, severity parameters with a small density plot, group shares. */
import { LIMITS } from '../scenario/limits.ts';
import { LitElement, css, html, nothing } from 'lit';
import type { ChartSpec } from '../report/charts/charts.ts';
import type { Lang } from '../report/strings.ts';
import type { Population } from '../scenario/schema.ts';
import { errorAt, pathString } from './events.ts';
import { t } from '../report/strings.ts';
import { shared } from './styles.ts';
import { emit } from './events.ts';
import { familyName, severityParamHint, severityParamName } from '../report/severity-names.ts';
import './param-field.ts';
import './chart-view.ts';
import './household-editors.ts';

const SEVERITY_LIMITS: Record<string, [number, number, number]> = {
  mu: [0, 14, 0.01],
  sigma: [0.05, 4, 0.01],
  shape: [0.1, 10, 0.01],
  scale: [100, 200000, 100],
  alpha: [1.05, 8, 0.01],
  theta: [100, 200000, 100],
  splice: [1000, 200000, 500],
  bodyWeight: [0.01, 0.99, 0.001],
};

export class PopulationCard extends LitElement {
  static override properties = {
    population: { attribute: false },
    index: { type: Number },
    count: { type: Number },
    problems: { attribute: false },
    lang: {},
    density: { attribute: false },
    importing: { state: true },
  };
  declare population: Population;
  declare index: number;
  /** How many populations the scenario has (copy and remove stop at the limits). */
  declare count: number;
  declare problems: { path: string; message: string }[];
  declare lang: Lang;
  declare density: ChartSpec | null;
  /** The figures from a sheet are open (figure-import.ts, loaded when first opened). */
  declare importing: boolean;

  constructor() {
    super();
    this.index = 0;
    this.count = 1;
    this.problems = [];
    this.lang = 'zh';
    this.density = null;
    this.importing = false;
  }

  private async openImport() {
    await import('./figure-import.ts');
    this.importing = true;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; content-visibility: auto; contain-intrinsic-size: auto 560px; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: white; }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
      input.title { font: inherit; font-size: 15px; font-weight: 600; border: 1px solid transparent; border-radius: 4px; padding: 1px 4px; min-width: 0; flex: 1; }
      input.title:hover, input.title:focus, .group input.name:hover, .group input.name:focus { border-color: var(--line); }
      .actions { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 6px; }
      .actions button, .group button { font-size: 12px; padding: 2px 8px; }
      .group { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
      .group input.name { font: inherit; font-size: 13px; border: 1px solid transparent; border-radius: 4px; padding: 1px 4px; min-width: 0; flex: 1; }
      h3 { font-size: 15px; }
      h4 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; }
      button.add { font-size: 12px; padding: 2px 8px; margin-top: 4px; }
      .sev { display: grid; grid-template-columns: minmax(0, 1fr) 230px; gap: 8px; align-items: start; }
      @media (max-width: 560px) { .sev { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];

  private retitle(path: (string | number)[], e: Event) {
    emit(this, 'retitle', { path, lang: this.lang, title: (e.target as HTMLInputElement).value });
  }

  override render() {
    const p = this.population;
    const L = this.lang;
    const base = (rest: (string | number)[]) => ['populations', this.index, ...rest];
    const err = (rest: (string | number)[]) => errorAt(this.problems, pathString(base(rest)));
    const sev = (p.severity ?? {}) as unknown as Record<string, { value: number }>;
    const sevKeys = Object.keys(sev).filter((k) => k !== 'family' && sev[k] && typeof sev[k] === 'object' && 'value' in sev[k]);
    return html`
      <header>
        <input class="title" aria-label=${t('populationTitle', L)} .value=${p.title?.[L] ?? p.id} @change=${(e: Event) => this.retitle(base([]), e)} />
        <span class="muted">${p.id}</span>
      </header>
      <div class="actions">
        <button ?disabled=${this.count >= LIMITS.populations} title=${this.count >= LIMITS.populations ? t('populationLimit', L, LIMITS.populations) : ''}
          @click=${() => emit(this, 'population-add', { index: this.index })}>${t('addPopulation', L)}</button>
        <button ?disabled=${this.count <= 1} @click=${() => emit(this, 'population-remove', { index: this.index })}>${t('removePopulation', L)}</button>
        <button class="fit" @click=${() => emit(this, 'fit-open', { index: this.index })}>${t('fitOpen', L)}</button>
      </div>
      ${
        this.importing
          ? html`<js-figure-import .population=${p} .path=${base([])} .lang=${L} @import-close=${() => (this.importing = false)}></js-figure-import>`
          : html`<div class="actions"><button class="import" @click=${() => this.openImport()}>⇪ ${t('figuresImport', L)}</button></div>`
      }
      <js-param-field .lang=${L} label=${t('insured', L)} .path=${base(['insured'])}
        .param=${p.insured} min="0" max=${Math.max(100000, p.insured.value * 2)} step="1000" .error=${err(['insured'])}></js-param-field>
      <js-param-field .lang=${L} label=${t('incidence', L)} percent .path=${base(['incidence'])} .param=${p.incidence} min="0" max="100" step="0.1" .error=${err(['incidence'])}></js-param-field>
      <h4>${t('severity', L)}${t('colon', L)}${familyName(p.severity?.family ?? '', L)}</h4>
      <div class="sev">
        <div>
          ${sevKeys.map((k) => {
            const [lo, hi, step] = SEVERITY_LIMITS[k] ?? [0, sev[k].value * 2 || 1, 0.01];
            return html`<js-param-field .lang=${L} label=${severityParamName(p.severity?.family ?? '', k, L)}
              title=${[severityParamHint(p.severity?.family ?? '', k, L), `severity.${k}`].filter(Boolean).join(' · ')} .path=${base(['severity', k])} .param=${sev[k]} min=${lo} max=${hi} step=${step} .error=${err(['severity', k])}></js-param-field>`;
          })}
        </div>
        <js-chart .spec=${this.density}></js-chart>
      </div>
      ${
        p.costLevel
          ? html`<js-param-field .lang=${L} label=${t('costLevel', L)} .path=${base(['costLevel'])} .param=${p.costLevel} min="0.1" max="3" step="0.005" .error=${err(['costLevel'])}></js-param-field>`
          : nothing
      }
      <js-income-editor class="population-income" .income=${p.income} .path=${base(['income'])} label=${t('incomeOf', L, '')}
        .lang=${L} .problems=${this.problems}></js-income-editor>
      <h4>${t('groups', L)}</h4>
      ${(p.groups ?? []).map(
        (g, gi) =>
          html`<div class="group">
              <input class="name" aria-label="${t('groupTitle', L)} ${g.tag}" title=${g.tag} .value=${g.title?.[L] ?? g.tag} @change=${(e: Event) => this.retitle(base(['groups', gi]), e)} />
              <button aria-label="${t('removeGroup', L)} ${g.title?.[L] ?? g.tag}" @click=${() => emit(this, 'group-remove', { path: base(['groups', gi]) })}>✕ ${t('removeGroup', L)}</button>
            </div>
            <js-param-field .lang=${L} label="${g.title?.[L] ?? g.tag} ${t('share', L)}" percent
              .path=${base(['groups', gi, 'share'])} .param=${g.share} min="0" max="100" step="0.1" .error=${err(['groups', gi, 'share'])}></js-param-field>
            <js-income-editor class="group-income" .income=${g.income} .path=${base(['groups', gi, 'income'])} label=${t('incomeOf', L, g.title?.[L] ?? g.tag)}
              .lang=${L} .problems=${this.problems}></js-income-editor>`,
      )}
      <button class="add" ?disabled=${(p.groups ?? []).length >= LIMITS.groups} title=${t('groupLimit', L, LIMITS.groups)}
        @click=${() => emit(this, 'group-add', { path: base(['groups']) })}>＋ ${t('addGroup', L)}</button>
    `;
  }
}
customElements.define('js-population-card', PopulationCard);
