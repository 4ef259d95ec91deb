/**
 * 导入数据拟合: a bureau's claims (a CSV/TSV/XLSX file, or cells pasted from Excel or WPS) read as individual
 * amounts or grouped bands, fitted by maximum likelihood to every severity family (in a worker), ranked by AIC,
 * with diagnostic charts for the chosen family. 应用 writes the chosen fit into the population's severity as one
 * edit (event `severity-fit`, edit-events.ts), so undo, autosave, share and the diff all see it; the dialog then
 * says what moved (expected payout and beneficiaries, and the beneficiaries against the deductible).
 */
import { LitElement, css, html, nothing } from 'lit';
import { FAMILIES } from '../fit/families-registry.ts';
import type { FitOrigin } from '../fit/into-scenario.ts';
import { CLAIMS_LIMITS, type ClaimsFile } from '../fit/read.ts';
import type { FamilyFit } from '../fit/types.ts';
import type { ChartSpec } from '../report/charts/charts.ts';
import { fitHistogramChart, fitQqChart } from '../report/charts/fit-charts.ts';
import { fitDiagnostics, fittedCurve } from '../report/charts/fit-data.ts';
import { formatAmount, unitText } from '../report/format.ts';
import { familyName } from '../report/severity-names.ts';
import { t, type Lang } from '../report/strings.ts';
import { fittedSeverityEdit } from '../fit/fitted-severity.ts';
import { metricLabel } from '../engine/metrics.ts';
import { Severity, type Scenario } from '../scenario/schema.ts';
import { emit } from './events.ts';
import { fitInWorker, readInWorker, type WorkerJob } from './fit-client.ts';
import { beneficiarySweep, beneficiarySweepChart, outcomeRows, type BeneficiarySweep, type FitOutcome } from './fit-outcome.ts';
import { fitsTable, previewTable } from './fit-tables.ts';
import { shared } from './styles.ts';
import type { Workbench } from './workbench-state.ts';
import './chart-view.ts';

/** An origin for a severity only checked, not written. */
const SKETCH: FitOrigin = { file: '', sha256: '', n: 0, grouped: false, truncate: 0, date: '' };
/** Every family the fit knows, in its order: the charts colour a family by its place here. */
const FAMILY_IDS = FAMILIES.map((f) => f.id);

interface Source {
  name: string;
  bytes: Uint8Array;
}

/** The scenario format takes the fit's family (and its values validate). */
function writable(fit: FamilyFit): boolean {
  try {
    return Severity.safeParse(fittedSeverityEdit(fit, SKETCH, null)).success;
  } catch {
    return false;
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle exists only in a secure context (https, or the page on this computer).
  if (!globalThis.crypto?.subtle) return 'not computed (the page is not in a secure context)';
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The reader's message (naming row and column as a spreadsheet does) in the page's language. */
const readerMessage = (reply: { error: string; zh?: string }, L: Lang) => (L === 'zh' && reply.zh ? reply.zh : reply.error);

const localDate = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export class FitDialog extends LitElement {
  static override properties = {
    wb: { attribute: false },
    index: { type: Number },
    lang: {},
    source: { state: true },
    pasted: { state: true },
    grouped: { state: true },
    truncateText: { state: true },
    read: { state: true },
    problem: { state: true },
    fits: { state: true },
    fitMs: { state: true },
    running: { state: true },
    reading: { state: true },
    chosen: { state: true },
    outcome: { state: true },
  };
  declare wb: Workbench;
  /** The population whose severity is fitted. */
  declare index: number;
  declare lang: Lang;
  declare source: Source | null;
  declare pasted: string;
  declare grouped: boolean;
  declare truncateText: string;
  declare read: ClaimsFile | null;
  /** What is wrong with the data or the fit, in words (the reader's message names row and column). */
  declare problem: string;
  declare fits: FamilyFit[] | null;
  declare fitMs: number;
  declare running: boolean;
  /** The data are being read (in the worker). */
  declare reading: boolean;
  declare chosen: string;
  declare outcome: FitOutcome | null;
  /** The read or fit under way: a newer one cancels it, and its end then changes nothing. */
  private job: WorkerJob<unknown> | null = null;

  constructor() {
    super();
    this.index = 0;
    this.lang = 'zh';
    this.source = null;
    this.pasted = '';
    this.grouped = false;
    this.truncateText = '';
    this.read = null;
    this.problem = '';
    this.fits = null;
    this.fitMs = 0;
    this.running = false;
    this.reading = false;
    this.chosen = '';
    this.outcome = null;
  }

  static override styles = [
    shared,
    css`
      dialog { width: min(1040px, calc(100vw - 16px)); max-width: none; max-height: calc(100dvh - 16px); box-sizing: border-box; padding: 14px 16px;
        border: 1px solid var(--line); border-radius: 10px; overflow: auto; font-size: 13px; }
      dialog::backdrop { background: rgb(17 24 39 / 0.45); }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 8px; }
      h2 { font-size: 16px; }
      h3 { font-size: 14px; margin: 12px 0 6px; }
      .inputs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
      @media (max-width: 720px) { .inputs { grid-template-columns: minmax(0, 1fr); } }
      .drop { border: 2px dashed var(--line); border-radius: 8px; padding: 12px; display: flex; flex-direction: column; gap: 6px; align-items: flex-start; justify-content: center; min-height: 80px; }
      .drop.over { border-color: var(--accent); background: var(--accent-soft); }
      input[type='file'] { display: none; }
      textarea { width: 100%; box-sizing: border-box; min-height: 80px; font: 12px ui-monospace, monospace; border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; }
      fieldset { border: none; padding: 0; margin: 8px 0 0; display: flex; gap: 4px 14px; flex-wrap: wrap; align-items: center; }
      legend { float: left; margin-right: 8px; font-weight: 600; }
      .truncate { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
      .truncate input { width: 120px; }
      .problem { background: var(--error-soft); color: var(--error); border: 1px solid #fca5a5; border-radius: 8px; padding: 6px 10px; margin-top: 8px; overflow-wrap: anywhere; }
      .scroll { overflow-x: auto; max-width: 100%; }
      table { border-collapse: collapse; font-size: 12px; }
      th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: right; vertical-align: top; }
      th { font-weight: 600; background: #f9fafb; }
      th.left, td.left { text-align: left; }
      th small { display: block; font-weight: 400; color: var(--muted); }
      .meta { color: var(--muted); margin: 4px 0; overflow-wrap: anywhere; }
      .run { display: flex; gap: 8px; align-items: center; margin-top: 12px; flex-wrap: wrap; }
      button.primary { background: var(--accent); color: white; border-color: var(--accent); }
      button.primary:hover:not(:disabled) { background: #1e40af; }
      tr.chosen td { background: var(--accent-soft); }
      tr.fit { cursor: pointer; }
      td.params { text-align: left; white-space: normal; min-width: 180px; }
      .warn { color: var(--warn); font-size: 12px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: 12px; margin-top: 8px; }
      .outcome { background: #ecfdf5; border: 1px solid #6ee7b7; border-radius: 8px; padding: 8px 12px; margin-top: 12px; }
      .outcome ul { margin: 4px 0; padding-left: 18px; }
      /* A narrow screen: each fit a small card (family, parameters, then AIC, ΔAIC and the goodness of fit). */
      @media (max-width: 640px) {
        table.fits thead { display: none; }
        table.fits tr { display: grid; grid-template-columns: 28px minmax(0, 1fr) minmax(0, 1fr); padding: 4px 0; border-bottom: 1px solid #eee; }
        table.fits tr.chosen { background: var(--accent-soft); }
        table.fits td { border: none; padding: 1px 4px; text-align: left; min-width: 0; }
        table.fits td.left, table.fits td.params { grid-column: 2 / -1; }
        table.fits td.radio { grid-row: span 4; }
        table.fits td[data-label]::before { content: attr(data-label) ' '; color: var(--muted); }
      }
    `,
  ];

  override firstUpdated() {
    this.renderRoot.querySelector('dialog')!.showModal();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('resize', this.onResize);
    this.job?.cancel();
  }

  /** The dialog's width inside its padding. */
  private innerWidth() {
    return Math.max(280, (this.renderRoot.querySelector('dialog')?.clientWidth ?? 1040) - 40);
  }

  /** Width of a diagnostic chart: two side by side in a wide dialog, one across a narrow one. */
  private chartWidth() {
    const inner = this.innerWidth();
    return Math.round(Math.min(520, inner > 860 ? (inner - 12) / 2 : inner));
  }

  private readonly onResize = () => this.requestUpdate();

  override connectedCallback() {
    super.connectedCallback();
    globalThis.addEventListener?.('resize', this.onResize);
  }

  private population() {
    return (this.wb.draft as Scenario).populations[this.index];
  }

  /** Closed (the close button, Escape): the dialog gives focus back to the card's button, then the panel drops it. */
  private closed() {
    this.job?.cancel();
    this.dispatchEvent(new Event('close'));
  }

  /** The deductible of the records (left truncation), or null when the field does not hold one. */
  private truncate(): number | null {
    const s = this.truncateText.trim().replace(/[,，\s]/g, '');
    if (s === '') return 0;
    const v = Number(s);
    return Number.isFinite(v) && v >= 0 ? v : null;
  }

  private async take(file: File) {
    this.pasted = '';
    if (file.size > CLAIMS_LIMITS.bytes) {
      this.source = null;
      this.read = null;
      this.problem = `${t('fitCannotRead', this.lang)}${file.name}: ${file.size.toLocaleString('en')} bytes > ${CLAIMS_LIMITS.bytes.toLocaleString('en')}`;
      return;
    }
    this.source = { name: file.name, bytes: new Uint8Array(await file.slice(0, CLAIMS_LIMITS.bytes + 1).arrayBuffer()) };
    void this.reread();
  }

  private paste(text: string) {
    this.pasted = text;
    this.source = text.trim() ? { name: `${t('fitPasted', this.lang)}.tsv`, bytes: new TextEncoder().encode(text) } : null;
    void this.reread();
  }

  /** Reads the data again as the choices now say (kind, truncation): the fits of other data go. */
  private async reread() {
    this.job?.cancel();
    this.job = null;
    this.running = false;
    this.fits = null;
    this.outcome = null;
    this.read = null;
    const truncate = this.truncate();
    if (!this.source || truncate === null) {
      this.problem = this.source ? t('fitTruncateBad', this.lang) : '';
      return;
    }
    const job = (this.job = readInWorker(this.source.bytes, this.source.name, { grouped: this.grouped, truncate }));
    this.reading = true;
    const reply = await job.done;
    if (this.job !== job) return;
    this.job = null;
    this.reading = false;
    if ('error' in reply) this.problem = `${t('fitCannotRead', this.lang)}${readerMessage(reply, this.lang)}`;
    else [this.read, this.problem] = [reply.file, ''];
  }

  private async fit() {
    if (!this.read) return;
    this.job?.cancel();
    const job = (this.job = fitInWorker(this.read.data));
    this.running = true;
    this.outcome = null;
    const reply = await job.done;
    if (this.job !== job) return;
    this.running = false;
    this.job = null;
    if ('error' in reply) {
      this.fits = null;
      this.problem = `${t('fitFailed', this.lang)}${reply.error}`;
      return;
    }
    this.problem = '';
    this.fits = reply.fits;
    this.fitMs = Math.round(reply.ms);
    this.chosen = reply.fits.find((f) => f.converged && Number.isFinite(f.aic))?.family ?? reply.fits[0]?.family ?? '';
  }

  private chosenFit(): FamilyFit | undefined {
    return this.fits?.find((f) => f.family === this.chosen);
  }

  /** The severity the chosen fit writes, or null when the scenario format does not take its family. */
  private async severityOf(fit: FamilyFit) {
    const read = this.read!;
    const origin: FitOrigin = {
      file: this.source!.name,
      sha256: await sha256Hex(this.source!.bytes),
      n: read.description.n,
      grouped: read.description.grouped,
      truncate: read.description.truncate,
      date: localDate(),
    };
    return writable(fit) ? fittedSeverityEdit(fit, origin, this.population().severity) : null;
  }

  private async apply() {
    const fit = this.chosenFit();
    if (!fit || !this.read || !this.source) return;
    const sev = await this.severityOf(fit);
    if (!sev) return;
    const wb = this.wb;
    const before = { scenario: wb.applied, analytic: wb.analytic };
    // The one edit: the editor panel turns it into a scenario edit (edit-events.ts) and the workbench applies it.
    emit(this, 'severity-fit', { path: ['populations', this.index, 'severity'], value: sev });
    if (wb.problems.length || !wb.applied || wb.applied === before.scenario) {
      this.problem = t('fitNotApplied', this.lang);
      return;
    }
    const after = wb.applied;
    this.outcome = { rows: outcomeRows(after, before.analytic, wb.analytic, this.lang), sweep: null };
    // The sweep evaluates the analytic model fifty times: after the outcome's words are on screen.
    setTimeout(() => {
      if (!this.outcome || !before.scenario) return;
      this.outcome = { ...this.outcome, sweep: beneficiarySweep(before.scenario, after, this.lang) };
    }, 0);
  }

  private shownSweep: { key: string; sweep: BeneficiarySweep; chart: ChartSpec } | null = null;

  private sweepChart(sweep: BeneficiarySweep): ChartSpec {
    const width = Math.round(Math.min(640, this.innerWidth() - 26));
    const key = `${this.lang} ${width}`;
    if (this.shownSweep?.key === key && this.shownSweep.sweep === sweep) return this.shownSweep.chart;
    const chart = beneficiarySweepChart(sweep, this.lang, width);
    this.shownSweep = { key, sweep, chart };
    return chart;
  }

  private onDrop(e: DragEvent) {
    // The page would open a dropped file as a scenario: inside the dialog a drop is the claims data.
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void this.take(file);
  }

  private onDragOver(e: DragEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  }

  private renderInputs() {
    const L = this.lang;
    return html`<div class="inputs">
        <div class="drop" @dragover=${(e: DragEvent) => {
          this.onDragOver(e);
          (e.currentTarget as HTMLElement).classList.add('over');
        }} @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')} @drop=${this.onDrop}>
          <button @click=${() => (this.renderRoot.querySelector('input[type=file]') as HTMLInputElement).click()}>${t('fitPick', L)}</button>
          <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label=${t('fitPick', L)} @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void this.take(file);
              input.value = '';
            }} />
          <span class="muted">${t('fitDrop', L)}</span>
          ${this.source && !this.pasted ? html`<strong>${this.source.name}</strong>` : nothing}
        </div>
        <label>${t('fitPaste', L)}
          <textarea aria-label=${t('fitPaste', L)} .value=${this.pasted} placeholder="0	5000	412&#10;5000	10000	1306"
            @input=${(e: Event) => this.paste((e.target as HTMLTextAreaElement).value)}></textarea></label>
      </div>
      <fieldset>
        <legend>${t('fitKind', L)}</legend>
        <label><input type="radio" name="kind" .checked=${!this.grouped} @change=${() => ((this.grouped = false), void this.reread())} /> ${t('fitIndividual', L)}</label>
        <label><input type="radio" name="kind" .checked=${this.grouped} @change=${() => ((this.grouped = true), void this.reread())} /> ${t('fitGrouped', L)}</label>
      </fieldset>
      <label class="truncate">${t('fitTruncate', L)}
        <input type="text" inputmode="decimal" .value=${this.truncateText} aria-invalid=${this.truncate() === null ? 'true' : 'false'}
          @change=${(e: Event) => ((this.truncateText = (e.target as HTMLInputElement).value), void this.reread())} /></label>`;
  }

  private renderFits() {
    if (!this.fits) return nothing;
    return html`<h3>${t('fitRanked', this.lang, this.fitMs)}</h3>
      ${fitsTable(this.fits, this.chosen, (family) => (this.chosen = family), this.lang)} ${this.renderChosen()}`;
  }

  private shownCharts: { key: string; read: ClaimsFile; charts: ChartSpec[] } | null = null;

  /** The chosen fit's charts, drawn again only when the fit, the data, the language or the width change. */
  private diagnostics(fit: FamilyFit, read: ClaimsFile): ChartSpec[] {
    const L = this.lang;
    const width = this.chartWidth();
    const key = `${fit.family} ${L} ${width}`;
    if (this.shownCharts?.key === key && this.shownCharts.read === read) return this.shownCharts.charts;
    const data = read.data;
    const diagnostics = fitDiagnostics(data, [fittedCurve(fit, data.truncate)]);
    const ctx = { lang: L, footnote: '', families: FAMILY_IDS, width };
    // The legend names the family as the table does.
    const named = (c: ChartSpec): ChartSpec => ({
      ...c,
      options: { ...c.options, color: { ...(c.options.color as object), tickFormat: (id: string) => familyName(id, L) } },
    });
    const charts = [named(fitHistogramChart(diagnostics, ctx)), named(fitQqChart(diagnostics, ctx))];
    this.shownCharts = { key, read, charts };
    return charts;
  }

  private renderChosen() {
    const fit = this.chosenFit();
    const read = this.read;
    if (!fit || !read || !Number.isFinite(fit.aic)) return nothing;
    const L = this.lang;
    const charts = this.diagnostics(fit, read);
    const inSchema = writable(fit);
    return html`${fit.warnings.length ? html`<ul class="warn">${fit.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      <div class="charts">${charts.map((c) => html`<js-chart .spec=${c}></js-chart>`)}</div>
      <div class="run">
        <button class="primary apply" ?disabled=${!inSchema} @click=${() => void this.apply()}>${t('fitApply', L)}${t('colon', L)}${familyName(fit.family, L)}</button>
        ${inSchema ? nothing : html`<span class="warn">${t('fitNotInSchema', L, familyName(fit.family, L))}</span>`}
      </div>`;
  }

  private renderOutcome() {
    const o = this.outcome;
    if (!o) return nothing;
    const L = this.lang;
    const money = (v: number | null) => formatAmount(v, 'wan', 1);
    const people = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en'));
    return html`<div class="outcome" role="status">
      <strong>${t('fitApplied', L)}</strong>
      <ul>${o.rows.map(
        (r) =>
          html`<li>${r.name}${t('colon', L)}${metricLabel('payout', L)} ${money(r.payout[0])} → ${money(r.payout[1])} ${unitText('wan', L)}${t('listSeparator', L)}${metricLabel(
            'beneficiaries',
            L,
          )} ${people(r.beneficiaries[0])} → ${people(r.beneficiaries[1])}</li>`,
      )}</ul>
      ${o.sweep ? html`<js-chart .spec=${this.sweepChart(o.sweep)}></js-chart>` : nothing}
    </div>`;
  }

  override render() {
    const L = this.lang;
    const p = this.wb ? this.population() : null;
    return html`<dialog aria-labelledby="fit-title" @close=${() => this.closed()} @dragover=${this.onDragOver} @drop=${this.onDrop}
      @keydown=${(e: KeyboardEvent) => e.key !== 'Escape' && e.stopPropagation()}>
      <header>
        <h2 id="fit-title">${t('fitTitle', L, p?.title?.[L] ?? p?.id ?? '')}</h2>
        <button @click=${() => this.renderRoot.querySelector('dialog')!.close()}>${t('close', L)}</button>
      </header>
      <p class="meta what">${t('fitWhatData', L, t(p?.amountBasis === 'policyCost' ? 'fitBasisPolicyCost' : 'fitBasisSelfBurden', L))}
        ${p?.costLevel && p.costLevel.value !== 1 ? t('fitCostLevel', L, String(p.costLevel.value)) : nothing}</p>
      ${this.renderInputs()}
      ${this.problem ? html`<div class="problem" role="alert">${this.problem}</div>` : nothing}
      ${this.reading ? html`<p class="meta" role="status">${t('fitReading', L)}</p>` : nothing}
      ${this.read && this.source ? previewTable(this.read, this.source.name, L) : nothing}
      <div class="run">
        <button class="primary run-fit" ?disabled=${!this.read || this.running} @click=${() => void this.fit()}>${this.running ? t('fitRunning', L) : t('fitRun', L)}</button>
      </div>
      ${this.renderFits()}
      ${this.renderOutcome()}
    </dialog>`;
  }
}
customElements.define('js-fit-dialog', FitDialog);

declare global {
  interface HTMLElementTagNameMap {
    'js-fit-dialog': FitDialog;
  }
}
