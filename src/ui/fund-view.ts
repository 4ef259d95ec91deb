/**
 * A fund-level file in the workbench, read-only: the residents' subsidy budget (seed 002: lines by group and
 * paying government in exact decimals, the document's inconsistencies as warnings, the insured-count projection,
 * fund payment rates) or the city-level pooling (seed 003: reserve months year by year, the 6-month alarm, the
 * regions' draws on the city pool). Same numbers as `jingsuan fund`, from the same functions.
 */
import { LitElement, css, html, nothing } from 'lit';
import { poolingReport, subsidyReport, type PoolingReport, type SubsidyReport } from '../finance/fund-report.ts';
import { reserveMonthsChart, type ChartSpec } from '../report/charts/charts.ts';
import type { Lang } from '../report/strings.ts';
import { formatAmount, formatCount, formatPercent, unitLabel, type Unit } from '../report/format.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import { shared } from './styles.ts';
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
      .panel { background: white; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 12px; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; }
      th, td { padding: 4px 6px; border-bottom: 1px solid #f0f0f0; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      tfoot td { font-weight: 600; border-top: 1px solid var(--line); }
      .warning { color: #92400e; background: #fffbeb; border: 1px solid #fde68a; border-radius: 6px; padding: 6px 8px; margin: 6px 0; font-size: 13px; }
      .muted { color: var(--muted); font-size: 13px; }
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
        ${f.description?.[L] ? html`<p class="muted">${f.description[L]}</p>` : nothing}
        <p class="muted">${L === 'zh' ? '基金层面的文件：只读视图（与命令行 jingsuan fund 相同的计算）。' : 'A fund-level file: read-only view (the same computation as jingsuan fund).'}</p>
      </div>
      ${f.kind === 'subsidyBudget' ? this.renderSubsidy() : this.renderPooling()}`;
  }

  private renderSubsidy() {
    const r = this.subsidy;
    if (!r) return nothing;
    const L = this.lang;
    const u = unitLabel(this.unit, L);
    const payer = (p: string) => (p === 'city' ? (L === 'zh' ? '市级' : 'city') : L === 'zh' ? '省级' : 'province');
    const b = r.budget;
    return html`<div class="panel">
        <h3>${L === 'zh' ? `${r.year} 年居民医保财政补助预算` : `Residents' subsidy budget ${r.year}`}</h3>
        <table aria-label=${L === 'zh' ? '补助预算' : 'subsidy budget'}>
          <thead><tr><th>${L === 'zh' ? '分组' : 'group'}</th><th>${L === 'zh' ? '人数' : 'insured'}</th><th>${L === 'zh' ? '出资' : 'payer'}</th><th>${L === 'zh' ? '补助' : 'subsidy'} (${u})</th><th>${L === 'zh' ? '个人缴费' : 'contributions'} (${u})</th></tr></thead>
          <tbody>
            ${b.lines.map((l) => html`<tr data-group=${l.group}><td>${l.title[L]}</td><td>${formatCount(l.count)}</td><td>${payer(l.payer)}</td><td>${l.subsidised ? this.money(l.subsidy) : '—'}</td><td>${this.money(l.contributions)}</td></tr>`)}
          </tbody>
          <tfoot><tr><td>${L === 'zh' ? '合计' : 'total'}</td><td>${formatCount(b.insured)}</td><td></td><td data-total="subsidy">${this.money(b.total)}</td><td>${this.money(b.contributions)}</td></tr></tfoot>
        </table>
        <p>${L === 'zh' ? '省级' : 'Province'} <strong data-payer="province">${this.money(b.byPayer.province)}</strong> ${u} · ${L === 'zh' ? '市级' : 'city'} <strong data-payer="city">${this.money(b.byPayer.city)}</strong> ${u}</p>
        ${b.warnings.map((w) => html`<div class="warning" role="note">${w.message[L]}</div>`)}
      </div>
      ${r.projection
        ? html`<div class="panel">
            <h3>${L === 'zh' ? '参保人数趋势预测' : 'Insured-count trend'}</h3>
            <p>${r.projection.year}: ${formatCount(Math.round(r.projection.predicted))} (${L === 'zh' ? '95% 预测区间' : '95% prediction interval'} ${formatCount(Math.round(r.projection.lo))} – ${formatCount(Math.round(r.projection.hi))}); ${L === 'zh' ? '文件中的预计' : 'forecast in the file'} ${formatCount(b.insured)}</p>
            ${r.projectedBudget
              ? html`<p>${L === 'zh' ? '按预测人数的补助' : 'Subsidy at the projected count'}: <strong>${this.money(r.projectedBudget.predicted)}</strong> ${u} (${this.money(r.projectedBudget.lo)} – ${this.money(r.projectedBudget.hi)})</p>`
              : nothing}
          </div>`
        : nothing}
      ${r.paymentRates.length
        ? html`<div class="panel">
            <h3>${L === 'zh' ? '基金支付比例' : 'Fund payment rates'}</h3>
            <table>
              <thead><tr><th>${L === 'zh' ? '分组' : 'group'}</th><th>${L === 'zh' ? '模型' : 'modelled'}</th><th>${L === 'zh' ? '目标' : 'target'}</th></tr></thead>
              <tbody>${r.paymentRates.map((p) => html`<tr><td>${this.groupTitle(p.group)}</td><td>${formatPercent(p.modelled)}</td><td>${formatPercent(p.target, 0)}</td></tr>`)}</tbody>
            </table>
          </div>`
        : nothing}`;
  }

  private renderPooling() {
    const f = this.fund;
    const r = this.pooling;
    const L = this.lang;
    if (!f || f.kind !== 'pooling') return nothing;
    if (!r) return html`<div class="panel" role="status">${L === 'zh' ? '模拟中…' : 'Simulating…'}</div>`;
    const u = unitLabel(this.unit, L);
    const spec: ChartSpec = reserveMonthsChart(
      r.years.map((y) => ({ year: y.year, mean: y.reserveMonths.mean, p05: y.reserveMonths.p05, p95: y.reserveMonths.p95, probAlarm: y.probAlarm })),
      f.alarmMonths.value,
      { lang: L, unit: this.unit, rulesets: [], footnote: `${f.id}; ${r.trials} ${L === 'zh' ? '次试验' : 'trials'}, seed ${r.seed}`, width: 640 },
    );
    const last = r.years[r.years.length - 1];
    const title = (id: string) => f.regions.find((g) => g.id === id)?.title[L] ?? id;
    return html`<div class="panel">
        <h3>${L === 'zh' ? '市级统筹：备付期与预警' : 'City pooling: reserve months and the alarm'}</h3>
        <table aria-label=${L === 'zh' ? '逐年备付期' : 'reserve months by year'}>
          <thead><tr><th>${L === 'zh' ? '年度' : 'year'}</th><th>${L === 'zh' ? '备付期（均值）' : 'reserve months (mean)'}</th><th>P5</th><th>${L === 'zh' ? '预警概率' : 'P(alarm)'}</th><th>${L === 'zh' ? '统筹基金' : 'city pool'} (${u})</th></tr></thead>
          <tbody>${r.years.map((y) => html`<tr data-year=${y.year}><td>${y.year}</td><td>${y.reserveMonths.mean.toFixed(2)}</td><td>${y.reserveMonths.p05.toFixed(2)}</td><td>${formatPercent(y.probAlarm)}</td><td>${this.amount(y.cityPool.mean)}</td></tr>`)}</tbody>
        </table>
        <p>${L === 'zh' ? '至少一年触发预警的概率' : 'Probability of the alarm in at least one year'}: <strong data-metric="alarm-any">${formatPercent(r.probAlarmAnyYear)}</strong></p>
      </div>
      <div class="panel"><js-chart data-chart="reserveMonths" .spec=${spec}></js-chart></div>
      <div class="panel">
        <h3>${last.year} ${L === 'zh' ? '分地区' : 'by region'}</h3>
        <table>
          <thead><tr><th>${L === 'zh' ? '地区' : 'region'}</th><th>${L === 'zh' ? '结余' : 'balance'} (${u})</th><th>${L === 'zh' ? '风险金' : 'reserve'} (${u})</th><th>${L === 'zh' ? '市级调剂' : 'from city'} (${u})</th><th>${L === 'zh' ? '上缴' : 'repaid'} (${u})</th><th>${L === 'zh' ? '动用市级概率' : 'P(draws on city)'}</th></tr></thead>
          <tbody>${last.regions.map((g) => html`<tr><td>${title(g.region)}</td><td>${this.amount(g.balanceMean)}</td><td>${this.amount(g.reserveMean)}</td><td>${this.amount(g.fromCityMean)}</td><td>${this.amount(g.repaidMean)}</td><td>${formatPercent(g.probDrawOnCity)}</td></tr>`)}</tbody>
        </table>
      </div>`;
  }
}
customElements.define('js-fund-view', FundView);
