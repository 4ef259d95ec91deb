import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ruleset } from '../../src/scenario/schema.ts';

/** ../shared/ beside the project's root (DESIGN: tests load the golden files from there). */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readShared<T>(rel: string): T {
  return JSON.parse(readFileSync(SHARED + rel, 'utf8')) as T;
}

export interface GoldenSchedule {
  deductible: number;
  bands: [number | null, number][];
  cap: number | null;
  modifiers: Record<string, { deductibleFactor?: number; ratioAdd?: number }>;
}

/** A golden schedule as a one-track ruleset of the scenario format. */
export function rulesetFromGolden(id: string, g: GoldenSchedule): Ruleset {
  const src = 'shared/golden/benefits.json';
  return {
    id,
    title: { zh: id, en: id },
    tracks: [
      {
        id: 'burden',
        base: 'selfBurden',
        deductible: { value: g.deductible, source: src },
        bands: g.bands.map(([to, ratio]) => ({ to, ratio, source: src })),
      },
    ],
    cap: g.cap === null ? undefined : { value: g.cap, source: src },
    modifiers: Object.entries(g.modifiers).map(([group, m]) => ({ group, ...m, source: src })),
    funding: { perInsured: { value: 0, source: src }, byPopulation: [] },
  };
}

export function loadScenarioFile(name: string): unknown {
  return JSON.parse(readFileSync(`${ROOT}scenarios/${name}`, 'utf8'));
}
