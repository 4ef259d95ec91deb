/// <reference lib="webworker" />
/**
 * Reading a claims file and fitting it, off the page's thread. Measured on this 2-core machine under load,
 * December 2026: fitting 2,000 individual amounts (lognormal draws, all seven families) took 96–183 ms in headless
 * Chromium (a fresh worker each time, as the dialog starts one) and 53–111 ms in Node; reading a CSV of 200,000
 * rows (2.3 MB) 412 ms in Node, and a claims file may have a million. Both are over the 50 ms a page may hold its
 * thread.
 */
import { fitSeverities } from '../fit/fit.ts';
import { readClaimsFile, type ClaimsFile, type ReadOptions } from '../fit/read.ts';
import { ClaimsFileError } from '../fit/read-cells.ts';
import type { FamilyFit, FitData } from '../fit/types.ts';

export type FitRequest = { kind: 'read'; bytes: Uint8Array; name: string; options: ReadOptions } | { kind: 'fit'; data: FitData };

/** An error carries the reader's Chinese message too (ClaimsFileError.zh), for the Chinese page. */
export type FitReply = { kind: 'read'; file: ClaimsFile } | { kind: 'fit'; fits: FamilyFit[]; ms: number } | { error: string; zh?: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<FitRequest>) => {
  const job = e.data;
  const t0 = performance.now();
  let reply: FitReply;
  try {
    reply =
      job.kind === 'read'
        ? { kind: 'read', file: await readClaimsFile(job.bytes, job.name, job.options) }
        : { kind: 'fit', fits: fitSeverities(job.data), ms: performance.now() - t0 };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err), ...(err instanceof ClaimsFileError ? { zh: err.zh } : {}) };
  }
  scope.postMessage(reply);
};
