/**
 * The building blocks of the file format's fields: a scalar parameter `{ value, source | assumption }` and the
 * number types its values take (scenario/schema.ts and each severity family's fields, scenario/severity-families).
 */
import { z } from 'zod';
import { textPattern, textFault } from './characters.ts';
import { LIMITS } from './limits.ts';

const checked = (max: number, lines: boolean) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const fault = textFault(s, lines);
      if (fault) ctx.addIssue({ code: 'custom', message: fault, input: s });
    })
    .meta({ pattern: textPattern(lines) });

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
