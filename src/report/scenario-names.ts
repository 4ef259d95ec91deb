/**
 * The names a person reads for a scenario's rulesets, corridor readings, populations and groups, in one language:
 * each its title, or its id where it has none. The results and funding tables, the charts and the editor's cards
 * name things alike from here.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Lang } from './strings.ts';

export interface ScenarioNames {
  rulesets: Record<string, string>;
  /** Corridor readings by their id. */
  readings: Record<string, string>;
  populations: Record<string, string>;
  /** Groups by their tag. */
  groups: Record<string, string>;
}

/** A draft being edited may lack a list; what is there is named. */
export function scenarioNames(s: Partial<Pick<Scenario, 'rulesets' | 'populations'>>, lang: Lang): ScenarioNames {
  const rulesets = s.rulesets ?? [];
  const populations = s.populations ?? [];
  return {
    rulesets: Object.fromEntries(rulesets.map((r) => [r.id, r.title?.[lang] ?? r.id])),
    readings: Object.fromEntries(rulesets.flatMap((r) => (r.corridor?.alternatives ?? []).map((a) => [a.id, a.title?.[lang] ?? a.id]))),
    populations: Object.fromEntries(populations.map((p) => [p.id, p.title?.[lang] ?? p.id])),
    groups: Object.fromEntries(populations.flatMap((p) => (p.groups ?? []).map((g) => [g.tag, g.title?.[lang] ?? g.tag]))),
  };
}
