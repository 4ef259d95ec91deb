/**
 * The building blocks of the file format's fields: a scalar parameter `{ value, source | assumption }` and the
 * number types its values take (scenario/schema.ts and each severity family's fields, scenario/severity-families).
 */
import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Names of the bidirectional controls a text may not hold (textFault). */
const BIDI: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const u = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

// The characters textFault refuses, as the class of a regular expression written once: textFault finds them by
// it, and the JSON Schema carries it as each text's `pattern`, so an editor flags them as the validator does.
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const BREAKS = '\\u0009\\u000a';
// Lone surrogates cannot be written as a JSON Schema pattern (under the `u` flag an editor uses, they match nothing).
const LONE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const FAULT = { line: new RegExp(`[${CONTROLS}${BREAKS}]|${LONE}`), prose: new RegExp(`[${CONTROLS}]|${LONE}`) };
const pattern = (lines: boolean) => `^[^${CONTROLS}${lines ? '' : BREAKS}]*$`;

/**
 * What is wrong with a text of a file (a title, a source, an assumption, a note), or undefined. Files come from
 * other people, and their texts are printed as written: to the terminal (an ESC sequence there can clear the
 * screen or rewrite what the user reads), into report.md, the Word briefing and the workbook (XML 1.0 cannot hold
 * most C0 characters even escaped: Word's writer drops them, resvg refuses a chart's SVG and `run --out` stopped),
 * CSV and the workbench. Refused, naming the code point and where it is:
 * - C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F); in prose (`lines`) a line break (U+000A) and
 *   a tab stay, as a planner writes them; a carriage return does not (alone it moves a terminal's cursor back over
 *   the line; "\r\n" from a Windows editor is written "\n" in JSON);
 * - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader
 *   sees ("Trojan Source", CVE-2021-42574), so a title can show other digits or words than the file holds, and an
 *   unclosed one runs on into the report's next cells. The marks U+200E/U+200F (and U+061C) stay: they only set
 *   the direction of the neutral characters beside them, reorder nothing beyond, and right-to-left text needs them;
 * - a lone UTF-16 surrogate (half of a character: JSON's "\ud800" escape): no encoding can write it, so every
 *   file written from it shows U+FFFD instead.
 */
export function textFault(s: string, lines = false): string | undefined {
  const m = (lines ? FAULT.prose : FAULT.line).exec(s);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  // Counted in characters as a person counts them (a character beyond U+FFFF is one, not two UTF-16 units).
  const at = `at character ${[...s.slice(0, m.index)].length + 1}`;
  if (c >= 0xd800 && c <= 0xdfff) return `contains a lone surrogate ${u(c)} ${at} (half of a character; no file can hold it); remove it`;
  if (c === 0x0a || c === 0x09)
    return `contains ${c === 0x0a ? 'a line break' : 'a tab'} (${u(c)}) ${at}; this text is one line: remove it`;
  if (BIDI[c]) return `contains the bidirectional control ${u(c)} (${BIDI[c]}) ${at}, which reorders what a reader sees; remove it`;
  return `contains the control character ${u(c)} ${at}; remove it`;
}

/**
 * A text from outside any file that goes into one (a claims file's name in a fit's source, `fit --into`): each
 * character a one-line text may not hold written as its escape "\u001b", so the text still names what it names
 * and the file stays valid.
 */
export const printable = (s: string) =>
  s.replace(new RegExp(FAULT.line.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const checked = (max: number, lines: boolean) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const fault = textFault(s, lines);
      if (fault) ctx.addIssue({ code: 'custom', message: fault, input: s });
    })
    .meta({ pattern: pattern(lines) });

/**
 * A text of one line (titles, names, sources, a region): the only declaration of what such a text may hold
 * (textFault), so every door — a file, a share link, autosave, the workbench's rename fields — refuses the same.
 */
export const text = (max = 400) => checked(max, false);

/**
 * A text in which the schema means prose (a description, a note, an assumption's reasons, why a target conflicts):
 * a planner may break it into lines and indent with a tab (the files before this check did; report.md escapes such
 * text, test/hostile.test.ts). Titles, names and sources are one line: a line break there splits a table row.
 */
export const prose = (max = 2000) => checked(max, true);

/**
 * A provenance text in one language (files before the bilingual texts, and the workbench's own labels) or in both:
 * the Chinese briefing reads `zh`, English output `en` (issue #31: no English sentence in a Chinese briefing).
 */
const said = (max: number, t: typeof text = text) => z.union([t(max), z.strictObject({ zh: t(max), en: t(max) })]);
export type Said = string | { zh: string; en: string };

/** A provenance text in a language: the bilingual text's side, a plain string as written. */
export const saidIn = (s: Said | undefined, lang: 'zh' | 'en'): string | undefined =>
  s === undefined || typeof s === 'string' ? s : s[lang] || s.zh || s.en;

/** Whether a provenance text was given in the reader's language (a plain string is taken as English unless it has Chinese). */
export const saidHas = (s: Said | undefined, lang: 'zh' | 'en'): boolean =>
  s !== undefined && (typeof s !== 'string' ? !!s[lang] : lang === 'en' || /[\u4e00-\u9fff]/.test(s));

export const provenance = {
  source: said(1000)
    .optional()
    .describe('Document and section the value comes from, e.g. "seed 001 二(四)"; a string, or { zh, en } in both languages.'),
  assumption: said(2000, prose)
    .optional()
    .describe('Why this value was chosen where the documents leave it open; a string, or { zh, en } in both languages.'),
};

/** A scalar parameter with provenance. */
export const param = (value: z.ZodNumber, description: string) => z.strictObject({ value, ...provenance }).describe(description);

export const finite = () => z.number().finite();
export const positive = () => finite().positive('must be > 0');
export const amount = () => finite().min(0, 'must not be negative').max(LIMITS.maxAmount, `must not exceed ${LIMITS.maxAmount}`);
