import { html, nothing } from 'lit';
import { EDITED } from '../scenario/edit.ts';
import { saidIn, type Said } from '../scenario/param.ts';
import type { Lang } from '../report/strings.ts';
import { t } from '../report/strings.ts';
import { citeDocuments } from '../report/sources.ts';

/** The mark an assumed or edited value wears; its reason (or source) on hover and for screen readers. */
export function provenanceChip(given: { source?: Said; assumption?: Said } | undefined, lang: Lang) {
  if (!given) return nothing;
  const p = { source: saidIn(given.source, lang), assumption: saidIn(given.assumption, lang) };
  if (p.assumption?.startsWith(EDITED))
    return html`<span class="chip edited" title=${p.assumption} aria-label="${t('edited', lang)}: ${p.assumption}">${t('edited', lang)}</span>`;
  if (p.assumption)
    return html`<span class="chip assumed" title=${citeDocuments(p.assumption, lang)} aria-label="${t('assumed', lang)}: ${citeDocuments(p.assumption, lang)}">${t('assumed', lang)}</span>`;
  // The document by its name and number, not the project's "seed 001" shorthand (report/sources.ts, issue #31).
  if (p.source) {
    const cited = citeDocuments(p.source, lang);
    return html`<span class="chip source" title=${cited} aria-label="${t('source', lang)}: ${cited}">ⓘ</span>`;
  }
  return nothing;
}
