/**
 * A population's figures from a sheet (issue #31 "Import: … a population's figures pasted from or opened as a
 * sheet"): 参保人数, 发生费用比例, 地区费用水平 as label rows, previewed beside the population's figures, problems
 * named by row and column, applied as one edit (one undo step).
 */
import { css, html, nothing } from 'lit';
import { readFigureSheet, type FigureSheet, type PopulationFigure } from '../fit/read-bands.ts';
import type { TableRow } from '../fit/read-table.ts';
import { t } from '../report/strings.ts';
import type { Population } from '../scenario/schema.ts';
import { emit } from './events.ts';
import { itemStyles } from './item-inputs.ts';
import { sheetImportStyles } from './sheet-file.ts';
import { SheetImportPanel } from './sheet-import-panel.ts';
import { shared } from './styles.ts';

const LABEL: Record<PopulationFigure, 'insured' | 'incidence' | 'costLevel'> = {
  insured: 'insured',
  incidence: 'incidence',
  costLevel: 'costLevel',
};
const shown = (key: PopulationFigure, v: number | undefined) =>
  v === undefined ? '—' : key === 'incidence' ? `${+(v * 100).toFixed(4)}%` : v.toLocaleString('zh-CN', { maximumFractionDigits: 6 });

export class FigureImport extends SheetImportPanel<FigureSheet> {
  static override properties = { population: { attribute: false } };
  declare population: Population;

  static override styles = [
    shared,
    itemStyles,
    sheetImportStyles,
    css`
      :host { display: block; }
      .panel { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin: 6px 0; background: #f9fafb; font-size: 12px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 80px; font: 12px/1.4 ui-monospace, monospace; tab-size: 14; }
    `,
  ];

  protected parse(rows: TableRow[]) {
    return readFigureSheet(rows);
  }

  private apply() {
    const s = this.sheet;
    if (!s || s.problems.length || !Object.keys(s.figures).length) return;
    emit(this, 'figures-import', { path: this.path, figures: s.figures });
    this.close();
  }

  override render() {
    const L = this.lang;
    const entries = Object.entries(this.sheet?.figures ?? {}) as [PopulationFigure, number][];
    const now = (k: PopulationFigure) => (this.population[k] as { value: number } | undefined)?.value;
    return this.panel({
      label: 'figuresImport',
      hint: 'figuresImportHint',
      paste: 'figuresImportPaste',
      placeholder: '参保人数\t1350000\n发生费用比例\t10%\n地区费用水平\t0.965',
      preview: entries.length
        ? html`<table aria-label=${t('figuresImportPreview', L)}>
            <caption>${t('figuresImportPreview', L)}</caption>
            <thead><tr><th></th><th>${t('xlsxValue', L)}</th><th>${t('bandsImportNow', L)}</th></tr></thead>
            <tbody>${entries.map(([k, v]) => {
              const changed = now(k) !== v;
              return html`<tr><td>${t(LABEL[k], L)}</td><td class=${changed ? 'changed' : ''}>${shown(k, v)}</td>
                <td class="now">${changed ? shown(k, now(k)) : t('bandsImportUnchanged', L)}</td></tr>`;
            })}</tbody>
          </table>`
        : nothing,
      ready: entries.length > 0,
      apply: () => this.apply(),
    });
  }
}
customElements.define('js-figure-import', FigureImport);

declare global {
  interface HTMLElementTagNameMap {
    'js-figure-import': FigureImport;
  }
}
