/** The changes of the working scenario against the file it was opened from, with provenance. */
import { LitElement, css, html } from 'lit';
import { fieldName } from './field-names.ts';
import { t } from '../report/strings.ts';
import type { Lang } from '../report/strings.ts';
import type { Change } from '../scenario/diff.ts';
import { shared } from './styles.ts';

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The workbench's own provenance notes in the page's language ("edited in the workbench (was 18000; …)"). */
function provenanceIn(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  return text
    .replace(/^edited in the workbench \(was /, '工作台中修改（原值 ')
    .replace(/^added in the workbench as a copy of the main tiers$/, '工作台中新增（复制主分档）')
    .replace(/^added in the workbench$/, '工作台中新增')
    .replace(/\)$/, '）');
}

export class DiffView extends LitElement {
  static override properties = { changes: { attribute: false }, scenario: { attribute: false }, lang: {} };
  declare changes: Change[];
  declare lang: Lang;
  /** The draft, to name each changed field as the page shows it (the JSON path stays on hover). */
  declare scenario: unknown;

  constructor() {
    super();
    this.changes = [];
    this.lang = 'zh';
    this.scenario = null;
  }

  static override styles = [
    shared,
    css`
      table { border-collapse: collapse; width: 100%; font-size: 12px; }
      th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
      td.path { font-weight: 600; }
      td.from { color: var(--error); }
      td.to { color: #065f46; }
      td.prov { color: var(--muted); max-width: 320px; }
    `,
  ];

  override render() {
    const L = this.lang;
    if (!this.changes.length) return html`<p class="muted">${t('noChangesAgainstThe', L)}</p>`;
    return html`<table aria-label=${t('fileChanges', L)}>
      <thead><tr><th>${t('parameter', L)}</th><th>${t('was', L)}</th><th>${t('now', L)}</th><th>${t('provenance', L)}</th></tr></thead>
      <tbody>
        ${this.changes.map((c) => html`<tr data-path=${c.path}><td class="path" title=${c.path}>${this.scenario ? fieldName(c.path, this.scenario, L) : c.path}</td><td class="from">${c.kind === 'added' ? '—' : show(c.from)}</td><td class="to">${c.kind === 'removed' ? '—' : show(c.to)}</td><td class="prov">${provenanceIn(c.provenance ?? '', L)}</td></tr>`)}
      </tbody>
    </table>`;
  }
}
customElements.define('js-diff-view', DiffView);
