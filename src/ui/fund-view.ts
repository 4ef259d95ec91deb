/**
 * A fund-level file in the workbench, read-only: the residents' subsidy budget (seed 002: lines by group and
 * paying government in exact decimals, the document's inconsistencies as warnings, the insured-count projection,
 * fund payment rates) or the city-level pooling (seed 003: reserve months year by year, the 6-month alarm, the
 * regions' draws on the city pool). Same numbers as `jingsuan fund`, from the same functions.
 */
import { LitElement, css, html, nothing } from 'lit';
import { t, whyText } from '../report/strings.ts';
import { poolingReport, subsidyReport, type PoolingReport, type SubsidyReport } from '../finance/fund-report.ts';
import { reserveMonthsChart, type ChartSpec } from '../report/charts/charts.ts';
import type { Lang } from '../report/strings.ts';
import { formatAmount, formatCount, formatPercent, unitText, type Unit } from '../report/format.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { citeDocuments } from '../report/sources.ts';
import { shared } from './styles.ts';
import { csvOf } from '../report/columns.ts';
import { download, tableText } from './download.ts';
import './chart-view.ts';

export class FundView extends LitElement {
  static override properties = { fund: { attribute: false }, lang: {}, unit: {}, pooling: { state: true } };
  declare fund: FundScenario | null;
  declare lang: Lang;
  declare unit: Unit;
  declare pooling: PoolingReport | null;
  private subsidy: SubsidyReport | null = null;
  private simulated: FundScenario | null = null;

  static override styles = [
    shared,
    css`
      :host { display: block; }
      /* On a phone (#31: 390 px) a wide table (the regions' seven columns, the budget's five in English) scrolls
         inside its panel and a long word (a file id, an English title) wraps: nothing runs past the page's edge. */
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 12px; min-width: 0; overflow-wrap: break-word; overflow-x: auto; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
      td { white-space: nowrap; }
      td:first-child { white-space: normal; min-width: 6em; }
      th, td { padding: 4px 6px; border-bottom: 1px solid #f0f0f0; text-align: right; }
      /* Names (苏州工业园区, a group) on a line or two, not one character a line when the table is squeezed. */
      th:first-child, td:first-child { text-align: left; min-width: 6em; }
      tfoot td { font-weight: 600; border-top: 1px solid var(--line); }
      .warning { color: #92400e; background: #fffbeb; border: 1px solid #fde68a; border-radius: 6px; padding: 6px 8px; margin: 6px 0; font-size: 13px; }
      .muted { color: var(--muted); font-size: 13px; }
      .tools { display: flex; justify-content: flex-end; margin-top: 6px; }
      .tools button { font-size: 12px; padding: 2px 8px; }
    `,
  ];

  constructor() {
    super();
    this.fund = null;
    this.lang = 'zh';
    this.unit = 'wan';
    this.pooling = null;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('fund')) return;
    this.subsidy = this.fund?.kind === 'subsidyBudget' ? subsidyReport(this.fund) : null;
    if (this.fund?.kind === 'pooling' && this.simulated !== this.fund) {
      // The pooling simulation runs off this frame, so the page paints before it starts.
      const fund = this.fund;
      this.pooling = null;
      this.simulated = fund;
      setTimeout(() => {
        if (this.fund === fund) this.pooling = poolingReport(fund);
      }, 0);
    }
  }

  /** Budget amounts are exact to the fen: shown to the fen in 元, to 100 元 in 万元 (the document's precision). */
  private money(yuan: number | string) {
    return formatAmount(Number(yuan), this.unit, 2);
  }

  private groupTitle(id: string) {
    const f = this.fund;
    return (f?.kind === 'subsidyBudget' ? f.groups.find((g) => g.id === id)?.title[this.lang] : undefined) ?? id;
  }

  private amount(yuan: number | string) {
    return formatAmount(Number(yuan), this.unit);
  }

  override render() {
    const f = this.fund;
    if (!f) return nothing;
    const L = this.lang;
    return html`<div class="panel">
        <h2>${f.title[L]}</h2>
        ${f.description?.[L] ? html`<p class="muted">${citeDocuments(f.description[L], L)}</p>` : nothing}
        <p class="muted">${t('aFundLevelFile', L)}</p>
        <div class="tools"><button class="excel" title=${t('excelHint', L)} ?disabled=${f.kind === 'pooling' && !this.pooling} @click=${() => this.excel()}>${t('excel', L)}</button></div>
      </div>
      ${f.kind === 'subsidyBudget' ? this.renderSubsidy() : this.renderPooling()}`;
  }

  /** The fund's tables as one workbook (report/fund-workbook.ts), loaded when asked for. */
  private async excel() {
    const f = this.fund;
    if (!f) return;
    const [{ fundWorkbook }, { version }] = await Promise.all([import('../report/fund-workbook.ts'), import('../../package.json')]);
    const bytes = fundWorkbook({ fund: f, subsidy: this.subsidy, pooling: this.pooling, lang: this.lang, unit: this.unit, version });
    download(t('excelFileName', this.lang, f.id), bytes as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }

  /** A table as shown, to CSV (the fund views' tables are read as they are drawn). */
  private csvButton(name: string) {
    const save = (e: Event) => {
      const table = (e.target as HTMLElement).closest('.panel')?.querySelector('table');
      if (!table || !this.fund) return;
      const rows = tableText(table);
      download(`${this.fund.id}-${name}.csv`, csvOf(rows[0], rows.slice(1)), 'text/csv');
    };
    return html`<div class="tools"><button @click=${save} aria-label=${`CSV: ${name}`}>CSV</button></div>`;
  }

  private renderSubsidy() {
    const r = this.subsidy;
    if (!r) return nothing;
    const L = this.lang;
    const u = unitText(this.unit, L);
    const payer = (p: string) => (p === 'city' ? t('city', L) : t('province', L));
    const b = r.budget;
    return html`<div class="panel">
        <h3>${t('subsidyBudgetTitle', L, r.year)}</h3>
        <div class="scroll"><table aria-label=${t('subsidyBudget', L)}>
          <thead><tr><th>${t('group', L)}</th><th>${t('insured2', L)}</th><th>${t('payer', L)}</th><th>${t('subsidy', L)} (${u})</th><th>${t('contributions', L)} (${u})</th></tr></thead>
          <tbody>
            ${b.lines.map(
              (l) => html`<tr data-group=${l.group}><td>${l.title[L]}</td>
              <td>${formatCount(l.count)}</td><td>${payer(l.payer)}</td>
              <td>${l.subsidised ? this.money(l.subsidy) : '—'}</td><td>${this.money(l.contributions)}</td></tr>`,
            )}
          </tbody>
          <tfoot><tr><td>${t('total', L)}</td><td>${formatCount(b.insured)}</td><td></td><td data-total="subsidy">${this.money(b.total)}</td><td>${this.money(b.contributions)}</td></tr></tfoot>
        </table></div>
        ${this.csvButton('subsidy-budget')}
        <p>${t('province2', L)} <strong data-payer="province">${this.money(b.byPayer.province)}</strong> ${u} · ${t('city', L)} <strong
          data-payer="city">${this.money(b.byPayer.city)}</strong> ${u}</p>
        ${b.warnings.map((w) => html`<div class="warning" role="note">${w.message[L]}</div>`)}
      </div>
      ${
        r.projection
          ? html`<div class="panel">
            <h3>${t('insuredCountTrend', L)}</h3>
            <p>${r.projection.year}: ${formatCount(Math.round(r.projection.predicted))} (${t('n95PredictionInterval', L)} ${formatCount(
              Math.round(r.projection.lo),
            )} – ${formatCount(Math.round(r.projection.hi))}); ${t('forecastInTheFile', L)} ${formatCount(b.insured)}</p>
            ${
              r.projectedBudget?.subsidisedShare === null
                ? html`<p>${t('subsidyAtTheProjected', L)}: <strong data-why=${r.projectedBudget.subsidisedShareReason}>${whyText(
                    r.projectedBudget.subsidisedShareReason,
                    L,
                  )}</strong></p>`
                : r.projectedBudget
                  ? html`<p>${t('subsidyAtTheProjected', L)}: <strong>${this.money(r.projectedBudget.predicted)}</strong> ${u} (${this.money(
                      r.projectedBudget.lo,
                    )} – ${this.money(r.projectedBudget.hi)})</p>`
                  : nothing
            }
          </div>`
          : nothing
      }
      ${
        r.paymentRates.length
          ? html`<div class="panel">
            <h3>${t('fundPaymentRates', L)}</h3>
            <div class="scroll"><table>
              <thead><tr><th>${t('group', L)}</th><th>${t('modelled', L)}</th><th>${t('target', L)}</th></tr></thead>
              <tbody>${r.paymentRates.map((p) => html`<tr><td>${this.groupTitle(p.group)}</td><td>${p.modelled === null ? whyText(p.modelledReason!, L) : formatPercent(p.modelled)}</td><td>${formatPercent(p.target, 0)}</td></tr>`)}</tbody>
            </table></div>
            ${this.csvButton('payment-rates')}
          </div>`
          : nothing
      }`;
  }

  private renderPooling() {
    const f = this.fund;
    const r = this.pooling;
    const L = this.lang;
    if (!f || f.kind !== 'pooling') return nothing;
    if (!r) return html`<div class="panel" role="status">${t('simulating', L)}</div>`;
    const u = unitText(this.unit, L);
    // Years without expenditure have no reserve months to draw (the table says so in words).
    const points = r.years.flatMap((y) =>
      y.reserveMonths
        ? [{ year: y.year, mean: y.reserveMonths.mean, p05: y.reserveMonths.p05, p95: y.reserveMonths.p95, probAlarm: y.probAlarm }]
        : [],
    );
    const spec: ChartSpec = reserveMonthsChart(points, f.alarmMonths.value, {
      lang: L,
      unit: this.unit,
      rulesets: [],
      footnote: `${f.id}${t('footnoteRun', L, r.trials, String(r.seed))}`,
      width: 640,
    });
    const last = r.years[r.years.length - 1];
    const title = (id: string) => f.regions.find((g) => g.id === id)?.title[L] ?? id;
    return html`<div class="panel">
        <h3>${t('cityPoolingReserveMonths', L)}</h3>
        <div class="scroll"><table aria-label=${t('reserveMonthsByYear', L)}>
          <thead><tr><th>${t('year', L)}</th><th>${t('reserveMonthsMeanCol', L)}</th><th>${t('reserveMonthsP5Col', L)}</th><th>${t('pAlarm', L)}</th><th>${t('cityPool', L)} (${u})</th></tr></thead>
          <tbody>${r.years.map(
            (y) => html`<tr data-year=${y.year}><td>${y.year}</td>
            ${
              y.reserveMonths
                ? html`<td>${y.reserveMonths.mean.toFixed(2)}</td><td>${y.reserveMonths.p05.toFixed(2)}</td>`
                : html`<td data-why=${y.reserveMonthsReason}>${whyText(y.reserveMonthsReason!, L)}</td><td>${whyText(
                    y.reserveMonthsReason!,
                    L,
                  )}</td>`
            }
            <td>${formatPercent(y.probAlarm)}</td><td>${this.amount(y.cityPool.mean)}</td></tr>`,
          )}</tbody>
        </table></div>
        ${this.csvButton('reserve-months')}
        ${r.years
          .filter((y) => y.reserveMonths && y.noExpenditure > 0)
          .map((y) => html`<p class="muted" role="note">${y.year}: ${t('noExpenditureShare', L, formatPercent(y.noExpenditure))}</p>`)}
        <p>${t('probabilityOfTheAlarm', L)}: <strong data-metric="alarm-any">${formatPercent(r.probAlarmAnyYear)}</strong></p>
        <p>${t('probPoolExhaustedAnyYear', L)}: <strong data-metric="pool-exhausted-any">${formatPercent(r.probPoolExhaustedAnyYear)}</strong></p>
        ${r.years
          .filter((y) => y.poolExhausted.probability > 0)
          .map(
            (y) =>
              html`<div class="warning" role="note" data-exhausted=${y.year}>${t(
                'poolExhausted',
                L,
                y.year,
                formatPercent(y.poolExhausted.probability),
                this.amount(y.poolExhausted.uncoveredMean),
                this.amount(y.poolExhausted.uncoveredP95),
                u,
              )}</div>`,
          )}
      </div>
      ${points.length ? html`<div class="panel"><js-chart data-chart="reserveMonths" .spec=${spec}></js-chart></div>` : nothing}
      <div class="panel">
        <h3>${last.year} ${t('byRegion', L)}</h3>
        <div class="scroll"><table>
          <thead><tr><th>${t('region', L)}</th><th>${t('balance', L)} (${u})</th>
            <th>${t('reserve', L)} (${u})</th><th>${t('fromCity', L)} (${u})</th><th>${t('repaid', L)} (${u})</th><th>${t('pDrawsOnCity', L)}</th>
            <th title=${t('localMakeUpWhy', L)}>${t('localMakeUp', L)} (${u})</th></tr></thead>
          <tbody>${last.regions.map(
            (g) => html`<tr><td>${title(g.region)}</td>
            <td>${this.amount(g.balanceMean)}</td><td>${this.amount(g.reserveMean)}</td>
            <td>${this.amount(g.fromCityMean)}</td><td>${this.amount(g.repaidMean)}</td><td>${formatPercent(g.probDrawOnCity)}</td>
            <td>${this.amount(g.localMakeUpMean)}</td></tr>`,
          )}</tbody>
        </table></div>
        ${this.csvButton('regions')}
      </div>`;
  }
}
customElements.define('js-fund-view', FundView);
