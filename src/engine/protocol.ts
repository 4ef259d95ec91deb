import type { Scenario } from '../scenario/schema.ts';

/** Messages between the run coordinator and an engine worker (Web Worker or worker_threads alike). */
export type ToWorker =
  | { type: 'init'; scenario: Scenario; seed: string | number; sampleAll: boolean }
  | { type: 'run'; from: number; to: number };

export type FromWorker = { type: 'block'; from: number; to: number; data: Float64Array } | { type: 'error'; message: string };

export interface WorkerLike {
  post(msg: ToWorker): void;
  onMessage(handler: (msg: FromWorker) => void): void;
  terminate(): void;
}
