/** The severity fits in a Web Worker of their own (fit-worker.ts), one per fit: cancelling ends it. */
import type { FitData } from '../fit/types.ts';
import type { FitReply } from './fit-worker.ts';

export interface FitJob {
  done: Promise<FitReply>;
  cancel(): void;
}

export function fitInWorker(data: FitData): FitJob {
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
  w.postMessage(data);
  return {
    done,
    cancel: () => {
      w.terminate();
      settle({ error: 'cancelled' });
    },
  };
}
