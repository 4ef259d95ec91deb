import type { Scenario } from '../scenario/schema.ts';
import type { ExactCurve, ExactSummary } from './summary.ts';

/**
 * Messages between the workbench's exact client (ui/exact-client.ts) and its worker (a Web Worker in the page,
 * worker_threads in Node): a scenario in, by request number; its rulesets' figures and drawable curves out, or
 * the error that stopped them.
 */
export interface ExactRequest {
  id: number;
  scenario: Scenario;
}

export interface ExactFigures {
  rulesets: ExactSummary[];
  curves: ExactCurve[];
  /** Rulesets computed, not taken from the worker's memory (exact-cache.ts). */
  computed: number;
  milliseconds: number;
}

export type ExactReply = ({ id: number } & ExactFigures) | { id: number; error: string };

/** An exact worker as the client sees it: `onFailure` when the worker itself fails (not a scenario's error). */
export interface ExactWorkerLike {
  post(msg: ExactRequest): void;
  onMessage(handler: (reply: ExactReply) => void): void;
  onFailure(handler: (message: string) => void): void;
  terminate(): void;
}
