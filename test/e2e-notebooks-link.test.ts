// The header's 笔记本 link, followed in Chromium under both ways the README starts the project (#31): `npm start`
// (Vite's dev server, started here as `vite` starts it, on a free port) and `npm run build` served from a sub-folder
// (the tests' shared build). Each time the link opens the notebooks' index (its Chinese title read as written, not
// garbled), and a notebook opened from the index computes its key numbers from src/.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, shot, useSite, workerBrowser } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const INDEX_TITLE = '精算笔记本 · jingsuan notebooks';
const JILIN_TITLE = "吉林风险调节两种口径 · Jilin's corridor, marginal and whole readings";

/** From the workbench at `url`: the link, the index, then the Jilin notebook from the index, until its numbers show. */
async function followLink(page: Page, name: string) {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  // A page without an icon makes Chromium ask for /favicon.ico at the server's root, which neither server has.
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && failed.push(m.text()));
  const link = page.locator('js-app-header a', { hasText: '笔记本' });
  await link.waitFor();
  await Promise.all([page.waitForURL(/\/notebooks\/index\.html$/), link.click()]);
  await page.locator('a[href="./03-jilin-corridor.html"]').waitFor({ timeout: 60_000 });
  const indexTitle = await page.title();
  await shot(page, `notebooks-link-${name}-index`);
  await Promise.all([page.waitForURL(/03-jilin-corridor\.html$/), page.locator('a[href="./03-jilin-corridor.html"]').click()]);
  await page.waitForFunction(() => document.querySelectorAll('output[data-key]').length >= 3, null, { timeout: 120_000 });
  const keys: Record<string, number> = Object.fromEntries(
    await page.evaluate(() =>
      [...document.querySelectorAll('output[data-key]')].map((o) => [o.getAttribute('data-key'), Number(o.getAttribute('data-value'))]),
    ),
  );
  const cellErrors = await page.locator('.observablehq--error').count();
  page.removeAllListeners('response');
  page.removeAllListeners('console');
  return { indexTitle, title: await page.title(), keys, cellErrors, failed };
}

/** The index titled in Chinese, then the Jilin notebook computing docs/policy.md §5's corridor at +4% (as test/notebooks.test.ts). */
function expectJilinNotebook(r: Awaited<ReturnType<typeof followLink>>) {
  expect(r.indexTitle).toBe(INDEX_TITLE);
  expect(r.title).toBe(JILIN_TITLE);
  expect(r.keys.marginalAt4).toBeCloseTo(3_300_000, 0);
  expect(r.keys.wholeAt4).toBeCloseTo(1_200_000, 0);
  expect(r.cellErrors).toBe(0);
  expect(r.failed).toEqual([]);
}

describe('the notebooks link under `npm start` (Vite dev server)', () => {
  let server: ViteDevServer;
  let url = '';
  beforeAll(async () => {
    // The dependency cache beside the other test output: node_modules may be shared with other checkouts.
    server = await createServer({
      root: ROOT,
      logLevel: 'error',
      cacheDir: join(ROOT, 'test-output', 'vite-dev-cache'),
      // Here node_modules may be a link to another checkout's: its files (the notebooks' fonts) are allowed too.
      server: { port: 0, host: '127.0.0.1', open: false, fs: { allow: [ROOT, realpathSync(join(ROOT, 'node_modules'))] } },
    });
    await server.listen();
    url = server.resolvedUrls!.local[0];
  }, 120_000);
  afterAll(async () => server?.close());

  it('opens the index, titled in Chinese, and a notebook from it computes', async () => {
    const { page } = await openPage(await workerBrowser(), url, { width: 1200, height: 900 });
    const r = await followLink(page, 'dev');
    expectJilinNotebook(r);
  }, 240_000);
});

describe('the notebooks link in the built site served from a folder', () => {
  const site = useSite();
  it('opens the index, titled in Chinese, and a notebook from it computes', async () => {
    const { page } = await openPage(site.browser, site.url, { width: 1200, height: 900 });
    const r = await followLink(page, 'built');
    expect(page.url().startsWith(site.url)).toBe(true);
    expectJilinNotebook(r);
  }, 240_000);
});
