/**
 * User text (titles, descriptions, assumptions, seeds come from other people's files) written into Markdown as
 * text and nothing else, yet still readable in the raw file: HTML is entity-escaped (no <script>, no <!-- that
 * hides the rest, no autolinks), the characters that make inline structure are backslash-escaped (\ ` * _ [ ] |:
 * code, emphasis, links and images, table cells; CommonMark 0.31 §2.4 "Backslash escapes"), and a line cannot
 * open a block (a heading, list, quote, thematic break or setext underline). Line breaks become spaces where one
 * line is expected.
 */
const INLINE = /[\\`*_[\]|]/g;
const BLOCK_START = /^([#+\-=~]|\d+[.)])/;

function escapeLine(line: string): string {
  const s = line
    .replace(/^[ \t]+/, '') // no indented code block
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (c) => `\\${c}`);
  return s.replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}

export function mdText(text: string, { multiline = false } = {}): string {
  const lines = String(text).split(/\r\n|\r|\n|\u2028|\u2029/);
  return multiline
    ? lines.map(escapeLine).join('\n')
    : escapeLine(
        lines
          .map((l) => l.trim())
          .filter(Boolean)
          .join(' '),
      );
}

/** Inline code that a backtick inside cannot break: a fence longer than any run of backticks in the text. */
export function mdCode(text: string): string {
  const s = String(text).replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
