/** Reading and fitting claims in a Web Worker of their own (fit-worker.ts), one per job: cancelling ends it. */
import type { ClaimsFile, ReadOptions } from '../fit/read.ts';
import type { FamilyFit, FitData } from '../fit/types.ts';
import type { FitReply, FitRequest } from './fit-worker.ts';

export interface WorkerJob<T> {
  done: Promise<T | { error: string; zh?: string }>;
  cancel(): void;
}

function inWorker(request: FitRequest): WorkerJob<FitReply> {
  const w = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: FitReply) => void = () => {};
  const done = new Promise<FitReply>((resolve) => (settle = resolve));
  w.onmessage = (e: MessageEvent<FitReply>) => {
    w.terminate();
    settle(e.data);
  };
  w.onerror = (e) => {
    w.terminate();
    settle({ error: e.message || 'the fitting worker failed to start' });
  };
  w.postMessage(request);
  return {
    done,
    cancel: () => {
      w.terminate();
      settle({ error: 'cancelled' });
    },
  };
}

/** The reader's result, or its message (naming row and column) as `error`. */
export function readInWorker(bytes: Uint8Array, name: string, options: ReadOptions): WorkerJob<{ file: ClaimsFile }> {
  return inWorker({ kind: 'read', bytes, name, options }) as WorkerJob<{ file: ClaimsFile }>;
}

/** Every family's fit, ranked by AIC, with the time the fit took in the worker. */
export function fitInWorker(data: FitData): WorkerJob<{ fits: FamilyFit[]; ms: number }> {
  return inWorker({ kind: 'fit', data }) as WorkerJob<{ fits: FamilyFit[]; ms: number }>;
}
