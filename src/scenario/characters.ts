/**
 * The characters a text of a file may not hold, declared once: the validator's text() and prose() (param.ts) refuse
 * them, the JSON Schema carries them as a pattern, and printable() escapes them where text from elsewhere (a file's
 * name, a value quoted back in a problem) is written. No schema library here: the engine loads problems.ts.
 */
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

const u = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

// The characters textFault refuses, as the class of a regular expression written once: textFault finds them by
// it, and the JSON Schema carries it as each text's `pattern`, so an editor flags them as the validator does.
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const BREAKS = '\\u0009\\u000a';
// Lone surrogates cannot be written as a JSON Schema pattern (under the `u` flag an editor uses, they match nothing).
const LONE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const FAULT = { line: new RegExp(`[${CONTROLS}${BREAKS}]|${LONE}`), prose: new RegExp(`[${CONTROLS}]|${LONE}`) };
/** The JSON Schema's `pattern` of a text: none of the characters textFault refuses (lone surrogates aside). */
export const textPattern = (lines: boolean) => `^[^${CONTROLS}${lines ? '' : BREAKS}]*$`;

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

/**
 * A value quoted back in a problem (an unknown key, a wrong value): JSON.stringify escapes C0 controls and lone
 * surrogates but not C1 controls (U+009B is CSI to some terminals) nor the bidi controls, so printable() escapes
 * what is left. At most `max` characters, cut by characters so no surrogate pair is split.
 */
export function quoted(v: unknown, max = Infinity): string {
  const all = [...printable(String(JSON.stringify(v)))];
  return all.length > max ? all.slice(0, max).join('') : all.join('');
}
