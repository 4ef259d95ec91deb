/**
 * A box that scrolls sideways says so: a table clipped at its right edge with nothing to show that it scrolls reads
 * as the whole table (the household table at 1440 px and 390 px, #ui-review). The box gets data-more="right",
 * "left" or "both" while there is more to see that way, and styles fade that edge (scrollCueStyles).
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

export type ScrollCue = '' | 'left' | 'right' | 'both';

/** Which edges hide content. A pixel of slack: Chromium rounds scrollLeft and the widths apart at fractional zoom. */
export function scrollCue(scrollLeft: number, scrollWidth: number, clientWidth: number): ScrollCue {
  const left = scrollLeft > 1;
  const right = scrollWidth - clientWidth - scrollLeft > 1;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : '';
}

/** Keeps el's data-more up to date as it scrolls, resizes, or its content (child) changes size. */
export function watchScrollCue(el: HTMLElement): () => void {
  const set = () => {
    const cue = scrollCue(el.scrollLeft, el.scrollWidth, el.clientWidth);
    if (cue) el.dataset.more = cue;
    else delete el.dataset.more;
  };
  const ro = new ResizeObserver(set);
  ro.observe(el);
  for (const c of el.children) ro.observe(c);
  el.addEventListener('scroll', set, { passive: true });
  // No first reading here: the observer's own first report comes after the next layout. Read now, from a render's
  // `updated`, the widths forced a layout of the whole page into that task (the largest file: 140–186 ms, over
  // e2e-long-tasks' bound).
  return () => {
    ro.disconnect();
    el.removeEventListener('scroll', set);
  };
}

/** The fade over a hidden right edge, and a thin scrollbar that stays visible where the platform shows one. */
export const scrollCueStyles = css`
  .scroll { scrollbar-width: thin; }
  /* The right edge only: a table's first column stays put (sticky) and would fade with a left edge. */
  .scroll[data-more='right'],
  .scroll[data-more='both'] { mask-image: linear-gradient(to right, #000 calc(100% - 32px), transparent); }
`;

/**
 * A component's `.scroll` boxes kept watched (watchScrollCue): each box found after a render is watched, one gone
 * is let go, all are let go when the component leaves the page and watched again when it comes back (no render
 * would come then to find them).
 */
export class ScrollCues implements ReactiveController {
  private cues = new Map<HTMLElement, () => void>();
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode; hasUpdated: boolean }) {
    host.addController(this);
  }

  hostConnected() {
    if (this.host.hasUpdated) this.hostUpdated();
  }

  hostUpdated() {
    const boxes = new Set(this.host.renderRoot.querySelectorAll<HTMLElement>('.scroll'));
    for (const [box, stop] of this.cues)
      if (!boxes.has(box)) {
        stop();
        this.cues.delete(box);
      }
    for (const box of boxes) if (!this.cues.has(box)) this.cues.set(box, watchScrollCue(box));
  }

  hostDisconnected() {
    for (const stop of this.cues.values()) stop();
    this.cues.clear();
  }
}
