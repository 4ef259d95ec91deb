import type { Scenario } from '../scenario/schema.ts';

/**
 * Messages between the run coordinator and an engine worker (Web Worker or worker_threads alike). Every message
 * carries the run it belongs to, so a worker kept between runs (WorkerPool) can finish a chunk of a cancelled
 * run whose result is then ignored. A worker that fails outside any run reports run −1.
 */
export type ToWorker =
  | { type: 'init'; run: number; scenario: Scenario; seed: string | number; sampleAll: boolean; year?: number; pathSeed?: string | number }
  | { type: 'run'; run: number; from: number; to: number };

export type FromWorker =
  | { type: 'block'; run: number; from: number; to: number; data: Float64Array }
  | { type: 'error'; run: number; message: string }
  /** Still computing the chunk asked for (sent at most every BEAT_MS while a chunk runs). */
  | { type: 'beat'; run: number };

/** A worker computing a chunk says so at most this often: the watchdog's silence is measured from the last word. */
export const BEAT_MS = 1000;

export interface WorkerLike {
  post(msg: ToWorker): void;
  onMessage(handler: (msg: FromWorker) => void): void;
  terminate(): void;
}
