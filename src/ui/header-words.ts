/**
 * Table headers and names whose words do not break inside themselves: Chinese broke between any two characters
 * ("亏损概/率", "95%/区间下限", "起付线3./5万", #ui-review), and `word-break: keep-all` still breaks after "%". Each
 * space-separated word goes in a span.w (white-space: nowrap in the table's styles); lines break at the spaces
 * (between a label and its unit: "赔付率差 / (百分点)"), and may break, by a <wbr>, before a full-width bracket
 * ("因病致贫 / （人）") and where Chinese gives way to a figure ("自付超过收入 / 10%", "合并口径起付线 / 3.5万").
 */
import { html, type TemplateResult } from 'lit';

/** Where a word may break: before "（", and between a Chinese character and a digit. Pure, for the Node tests. */
export const wordParts = (word: string): string[] => word.split(/(?=（)|(?<=[\u3400-\u9fff])(?=\d)/);

export const headerWords = (text: string): TemplateResult[] =>
  text
    .split(' ')
    .map(
      (word, i) => html`${i ? ' ' : ''}${wordParts(word).map((part, j) => html`${j ? html`<wbr />` : ''}<span class="w">${part}</span>`)}`,
    );
