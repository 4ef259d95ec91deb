/**
 * Which shipped scenario the address names, and switching to another: a pick switches at once, or asks first
 * when the draft has edits; back and forward move between the scenarios picked (and ask the same way); staying
 * puts the address back. The file session (file-session.ts) opens what is chosen.
 */
import { addressedScenario, setAddress } from './shipped.ts';

export class ScenarioSwitch {
  /** A shipped scenario the analyst picked while the draft has edits: asked first (scenario-dialogs.ts). */
  pending: string | null = null;
  private pendingUrl: 'push' | 'none' = 'push';

  constructor(
    private readonly host: {
      /** The shipped scenario on screen ('' for another file). */
      scenarioId(): string;
      hasEdits(): boolean;
      /** Opens a shipped scenario (its address already set). */
      open(id: string): void;
      changed(): void;
    },
  ) {}

  /** Back and forward move between the scenarios picked, asking first when there are edits. */
  private readonly onPopState = () => {
    const id = addressedScenario();
    if (id && id !== this.host.scenarioId()) this.pick(id, 'none');
  };

  start() {
    globalThis.addEventListener?.('popstate', this.onPopState);
  }

  stop() {
    globalThis.removeEventListener?.('popstate', this.onPopState);
  }

  /** The analyst picked a shipped scenario: switched at once, or asked first when the draft has edits. */
  pick(id: string, url: 'push' | 'none' = 'push') {
    if (this.host.hasEdits()) {
      this.pending = id;
      this.pendingUrl = url;
      this.host.changed();
    } else this.go(id, url);
  }

  /** The answer to the question: switch (dropping the edits; the autosave still holds them) or stay. */
  answer(go: boolean) {
    const id = this.pending;
    this.pending = null;
    if (go && id) this.go(id, this.pendingUrl);
    else {
      // Staying: the address goes back to the scenario on screen (back/forward may have moved it).
      const on = this.host.scenarioId();
      if (on) setAddress(on, 'replace');
      this.host.changed();
    }
  }

  /** Opens a shipped scenario; `url`: add it to the history (a pick), replace the address (page load) or leave it (back/forward). */
  go(id: string, url: 'push' | 'replace' | 'none' = 'none') {
    // On page load a share link's hash stays until the link is read.
    if (url === 'push' || (url === 'replace' && !globalThis.location?.hash)) setAddress(id, url);
    this.pending = null;
    this.host.open(id);
  }
}
