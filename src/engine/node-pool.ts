/** Node's worker factory for runScenario: worker_threads running the same engine module as the browser. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { FromWorker, WorkerLike } from './protocol.ts';

const sources = new Map<string, string>();

/**
 * The schema library in a worker's script is an inert stand-in (schema-stand-in.ts says why): the real one made
 * the script 950 kB instead of 200 kB, and loading it took about half of a worker's start (issue #32).
 */
const SCHEMA_STAND_IN = fileURLToPath(new URL('./schema-stand-in.ts', import.meta.url));

/**
 * A worker's entry bundled once per process into a single CommonJS script (esbuild, tens of milliseconds), the
 * schema library left out (SCHEMA_STAND_IN): a worker then starts in about 30 ms, where loading the TypeScript
 * modules through tsx's hooks took about 200 ms, a fifth of the DESIGN budget for 1,000 trials.
 */
export function bundledWorkerScript(entry: URL): string {
  const path = fileURLToPath(entry);
  let source = sources.get(path);
  if (source !== undefined) return source;
  source = buildSync({
    entryPoints: [path],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    alias: { zod: SCHEMA_STAND_IN },
  }).outputFiles[0].text;
  sources.set(path, source);
  return source;
}

export function nodeWorkerFactory(): WorkerLike {
  const w = new Worker(bundledWorkerScript(new URL('./node-worker-entry.ts', import.meta.url)), { eval: true });
  let handler: (msg: FromWorker) => void = () => {};
  let ended = false;
  w.on('message', (m: FromWorker) => handler(m));
  w.on('error', (err) => handler({ type: 'error', run: -1, message: err.message }));
  // A worker that exits without being asked to (killed, out of memory) says so, and the pool replaces it.
  w.on('exit', (code) => {
    if (!ended) handler({ type: 'error', run: -1, message: `worker exited (code ${code})` });
  });
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (h) => (handler = h),
    terminate: () => {
      ended = true;
      void w.terminate();
    },
  };
}
