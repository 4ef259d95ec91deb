// Scenario files between planners (issue 6), the pure parts: migration per schema version, share-link codec,
// diff, undo history.
import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../src/scenario/diff.ts';
import { MIGRATED_ASSUMPTION, migrate } from '../src/scenario/migrate.ts';
import { setParam } from '../src/scenario/edit.ts';
import { validateData } from '../src/scenario/validate.ts';
import { decodeShare, encodeShare, shareCodeFromHash } from '../src/ui/share.ts';
import { EditHistory } from '../src/ui/history.ts';
import { loadScenarioFile } from './helpers/golden.ts';
import { jiangyinV1 } from './helpers/v1.ts';
import { exactBenefit } from '../src/rules/exact.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('migration, one test per schema version', () => {
  it('schema 1 → 2 → 3: numbers become labelled parameters, bands and tiers objects, the funding standard a channel; the rules are unchanged', () => {
    const { data, notes } = migrate(jiangyinV1());
    expect(notes).toEqual(['migrated from schema version 1 to 2', 'migrated from schema version 2 to 3']);
    const v = validateData(data);
    expect(v.problems).toEqual([]);
    const s = v.scenario!;
    expect(s.rulesets[0].tracks[0].deductible).toEqual({ value: 18000, assumption: MIGRATED_ASSUMPTION });
    expect(s.rulesets[0].corridor!.tiers[0]).toMatchObject({ from: null, to: null, insurerShare: 1, basis: 'marginal' });
    expect(s.rulesets[0].funding.channels).toEqual([
      { channel: 'unspecified', perInsured: { value: 50, assumption: MIGRATED_ASSUMPTION } },
    ]);
    expect(s.rulesets[0].funding.monthsInForce).toEqual({ value: 6, assumption: MIGRATED_ASSUMPTION });
    // Same benefit as the current file: 150,000 for an assistance recipient → 101,650.00 (docs/policy.md §2).
    expect(exactBenefit(resolveSchedule(s.rulesets[0], ['assistance']), { selfBurden: 150000 }).benefit).toBe('101650.00');
  });
  it('schema 3 passes through unchanged; an unknown future version is refused by name', () => {
    const d = loadScenarioFile('jilin-2017.json') as Json;
    expect(migrate(d).data).toEqual(d);
    d.schemaVersion = 9;
    expect(validateData(d).problems.map((p) => `${p.path}: ${p.message}`)).toContain(
      'schemaVersion: unsupported schema version 9; this build reads versions 1 to 3',
    );
  });
});

describe('share links', () => {
  it('round-trip a scenario exactly through the URL fragment, compressed', async () => {
    const d = loadScenarioFile('suzhou-2021.json');
    const code = await encodeShare(d);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    // The file is mostly bilingual prose (descriptions, assumptions, conflict notes): deflate keeps well under half.
    expect(code.length).toBeLessThan(JSON.stringify(d).length / 2.5);
    expect(shareCodeFromHash(`#s=${code}`)).toBe(code);
    expect(JSON.parse(await decodeShare(code))).toEqual(d);
  });
  it('refuse damaged links with a message', async () => {
    await expect(decodeShare('not*valid')).rejects.toThrow('the link is damaged');
    await expect(decodeShare('AAAA')).rejects.toThrow();
  });
});

describe('diff and history', () => {
  it('lists the changed parameter with its new provenance', () => {
    const a = loadScenarioFile('jiangyin-2020.json') as Json;
    const b = setParam(a, ['rulesets', 0, 'tracks', 0, 'deductible'], 20000);
    const changes = diffScenarios(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: 'rulesets[0].tracks[0].deductible.value', kind: 'changed', from: 18000, to: 20000 });
    expect(changes[0].provenance).toMatch(/^edited in the workbench \(was 18000; seed 001 .*起付标准为1.8万元\)$/);
  });
  it('undo and redo walk the edits back and forth', () => {
    const h = new EditHistory<number>();
    h.push(1);
    h.push(2);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.redo(1)).toBe(2);
    h.push(2);
    expect(h.canRedo).toBe(false);
  });
});
