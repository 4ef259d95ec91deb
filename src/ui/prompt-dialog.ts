/**
 * A question the analyst must answer or see (switch scenario with edits, unsaved work found) as a modal dialog:
 * in the browser's top layer it is in view at any width and scroll. Issue #31: on screens 1,100 px wide or
 * narrower the editors come after the results, and these prompts sat 5,800–6,200 px down the page unseen.
 */
import { css } from 'lit';

/** Opens a rendered <dialog> modal once (its autofocus button takes the focus); Escape fires its `cancel`. */
export function showModal(d: HTMLDialogElement | null | undefined) {
  if (d && !d.open && d.isConnected) d.showModal();
}

/** The look of such a dialog: near the top of the window, as wide as the text allows, within the screen. */
export const modalPrompt = css`
  dialog.prompt {
    position: fixed; inset: 12px 0 auto 0; margin: 0 auto; max-width: min(640px, calc(100vw - 24px)); box-sizing: border-box;
    max-height: calc(100vh - 24px); overflow: auto; line-height: 1.5; box-shadow: 0 4px 18px rgb(0 0 0 / 0.25);
  }
  dialog.prompt[open] { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; border-radius: 8px; padding: 10px 14px; font-size: 13px; }
  dialog.prompt > span { flex: 1 1 100%; }
  dialog::backdrop { background: rgb(17 24 39 / 0.25); }
`;
