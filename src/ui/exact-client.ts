/**
 * The exact aggregate in a worker of its own (aggregate/exact-worker-core.ts): the latest scenario wins; a
 * request made while the worker is busy waits, and only the newest waiting one is sent. The worker comes from
 * outside: the page's Web Worker by default, worker_threads in Node (aggregate/node-exact-worker.ts).
 */
import type { ExactFigures, ExactWorkerLike } from '../aggregate/exact-protocol.ts';
import type { Scenario } from '../scenario/schema.ts';

export type ExactResult = Omit<ExactFigures, 'computed'>;

/** The page's exact worker: a Web Worker running aggregate/browser-exact-worker.ts. */
export function browserExactWorker(): ExactWorkerLike {
  const w = new Worker(new URL('../aggregate/browser-exact-worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (h) => (w.onmessage = (e) => h(e.data)),
    onFailure: (h) => (w.onerror = (e) => h(e.message || 'exact worker failed')),
    terminate: () => w.terminate(),
  };
}

export class ExactClient {
  private worker: ExactWorkerLike | null = null;
  private busy = false;
  private waiting: Scenario | null = null;
  /** The scenario the worker is computing: a result names it, so the page can refuse one it no longer shows. */
  private sent: Scenario | null = null;
  private id = 0;
  constructor(
    private readonly onResult: (r: ExactResult | { error: string }, of: Scenario) => void,
    private readonly startWorker: () => ExactWorkerLike = browserExactWorker,
  ) {}

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
    this.sent = s;
    this.worker ??= this.start();
    this.worker.post({ id, scenario: s });
  }

  private start(): ExactWorkerLike {
    const w = this.startWorker();
    w.onMessage((reply) => {
      this.busy = false;
      // A newer scenario is waiting: this result is already stale, compute that one instead.
      if (this.waiting) return this.next();
      this.onResult('error' in reply ? { error: reply.error } : reply, this.sent!);
    });
    w.onFailure((message) => {
      this.busy = false;
      this.worker?.terminate();
      this.worker = null;
      this.onResult({ error: message }, this.sent!);
    });
    return w;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
