/**
 * The small inputs of list items (bands, tiers, modifiers) that the ruleset's editors share: an exact field's
 * change sent up as an `item-change`, a compact slider beside it, and the messages of a row.
 */
import { css, html } from 'lit';
import { emit, errorAt, pathString, type ItemChange, type Path } from './events.ts';
import type { Msg } from './accepted-values.ts';

/** Sends a list item's field up: percent fields are shown ×100; an empty band edge means open-ended (null). */
export function itemChange(el: HTMLElement, path: Path, field: string, raw: string, percent = false) {
  const trimmed = raw.trim();
  const value = field === 'to' && trimmed === '' ? null : percent ? Number(trimmed) / 100 : Number(trimmed);
  emit<ItemChange>(el, 'item-change', { path, field, value: value === null || Number.isFinite(value) ? value : trimmed });
}

export interface SliderSpec {
  value: number;
  min: number;
  max: number;
  step: number;
  percent: boolean;
  label: string;
}

/** A compact slider beside an exact field (its range widens to the value, never past what the field holds). */
export function miniSlider(el: HTMLElement, path: Path, field: string, s: SliderSpec) {
  const shown = s.percent ? +(s.value * 100).toFixed(6) : s.value;
  return html`<input class="mini" type="range" min=${Math.min(s.min, shown)} max=${Math.max(s.max, shown)} step=${s.step}
    .value=${String(shown)} aria-label="${s.label} slider"
    @change=${(e: Event) => itemChange(el, path, field, (e.target as HTMLInputElement).value, s.percent)} />`;
}

/** The messages (errors, else warnings) about any of `paths`, joined for one row. */
export function rowMessages(problems: Msg[], warnings: Msg[], paths: Path[]) {
  const of = (list: Msg[]) =>
    paths
      .map((p) => errorAt(list, pathString(p)))
      .filter(Boolean)
      .join('; ');
  return { error: of(problems), warning: of(warnings) };
}

/** The look of the editors' tables and rows. */
export const itemStyles = css`
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { padding: 3px 4px; border-bottom: 1px solid #f0f0f0; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  td input { width: 92px; text-align: right; }
  td input.ratio { width: 64px; }
  .band-error td { border-bottom: none; }
  .row-error { color: var(--error); font-size: 12px; text-align: left; }
  .row-warn { color: var(--warn); font-size: 12px; text-align: left; }
  .actions { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; align-items: center; font-size: 12px; }
  .actions button, .actions select, button.small { font-size: 12px; padding: 2px 8px; }
  input.mini { width: 64px; vertical-align: middle; margin-right: 4px; accent-color: var(--accent); }
  h4 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; display: flex; align-items: center; gap: 6px; }
`;
