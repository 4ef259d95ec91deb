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

/** Names in both languages, for a table drawn in either (the command line's --lang) or in both (report.md). */
export interface PopulationWords {
  populations: Record<string, { zh: string; en: string }>;
  groups: Record<string, { zh: string; en: string }>;
}

/**
 * The populations' and groups' titles in both languages (the id in both where a title is missing): the tables of
 * `run` and `expect` name a population as a reader does, 职工 or Employees, not "employees"; the CSV files keep
 * the ids (docs/model.md, the files' contract).
 */
export function populationWords(s: Partial<Pick<Scenario, 'populations'>>): PopulationWords {
  // An empty title names nothing: the id stands in.
  const both = (title: { zh: string; en: string } | undefined, id: string) => ({ zh: title?.zh || id, en: title?.en || id });
  const populations = s.populations ?? [];
  return {
    populations: Object.fromEntries(populations.map((p) => [p.id, both(p.title, p.id)])),
    groups: Object.fromEntries(populations.flatMap((p) => (p.groups ?? []).map((g) => [g.tag, both(g.title, g.tag)]))),
  };
}

/** The scenario's income figures (incomeIndex) as the editor holds them: each its value and, optionally, its title. */
export type IncomeFigures = Record<string, { value: number; title?: { zh: string; en: string } }>;

/**
 * The title of an income figure of `incomeIndex` (城镇居民人均可支配收入), undefined where the file gives none (then its
 * key, "urban", is what there is to show): the editor, `benefit` and the briefing explain an indexed deductible with it.
 */
export function incomeFigureTitle(index: IncomeFigures | undefined, key: string, lang: Lang): string | undefined {
  const figure = index && Object.hasOwn(index, key) ? index[key] : undefined;
  return figure?.title?.[lang] || undefined;
}
