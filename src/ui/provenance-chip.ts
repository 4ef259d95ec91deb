import { html, nothing } from 'lit';
import { EDITED } from '../scenario/edit.ts';
import { saidIn, type Said } from '../scenario/param.ts';
import type { Lang } from '../report/strings.ts';
import { t } from '../report/strings.ts';

/** The mark an assumed or edited value wears; its reason (or source) on hover and for screen readers. */
export function provenanceChip(given: { source?: Said; assumption?: Said } | undefined, lang: Lang) {
  if (!given) return nothing;
  const p = { source: saidIn(given.source, lang), assumption: saidIn(given.assumption, lang) };
  if (p.assumption?.startsWith(EDITED))
    return html`<span class="chip edited" title=${p.assumption} aria-label="${t('edited', lang)}: ${p.assumption}">${t('edited', lang)}</span>`;
  if (p.assumption)
    return html`<span class="chip assumed" title=${p.assumption} aria-label="${t('assumed', lang)}: ${p.assumption}">${t('assumed', lang)}</span>`;
  if (p.source) return html`<span class="chip source" title=${p.source} aria-label="${t('source', lang)}: ${p.source}">ⓘ</span>`;
  return nothing;
}
