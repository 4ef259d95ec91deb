/**
 * New scenario files made in the workbench: from a template (one population, one ruleset with a deductible and
 * two bands, no corridor) or as a copy of a shipped region's file, under the analyst's name. Every number the
 * template sets is labelled as the template's assumption, so the file validates and says what to replace.
 */
import { ADDED } from './edit.ts';

const TEMPLATE_NOTE = 'from the workbench template: replace with the region’s figure';
const a = (value: number, why = TEMPLATE_NOTE) => ({ value, assumption: why });

/** A file id from a person's name: lower-case letters, digits and hyphens (Chinese names get a dated id). */
export function idFrom(name: string, date = new Date()): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(ascii) ? ascii : `scenario-${date.toISOString().slice(0, 10)}`;
}

/**
 * The template, its population and severity taken from `donor` (a shipped scenario: its calibrated cost
 * distribution is a better start than an invented one), everything else the template's own.
 */
export function templateScenario(name: string, donor: { populations: Record<string, unknown>[] }, year = new Date().getFullYear()) {
  // The donor's first population as the start (its severity, episodes and self-pay calibrated), with the
  // template's count, incidence and no groups or regional cost level.
  const { costLevel: _costLevel, ...pop } = structuredClone(donor.populations[0]);
  return {
    $schema: '../scenario.schema.json',
    schemaVersion: 3,
    id: idFrom(name),
    title: { zh: name, en: name },
    description: {
      zh: '由工作台模板新建：一个参保人群、一个方案（起付标准与两个分段），无风险调节。',
      en: 'Made from the workbench template: one population, one ruleset (a deductible and two bands), no corridor.',
    },
    year,
    populations: [
      { ...pop, id: 'members', title: { zh: '参保人员', en: 'members' }, insured: a(1_000_000), incidence: a(0.1), groups: [] },
    ],
    rulesets: [
      {
        id: 'proposal',
        title: { zh: '方案', en: 'Ruleset' },
        tracks: [
          {
            id: 'burden',
            base: 'selfBurden',
            deductible: a(15_000),
            bands: [
              { to: 100_000, ratio: 0.6, assumption: TEMPLATE_NOTE },
              { to: null, ratio: 0.7, assumption: TEMPLATE_NOTE },
            ],
          },
        ],
        modifiers: [],
        funding: { channels: [{ channel: 'unspecified', perInsured: a(50) }] },
      },
    ],
    targets: [],
    simulation: { trials: 1000, seed: idFrom(name) },
  };
}

/** A shipped file as the start of a new one: its rules and people, the analyst's name and a fresh id. */
export function copyOfScenario<T extends { id: string; title: { zh: string; en: string } }>(source: T, name: string): T {
  const copy = structuredClone(source);
  return { ...copy, id: idFrom(name), title: { zh: name, en: name } };
}

/** A new group in a population: tag `group-n`, 5% of the members (the analyst sets the real share). */
export function newGroup(existing: { tag: string }[]) {
  let n = existing.length + 1;
  const tags = new Set(existing.map((g) => g.tag));
  while (tags.has(`group-${n}`)) n++;
  return { tag: `group-${n}`, title: { zh: `新分组 ${n}`, en: `New group ${n}` }, share: a(0.05, ADDED) };
}

/** A modifier for a group: its deductible halved and its ratios raised by 5 points (the shipped rules' common form). */
export function newModifier(group: string) {
  return { group, deductibleFactor: 0.5, ratioAdd: 0.05, assumption: ADDED };
}
