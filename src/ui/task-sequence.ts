/**
 * Steps run one per task (setTimeout 0), so the page can paint and answer input between them; starting a new
 * sequence drops what is left of the last one.
 */
export class TaskSequence {
  private timer: ReturnType<typeof setTimeout> | null = null;

  run(steps: (() => void)[]): void {
    this.cancel();
    let i = 0;
    const next = () => {
      this.timer = null;
      if (i >= steps.length) return;
      steps[i++]();
      this.timer = setTimeout(next, 0);
    };
    this.timer = setTimeout(next, 0);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
