/**
 * The parameters an analyst can sweep or solve for from the workbench (sensitivity chart, goal seek): each
 * track's deductible, the cap, and each per-insured funding channel, named as a person reads them.
 */
import type { Lang } from '../report/strings.ts';
import { t } from '../report/strings.ts';
import { CHANNEL_NAMES } from '../report/tables.ts';
import type { Path } from '../scenario/edit.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface ParamChoice {
  ruleset: number;
  /** Inside the ruleset. */
  path: Path;
  label: string;
}

export function paramChoices(s: Scenario, lang: Lang): ParamChoice[] {
  const out: ParamChoice[] = [];
  s.rulesets.forEach((r, ri) => {
    const name = r.title?.[lang] ?? r.id;
    r.tracks.forEach((tr, ti) =>
      out.push({
        ruleset: ri,
        path: ['tracks', ti, 'deductible'],
        label: `${name}${r.tracks.length > 1 ? ` · ${t(tr.base, lang)}` : ''} · ${t('deductible', lang)}`,
      }),
    );
    if (r.cap) out.push({ ruleset: ri, path: ['cap'], label: `${name} · ${t('cap', lang)}` });
    r.funding.channels.forEach((c, ci) => {
      const who = c.population ? ` · ${s.populations.find((p) => p.id === c.population)?.title?.[lang] ?? c.population}` : '';
      if (c.perInsured)
        out.push({
          ruleset: ri,
          path: ['funding', 'channels', ci, 'perInsured'],
          label: `${name} · ${CHANNEL_NAMES[c.channel][lang]}${who} · ${t('funding', lang)}`,
        });
    });
  });
  return out;
}
