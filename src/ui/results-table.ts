/**
 * Results side by side, one column per ruleset: analytic values at once, Monte Carlo values as trials arrive,
 * differences against the chosen baseline with their 95% intervals, and the scenario's targets.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { AnalyticRuleset } from '../engine/analytic.ts';
import type { Comparison, RunResult } from '../engine/summary.ts';
import type { Lang } from '../report/charts/i18n.ts';
import { formatAmount, formatCount, formatPercent, unitLabel, type Unit } from '../report/format.ts';
import { analyticTable, indicatorTable, targetTable, toCsv } from '../report/tables.ts';
import { download } from './download.ts';
import type { ExactResult } from './exact-client.ts';
import { t } from './strings.ts';
import { shared } from './styles.ts';

type Row = { label: [string, string]; cells: (id: string, i: number) => string; mc?: boolean };

export class ResultsTable extends LitElement {
  static override properties = {
    analytic: { attribute: false },
    result: { attribute: false },
    comparisons: { attribute: false },
    baseline: {},
    lang: {},
    unit: {},
    colors: { attribute: false },
    exact: { attribute: false },
  };
  /** The exact aggregate (FFT) from its worker: null while computed, or the reason it failed. */
  declare exact: ExactResult | { error: string } | null;
  declare analytic: AnalyticRuleset[];
  declare result: RunResult | null;
  declare comparisons: Comparison[];
  declare baseline: string;
  declare lang: Lang;
  declare unit: Unit;
  declare colors: Record<string, string>;

  constructor() {
    super();
    this.analytic = [];
    this.result = null;
    this.comparisons = [];
    this.baseline = '';
    this.lang = 'zh';
    this.unit = 'wan';
    this.colors = {};
    this.exact = null;
  }

  static override styles = [
    shared,
    css`
      :host { display: block; overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
      th, td { padding: 5px 8px; border-bottom: 1px solid #eceff3; text-align: right; white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; white-space: normal; }
      thead th { border-bottom: 2px solid var(--line); vertical-align: bottom; }
      thead th span.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
      tr.mc td:not(:first-child) { color: #1f2937; }
      tr.pending td:not(:first-child) { color: #9ca3af; }
      td.base { color: var(--muted); }
      .en { color: var(--muted); font-size: 11px; display: block; }
      caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
      .targets { margin-top: 16px; }
      .tools { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
      .tools button { font-size: 12px; padding: 2px 8px; }
    `,
  ];

  private csv() {
    const t = this.result ? indicatorTable(this.result) : analyticTable(this.analytic);
    download(`${this.result?.scenario ?? 'results'}-${t.id}.csv`, toCsv(t), 'text/csv');
  }

  /** Copies the table as shown, as HTML (pastes as a table into Word/WPS) and tab-separated text. */
  private async copy() {
    const table = this.renderRoot.querySelector('table');
    if (!table) return;
    const tsv = [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim()).join('\t')).join('\n');
    const htmlText = `<table border="1">${table.innerHTML}</table>`;
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([htmlText], { type: 'text/html' }), 'text/plain': new Blob([tsv], { type: 'text/plain' }) })]);
      this.copied = true;
    } catch {
      this.copied = false;
    }
    this.requestUpdate();
  }
  private copied = false;

  override render() {
    const L = this.lang;
    const u = this.unit;
    const ids = this.analytic.map((a) => a.id);
    const mc = (id: string) => this.result?.rulesets.find((r) => r.id === id);
    const cmp = (id: string) => this.comparisons.find((c) => c.b === id);
    const amt = (v: number | null | undefined, d?: number) => formatAmount(v, u, d);
    const ex = this.exact;
    const exactCell = (id: string, f: (e: NonNullable<ExactResult['rulesets'][number]>) => string): string => {
      if (ex === null) return '…';
      if ('error' in ex) return L === 'zh' ? `无法计算：${ex.error}` : `cannot compute: ${ex.error}`;
      const e = ex.rulesets.find((r) => r.id === id);
      if (!e) return '…';
      if (e.method !== 'fft') return L === 'zh' ? '仅蒙特卡洛（个人自费比例随机）' : 'Monte Carlo only (shares drawn per person)';
      return f(e);
    };
    const rows: Row[] = [
      { label: ['保费', 'premium'], cells: (_, i) => amt(this.analytic[i].premium) },
      { label: ['期望赔付（解析）', 'expected payout (analytic)'], cells: (_, i) => amt(this.analytic[i].payout) },
      { label: ['赔付均值 ± 标准误', 'payout mean ± se'], mc: true, cells: (id) => (mc(id) ? `${amt(mc(id)!.payout.mean)} ± ${amt(mc(id)!.payout.se, u === 'wan' ? 2 : 0)}` : '…') },
      { label: ['赔付 P95 / P99.5', 'payout P95 / P99.5'], mc: true, cells: (id) => (mc(id) ? `${amt(mc(id)!.payout.p95)} / ${amt(mc(id)!.payout.p995)}` : '…') },
      {
        label: ['赔付标准差：过程 / 参数（参数风险占比）', 'payout sd: process / parameter (parameter share)'],
        mc: true,
        cells: (id) => {
          const r = mc(id)?.risk;
          if (!mc(id)) return '…';
          return r ? `${amt(r.processSd)} / ${amt(r.parameterSd)} (${formatPercent(r.parameterShare)})` : '—';
        },
      },
      { label: ['期望赔付率', 'expected loss ratio'], cells: (_, i) => formatPercent(this.analytic[i].lossRatio) },
      { label: ['赔付率 P5–P95（精确，FFT）', 'loss ratio P5–P95 (exact, FFT)'], cells: (id) => exactCell(id, (e) => `${formatPercent(e.lossRatio!.p05)} – ${formatPercent(e.lossRatio!.p95)}`) },
      { label: ['亏损概率（精确）', 'probability of loss (exact)'], cells: (id) => exactCell(id, (e) => formatPercent(e.lossRatio!.probAbove1)) },
      {
        label: ['精确分布与蒙特卡洛', 'exact vs Monte Carlo'],
        mc: true,
        cells: (id) =>
          exactCell(id, (e) => {
            const m = mc(id);
            if (!m) return '…';
            // The sampled mean should lie within 4 standard errors of the exact one; a larger gap is flagged.
            const z = m.payout.se > 0 ? (m.payout.mean - e.payout!.mean) / m.payout.se : 0;
            const flag = Math.abs(z) > 4;
            return `${flag ? '⚠ ' : '✓ '}${z >= 0 ? '+' : ''}${z.toFixed(1)} se`;
          }),
      },
      { label: ['赔付率 P95', 'loss ratio P95'], mc: true, cells: (id) => (mc(id) ? formatPercent(mc(id)!.lossRatio.p95) : '…') },
      { label: ['亏损概率（赔付率>100%）', 'probability of loss (LR > 100%)'], mc: true, cells: (id) => (mc(id) ? formatPercent(mc(id)!.lossRatio.probAbove1) : '…') },
      { label: ['补偿人数', 'beneficiaries'], cells: (_, i) => formatCount(this.analytic[i].beneficiaries) },
      { label: ['补偿人次', 'person-times'], mc: true, cells: (id) => (mc(id) ? formatCount(mc(id)!.personTimes.mean) : '…') },
      { label: ['人均补偿（元）', 'benefit per beneficiary (yuan)'], cells: (_, i) => formatAmount(this.analytic[i].payout && this.analytic[i].beneficiaries ? this.analytic[i].payout! / this.analytic[i].beneficiaries! : null, 'yuan') },
      { label: ['个人现金减负率', 'burden reduction rate'], cells: (_, i) => formatPercent(this.analytic[i].burdenReductionRate) },
      { label: ['政策范围内报销比例', 'reimbursement ratio'], cells: (_, i) => formatPercent(this.analytic[i].reimbursementRatio) },
      { label: ['承办机构期望盈亏（风险调节后）', 'insurer result after corridor'], mc: true, cells: (id) => (mc(id)?.corridor ? amt(mc(id)!.corridor!.insurerMean) : mc(id) ? '—' : '…') },
      { label: ['承办机构亏损概率', 'P(insurer loss)'], mc: true, cells: (id) => (mc(id)?.corridor ? formatPercent(mc(id)!.corridor!.probInsurerLoss) : mc(id) ? '—' : '…') },
      {
        label: [`与基准（${this.baseline}）赔付差及95%区间`, `payout vs baseline (${this.baseline}), 95% interval`],
        mc: true,
        cells: (id) => {
          if (id === this.baseline) return this.lang === 'zh' ? '基准' : 'baseline';
          const c = cmp(id);
          return c ? `${c.payoutDiff.mean >= 0 ? '+' : ''}${amt(c.payoutDiff.mean)} [${amt(c.payoutDiff.lo95)}, ${amt(c.payoutDiff.hi95)}]` : '…';
        },
      },
    ];
    const targets = this.result?.targets.length ? targetTable(this.result) : null;
    return html`
      <table aria-label=${t('results', L)}>
        <caption>${t('results', L)} · ${L === 'zh' ? '金额单位' : 'amounts in'} ${unitLabel(u, L)}</caption>
        <thead>
          <tr>
            <th scope="col">${L === 'zh' ? '指标' : 'Indicator'}</th>
            ${ids.map((id) => html`<th scope="col"><span class="sw" style="background:${this.colors[id] ?? '#999'}"></span>${id}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr class=${r.mc ? (this.result ? 'mc' : 'pending') : ''}>
              <th scope="row">${L === 'zh' ? r.label[0] : r.label[1]}${L === 'zh' ? html`<span class="en">${r.label[1]}</span>` : nothing}</th>
              ${ids.map((id, i) => html`<td class=${id === this.baseline ? 'base' : ''} data-metric=${r.label[1]} data-ruleset=${id}>${r.cells(id, i)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="tools">
        <button @click=${() => this.csv()}>CSV</button>
        <button @click=${() => this.copy()}>${this.copied ? (L === 'zh' ? '已复制' : 'Copied') : L === 'zh' ? '复制表格' : 'Copy table'}</button>
      </div>
      ${targets
        ? html`<table class="targets" aria-label=${t('targets', L)}>
            <caption>${t('targets', L)}</caption>
            <thead><tr>${targets.header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
            <tbody>${targets.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
          </table>`
        : nothing}
    `;
  }
}
customElements.define('js-results-table', ResultsTable);
