/**
 * Structural edits of the workbench (scenario/structure.ts): tracks, caps, populations, groups, modifier fields and
 * the analyst's note. Each result is validated like a file: an edit must not leave a file the validator refuses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../src/scenario/diff.ts';
import { ADDED, EDITED, getAt, setParam } from '../src/scenario/edit.ts';
import { LIMITS } from '../src/scenario/limits.ts';
import {
  addCap,
  addModifierField,
  addPopulation,
  addTrack,
  annotate,
  noteOf,
  removeGroup,
  removePopulation,
  removeTrack,
} from '../src/scenario/structure.ts';
import { analyticOfRuleset } from '../src/analysis/metrics.ts';
import { validateData } from '../src/scenario/validate.ts';
import type { Scenario } from '../src/scenario/schema.ts';

const load = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8'));
const jiangyin = load('jiangyin-2020');
const jilin = load('jilin-2017');
const compare = load('compare-regions');
const valid = (s: unknown) => {
  const v = validateData(s);
  expect(v.problems).toEqual([]);
  return v.scenario as Scenario;
};

describe('tracks', () => {
  it('adds a compliant self-pay track with the first deductible and one open band, labelled as added', () => {
    const next = addTrack(jiangyin, 0, 'compliantSelfPay');
    const track = getAt(next, ['rulesets', 0, 'tracks', 1]) as Record<string, unknown>;
    expect(track).toMatchObject({ id: 'compliant', base: 'compliantSelfPay', bands: [{ to: null, ratio: 0.5, assumption: ADDED }] });
    expect(track.deductible).toEqual({ value: jiangyin.rulesets[0].tracks[0].deductible.value, assumption: ADDED });
    valid(next);
  });
  it('a second track of the same base gets a fresh id; the limit stops more', () => {
    let s = jiangyin;
    for (let i = 0; i < LIMITS.tracks + 2; i++) s = addTrack(s, 0, 'selfBurden');
    const ids = (getAt(s, ['rulesets', 0, 'tracks']) as { id: string }[]).map((t) => t.id);
    expect(ids.length).toBe(LIMITS.tracks);
    expect(new Set(ids).size).toBe(ids.length);
    valid(s);
  });
  it('removes a track but never the last one', () => {
    const two = addTrack(jiangyin, 0, 'combined');
    expect((getAt(removeTrack(two, 0, 0), ['rulesets', 0, 'tracks']) as { id: string }[]).map((t) => t.id)).toEqual(['combined']);
    expect(removeTrack(jiangyin, 0, 0)).toBe(jiangyin);
  });
  it('without a cap, two tracks pay what each pays alone (analytic expected payout)', () => {
    const two = addTrack(jiangyin, 0, 'compliantSelfPay');
    const first = analyticOfRuleset(valid(jiangyin), 0).payout!;
    const second = analyticOfRuleset(valid(removeTrack(two, 0, 0)), 0).payout!;
    expect(second).toBeGreaterThan(0);
    expect(analyticOfRuleset(valid(two), 0).payout!).toBeCloseTo(first + second, 4);
  });
});

describe('caps', () => {
  it('a ruleset cap starts at twice the highest band edge and lowers the expected payout', () => {
    const next = addCap(jiangyin, ['rulesets', 0]);
    const edges = jiangyin.rulesets[0].tracks[0].bands.filter((b: { to: number | null }) => b.to !== null).map((b: { to: number }) => b.to);
    expect(getAt(next, ['rulesets', 0, 'cap'])).toEqual({ value: 2 * Math.max(...edges), assumption: ADDED });
    const before = analyticOfRuleset(valid(jiangyin), 0).payout!;
    expect(analyticOfRuleset(valid(next), 0).payout!).toBeLessThan(before);
  });
  it('a track cap, and no second cap where one is', () => {
    expect(getAt(addCap(jiangyin, ['rulesets', 0, 'tracks', 0]), ['rulesets', 0, 'tracks', 0, 'cap', 'assumption'])).toBe(ADDED);
    expect(addCap(jilin, ['rulesets', 0])).toBe(jilin);
  });
});

describe('populations', () => {
  it('copies a population with a fresh id and title, funded by the channels that name none', () => {
    const next = addPopulation(jiangyin, 0);
    const pop = getAt(next, ['populations', 1]) as Record<string, unknown>;
    expect(pop.id).toBe('members-copy');
    expect(pop.title).toEqual({ zh: '新人群 2', en: 'New population 2' });
    expect(pop.severity).toEqual(jiangyin.populations[0].severity);
    const s = valid(next);
    // Two equal populations: twice the expected payout (the analytic model is linear in the populations).
    const one = analyticOfRuleset(valid(jiangyin), 0).payout!;
    expect(analyticOfRuleset(s, 0).payout!).toBeCloseTo(2 * one, 6);
  });
  it('removing a population takes its own channels, targets and orphaned modifiers with it', () => {
    let s = addPopulation(jilin, 0);
    s = {
      ...s,
      rulesets: s.rulesets.map((r: { funding: { channels: unknown[] } }) => ({
        ...r,
        funding: {
          ...r.funding,
          channels: [
            ...r.funding.channels,
            { channel: 'fiscalSubsidy', population: 'residents-copy', perInsured: { value: 5, assumption: 't' } },
          ],
        },
      })),
      targets: [{ metric: 'lossRatio', population: 'residents-copy', value: 0.9, assumption: 't' }],
    };
    valid(s);
    const back = removePopulation(s, 1);
    expect(back.rulesets[0].funding.channels).toEqual(jilin.rulesets[0].funding.channels);
    expect(back.targets).toEqual([]);
    // Removing the original keeps the copy's groups, so the modifiers stay.
    expect(removePopulation(s, 0).rulesets[0].modifiers.length).toBe(jilin.rulesets[0].modifiers.length);
    valid(removePopulation(s, 0));
    expect(removePopulation(jilin, 0)).toBe(jilin);
  });
});

describe('groups and modifiers', () => {
  it('removing a group removes the modifiers of its tag, and the file still validates', () => {
    const next = removeGroup(jiangyin, 0, 0);
    expect(next.populations[0].groups).toEqual([]);
    expect(next.rulesets[0].modifiers).toEqual([]);
    valid(next);
  });
  it('a tag another population still declares keeps its modifiers', () => {
    const two = addPopulation(jiangyin, 0);
    expect(removeGroup(two, 0, 0).rulesets[0].modifiers.length).toBe(1);
  });
  it('adds a cap override to a modifier, labelled as an edit that keeps the original source', () => {
    const next = addModifierField(jilin, 0, 0, 'cap');
    const m = getAt(next, ['rulesets', 0, 'modifiers', 0]) as Record<string, unknown>;
    expect(m.cap).toBe(jilin.rulesets[0].cap.value * 1.5);
    expect(String(m.assumption)).toMatch(new RegExp(`^${EDITED} \\(added cap; `));
    expect(m.source).toBeUndefined();
    valid(next);
    expect(addModifierField(next, 0, 0, 'cap')).toBe(next);
  });
});

describe("the analyst's note", () => {
  it('is kept after the workbench provenance, replaced, and removed when emptied; the diff lists it', () => {
    const path = ['rulesets', 0, 'tracks', 0, 'deductible'];
    const edited = setParam(jiangyin, path, 15000);
    const noted = annotate(edited, path, '  李雷：试算降低起付线 ');
    const text = getAt(noted, [...path, 'assumption']) as string;
    expect(text.startsWith(`${EDITED} (was `)).toBe(true);
    expect(noteOf(text)).toBe('李雷：试算降低起付线');
    expect(noteOf(getAt(annotate(noted, path, 'again'), [...path, 'assumption']) as string)).toBe('again');
    expect(getAt(annotate(noted, path, ''), [...path, 'assumption'])).toBe(getAt(edited, [...path, 'assumption']));
    const change = diffScenarios(jiangyin, noted).find((c) => c.path.endsWith('deductible.value'))!;
    expect(change.at).toEqual(path);
    expect(noteOf(change.provenance)).toBe('李雷：试算降低起付线');
    valid(noted);
  });
  it('only goes on values the workbench changed or added (a document source is not overwritten)', () => {
    const path = ['rulesets', 0, 'tracks', 0, 'deductible'];
    expect(annotate(jiangyin, path, 'x')).toBe(jiangyin);
  });
  it('the diff names where an added item keeps its provenance', () => {
    const next = addCap(compare, ['rulesets', 0]);
    const change = diffScenarios(compare, next).find((c) => c.path === 'rulesets[0].cap')!;
    expect(change).toMatchObject({ kind: 'added', provenance: ADDED, at: ['rulesets', 0, 'cap'] });
  });
});
