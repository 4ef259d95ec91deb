/**
 * Text measured without a browser, for layouts that must be decided before drawing (a chart's left margin, the
 * lines of a label, a footnote or a legend in a standalone SVG): Han characters and full-width punctuation take
 * the full em, other characters about 0.56 of it (Noto Sans CJK SC's Latin averages close to that).
 */
const HAN = '\\u2e80-\\u9fff\\uff00-\\uffef';
const WIDE = new RegExp(`[${HAN}]`);
/** A Han character, a word with the spaces after it, or a run of spaces. */
const TOKENS = new RegExp(`[${HAN}]|[^\\s${HAN}]+\\s*|\\s+`, 'g');

/** Width of a text in px at font size `size`. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? size : size * 0.56;
  return w;
}

/** Breaks a text into lines no wider than `width`: between words, or between any two Han characters. */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    if (textWidth((line + token).trimEnd(), size) > width && line) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
