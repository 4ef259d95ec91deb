/**
 * A Lit controller that re-renders its host when any of the state objects it reads (the workbench, the file
 * session, the charts) says it changed: components observe the state; they do not copy it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Observe implements ReactiveController {
  private subscribed: EventTarget[] = [];
  private readonly onChange = (e: Event) => {
    if (!this.wanted || this.wanted(e)) this.host.requestUpdate();
  };

  /** `wanted`: which changes this host draws (a panel that does not show the run need not redraw on its progress). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly targets: () => (EventTarget | null | undefined)[],
    private readonly wanted?: (e: Event) => boolean,
  ) {
    host.addController(this);
  }

  private sync() {
    const next = this.targets().filter((t): t is EventTarget => !!t);
    if (next.length === this.subscribed.length && next.every((t, i) => t === this.subscribed[i])) return;
    this.unsubscribe();
    for (const t of next) t.addEventListener('change', this.onChange);
    this.subscribed = next;
  }

  private unsubscribe() {
    for (const t of this.subscribed) t.removeEventListener('change', this.onChange);
    this.subscribed = [];
  }

  hostConnected() {
    this.sync();
  }
  /** The objects may be handed in after the host connected. */
  hostUpdate() {
    this.sync();
  }
  hostDisconnected() {
    this.unsubscribe();
  }
}

/** A filter for views of the scenario (not of the run): every event but the run's progress and the exact aggregate's. */
export const scenarioChanges = (e: Event) => !(e instanceof CustomEvent) || e.detail === 'scenario';
