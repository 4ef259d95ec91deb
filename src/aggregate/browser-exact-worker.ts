/// <reference lib="webworker" />
// Web Worker for the exact aggregate: a scenario in, figures and drawable curves out, off the page's thread.
import type { ExactRequest } from './exact-protocol.ts';
import { createExactHandler } from './exact-worker-core.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createExactHandler((reply) => scope.postMessage(reply));
scope.onmessage = (e: MessageEvent<ExactRequest>) => handle(e.data);
