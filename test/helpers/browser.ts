/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the static build served
 * from a local port: what a user gets from `vite build` served from any folder.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sourceStamp } from '../../bin/cli-build.js';
import { build } from 'vite';
import { beforeAll } from 'vitest';
import { ROOT } from './golden.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function buildSite(outDir = join(ROOT, 'test-output', 'site')): Promise<string> {
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** An empty page of the same origin outside the site (openPage leaves the workbench through it). */
const BLANK = '/blank';

/** Serves a folder under a sub-path (the build must work from any folder, not only the root). */
export function serve(dir: string, prefix = '/some/folder/'): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (path === BLANK) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>blank</title><link rel="icon" href="data:,">');
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}${prefix}` }),
    ),
  );
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium 156 starts a renderer for the address bar's suggestion popup with every new page, about 1.3
      // CPU-seconds each that no test looks at.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
}

const tabs = new WeakMap<Browser, Page>();

/**
 * The test file's tab at `url`, as a first visit: it records console errors and uncaught exceptions. One tab
 * serves every test of a file, navigated afresh each time with its storage cleared: a tab that stays keeps
 * Chromium's compiled code between pages, about a third of what opening the workbench costs (in a new tab
 * each time, four openings of compare-regions took 29–36 CPU-seconds; navigating one tab, 20–25).
 */
export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 1000 }) {
  let page = tabs.get(browser);
  if (!page || page.isClosed()) {
    page = await browser.newPage({ viewport, acceptDownloads: true });
    tabs.set(browser, page);
  } else {
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // Leaving the workbench flushes its autosave, which is then cleared with the rest of the storage.
    await page.goto(new URL(BLANK, url).href);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.setViewportSize(viewport);
  }
  return { page, errors: await visit(page, url) };
}

async function visit(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return errors;
}

/**
 * Screenshots are for a person to look at: written where someone runs the tests, not in CI, where nobody does
 * (JINGSUAN_SHOTS=1 writes them there too). A full-page shot draws every chart the page keeps undrawn until it
 * is scrolled to, and cost about a CPU-second each.
 */
export const SHOTS_WANTED = !process.env.CI || process.env.JINGSUAN_SHOTS === '1';

/**
 * The whole page as a person scrolling it sees it: the window is made as tall as the page for the shot, so the
 * cards laid out only near the screen (content-visibility) and the charts drawn only when scrolled to are there.
 */
export async function shot(page: Page, name: string) {
  if (!SHOTS_WANTED) return;
  mkdirSync(SHOTS, { recursive: true });
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 20_000) });
  // Charts are drawn one per task once in view.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** Chromium, once per test worker process: the workbench's and the notebooks' tests share it (launching costs
 * about 3.5 CPU-seconds); the worker's exit ends it. */
let chromiumOfWorker: Promise<Browser> | null = null;
export async function workerBrowser(): Promise<Browser> {
  let browser = await (chromiumOfWorker ??= launch());
  if (!browser.isConnected()) browser = await (chromiumOfWorker = launch());
  return browser;
}

/**
 * The site built once for its sources and shared: by both test workers, by the file run alone after them and by
 * the next run while no source changes (a build costs about 3 CPU-seconds). The first worker to need it builds
 * into a folder of its own and renames it into place; another waits for it.
 */
async function sharedSite(): Promise<string> {
  // What the build is made of: a change to any of these builds it again.
  const stamp = sourceStamp(
    ...['src', 'scenarios', 'index.html', 'notebooks', 'vite.config.ts', 'vite-notebooks.ts', 'package-lock.json'].map((p) =>
      join(ROOT, p),
    ),
  );
  const dir = join(ROOT, 'test-output', `site-${stamp}`);
  const ready = () => existsSync(join(dir, 'index.html'));
  if (ready()) return dir;
  // One builder at a time: the other waits for its build. A build takes seconds: a lock a minute old was left by a
  // run that was killed, and is taken over.
  const lock = `${dir}.lock`;
  const lockAge = () => {
    try {
      return Date.now() - statSync(lock).mtimeMs;
    } catch {
      return Infinity;
    }
  };
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    while (!ready() && lockAge() < 60_000) await new Promise((r) => setTimeout(r, 200));
    if (ready()) return dir;
  }
  const own = `${dir}.${process.pid}.tmp`;
  try {
    await buildSite(own);
    try {
      renameSync(own, dir);
    } catch {
      rmSync(own, { recursive: true, force: true });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  // Builds of older sources go.
  for (const name of readdirSync(join(ROOT, 'test-output')))
    if (/^site-[0-9a-f]{16}$/.test(name) && join(ROOT, 'test-output', name) !== dir)
      rmSync(join(ROOT, 'test-output', name), { recursive: true, force: true });
  return dir;
}

/** The site and its server, once per test worker process (see useSite). */
let served: Promise<string> | null = null;

/**
 * The built site served from a sub-folder, and Chromium, for a test file. Test files share their worker's modules
 * (vite.config.ts: isolate false), so the files a worker runs one after another share one build, one Chromium and
 * its tab (openPage), warm from the file before; every worker serves the one build (sharedSite).
 */
export function useSite() {
  const site: { url: string; browser: Browser } = { url: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    served ??= (async () => {
      const dir = await sharedSite();
      const { server, url } = await serve(dir);
      server.unref();
      return url;
    })();
    site.url = await served;
    site.browser = await workerBrowser();
  }, 180_000);
  return site;
}

/** Opens a file's text in the page's workbench (App.openText), as a drop or a picked file would. */
export const openTextIn = (page: Page, name: string, text: string) =>
  page.evaluate(([n, t]) => (document.querySelector('js-app') as unknown as { openText(n: string, t: string): boolean }).openText(n, t), [
    name,
    text,
  ] as const);

/** The workbench's run state: running, done, cancelled, confirm, error. */
export const runStateOf = (page: Page) =>
  page.evaluate(() => (document.querySelector('js-app') as unknown as { runState: string }).runState);

/** The first parameter field (the deductible) of a ruleset's card. */
export const firstField = (page: Page, ruleset: string) =>
  page.locator('js-ruleset-card').filter({ hasText: ruleset }).locator('js-track-editor js-param-field').first();
