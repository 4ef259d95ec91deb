// The command line's TypeScript sources compiled once by esbuild into node_modules/.cache/jingsuan-cli/<stamp>/
// and run from there until a source changes. Through tsx's loader every start took about 0.4 s (its hooks
// thread resolves and transforms each module); from the compiled chunks a command starts in about 0.1 s. The
// build is split at the commands' dynamic imports, so a command still loads only its own modules.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'jingsuan-cli');
/** Builds older than this, other than the current one, are removed (a running command may still load chunks). */
const KEEP_MS = 3_600_000;

/**
 * A digest of every file's path, size and modification time under `inputs` (folders or files; `src` when none is
 * named), and of this builder: any edit changes it. The test helpers stamp the workbench's build with it too.
 */
export function sourceStamp(...inputs) {
  const hash = createHash('sha256');
  const walk = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
  };
  for (const input of inputs.length ? inputs : [SRC]) walk(input);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundled code would see the bundle's own location in `import.meta.url`; each module keeps its source file's
 * (the schema writer, the bench's scenarios and the worker pool find files next to their source).
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Packages stay in node_modules, loaded as they are, except those every command loads, which are bundled: the
 * schema library alone is about a hundred modules, and resolving and linking them took a third of a command's start.
 */
const BUNDLED = /^(zod|decimal\.js|seedrandom|simple-statistics|d3-array|d3-dsv)(\/|$)/;
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

async function compile(dir) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(SRC, 'cli', 'main.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    plugins: [sourceUrls, packagesOutside],
  });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process finished the same build first: its copy is identical.
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (path !== dir && Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The compiled `main`, or null where it cannot be built (no esbuild, a read-only install) or the sources are asked
 * for (JINGSUAN_FROM_SOURCE=1, e.g. under a debugger): then the sources run through tsx.
 */
export async function compiledMain() {
  if (process.env.JINGSUAN_FROM_SOURCE === '1') return null;
  try {
    const dir = join(CACHE, sourceStamp());
    const entry = join(dir, 'main.mjs');
    try {
      statSync(entry);
    } catch {
      mkdirSync(CACHE, { recursive: true });
      await compile(dir);
    }
    return (await import(pathToFileURL(entry).href)).main;
  } catch {
    return null;
  }
}
