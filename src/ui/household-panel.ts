/**
 * The household layer in the results (issue #33): per ruleset the out-of-pocket after every layer, catastrophic
 * spending at 10% / 25% of income and the number impoverished, with 95% intervals and each proposal's paired
 * difference from the baseline (engine/household-sample.ts); per population and group the expected values
 * (engine/household.ts), with catastrophic spending at 40% of capacity to pay where a population gives spending and
 * the out-of-pocket ceiling's payments where a ruleset has one (columns shown only then); and a typical case (典型病例, js-typical-case). Computed off the edit's frame (a timer
 * after the model changes), never in the Monte Carlo's trial loop.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { householdExpectations, HouseholdFigures } from '../engine/household.ts';
import { DEFAULT_HOUSEHOLD_MEMBERS, type HouseholdRun, type Interval } from '../engine/household-sample.ts';
import type { HouseholdReply, HouseholdRequest } from './household-worker.ts';
import type { EngineModel } from '../engine/model.ts';
import { formatAmount, formatCount, formatPercent, formatPoints, unitText, type Unit } from '../report/format.ts';
import { householdPoints } from './household-format.ts';
import { ScrollCues, scrollCueStyles } from './scroll-cue.ts';
import { scenarioNames } from '../report/scenario-names.ts';
import { t, type Lang } from '../report/strings.ts';
import { shared } from './styles.ts';
import './typical-case.ts';

type Expected = ReturnType<typeof householdExpectations>;

export class HouseholdPanel extends LitElement {
  static override properties = {
    model: { attribute: false },
    baseline: {},
    lang: {},
    unit: {},
    expected: { state: true },
    sampled: { state: true },
    failed: { state: true },
    busy: { type: Boolean },
  };
  /** The Monte Carlo is running: the household figures wait for it. */
  declare busy: boolean;
  private pending = false;
  declare model: EngineModel | null;
  declare baseline: string;
  declare lang: Lang;
  declare unit: Unit;
  declare expected: Expected | null;
  declare sampled: HouseholdRun | null;
  declare failed: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private worker: Worker | null = null;

  constructor() {
    super();
    this.model = null;
    this.baseline = '';
    this.lang = 'zh';
    this.unit = 'wan';
    this.expected = null;
    this.sampled = null;
    this.failed = '';
    this.busy = false;
  }

  static override styles = [
    shared,
    scrollCueStyles,
    css`
      :host { display: block; }
      h3 { font-size: 14px; margin: 0 0 8px; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 12px; font-variant-numeric: tabular-nums; }
      th, td { padding: 4px 5px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 7em; position: sticky; left: 0; background: white; }
      thead th { white-space: normal; vertical-align: bottom; border-bottom: 2px solid var(--line); min-width: 5.5em; }
      /* Chinese headers wrap at their spaces and punctuation only, never inside a word ("减负/率"). */
      thead th { word-break: keep-all; }
      tr.diff td { color: #1e3a8a; }
      /* The interval under its figure: beside it, three rulesets' differences ran past 1440 px (#ui-review). It may
         break after its comma where even that is too wide. */
      .pm { display: block; color: var(--muted); font-size: 11px; white-space: normal; }
      .note { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
      details { margin-top: 10px; font-size: 12px; }
      summary { cursor: pointer; font-weight: 600; }
      td.group { padding-left: 18px; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    // Figures of another model are never shown as this one's (a file switched or restored while a job ran has other
    // rulesets): they go at once, and a reply counts only for the model it was asked for.
    if (changed.has('model') || changed.has('baseline')) {
      this.pending = true;
      this.expected = null;
      this.sampled = null;
    }
    // After the Monte Carlo: on two cores a worker beside the run's would slow its first second (the run then asks
    // whether to go on, run-pacing.ts).
    if (this.pending && !this.busy) {
      this.pending = false;
      clearTimeout(this.timer);
      this.worker?.terminate();
      this.worker = null;
      const model = this.model;
      if (!model || !model.populations.some((p) => p.spec.income)) {
        this.expected = null;
        this.sampled = null;
        return;
      }
      // In a worker of its own, a moment after the edit (a run of edits starts one job): seconds for the largest file.
      this.timer = setTimeout(() => {
        const w = new Worker(new URL('./household-worker.ts', import.meta.url), { type: 'module' });
        this.worker = w;
        w.onmessage = (e: MessageEvent<HouseholdReply>) => {
          w.terminate();
          if (this.worker !== w || this.model !== model) return;
          this.worker = null;
          if ('error' in e.data) {
            this.failed = e.data.error;
            return;
          }
          this.failed = '';
          this.expected = e.data.expected;
          this.sampled = e.data.sampled;
        };
        w.onerror = (e) => {
          w.terminate();
          if (this.worker === w) this.failed = e.message || 'the household worker failed to start';
        };
        w.postMessage({ scenario: model.scenario, baseline: this.baseline } satisfies HouseholdRequest);
      }, 150);
    }
  }

  /** The scrolling boxes' cues (scroll-cue.ts). */
  private readonly cues = new ScrollCues(this);

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.worker?.terminate();
  }

  private withPm(v: number | null, iv: Interval | null | undefined, f: (x: number) => string) {
    if (v === null) return html`—`;
    return html`${f(v)}${iv ? html`<span class="pm">±${f(1.96 * iv.se)}</span>` : nothing}`;
  }

  /** Whether the file gives spending shares (a capacity-to-pay column) or an out-of-pocket ceiling (its column). */
  private columns() {
    const s = this.model?.scenario;
    return {
      ctp: !!s?.populations.some((p) => p.income && p.spending),
      ceiling: !!s?.rulesets.some((r) => r.assistance?.ceiling?.length),
    };
  }

  private figureCells(h: HouseholdFigures, iv?: Record<string, Interval | null>) {
    const u = this.unit;
    const pct = (x: number) => formatPercent(x, 2);
    const cols = this.columns();
    return html`
      <td>${this.withPm(h.outOfPocket, iv?.outOfPocket, (x) => formatAmount(x, u))}</td>
      <td>${this.withPm(h.catastrophic10, iv?.catastrophic10, pct)}</td>
      <td>${this.withPm(h.catastrophic25, iv?.catastrophic25, pct)}</td>
      ${cols.ctp ? html`<td data-col="ctp40">${this.withPm(h.catastrophicCtp40, iv?.catastrophicCtp40, pct)}</td>` : nothing}
      <td>${h.impoverished === null ? t('householdNoLine', this.lang) : this.withPm(h.impoverished, iv?.impoverished, formatCount)}</td>
      <td>${formatPercent(h.burdenReduction.criticalIllness, 1)}</td>
      <td>${formatPercent(h.burdenReduction.assistance, 1)}</td>
      ${cols.ceiling ? html`<td data-col="ceiling">${h.layers.ceiling === null ? '—' : formatAmount(h.layers.ceiling, u)}</td>` : nothing}`;
  }

  /** The note's sentence on cost and income: independent, or each stated rank correlation. */
  private dependence() {
    const m = this.model;
    const L = this.lang;
    if (!m) return '';
    const named = scenarioNames(m.scenario, L);
    const list = m.scenario.populations.flatMap((p) => {
      const own = p.income?.rankCorrelation?.value ? [`${named.populations[p.id] ?? p.id} ${p.income.rankCorrelation.value}`] : [];
      const groups = p.groups.flatMap((g) =>
        g.income?.rankCorrelation?.value ? [`${named.groups[g.tag] ?? g.tag} ${g.income.rankCorrelation.value}`] : [],
      );
      return [...own, ...groups];
    });
    return list.length ? t('householdDependent', L, list.join(L === 'zh' ? '，' : ', ')) : t('householdIndependent', L);
  }

  override render() {
    const m = this.model;
    const L = this.lang;
    if (!m) return nothing;
    const s = m.scenario;
    if (!s.populations.some((p) => p.income))
      return html`<h3>${t('householdTitle', L)}</h3><p class="note">${t('householdNoIncome', L)}</p>`;
    const named = scenarioNames(s, L);
    const rsName = (id: string) => named.rulesets[id] ?? id;
    const head = this.head(false);
    const sam = this.sampled;
    // The mean with its unit, the interval under it in the same unit (the note says so) without repeating it.
    const diffCell = (d: { mean: number; lo95: number; hi95: number } | null, f: (x: number) => string, mean = f) =>
      d ? html`${mean(d.mean)}<span class="pm">[${f(d.lo95)}, ${f(d.hi95)}]</span>` : html`—`;
    const pp = (x: number) => formatPoints(x, 3);
    const ppUnit = (x: number) => householdPoints(x, L);
    const signedCount = (x: number) => `${x > 0 ? '+' : ''}${formatCount(x)}`;
    const signedAmount = (x: number) => `${x > 0 ? '+' : ''}${formatAmount(x, this.unit)}`;
    const line = s.household?.povertyLine.value;
    const n = s.household?.members ?? DEFAULT_HOUSEHOLD_MEMBERS;
    return html`
      <h3>${t('householdTitle', L)}</h3>
      ${
        sam
          ? html`<div class="scroll"><table class="household" aria-label=${t('householdTitle', L)}>
            ${head}
            <tbody>
              ${sam.rulesets.map((r) =>
                r.total
                  ? html`<tr data-ruleset=${r.id}><td>${rsName(r.id)}</td>${this.figureCells(r.total, r.total.intervals)}</tr>`
                  : nothing,
              )}
              ${sam.comparisons.map(
                (c) => html`<tr class="diff" data-diff=${c.b}>
                  <td>${t('householdDiff', L, rsName(c.b))}</td>
                  <td>${diffCell(c.total?.outOfPocket ?? null, signedAmount)}</td>
                  <td>${diffCell(c.total?.catastrophic10 ?? null, pp, ppUnit)}</td>
                  <td>${diffCell(c.total?.catastrophic25 ?? null, pp, ppUnit)}</td>
                  ${this.columns().ctp ? html`<td>${diffCell(c.total?.catastrophicCtp40 ?? null, pp, ppUnit)}</td>` : nothing}
                  <td>${diffCell(c.total?.impoverished ?? null, signedCount)}</td>
                  <td></td><td></td>${this.columns().ceiling ? html`<td></td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table></div>
          <p class="note">${t('householdNote', L, n.toLocaleString('zh-CN'), line === undefined ? '—' : line.toLocaleString('zh-CN'))}
            ${this.dependence()} ${this.columns().ctp ? t('householdCtpNote', L) : ''}
            ${sam.comparisons.length ? html`<br />${t('householdDiffNote', L)}` : nothing}</p>
          ${s.household?.note?.[L] ? html`<p class="note household-note">${s.household.note[L]}</p>` : nothing}
          ${this.byGroup(rsName)}`
          : html`<p class="note">${t('householdComputing', L)}</p>`
      }
      <js-typical-case .scenario=${s} .baseline=${this.baseline} .lang=${L}></js-typical-case>
    `;
  }

  /** The household tables' header: the figures of figureCells, after the row's name (and its members, by group). */
  private head(withMembers: boolean) {
    const L = this.lang;
    return html`<thead><tr>
      <th scope="col">${t('householdRuleset', L)}</th>
      ${withMembers ? html`<th scope="col">${t('householdMembers', L)}</th>` : nothing}
      <th scope="col">${t('householdOop', L)}${L === 'zh' ? `（${unitText(this.unit, L)}）` : ` (${unitText(this.unit, L)})`}</th>
      <th scope="col">${t('householdCat10', L)}</th>
      <th scope="col">${t('householdCat25', L)}</th>
      ${this.columns().ctp ? html`<th scope="col">${t('householdCtp40', L)}</th>` : nothing}
      <th scope="col">${t('householdImpoverished', L)}</th>
      <th scope="col">${t('householdCiReduction', L)}</th>
      <th scope="col">${t('householdAssistReduction', L)}</th>
      ${
        this.columns().ceiling
          ? html`<th scope="col">${t('householdCeiling', L)}${L === 'zh' ? `（${unitText(this.unit, L)}）` : ` (${unitText(this.unit, L)})`}</th>`
          : nothing
      }
    </tr></thead>`;
  }

  private byGroup(rsName: (id: string) => string) {
    const e = this.expected;
    const L = this.lang;
    if (!e || !this.model) return nothing;
    const named = scenarioNames(this.model.scenario, L);
    return html`<details>
      <summary>${t('householdByGroup', L)}</summary>
      <div class="scroll"><table>
        ${this.head(true)}
        <tbody>
          ${e.map((r, ri) =>
            r.populations.map((p) =>
              p.household
                ? html`<tr><td>${rsName(this.model!.rulesets[ri].id)} · ${named.populations[p.id] ?? p.id}</td><td>${formatCount(p.household.insured)}</td>${this.figureCells(p.household)}</tr>
                    ${p.household.groups.map(
                      (g) =>
                        html`<tr><td class="group">${named.groups[g.tag] ?? g.tag}</td><td>${formatCount(g.insured)}</td>${this.figureCells(g)}</tr>`,
                    )}`
                : nothing,
            ),
          )}
        </tbody>
      </table></div>
    </details>`;
  }
}
customElements.define('js-household-panel', HouseholdPanel);

declare global {
  interface HTMLElementTagNameMap {
    'js-household-panel': HouseholdPanel;
  }
}
