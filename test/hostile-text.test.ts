// Hostile text in a file's strings: control characters, bidirectional overrides and lone surrogates are refused
// by the one declaration of a text (scenario/param.ts textFault), at every door, with the JSON path, the code
// point and where it is. Before it, an ESC sequence in a title reached the terminal as written and a ruleset title
// holding one stopped `run --out` ("unexpected error: SVG data parsing failed").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitSource } from '../src/fit/into-scenario.ts';
import { fitFootnote } from '../src/report/charts/fit-charts.ts';
import { describeProblem } from '../src/report/field-names.ts';
import { getAt, setParam } from '../src/scenario/edit.ts';
import { printable, textFault } from '../src/scenario/characters.ts';
import { formatProblem } from '../src/scenario/problems.ts';
import { annotate } from '../src/scenario/structure.ts';
import { validateData, validateText } from '../src/scenario/validate.ts';
import { EDITS, type EditDetail } from '../src/ui/edit-events.ts';
import { decodeShare, encodeShare, readSharedEdits, shareDamageText, sharedEdits } from '../src/ui/share.ts';
import type { FamilyFit } from '../src/fit/types.ts';
import { loadScenarioFile, ROOT } from './helpers/golden.ts';
import { jiangyinV1 } from './helpers/v1.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const jiangyin = () => loadScenarioFile('jiangyin-2020.json') as Json;
const lines = (data: unknown) => validateData(data).problems.map(formatProblem);

describe('textFault: each class of character, named by code point and place', () => {
  const oneLine: [string, string][] = [
    ['a\u001b[2Jb', 'contains the control character U+001B at character 2; remove it'],
    ['\u0007', 'contains the control character U+0007 at character 1; remove it'],
    ['ab\u0000', 'contains the control character U+0000 at character 3; remove it'],
    ['x\u007f', 'contains the control character U+007F at character 2; remove it'],
    // C1: U+009B is the one-character CSI some terminals obey like ESC [.
    ['苏州\u009b2J', 'contains the control character U+009B at character 3; remove it'],
    ['\u0085', 'contains the control character U+0085 at character 1; remove it'],
    ['a\rb', 'contains the control character U+000D at character 2; remove it'],
    ['a\nb', 'contains a line break (U+000A) at character 2; this text is one line: remove it'],
    ['a\tb', 'contains a tab (U+0009) at character 2; this text is one line: remove it'],
    [
      '12\u202e34',
      'contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 3, which reorders what a reader sees; remove it',
    ],
    [
      '\u202aa',
      'contains the bidirectional control U+202A (LEFT-TO-RIGHT EMBEDDING) at character 1, which reorders what a reader sees; remove it',
    ],
    [
      'a\u2066b\u2069',
      'contains the bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE) at character 2, which reorders what a reader sees; remove it',
    ],
    ['a\ud800b', 'contains a lone surrogate U+D800 at character 2 (half of a character; no file can hold it); remove it'],
    ['ab\udc00', 'contains a lone surrogate U+DC00 at character 3 (half of a character; no file can hold it); remove it'],
    // The place counts a character beyond U+FFFF once (😀 is two UTF-16 units).
    ['😀\u001b', 'contains the control character U+001B at character 2; remove it'],
  ];
  // Named by escapes: the test's own name must not carry what it tests to the terminal.
  const named = (s: string) => s.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  for (const [s, want] of oneLine) it(named(s), () => expect(textFault(s)).toBe(want));

  it('allows what a planner writes: Chinese, emoji, the direction marks, a line break and a tab in prose only', () => {
    for (const s of ['苏州 2021 大病保险', '😀 ok', 'a\u200eb\u200fc\u061c', '第一行', '“引号” — ½ €'])
      expect(textFault(s)).toBeUndefined();
    expect(textFault('第一行\n\t第二行', true)).toBeUndefined();
    expect(textFault('a\r\nb', true)).toBe('contains the control character U+000D at character 2; remove it');
    expect(textFault('a\u001b', true)).toBe('contains the control character U+001B at character 2; remove it');
    expect(textFault('\ud83d', true)).toMatch(/^contains a lone surrogate U\+D83D at character 1/);
  });
});

describe('every text of a file, by its JSON path', () => {
  it('a ruleset title holding ESC, BEL, NUL, U+202E and a lone surrogate: refused, the first of them named', () => {
    const d = jiangyin();
    d.rulesets[0].title = { zh: '江阴\u001b[2J\u0007\u0000\u202e\ud800', en: 'Jiangyin\u202e' };
    expect(lines(d)).toEqual([
      'rulesets[0].title.zh: contains the control character U+001B at character 3; remove it',
      'rulesets[0].title.en: contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 9, which reorders what a reader sees; remove it',
    ]);
  });
  it('titles, a source as a plain string, the region, the seed: one line; descriptions, notes and assumptions: prose', () => {
    const d = jiangyin();
    d.title.en = 'two\nlines';
    d.populations[0].title = { zh: '成员\u0085', en: 'members' };
    d.populations[0].insured.source = 'seed 001\u001b]0;owned\u0007';
    d.rulesets[0].region = '江阴\t';
    d.simulation.seed = 'x\u009b';
    d.populations[0].incidence.assumption = { zh: '第一行\n\t第二行', en: 'line one\nline two' };
    d.description = { zh: '说明\n\n第二段', en: 'tab\there' };
    d.rulesets[0].funding.lossRatioNote = { zh: 'ok\n', en: 'bell\u0007' };
    expect(lines(d)).toEqual([
      'title.en: contains a line break (U+000A) at character 4; this text is one line: remove it',
      'populations[0].title.zh: contains the control character U+0085 at character 3; remove it',
      'populations[0].insured.source: contains the control character U+001B at character 9; remove it',
      'rulesets[0].region: contains a tab (U+0009) at character 3; this text is one line: remove it',
      'rulesets[0].funding.lossRatioNote.en: contains the control character U+0007 at character 5; remove it',
      'simulation.seed: contains the control character U+009B at character 2; remove it',
    ]);
  });
  it('a file as text: the JSON escape "\\u001b" is the same character as a raw one', () => {
    const text = readFileSync(join(ROOT, 'scenarios/jilin-2017.json'), 'utf8').replace('"zh": "吉林', '"zh": "\\u001b[2J吉林');
    expect(validateText(text).problems.map(formatProblem)).toEqual([
      'title.zh: contains the control character U+001B at character 1; remove it',
    ]);
  });
  it('a fund-level file: its description and seed go through the same declaration', () => {
    const d = loadScenarioFile('suzhou-pooling-2020.json') as Json;
    d.description = { zh: '\u202e说明', en: 'fine\nprose' };
    d.simulation.seed = 'a\u0000';
    expect(lines(d)).toEqual([
      'description.zh: contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 1, which reorders what a reader sees; remove it',
      'simulation.seed: contains the control character U+0000 at character 2; remove it',
    ]);
  });
  it('a schema-1 file is migrated, then refused with the path (no crash)', () => {
    const d = jiangyinV1();
    d.rulesets[0].title.zh = '\u001b[31m红';
    const v = validateData(d);
    expect(v.notes).toEqual(['migrated from schema version 1 to 2', 'migrated from schema version 2 to 3']);
    expect(v.problems.map(formatProblem)).toEqual([
      'rulesets[0].title.zh: contains the control character U+001B at character 1; remove it',
    ]);
  });
  it('a value or key quoted back in a problem: C1 and bidi controls escaped as JSON escapes C0 (U+009B is CSI to some terminals)', () => {
    const d = jiangyin();
    d.populations[0].amountBasis = '\u009b2J\u202eabc😀';
    d.title['\u202ekey\u009b'] = 1;
    expect(lines(d)).toEqual([
      'title["\\u202ekey\\u009b"]: unknown key',
      'populations[0].amountBasis: must be one of "selfBurden", "policyCost" (got string "\\u009b2J\\u202eabc😀")',
    ]);
  });
  it('scenario.schema.json carries the same class as a pattern, so an editor flags it too', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'scenario.schema.json'), 'utf8'));
    const title = schema.properties.title.properties.zh;
    const description = schema.properties.description.properties.zh;
    const [t, p] = [new RegExp(title.pattern, 'u'), new RegExp(description.pattern, 'u')];
    expect([t.test('江阴 2020'), t.test('a\u001b'), t.test('a\n'), t.test('a\u202e'), t.test('a\u200f')]).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
    expect([p.test('a\n\tb'), p.test('a\r'), p.test('a\u0085')]).toEqual([true, false, false]);
  });
});

describe('text that enters without a scenario file goes through the same validator', () => {
  it("the workbench's rename field: the edited draft is refused by path", () => {
    const d = { path: ['populations', 0], lang: 'zh', title: '成员\u001b[2J' } as unknown as EditDetail;
    expect(lines(EDITS.retitle(jiangyin(), d))).toEqual([
      'populations[0].title.zh: contains the control character U+001B at character 3; remove it',
    ]);
  });
  it("the analyst's note: refused by path; a long note is cut by characters, never inside an emoji", () => {
    const path = ['rulesets', 0, 'tracks', 0, 'deductible'];
    const edited = setParam(jiangyin(), path, 15000);
    expect(lines(annotate(edited, path, '李雷\u202e'))).toEqual([
      expect.stringMatching(/^rulesets\[0\]\.tracks\[0\]\.deductible\.assumption: contains the bidirectional control U\+202E /),
    ]);
    // 499 letters and an emoji: cut at 500 UTF-16 units, the note ended in half of the emoji (U+D83D).
    const noted = annotate(edited, path, 'x'.repeat(499) + '😀');
    expect(String(getAt(noted, [...path, 'assumption'])).endsWith('x😀')).toBe(true);
    expect(lines(noted)).toEqual([]);
  });
  it('a share link whose edit sets a title with ESC: the draft it gives is refused by path', async () => {
    const original = jiangyin();
    const draft = structuredClone(original);
    draft.rulesets[0].title.en = 'Jiangyin\u001b[2J';
    const code = await encodeShare(sharedEdits(original, draft, 'jiangyin-2020'));
    const shared = readSharedEdits(await decodeShare(code), { 'jiangyin-2020': original });
    expect(shared && 'draft' in shared).toBe(true);
    expect(lines((shared as { draft: unknown }).draft)).toEqual([
      'rulesets[0].title.en: contains the control character U+001B at character 9; remove it',
    ]);
  });
  it("a share link's own words: a base name or an index quoted back escaped, not reordering the refusal", async () => {
    const why = async (link: unknown) => {
      const r = readSharedEdits(await decodeShare(await encodeShare(link)), { 'jiangyin-2020': jiangyin() });
      return r && 'error' in r ? shareDamageText(r.error, 'en') : r;
    };
    expect(await why({ jingsuanShare: 2, base: 'jiangyin\u202e0202', patch: [] })).toContain('jiangyin\\u202e0202');
    expect(await why({ jingsuanShare: 2, base: 'jiangyin-2020', patch: [[['rulesets', '\u009b2J'], 1]] })).not.toMatch(/[\u0080-\u009f]/);
  });
  it("a claims file's name (anyone's, on Linux it may hold ESC and a line break): escaped in the fit's source and footnote", () => {
    const name = 'claims\u001b[2J\nx.csv';
    expect(printable(name)).toBe('claims\\u001b[2J\\u000ax.csv');
    const fit = { family: 'lognormal', parameters: { mu: 8, sigma: 1 }, logLikelihood: -10, aic: 24 } as unknown as FamilyFit;
    const source = fitSource(fit, { file: name, sha256: 'ab'.repeat(32), n: 80, grouped: false, truncate: 0, date: '2026-12-07' });
    expect(source).toContain('from claims\\u001b[2J\\u000ax.csv (SHA-256');
    expect(textFault(source)).toBeUndefined();
    const footnote = fitFootnote('en', { file: name, n: 80, sha256: 'ab'.repeat(32), date: '2026-12-07', families: 3 });
    expect(footnote).toContain('Data: claims\\u001b[2J\\u000ax.csv (n = 80');
    // A name of 300 emoji is cut at 200 characters, each whole.
    const long = fitSource(fit, {
      file: '😀'.repeat(300),
      sha256: 'ab'.repeat(32),
      n: 80,
      grouped: false,
      truncate: 0,
      date: '2026-12-07',
    });
    expect(long).toContain(`from ${'😀'.repeat(200)}… (SHA-256`);
  });
});

describe('the page shows the refusal in words, without showing the refused text', () => {
  it('in Chinese, the field named by the id where the title itself is refused', () => {
    const d = jiangyin();
    d.rulesets[0].title = { zh: '江阴\u202e0001', en: 'Jiangyin\u001b' };
    d.rulesets[0].region = 'a\nb';
    d.populations[0].title = { zh: '成员\ud800', en: 'members' };
    d.populations[0].groups[0].title = { zh: '救助\u0007', en: 'assistance' };
    const shown = validateData(d).problems.map((p) => describeProblem(p, d, 'zh'));
    expect(shown.map((p) => `${p.field}：${p.message}`)).toEqual([
      'members · 名称 · zh：含孤立的代理码元 U+D800（第 3 个字符，半个字符，任何文件都无法保存）：请删去',
      'members · assistance · 名称 · zh：含控制字符 U+0007（第 3 个字符）：请删去',
      'jiangyin-2020 · 名称 · zh：含双向文字控制符 U+202E（RIGHT-TO-LEFT OVERRIDE，第 3 个字符），会改变文字的显示顺序：请删去',
      'jiangyin-2020 · 名称 · en：含控制字符 U+001B（第 9 个字符）：请删去',
      'jiangyin-2020 · 地区：含换行 U+000A（第 2 个字符）：此项只能写一行，请删去',
    ]);
  });
});
