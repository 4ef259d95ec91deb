/**
 * The exact aggregate in a Web Worker of its own (aggregate/browser-exact-worker.ts): the latest scenario wins;
 * a request made while the worker is busy waits, and only the newest waiting one is sent.
 */
import type { ExactCurve, ExactSummary } from '../aggregate/summary.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface ExactResult {
  rulesets: ExactSummary[];
  curves: ExactCurve[];
  milliseconds: number;
}

export class ExactClient {
  private worker: Worker | null = null;
  private busy = false;
  private waiting: Scenario | null = null;
  private id = 0;
  constructor(private readonly onResult: (r: ExactResult | { error: string }) => void) {}

  request(scenario: Scenario): void {
    this.waiting = scenario;
    if (!this.busy) this.next();
  }

  private next(): void {
    const s = this.waiting;
    if (!s) return;
    this.waiting = null;
    this.busy = true;
    const id = ++this.id;
    this.worker ??= this.start();
    this.worker.postMessage({ id, scenario: s });
  }

  private start(): Worker {
    const w = new Worker(new URL('../aggregate/browser-exact-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ExactResult & { id: number; error?: string }>) => {
      this.busy = false;
      // A newer scenario is waiting: this result is already stale, compute that one instead.
      if (this.waiting) return this.next();
      this.onResult(e.data.error ? { error: e.data.error } : e.data);
    };
    w.onerror = (e) => {
      this.busy = false;
      this.worker?.terminate();
      this.worker = null;
      this.onResult({ error: e.message || 'exact worker failed' });
    };
    return w;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
