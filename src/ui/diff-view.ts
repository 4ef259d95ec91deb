/** The changes of the working scenario against the file it was opened from, with provenance. */
import { LitElement, css, html } from 'lit';
import { fieldName, fieldWord, valueInWords } from '../report/field-names.ts';
import { t } from '../report/strings.ts';
import type { Lang } from '../report/strings.ts';
import type { Change } from '../scenario/diff.ts';
import { ADDED, EDITED } from '../scenario/edit.ts';
import { NOTE, noteOf } from '../scenario/structure.ts';
import { emit } from './events.ts';
import { shared } from './styles.ts';

/** The workbench's own provenance notes in the page's language ("edited in the workbench (was 18000; …)"). */
function provenanceIn(text: string, lang: Lang): string {
  const own = text.split(NOTE)[0];
  if (lang !== 'zh') return own;
  return own
    .replace(/^edited in the workbench \(added (\w+); /, (_, f: string) => `工作台中修改（新增 ${fieldWord(f, lang)}；`)
    .replace(/^edited in the workbench \(was /, '工作台中修改（原值 ')
    .replace(/^added in the workbench as a copy of the main tiers$/, '工作台中新增（复制主分档）')
    .replace(/^added in the workbench as a copy of (.+)$/, '工作台中新增（复制 $1）')
    .replace(/^added in the workbench$/, '工作台中新增')
    .replace(/\)$/, '）');
}

/** The last key of a formatted path ("…bands[1].to" → "to"). */
const lastKey = (path: string) => /\.(\w+)$/.exec(path)?.[1] ?? '';

/** A value the workbench changed or added: the analyst can say who and why beside it. */
const annotatable = (c: Change) => !!c.at && !!c.provenance && (c.provenance.startsWith(EDITED) || c.provenance.startsWith(ADDED));

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
      table { border-collapse: collapse; width: 100%; font-size: 12px; table-layout: fixed; }
      th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eee; vertical-align: top; overflow-wrap: anywhere; }
      col.path { width: 30%; }
      col.value { width: 17%; }
      td.path { font-weight: 600; }
      td.from { color: var(--error); }
      td.to { color: #065f46; }
      td.prov { color: var(--muted); }
      td.prov input { display: block; width: 100%; box-sizing: border-box; margin-top: 2px; font-size: 12px; }
    `,
  ];

  private noteField(c: Change) {
    if (!annotatable(c)) return '';
    return html`<input class="note" aria-label="${t('changeNote', this.lang)} ${c.path}" placeholder=${t('changeNoteHint', this.lang)} maxlength="500"
      .value=${noteOf(c.provenance)} @change=${(e: Event) => emit(this, 'change-note', { at: c.at, note: (e.target as HTMLInputElement).value })} />`;
  }

  override render() {
    const L = this.lang;
    if (!this.changes.length) return html`<p class="muted">${t('noChangesAgainstThe', L)}</p>`;
    return html`<table aria-label=${t('fileChanges', L)}>
      <colgroup><col class="path" /><col class="value" /><col class="value" /><col /></colgroup>
      <thead><tr><th>${t('parameter', L)}</th><th>${t('was', L)}</th><th>${t('now', L)}</th><th>${t('provenance', L)}</th></tr></thead>
      <tbody>
        ${this.changes.map(
          (c) => html`<tr data-path=${c.path}><td class="path"
          title=${c.path}>${this.scenario ? fieldName(c.path, this.scenario, L) : c.path}</td><td
          class="from">${c.kind === 'added' ? '—' : valueInWords(c.from, L, lastKey(c.path))}</td><td
          class="to">${c.kind === 'removed' ? '—' : valueInWords(c.to, L, lastKey(c.path))}</td><td class="prov">${provenanceIn(c.provenance ?? '', L)}${this.noteField(c)}</td></tr>`,
        )}
      </tbody>
    </table>`;
  }
}
customElements.define('js-diff-view', DiffView);
