import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ruleset } from '../../src/scenario/schema.ts';

/**
 * The golden cases (an independent decimal reference) live in test/fixtures/golden/, a copy of the team's
 * shared/golden/ so that a clone of this repository alone runs every test; golden-fixtures.test.ts checks that
 * the copy equals ../shared/golden/ wherever that folder exists.
 */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readFixture<T>(rel: string): T {
  return JSON.parse(readFileSync(FIXTURES + rel, 'utf8')) as T;
}

export interface GoldenSchedule {
  deductible: number;
  bands: [number | null, number][];
  cap: number | null;
  modifiers: Record<string, { deductibleFactor?: number; ratioAdd?: number }>;
}

/** A golden schedule as a one-track ruleset of the scenario format. */
export function rulesetFromGolden(id: string, g: GoldenSchedule): Ruleset {
  const src = 'test/fixtures/golden/benefits.json';
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
    funding: { channels: [{ channel: 'unspecified', perInsured: { value: 0, source: src } }] },
  };
}

export function loadScenarioFile(name: string): unknown {
  return JSON.parse(readFileSync(`${ROOT}scenarios/${name}`, 'utf8'));
}
