// Scenario files between planners (issue 6), the pure parts: migration per schema version, share-link codec,
// diff, undo history.
import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../src/scenario/diff.ts';
import { MIGRATED_ASSUMPTION, migrate } from '../src/scenario/migrate.ts';
import { setParam } from '../src/scenario/edit.ts';
import { validateData } from '../src/scenario/validate.ts';
import {
  decodeShare,
  encodeShare,
  readSharedEdits,
  ShareDamage,
  shareCodeFromHash,
  shareDamageText,
  type ShareWhy,
} from '../src/ui/share.ts';
import { applyUntrustedPatch, MAX_PATCH_STEPS } from '../src/scenario/patch.ts';
import { LIMITS } from '../src/scenario/limits.ts';
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

describe('hostile share links (issue #30): bounded before they are applied, refused in a person’s words', () => {
  const shipped = { 'jiangyin-2020': loadScenarioFile('jiangyin-2020.json') };
  /** What the page says about a link, in both languages; null when it opens. */
  const refusal = async (code: string) => {
    let why: ShareWhy;
    try {
      const r = readSharedEdits(await decodeShare(code), shipped);
      if (!r || !('error' in r)) return null;
      why = r.error;
    } catch (err) {
      expect(err).toBeInstanceOf(ShareDamage);
      why = (err as ShareDamage).why;
    }
    return { zh: shareDamageText(why, 'zh'), en: shareDamageText(why, 'en') };
  };
  const link = (patch: unknown) => encodeShare({ jingsuanShare: 2, base: 'jiangyin-2020', patch });
  /** Raw deflate of any bytes, as a hand-made link would carry. */
  const deflated = async (bytes: Uint8Array) => {
    const buf = await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    return Buffer.from(buf).toString('base64url');
  };

  it('a 1,139-character link whose path has 200,000 names is refused from the path’s length (it ran the tab out of memory)', async () => {
    const code = await link([[Array.from({ length: 200_000 }, () => 'a'), 1]]);
    expect(code.length).toBe(1139);
    expect(await refusal(code)).toEqual({
      zh: '分享链接已损坏：第 1 项修改的位置有 200,000 层，场景文件最多 24 层',
      en: 'The share link is damaged: edit 1 names a place 200,000 levels deep; a scenario file has at most 24',
    });
    // 20,000 names ("Maximum call stack size exceeded" before) and 25 (one more than a file may nest) alike.
    expect((await refusal(await link([[Array.from({ length: 20_000 }, () => 'a'), 1]])))!.en).toMatch(/20,000 levels deep/);
    expect((await refusal(await link([[Array.from({ length: LIMITS.depth + 1 }, () => 'a'), 1]])))!.en).toMatch(/25 levels deep/);
  });

  it('an index past the end of its list is refused at the first such step (thousands of 1e6 indices froze the page)', async () => {
    const bands = (shipped['jiangyin-2020'] as Json).rulesets[0].tracks[0].bands.length;
    const steps = Array.from({ length: 5000 }, (_, i) => [['rulesets', 0, 'tracks', 0, 'bands', 999_999 - i], 1]);
    expect(await refusal(await link(steps))).toEqual({
      zh: `分享链接已损坏：第 1 项修改指向 rulesets[0].tracks[0].bands 的第 999999 项，而该列表只有 ${bands} 项（从 0 数起）`,
      en: `The share link is damaged: edit 1 names item 999999 of rulesets[0].tracks[0].bands, a list of ${bands} (counted from 0)`,
    });
    // One past the last item, a negative, a fraction, a name where a list is: all refused.
    for (const k of [bands, -1, 0.5, '0'])
      expect((await refusal(await link([[['rulesets', 0, 'tracks', 0, 'bands', k], 1]])))!.en).toMatch(
        /^The share link is damaged: edit 1 names item/,
      );
  });

  it('a step may only set a field the file has: no new names, no prototype keys, no path through a value', async () => {
    for (const path of [
      ['rulesets', 0, 'nope'],
      ['__proto__', 'x'],
      ['rulesets', 0, 'constructor'],
      ['id', 'length'],
    ])
      expect((await refusal(await link([[path, 1]])))!.en).toMatch(
        /^The share link is damaged: edit 1 names a field the file does not have/,
      );
    expect((await refusal(await link([[['rulesets', 0, '__proto__', 'polluted'], 1]])))!.zh).toBe(
      '分享链接已损坏：第 1 项修改指向文件中没有的字段 rulesets[0].__proto__',
    );
    expect(({} as Json).polluted).toBeUndefined();
    expect((await refusal(await link([['rulesets', 1]])))!.en).toBe('The share link is damaged: edit 1 is not a place and a new value');
    expect((await refusal(await link({ a: 1 })))!.en).toBe('The share link is damaged: its edits are not a list');
    const many = Array.from({ length: MAX_PATCH_STEPS + 1 }, () => [['id'], 'x']);
    expect((await refusal(await link(many)))!.en).toBe('The share link is damaged: it carries 20,001 edits; the limit is 20,000');
    expect((await refusal(await encodeShare({ jingsuanShare: 2, base: 'nowhere-2030', patch: [] })))!.zh).toBe(
      '分享链接已损坏：所依据的情景“nowhere-2030”不在本工作台中',
    );
  });

  it('values set deeper than they were parsed are checked like a file (depth)', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    // 20 levels of value under a 5-level path: 25 > the file limit of 24.
    expect((await refusal(await link([[['rulesets', 0, 'tracks', 0, 'bands'], deep]])))!.en).toMatch(
      /^The share link is damaged: its contents exceed a scenario file's limits \(rulesets\[0\]\.tracks\[0\]\.bands(\[0\])+: nested deeper than 24 levels\)$/,
    );
  });

  it('the link itself: too long, not base64, not deflate, a zip bomb, not JSON, each in words (never atob’s or JSON.parse’s)', async () => {
    const words = async (code: string) => (await refusal(code))!.en;
    expect(await words('A'.repeat(2_700_000))).toBe('The share link is damaged: it is 2,700,000 characters long; the limit is 2,694,699');
    expect(await words('AAAAA')).toBe('The share link is damaged: its contents cannot be decoded (it may have been cut short when copied)');
    expect(await words('AAAA')).toBe('The share link is damaged: its contents cannot be decoded (it may have been cut short when copied)');
    // 50 MB of spaces deflate to about 50 KB: inflating stops at the file limit, 2,000,000 bytes.
    const bomb = await deflated(new Uint8Array(50_000_000).fill(32));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await words(bomb)).toBe('The share link is damaged: unpacked, it is larger than a scenario file may be (2,000,000 bytes)');
    expect(await words(await deflated(new TextEncoder().encode('{"jingsuanShare": 2, patch')))).toBe(
      'The share link is damaged: its contents are not a readable scenario file',
    );
    expect(await words(await deflated(new Uint8Array([0xff, 0xfe, 0x7b])))).toBe(
      'The share link is damaged: its contents are not a readable scenario file',
    );
    expect(shareDamageText({ kind: 'notDecodable' }, 'zh')).toBe('分享链接已损坏：内容无法解码（可能复制时不完整）');
  });

  it('a patch the page wrote still applies, to a copy (the base is untouched)', () => {
    const base = shipped['jiangyin-2020'] as Json;
    const before = JSON.stringify(base);
    const r = applyUntrustedPatch(base, [
      [['rulesets', 0, 'tracks', 0, 'deductible'], { value: 25000, assumption: 'x' }],
      [['rulesets', 0, 'tracks', 0, 'deductible', 'value'], 26000],
    ]) as { draft: Json };
    expect(r.draft.rulesets[0].tracks[0].deductible).toEqual({ value: 26000, assumption: 'x' });
    expect(JSON.stringify(base)).toBe(before);
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
