/** Node's worker factory for runScenario: worker_threads running the same engine module as the browser. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync, version as esbuildVersion } from 'esbuild';
import type { FromWorker, WorkerLike } from './protocol.ts';

const sources = new Map<string, string>();

/**
 * The schema library in a worker's script is an inert stand-in (schema-stand-in.ts says why): the real one made
 * the script 950 kB instead of 200 kB, and loading it took about half of a worker's start (issue #32).
 */
const SCHEMA_STAND_IN = fileURLToPath(new URL('./schema-stand-in.ts', import.meta.url));

/**
 * A worker's entry bundled into a single CommonJS script (esbuild), the schema library left out (SCHEMA_STAND_IN):
 * a worker then starts in about 30 ms, where loading the TypeScript modules through tsx's hooks took about 200 ms,
 * a fifth of the DESIGN budget for 1,000 trials. The script is kept in memory for the process and on disk
 * (WORKER_CACHE) for the next one: bundling took 100–250 ms of every `jingsuan run`, a checked copy reads in a
 * few milliseconds.
 */
export function bundledWorkerScript(entry: URL): string {
  const path = fileURLToPath(entry);
  let source = sources.get(path);
  if (source === undefined) sources.set(path, (source = cachedBundle(path, WORKER_CACHE)));
  return source;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER_CACHE = join(ROOT, 'node_modules', '.cache', 'jingsuan-worker');

interface CachedBundle {
  /** Every file the script was built from, with its size and modification time then. */
  inputs: [string, number, number][];
  source: string;
}

const stamp = (file: string): [string, number, number] => {
  const s = statSync(file);
  return [file, s.size, s.mtimeMs];
};

/** How a worker's script is built (part of its cache key). */
const BUILD_OPTIONS = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', alias: { zod: SCHEMA_STAND_IN } } as const;

/**
 * The entry's script from `dir` when every file it was built from is as it was (path, size and modification
 * time, as bin/cli-build.js judges the command line's copy), else built and written there for the next process.
 * A cache that cannot be read or written (a read-only install) only costs the build.
 */
export function cachedBundle(entry: string, dir: string): string {
  // The key holds the build's own options, so a change to how the script is built (an alias, the target) is a
  // new copy, not the old one served because its inputs are unchanged.
  const key = createHash('sha256')
    .update(`${entry}\0${esbuildVersion}\0${process.version}\0${JSON.stringify(BUILD_OPTIONS)}`)
    .digest('hex')
    .slice(0, 16);
  const file = join(dir, `${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedBundle;
    if (
      cached.inputs.every(([f, size, mtime]) => {
        const now = stamp(f);
        return now[1] === size && now[2] === mtime;
      })
    )
      return cached.source;
  } catch {
    // Absent, unreadable or out of date: build it.
  }
  const began = Date.now();
  const built = buildSync({
    entryPoints: [entry],
    ...BUILD_OPTIONS,
    write: false,
    logLevel: 'silent',
    metafile: true,
    absWorkingDir: ROOT,
  });
  const source = built.outputFiles[0].text;
  try {
    // A file saved while esbuild read it would be stamped with its new time but built from its old text: the copy
    // is kept only when every input still has the time it had before the build began.
    const inputs = Object.keys(built.metafile.inputs).map((f) => stamp(resolve(ROOT, f)));
    if (inputs.some(([, , mtime]) => mtime > began)) return source;
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ inputs, source } satisfies CachedBundle));
    renameSync(tmp, file);
  } catch {
    // Not kept: the next process builds it again.
  }
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
