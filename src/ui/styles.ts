import { css } from 'lit';

/** Shared look: quiet neutrals, one accent, readable Chinese type. */
export const shared = css`
  :host {
    --accent: #1d4ed8;
    --accent-soft: #dbeafe;
    --ink: #111827;
    --muted: #4b5563;
    --line: #d1d5db;
    --warn: #92400e;
    --warn-soft: #fef3c7;
    --error: #b91c1c;
    --error-soft: #fee2e2;
    font-family: system-ui, -apple-system, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    color: var(--ink);
  }
  button {
    font: inherit;
    border: 1px solid var(--line);
    background: white;
    border-radius: 6px;
    padding: 4px 10px;
    cursor: pointer;
    color: var(--ink);
  }
  button:hover:not(:disabled) { background: #f3f4f6; }
  /* A button that does nothing now (撤销 with nothing to undo) must not look like one that does. */
  button:disabled { opacity: 0.45; cursor: not-allowed; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
  input[type='number'], select { font: inherit; border: 1px solid var(--line); border-radius: 4px; padding: 2px 6px; background: white; color: var(--ink); }
  .chip { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px; cursor: help; white-space: nowrap; }
  .chip.assumed { background: var(--warn-soft); color: var(--warn); }
  .chip.edited { background: var(--accent-soft); color: var(--accent); }
  .chip.source { background: #ecfdf5; color: #065f46; }
  .error { color: var(--error); font-size: 12px; }
  h2, h3 { margin: 0; font-weight: 600; }
  .muted { color: var(--muted); }
`;
