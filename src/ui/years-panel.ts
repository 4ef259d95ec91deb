/**
 * The year-by-year projection (engine/years.ts, the command line's `run --years`) in the workbench (issue #31): a
 * control for the number of years, a table of payout, loss ratio and the fund's cumulative corridor result per
 * year and ruleset, and their charts (report/charts yearsChart, drawn by the chart book). A projection belongs to
 * the scenario it was run for: an edit takes it off the screen until it is run again.
 */
import { LitElement, css, html, nothing } from 'lit';
import { workerCount, browserWorkerFactory } from './engine-client.ts';
import { checkYearsSize, MAX_YEARS, runYears, type YearResult } from '../engine/years.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Unit } from '../report/format.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import { formattedRows, headerOf, yearsTable } from '../report/tables.ts';
import { CHARTS, drawnWith } from '../report/charts/all.ts';
import type { ChartBook } from './chart-book.ts';
import { Observe } from './observe.ts';
import { headerWords } from './header-words.ts';
import { shared } from './styles.ts';
import type { Workbench } from './workbench-state.ts';
import './chart-view.ts';
import type { YearsHouseholdReply, YearsHouseholdRequest } from './years-household-worker.ts';

/** Trials a year here: a projection of N years is N runs, kept to about what one page run costs. */
export const YEARS_TRIALS = 500;

export class YearsPanel extends LitElement {
  static override properties = {
    wb: { attribute: false },
    book: { attribute: false },
    lang: {},
    unit: {},
    count: { state: true },
    busy: { state: true },
    problem: { state: true },
    householdBusy: { state: true },
  };
  declare wb: Workbench;
  declare book: ChartBook | null;
  declare lang: Lang;
  declare unit: Unit;
  declare count: number;
  declare busy: boolean;
  declare problem: string;
  private years: YearResult[] | null = null;
  /** The scenario the projection on screen was run for. */
  private for: Scenario | null = null;
  private job = 0;
  /** The worker drawing the years' household figures (years-household-worker.ts), while it runs. */
  private household: Worker | null = null;
  /** Set while the household figures of the projection on screen are being drawn. */
  declare householdBusy: boolean;

  constructor() {
    super();
    this.lang = 'zh';
    this.unit = 'wan';
    this.book = null;
    this.count = 5;
    this.busy = false;
    this.problem = '';
    this.householdBusy = false;
    new Observe(this, () => [this.wb, this.book]);
  }

  static override styles = [
    shared,
    css`
      :host { display: block; margin-top: 14px; }
      h3 { font-size: 13px; margin: 0 0 6px; }
      .toolbar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; font-size: 13px; }
      input { width: 4em; }
      .note { font-size: 12px; color: var(--muted); }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 8px 0; font-variant-numeric: tabular-nums; }
      th, td { padding: 4px 4px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      th { white-space: normal; vertical-align: bottom; }
      .name { text-align: left; white-space: normal; }
      /* Chinese wraps at the spaces only: "江阴 2020 / 大病保险", "保费 / (万元)", never "亏损概/率". */
      th, .name { word-break: keep-all; }
      td.name { min-width: 8em; }
      th .w, .name .w { white-space: nowrap; }
      .problem { color: #b91c1c; font-size: 12px; }
    `,
  ];

  override willUpdate() {
    // An edit (or another file) makes the projection on screen another scenario's: it goes.
    if (this.years && this.wb?.applied !== this.for) {
      this.years = null;
      this.job++;
      this.busy = false;
      this.stopHousehold();
      this.book?.setYears(null);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopHousehold();
  }

  private stopHousehold() {
    this.household?.terminate();
    this.household = null;
    this.householdBusy = false;
  }

  /**
   * The years' household figures, once the projection is on screen: in a worker of their own, after the runs (on two
   * cores a third thread beside the engine's workers would slow them). They join the table's columns when they come,
   * and only for the projection they were asked for.
   */
  private householdFor(s: Scenario, n: number, job: number) {
    // project() has stopped any earlier one.
    if (!s.populations.some((p) => p.income)) return;
    const w = new Worker(new URL('./years-household-worker.ts', import.meta.url), { type: 'module' });
    this.household = w;
    this.householdBusy = true;
    // This worker's job is over whatever its answer: it and the note go (stopHousehold), and only an answer for the
    // projection on screen is used.
    const over = () => {
      if (this.household === w) this.stopHousehold();
      else w.terminate();
    };
    w.onmessage = (e: MessageEvent<YearsHouseholdReply>) => {
      const current = this.household === w;
      over();
      if (!current || job !== this.job || !this.years) return;
      if ('error' in e.data) {
        this.problem = e.data.error;
        return;
      }
      const figures = e.data.years;
      this.years = this.years.map((y, k) => ({
        ...y,
        rulesets: y.rulesets.map((r, i) => ({ ...r, household: figures[k]?.rulesets[i] ?? null })),
      }));
      this.requestUpdate();
    };
    w.onerror = (e) => {
      const current = this.household === w;
      over();
      if (current) this.problem = e.message || 'the household worker failed to start';
    };
    w.postMessage({ scenario: s, years: n } satisfies YearsHouseholdRequest);
  }

  private async project() {
    const s = this.wb.applied;
    if (!s) return;
    const n = this.count;
    const job = ++this.job;
    // A household job of an earlier projection must not run beside this one's engine workers (two cores).
    this.stopHousehold();
    this.busy = true;
    this.problem = '';
    try {
      const workers = workerCount();
      checkYearsSize(s, n, YEARS_TRIALS, workers);
      // Each year's household sample takes 0.1–0.3 s: not on the page's thread (docs/model.md "Performance"), but in
      // a worker once the runs are done (householdFor).
      const { years } = await runYears(s, n, { trials: YEARS_TRIALS, workers, workerFactory: browserWorkerFactory, household: false });
      if (job !== this.job || this.wb.applied !== s) return;
      this.years = years;
      this.for = s;
      this.book?.setYears(years);
      this.householdFor(s, n, job);
    } catch (err) {
      if (job === this.job) this.problem = (err as Error).message;
    } finally {
      if (job === this.job) this.busy = false;
    }
  }

  private setCount(e: Event) {
    const v = Number((e.target as HTMLInputElement).value);
    // The field keeps the nearest whole number of years the engine takes (2 … MAX_YEARS).
    this.count = Number.isFinite(v) ? Math.min(MAX_YEARS, Math.max(2, Math.round(v))) : this.count;
    (e.target as HTMLInputElement).value = String(this.count);
  }

  private table() {
    const L = this.lang;
    const table = yearsTable(this.years!);
    const names = scenarioNames(this.wb.applied!, L).rulesets;
    const rows = formattedRows(table, this.unit, L).map((r, i) => r.map((c, k) => (k === 1 ? (names[String(table.rows[i][1])] ?? c) : c)));
    return html`<div class="scroll"><table aria-label=${t('yearsPanelTitle', L)}>
      <thead><tr>${headerOf(table, L, this.unit).map((h, k) => html`<th scope="col" class=${k === 1 ? 'name' : ''}>${headerWords(h)}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr data-year=${r[0]}>${r.map((c, k) => (k === 1 ? html`<td class="name">${headerWords(String(c))}</td>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
    </table></div>`;
  }

  override render() {
    if (!this.wb?.applied) return nothing;
    const L = this.lang;
    const charts = this.book?.charts ?? {};
    return html`
      <h3>${t('yearsPanelTitle', L)}</h3>
      <div class="toolbar">
        <label>${t('yearsCount', L)}
          <input type="number" min="2" max=${MAX_YEARS} step="1" .value=${String(this.count)} @change=${(e: Event) => this.setCount(e)} />
        </label>
        <button class="project" ?disabled=${this.busy} @click=${() => this.project()}>${this.busy ? t('yearsRunning', L) : t('yearsRun', L)}</button>
      </div>
      <p class="note">${t('yearsNote', L, YEARS_TRIALS)}${this.householdBusy ? html` <span class="household-busy">${t('yearsHouseholdBusy', L)}</span>` : nothing}</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.years ? this.table() : nothing}
      ${
        this.years
          ? CHARTS.filter((e) => drawnWith(e) === 'years' && charts[e.key]).map(
              (e) => html`<js-chart data-chart=${e.key} .spec=${charts[e.key]}></js-chart>`,
            )
          : nothing
      }
    `;
  }
}
customElements.define('js-years-panel', YearsPanel);
