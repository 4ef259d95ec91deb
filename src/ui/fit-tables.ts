/**
 * The fit dialog's two tables, as templates drawn in its shadow root (its styles): the first rows of the data as
 * read, and the fits ranked by AIC with their parameters in plain names and a goodness-of-fit figure.
 */
import { html, nothing } from 'lit';
import type { ClaimsFile } from '../fit/read.ts';
import type { FamilyFit } from '../fit/types.ts';
import { familyName, severityParamName } from '../report/severity-names.ts';
import { t, type Lang } from '../report/strings.ts';

/** Rows the preview shows. */
const PREVIEW_ROWS = 8;

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK / GB18030',
};

/** A number as a person reads it: four significant digits, thousands grouped. */
export const shown = (v: number) =>
  Number.isFinite(v) ? Number(v.toPrecision(4)).toLocaleString('en', { maximumFractionDigits: 6 }) : '—';
const pShown = (p: number | null) => (p === null ? '' : p < 0.001 ? ', p < 0.001' : `, p = ${p.toFixed(3)}`);

/** The goodness-of-fit figure the fit gives: Kolmogorov–Smirnov for amounts, Pearson χ² for bands. */
export function gofText(f: FamilyFit): string {
  const g = f.gof;
  if (g.ks) return `KS D = ${g.ks.statistic.toFixed(4)}${pShown(g.ks.pValue)}`;
  if (g.chiSquare) return `χ² = ${shown(g.chiSquare.statistic)}, df ${g.chiSquare.df}${pShown(g.chiSquare.pValue)}`;
  return '—';
}

/** The file, its encoding, rows and claims, its header, and the first rows of the columns read. */
export function previewTable(read: ClaimsFile, fileName: string, L: Lang) {
  const d = read.description;
  const data = read.data;
  const enc = d.encoding === 'xlsx' ? `XLSX${d.sheet ? ` · ${d.sheet}` : ''}` : (ENCODINGS[d.encoding] ?? d.encoding);
  const role = { amount: t('fitAmount', L), count: t('fitCount', L), lower: t('fitLower', L), upper: t('fitUpper', L) };
  const roles = data.kind === 'grouped' ? (['lower', 'upper', 'count'] as const) : (['amount', 'count'] as const);
  const k = Math.min(PREVIEW_ROWS, data.kind === 'grouped' ? data.lower.length : data.amounts.length);
  const cells = (i: number) =>
    data.kind === 'grouped'
      ? [shown(data.lower[i]), Number.isFinite(data.upper[i]) ? shown(data.upper[i]) : t('fitOpenTop', L), shown(data.counts[i])]
      : [shown(data.amounts[i]), shown(data.weights[i])];
  const meta = t('fitPreview', L, fileName, enc, d.rows.toLocaleString('en'), d.n.toLocaleString('en'));
  return html`<h3>${t('fitFirstRows', L, k)}</h3>
    <p class="meta preview-meta">${meta} · ${t('fitHeader', L)}${t('colon', L)}${d.header ? d.header.join(' | ') : t('fitNoHeader', L)}</p>
    <div class="scroll"><table class="preview">
      <thead><tr>${roles.map((r) => {
        const c = d.columns.find((col) => col.role === r);
        return html`<th>${role[r]}<small>${c ? `${c.column}${c.name ? ` · ${c.name}` : ''}` : '—'}</small></th>`;
      })}</tr></thead>
      <tbody>${Array.from({ length: k }, (_, i) => html`<tr>${cells(i).map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table></div>`;
}

/** The fits by AIC, lowest first, one chosen (a radio per row; a click on the row chooses it too). */
export function fitsTable(fits: FamilyFit[], chosen: string, choose: (family: string) => void, L: Lang) {
  const best = Math.min(...fits.map((f) => f.aic));
  const aic = (f: FamilyFit, v: number) => (Number.isFinite(f.aic) ? v.toFixed(1) : '—');
  return html`<div class="scroll"><table class="fits">
    <thead><tr><th></th><th class="left">${t('fitFamily', L)}</th><th class="left">${t('fitParameters', L)}</th><th>AIC</th><th>ΔAIC</th><th class="left">${t('fitGof', L)}</th></tr></thead>
    <tbody>${fits.map(
      (f) => html`<tr class="fit ${f.family === chosen ? 'chosen' : ''}" data-family=${f.family} @click=${() => choose(f.family)}>
        <td class="radio"><input type="radio" name="fit" aria-label=${t('fitChoose', L, familyName(f.family, L))} .checked=${f.family === chosen}
          @change=${() => choose(f.family)} /></td>
        <td class="left">${familyName(f.family, L)}${f.converged ? nothing : html`<div class="warn">${t('fitNotConverged', L)}</div>`}</td>
        <td class="params">${Object.entries(f.parameters).map(([k, v]) => html`<div>${severityParamName(f.family, k, L)} = ${shown(v)}</div>`)}</td>
        <td data-label="AIC">${aic(f, f.aic)}</td>
        <td data-label="ΔAIC">${aic(f, f.aic - best)}</td>
        <td class="left" data-label=${t('fitGof', L)}>${gofText(f)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}
