/**
 * "Find the deductible that gives…": goal seek on the analytic model in the page (a few dozen evaluations of one
 * ruleset, well under a second), then Apply sends the value up as an ordinary edit so the Monte Carlo refines it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { t, whyText } from '../report/strings.ts';
import { formatNumber } from '../report/format.ts';
import { ANALYTIC_METRICS, mcMetric, metricDef, metricWhy, type MetricName } from '../engine/metrics.ts';
import type { RunResult } from '../engine/summary.ts';
import { numberAt } from '../analysis/path.ts';
import { isShareParam, solveAnalyticValue } from '../analysis/solve.ts';
import type { Lang } from '../report/strings.ts';
import type { Path } from '../scenario/edit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { emit } from './events.ts';
import type { ParamChange } from './param-field.ts';
import { shared } from './styles.ts';

export interface GoalChoice {
  ruleset: number;
  path: Path;
  label: string;
}

/** The analytic metrics (engine/metrics.ts), loss ratio first: what a bureau most often aims at. */
const METRICS = ['lossRatio', ...ANALYTIC_METRICS.filter((m) => m !== 'lossRatio')].map((id) => {
  const d = metricDef(id as MetricName);
  return {
    id: id as MetricName,
    zh: d.unit === 'money' ? `${d.label.zh}（万元）` : d.label.zh,
    en: d.unit === 'money' ? `${d.label.en} (10k yuan)` : d.label.en,
    percent: d.unit === 'ratio',
  };
});

export class GoalSeek extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    choices: { attribute: false },
    lang: {},
    result: { state: true },
    run: { attribute: false },
  };
  declare scenario: Scenario | null;
  /** The Monte Carlo run of the applied scenario, to show the metric's interval at the solution. */
  declare run: RunResult | null;
  declare choices: GoalChoice[];
  declare lang: Lang;
  declare result: { text: string; path: Path; value: number } | { error: string } | null;
  private choice = 0;
  private metric: MetricName = 'lossRatio';
  private target = 95;

  constructor() {
    super();
    this.scenario = null;
    this.choices = [];
    this.lang = 'zh';
    this.result = null;
    this.run = null;
  }

  /** The chosen metric for the chosen ruleset from the current Monte Carlo run, with its 95% interval. */
  private monteCarloText(): string {
    const c = this.choices[this.choice];
    const r = this.run?.rulesets[c?.ruleset ?? -1];
    if (!r || !this.run) return '';
    const m = METRICS.find((x) => x.id === this.metric)!;
    const head = `${t('monteCarloNow', this.lang)} (${this.run.trials} ${t('trialsWord', this.lang)})`;
    // A loss ratio without a premium is not a number: said in words (issue #30), not "NaN%".
    const why = metricWhy(m.id, r.premium);
    if (why) return `${head}: ${whyText(why, this.lang)}`;
    const v = mcMetric(r, m.id, this.run.trials);
    if (!Number.isFinite(v.value)) return `${head}: —`;
    const fmt = (x: number) =>
      m.percent
        ? `${(x * 100).toFixed(2)}%`
        : m.id === 'payout'
          ? formatNumber(x / 1e4, 'zh-CN', undefined, 1)
          : Math.round(x).toLocaleString('zh-CN');
    const ci = Number.isFinite(v.lo95) ? ` [${fmt(v.lo95)}, ${fmt(v.hi95)}]` : '';
    return `${head}: ${fmt(v.value)}${ci}`;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; font-size: 13px; }
      .row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
      input[type='number'] { width: 90px; text-align: right; }
      select { min-width: 0; max-width: 100%; }
      .result { margin-top: 6px; }
    `,
  ];

  private find() {
    const s = this.scenario;
    const c = this.choices[this.choice];
    if (!s || !c) return;
    const m = METRICS.find((x) => x.id === this.metric)!;
    const target = m.percent ? this.target / 100 : m.id === 'payout' ? this.target * 1e4 : this.target;
    const path: Path = ['rulesets', c.ruleset, ...c.path];
    const isShare = isShareParam(path, numberAt(s, path));
    const value = solveAnalyticValue(s, c.ruleset, path, m.id, target);
    const L = this.lang;
    if (value === null) {
      this.result = { error: t('noValueInRange', L) };
      return;
    }
    const shown = isShare ? `${(value * 100).toFixed(2)}%` : formatNumber(value, 'zh-CN', undefined, 2);
    this.result = { text: `${c.label} = ${shown} → ${m[L]} ${m.percent ? `${this.target}%` : this.target}`, path, value };
  }

  override render() {
    const L = this.lang;
    const r = this.result;
    return html`<div class="row">
        <strong>${t('goalSeek', L)}</strong>
        <select aria-label=${t('parameterToSolve', L)} @change=${(e: Event) => {
          this.choice = Number((e.target as HTMLSelectElement).value);
          this.requestUpdate();
        }}>
          ${this.choices.map((c, i) => html`<option value=${i}>${c.label}</option>`)}
        </select>
        <span>${t('soThat', L)}</span>
        <select aria-label=${t('targetMetric', L)} @change=${(e: Event) => {
          this.metric = (e.target as HTMLSelectElement).value as MetricName;
          this.requestUpdate();
        }}>
          ${METRICS.map((m) => html`<option value=${m.id} ?selected=${m.id === this.metric}>${m[L]}</option>`)}
        </select>
        <span>=</span>
        <input type="number" step="any" aria-label=${t('targetValue', L)} .value=${String(this.target)} @change=${(e: Event) => (this.target = Number((e.target as HTMLInputElement).value))} />
        <span class="muted">${METRICS.find((m) => m.id === this.metric)?.percent ? '%' : ''}</span>
        <button @click=${() => this.find()}>${t('find', L)}</button>
      </div>
      ${
        r
          ? 'error' in r
            ? html`<div class="result error" role="alert">${r.error}</div>`
            : html`<div class="result" role="status">${r.text}
              <button @click=${() => emit<ParamChange>(this, 'param-change', { path: r.path, value: r.value, live: false })}>${t('apply', L)}</button></div>`
          : nothing
      }
      ${this.run ? html`<div class="result muted mc" role="status">${this.monteCarloText()}</div>` : nothing}`;
  }
}
customElements.define('js-goal-seek', GoalSeek);
