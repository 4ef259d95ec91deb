/**
 * A track's payment table from a sheet (issue #31 "Import"): paste the band table copied from Excel or WPS, or open
 * an .xlsx/.csv file; the table read (fit/read-bands.ts) is previewed beside what the track has now, every problem
 * named by its row and column, and applied as one edit (one undo step) only when it reads without a problem.
 */
import { css, html, nothing } from 'lit';
import { readBandSheet, type BandSheet } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import { sheetImportStyles } from './sheet-file.ts';
import { SheetImportPanel } from './sheet-import-panel.ts';
import { t } from '../report/strings.ts';
import type { Track } from '../scenario/schema.ts';
import type { ImportedBands } from '../scenario/import-bands.ts';
import { emit } from './events.ts';
import { itemStyles } from './item-inputs.ts';
import { shared } from './styles.ts';

const yuan = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toLocaleString('zh-CN'));
const pct = (r: number) => `${+(r * 100).toFixed(4)}%`;

export class BandImport extends SheetImportPanel<BandSheet> {
  static override properties = { track: { attribute: false } };
  declare track: Track;

  static override styles = [
    shared,
    itemStyles,
    sheetImportStyles,
    css`
      :host { display: block; }
      .panel { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin-top: 6px; background: #f9fafb; font-size: 12px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 112px; font: 12px/1.4 ui-monospace, monospace; tab-size: 12; }
    `,
  ];

  protected parse(rows: TableRow[]) {
    return readBandSheet(rows);
  }

  private apply() {
    const s = this.sheet;
    if (!s || s.problems.length || !s.bands.length) return;
    const sheet: ImportedBands = { deductible: s.deductible, bands: s.bands.map((b) => ({ to: b.to, ratio: b.ratio })), cap: s.cap };
    emit(this, 'bands-import', { path: this.path, sheet });
    this.close();
  }

  /** The table after import, each figure beside what the track has now. */
  private preview(s: BandSheet) {
    const L = this.lang;
    const now = this.track;
    const dedChanged = s.deductible !== null && s.deductible !== now.deductible.value;
    const capNow = now.cap ? yuan(now.cap.value) : t('bandsImportNoCap', L);
    let from: number | null = s.deductible ?? now.deductible.value;
    return html`<table aria-label=${t('bandsImportPreview', L)}>
      <caption>${t('bandsImportPreview', L)}</caption>
      <thead><tr><th></th><th>${t('bandsImportFrom', L)}</th><th>${t('bandTo', L)}</th><th>${t('bandRatio', L)}</th><th>${t('bandsImportNow', L)}</th></tr></thead>
      <tbody>
        <tr><td>${t('deductible', L)}</td>
          <td colspan="3" class=${dedChanged ? 'changed' : ''}>${yuan(s.deductible ?? now.deductible.value)}</td>
          <td class="now">${dedChanged ? yuan(now.deductible.value) : t('bandsImportUnchanged', L)}</td></tr>
        ${s.bands.map((b, i) => {
          const was = now.bands[i];
          const changed = !was || was.to !== b.to || was.ratio !== b.ratio;
          const row = html`<tr>
            <td>${i + 1}</td><td>${yuan(from)}</td><td class=${changed ? 'changed' : ''}>${b.to === null ? t('open', L) : yuan(b.to)}</td>
            <td class=${changed ? 'changed' : ''}>${pct(b.ratio)}</td>
            <td class="now">${changed ? (was ? `${was.to === null ? t('open', L) : yuan(was.to)} · ${pct(Number(was.ratio))}` : '—') : t('bandsImportUnchanged', L)}</td></tr>`;
          from = b.to;
          return row;
        })}
        ${now.bands
          .slice(s.bands.length)
          .map(
            (was, j) =>
              html`<tr><td>${s.bands.length + j + 1}</td><td></td><td>—</td><td>—</td><td class="now">${was.to === null ? t('open', L) : yuan(was.to)} · ${pct(Number(was.ratio))}</td></tr>`,
          )}
        ${
          s.cap === undefined
            ? nothing
            : html`<tr><td>${t('trackCap', L)}</td><td colspan="3" class="changed">${s.cap === null ? t('bandsImportNoCap', L) : yuan(s.cap)}</td><td class="now">${capNow}</td></tr>`
        }
      </tbody>
    </table>`;
  }

  override render() {
    const s = this.sheet;
    return this.panel({
      label: 'bandsImport',
      hint: 'bandsImportHint',
      paste: 'bandsImportPaste',
      placeholder: '起付标准\t18000\n下限\t上限\t支付比例\n18000\t100000\t60%\n100000\t以上\t80%',
      preview: s && s.bands.length ? this.preview(s) : nothing,
      ready: !!s && s.bands.length > 0,
      apply: () => this.apply(),
    });
  }
}
customElements.define('js-band-import', BandImport);

declare global {
  interface HTMLElementTagNameMap {
    'js-band-import': BandImport;
  }
}
