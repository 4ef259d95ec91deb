/** Scenario edits as the workbench makes them (scenario/edit.ts): pure, immutable, validated afterwards like a file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addBand,
  addReading,
  addTier,
  duplicateRuleset,
  getAt,
  moveRuleset,
  removeAt,
  removeRuleset,
  removeTier,
  retitle,
  setAt,
  setItemField,
  setParam,
  ADDED,
  EDITED,
} from '../src/scenario/edit.ts';
import { validateData } from '../src/scenario/validate.ts';

const load = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8'));
const jiangyin = load('jiangyin-2020');
const jilin = load('jilin-2017');

describe('immutable updates by path', () => {
  it('setAt copies only the branch it changes', () => {
    const next = setAt(jiangyin, ['rulesets', 0, 'id'], 'x');
    expect(next.rulesets[0].id).toBe('x');
    expect(jiangyin.rulesets[0].id).toBe('jiangyin-2020');
    expect(next.populations).toBe(jiangyin.populations);
  });
  it('removeAt drops an array item or an object key', () => {
    const bands = ['rulesets', 0, 'tracks', 0, 'bands'];
    const n = (getAt(jiangyin, bands) as unknown[]).length;
    expect((getAt(removeAt(jiangyin, [...bands, 0]), bands) as unknown[]).length).toBe(n - 1);
    expect(getAt(removeAt(jiangyin, ['description']), ['description'])).toBeUndefined();
  });
  it('setParam relabels an edited value and keeps its source in the text', () => {
    const p = ['rulesets', 0, 'tracks', 0, 'deductible'];
    const was = (getAt(jiangyin, p) as { value: number }).value;
    const next = setParam(jiangyin, p, 15000);
    const v = getAt(next, p) as { value: number; assumption: string; source?: string };
    expect(v.value).toBe(15000);
    expect(v.assumption.startsWith(`${EDITED} (was ${was}`)).toBe(true);
    expect(v.source).toBeUndefined();
    // A second edit keeps the first note (the original value), not the intermediate one.
    expect((getAt(setParam(next, p, 12000), p) as { assumption: string }).assumption).toBe(v.assumption);
    expect(validateData(next).ok).toBe(true);
  });
  it('setItemField relabels a band', () => {
    const band = ['rulesets', 0, 'tracks', 0, 'bands', 0];
    const next = setItemField(jiangyin, band, 'ratio', 0.7);
    expect(getAt(next, [...band, 'ratio'])).toBe(0.7);
    expect(getAt(next, [...band, 'assumption'])).toMatch(/^edited in the workbench \(was ratio=0\.\d+/);
  });
});

describe('structural edits', () => {
  const bands = ['rulesets', 0, 'tracks', 0, 'bands'];
  it('addBand puts a band before an open last band, at twice the last edge, with its ratio', () => {
    const before = getAt(jiangyin, bands) as { to: number | null; ratio: number }[];
    const next = getAt(addBand(jiangyin, bands), bands) as { to: number | null; ratio: number; assumption?: string }[];
    expect(next).toHaveLength(before.length + 1);
    const finite = before.filter((b) => b.to !== null).map((b) => b.to as number);
    const at = before[before.length - 1].to === null ? before.length - 1 : before.length;
    expect(next[at]).toEqual({ to: 2 * Math.max(...finite), ratio: before[before.length - 1].ratio, assumption: ADDED });
    expect(next[next.length - 1].to).toBe(before[before.length - 1].to);
  });
  it('addBand on an empty list starts at twice the deductible', () => {
    const empty = setAt(jiangyin, bands, []);
    const ded = (getAt(jiangyin, ['rulesets', 0, 'tracks', 0, 'deductible']) as { value: number }).value;
    expect(getAt(addBand(empty, bands), bands)).toEqual([{ to: 2 * ded, ratio: 0.5, assumption: ADDED }]);
  });

  const tiersPath = ['rulesets', 0, 'corridor', 'tiers'];
  const tiers = getAt(jilin, tiersPath) as { from: number | null; to: number | null; insurerShare: number }[];
  it('addTier splits an open last tier at +5 points, or follows a closed one', () => {
    const next = getAt(addTier(jilin, tiersPath), tiersPath) as typeof tiers;
    expect(next).toHaveLength(tiers.length + 1);
    const last = tiers[tiers.length - 1];
    if (last.to === null) {
      expect(next[next.length - 2].to).toBeCloseTo((last.from ?? -0.05) + 0.05, 12);
      expect(next[next.length - 1].to).toBeNull();
    } else {
      expect(next[next.length - 1].from).toBe(last.to);
      expect(next[next.length - 1].to).toBeCloseTo(Math.min(1, last.to + 0.05), 12);
    }
    expect(next[next.length - 1].insurerShare).toBe(last.insurerShare);
  });
  it('removeTier gives its range to the touching neighbour: the tiers still cover what they covered', () => {
    for (let i = 0; i < tiers.length; i++) {
      const next = getAt(removeTier(jilin, [...tiersPath, i]), tiersPath) as typeof tiers;
      expect(next).toHaveLength(tiers.length - 1);
      const lo = (ts: typeof tiers) => Math.min(...ts.map((t) => t.from ?? -Infinity));
      const hi = (ts: typeof tiers) => Math.max(...ts.map((t) => t.to ?? Infinity));
      expect([lo(next), hi(next)]).toEqual([lo(tiers), hi(tiers)]);
      for (let k = 1; k < next.length; k++) expect(next[k].from).toBe(next[k - 1].to);
    }
    // The only tier is never removed.
    const one = setAt(jilin, tiersPath, [tiers[0]]);
    expect(removeTier(one, [...tiersPath, 0])).toBe(one);
  });
  it('addReading copies the main tiers under a fresh id', () => {
    const c = ['rulesets', 0, 'corridor'];
    const once = addReading(jilin, c);
    const twice = addReading(once, c);
    const alts = getAt(twice, [...c, 'alternatives']) as { id: string; tiers: unknown }[];
    const existing = ((getAt(jilin, [...c, 'alternatives']) ?? []) as unknown[]).length;
    expect(alts).toHaveLength(existing + 2);
    expect(new Set(alts.map((a) => a.id)).size).toBe(alts.length);
    expect(alts[alts.length - 1].tiers).toEqual(tiers);
    expect(validateData(twice).ok).toBe(true);
  });
});

describe('patches between two files (scenario/patch.ts, share links)', () => {
  it('applying the patch gives back the same JSON text; an unchanged file has an empty patch', async () => {
    const { applyPatch, diffPatch } = await import('../src/scenario/patch.ts');
    const ded = ['rulesets', 0, 'tracks', 0, 'deductible'];
    const edited = addBand(setParam(jilin, ded, 21000), ['rulesets', 0, 'tracks', 0, 'bands']);
    const patch = diffPatch(jilin, edited);
    expect(JSON.stringify(applyPatch(jilin, patch))).toBe(JSON.stringify(edited));
    // Only what changed travels: the deductible's value and note, the band list (longer, so whole).
    expect(patch.every(([p]) => /^rulesets\.0\.tracks\.0\.(deductible|bands)/.test(p.join('.')))).toBe(true);
    expect(patch.find(([p]) => p.join('.') === 'rulesets.0.tracks.0.bands')).toBeTruthy();
    expect(diffPatch(jilin, structuredClone(jilin))).toEqual([]);
  });
});

describe('proposals (scenario/edit.ts)', () => {
  it('duplicating a ruleset gives 方案 A after it, a fresh id, the original as baseline, and a valid file', () => {
    const one = duplicateRuleset(jiangyin, 0);
    const rs = one.rulesets as { id: string; title: { zh: string; en: string } }[];
    expect(rs.map((r) => r.id)).toEqual(['jiangyin-2020', 'jiangyin-2020-a']);
    expect(rs[1].title).toEqual({ zh: '方案 A', en: 'Proposal A' });
    expect(one.simulation.baseline).toBe('jiangyin-2020');
    const two = duplicateRuleset(one, 0);
    expect((two.rulesets as { id: string }[]).map((r) => r.id)).toEqual(['jiangyin-2020', 'jiangyin-2020-b', 'jiangyin-2020-a']);
    expect(validateData(two).ok).toBe(true);
  });
  it('a duplicate does not carry the original’s loss-ratio note (its figures are the original’s); the original keeps it', () => {
    const note = (jiangyin.rulesets as { funding: { lossRatioNote?: { zh: string } } }[])[0].funding.lossRatioNote;
    expect(note?.zh).toContain('期望赔付率约32%');
    const one = duplicateRuleset(jiangyin, 0);
    const rs = one.rulesets as { funding: { lossRatioNote?: unknown; premium?: unknown } }[];
    expect(rs[0].funding.lossRatioNote).toEqual(note);
    expect('lossRatioNote' in rs[1].funding).toBe(false);
    // Everything else of the funding is copied as it was.
    const { lossRatioNote: _, ...rest } = rs[0].funding;
    expect(rs[1].funding).toEqual(rest);
    expect(validateData(one).ok).toBe(true);
  });
  it('removing the baseline unsets it; the last ruleset stays; order and titles change on request', () => {
    const one = duplicateRuleset(jiangyin, 0);
    const removed = removeRuleset(one, 0);
    expect((removed.rulesets as { id: string }[]).map((r) => r.id)).toEqual(['jiangyin-2020-a']);
    expect(removed.simulation.baseline).toBeUndefined();
    expect(removeRuleset(removed, 0)).toBe(removed);
    expect((moveRuleset(one, 1, -1).rulesets as { id: string }[])[0].id).toBe('jiangyin-2020-a');
    expect((retitle(one, ['rulesets', 1], 'zh', '降低起付线').rulesets as { title: object }[])[1].title).toEqual({
      zh: '降低起付线',
      en: 'Proposal A',
    });
    expect(validateData(removed).ok).toBe(true);
  });
});

describe('new scenarios (scenario/new-scenario.ts)', () => {
  it('the template validates, runs the analytic model and names every number it sets as an assumption', async () => {
    const { templateScenario, copyOfScenario, idFrom, newGroup, newModifier } = await import('../src/scenario/new-scenario.ts');
    const s = templateScenario('Wuxi 2026', jiangyin, 2026);
    const v = validateData(s);
    expect(v.problems).toEqual([]);
    expect(s.id).toBe('wuxi-2026');
    expect(idFrom('无锡 2026 方案', new Date('2026-11-25'))).toBe('scenario-2026-11-25');
    const { analyticExpectation } = await import('../src/engine/analytic.ts');
    const { compileModel } = await import('../src/engine/model.ts');
    expect(analyticExpectation(compileModel(v.scenario!))[0].payout).toBeGreaterThan(0);
    // A group with a modifier added to it: still valid.
    const g = newGroup([]);
    const withGroup = setAt(setAt(s, ['populations', 0, 'groups'], [g]), ['rulesets', 0, 'modifiers'], [newModifier(g.tag)]);
    expect(validateData(withGroup).problems).toEqual([]);
    expect(newGroup([g]).tag).toBe('group-2');
    const copy = copyOfScenario(jiangyin, 'Jiangyin variant');
    expect(copy.id).toBe('jiangyin-variant');
    expect(validateData(copy).ok).toBe(true);
  });
});
