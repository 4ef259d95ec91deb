// The Notebook Kit notebooks (notebooks/*.html) built to static pages as `npm run notebooks` builds them, opened in
// headless Chromium with every request outside the local server failing (bureaus often work offline): every
// notebook computes from src/ and shows its key numbers, no cell shows an error, nothing is fetched from outside.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, shot, workerBrowser } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const OUT = join(ROOT, 'test-output', 'notebooks');
let browser: Browser;
let url = '';
let close: () => void = () => {};

beforeAll(async () => {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js'),
      'build',
      '--root',
      'notebooks',
      '--out',
      '../test-output/notebooks',
      '--empty',
      '--',
      ...[
        'index',
        '01-calibrate-suzhou',
        '02-three-regions',
        '03-jilin-corridor',
        '04-deductible-for-loss-ratio',
        '05-subsidy-and-pooling',
        '06-process-and-parameter-risk',
      ].map((n) => `notebooks/${n}.html`),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`notebooks build failed: ${r.stderr || r.stdout}`);
  const s = await serve(OUT, '/nb/');
  url = s.url;
  close = () => s.server.close();
  browser = await workerBrowser();
}, 240_000);
afterAll(async () => {
  // The worker's Chromium stays for the files after this one; the notebooks' tab goes.
  await tab?.close();
  close();
});

/**
 * One tab for every notebook, navigated from one to the next (Chromium keeps its compiled code): requests outside
 * the local server fail and are listed, console errors and uncaught exceptions are kept, per notebook.
 */
let tab: Page;
let outside: string[] = [];
let errors: string[] = [];
async function openTab(path: string): Promise<Page> {
  if (!tab) {
    tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await tab.route('**/*', (route) =>
      route.request().url().startsWith('http://127.0.0.1') ? route.continue() : (outside.push(route.request().url()), route.abort()),
    );
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
  }
  outside = [];
  errors = [];
  await tab.goto(`${url}${path}`);
  return tab;
}

/** Opens a built notebook offline; returns its key numbers (output[data-key]) once its cells are done. */
async function open(name: string, keys: number) {
  const page = await openTab(`${name}.html`);
  await page.waitForFunction((n) => document.querySelectorAll('output[data-key]').length >= n, keys, { timeout: 120_000 });
  const values = Object.fromEntries(
    await page.evaluate(() =>
      [...document.querySelectorAll('output[data-key]')].map((o) => [o.getAttribute('data-key'), Number(o.getAttribute('data-value'))]),
    ),
  );
  const cellErrors = await page.evaluate(() => [...document.querySelectorAll('.observablehq--error')].map((e) => e.textContent));
  await shot(page, `notebook-${name}`);
  expect(outside, 'requests outside the local folder').toEqual([]);
  expect(errors).toEqual([]);
  expect(cellErrors).toEqual([]);
  return values as Record<string, number>;
}

describe('notebooks (Notebook Kit, offline, in Chromium)', () => {
  it('index links every notebook', async () => {
    const page = await openTab('index.html');
    const links = await page.locator('a[href$=".html"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(6);
  });
  it('(1) calibrating Suzhou 2021 recovers every target within 3% from a wrong start', async () => {
    const k = await open('01-calibrate-suzhou', 2);
    expect(k.worstRelativeError).toBeLessThan(0.03);
    // The employees' tail index lands on the shipped file's calibrated value (2.572 since the assistance group's
    // benefit joined the compensation target), from the notebook's wrong start.
    const shippedAlpha = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'suzhou-2021.json'), 'utf8')).populations[0].severity.alpha.value;
    expect(k.employeesAlpha).toBeCloseTo(shippedAlpha, 2);
  });
  it('(2) three regions on one population: MC agrees with analytic; Suzhou pays more people than Jiangyin', async () => {
    const k = await open('02-three-regions', 4);
    expect(k.maxGapInSe).toBeLessThan(4);
    expect(k.suzhouBeneficiaries).toBeGreaterThan(2 * k.jiangyinBeneficiaries);
    expect(k.suzhouMinusJiangyinLo).toBeGreaterThan(0);
  });
  it('(2) moving an input reruns what depends on it: a higher Jiangyin deductible, fewer Jiangyin beneficiaries', async () => {
    const page = await openTab('02-three-regions.html');
    const value = () =>
      page.locator('output[data-key="jiangyinBeneficiaries"]').getAttribute('data-value', { timeout: 120_000 }).then(Number);
    const before = await value();
    const field = page.locator('input[type=number]').first();
    await field.fill('30000');
    await field.dispatchEvent('input');
    await expect.poll(value, { timeout: 60_000 }).toBeLessThan(0.8 * before);
    expect(errors).toEqual([]);
  });
  it("(3) Jilin's corridor: docs/policy.md §5's values at +4% and the whole reading's cliff", async () => {
    const k = await open('03-jilin-corridor', 3);
    expect(k.marginalAt4).toBeCloseTo(3_300_000, 0);
    expect(k.wholeAt4).toBeCloseTo(1_200_000, 0);
    // Just below +3%: 0.0299 × 1e8 = 2,990,000; just above, 30% of 3,010,000 = 903,000.
    expect(k.cliff).toBeCloseTo(2_990_000 - 903_000, 0);
  });
  it('(4) the deductible for a 95% expected loss ratio, raised until P(LR > 103%) ≤ 10%', async () => {
    const k = await open('04-deductible-for-loss-ratio', 3);
    expect(k.analytic).toBeCloseTo(0.95, 6);
    // Six months at 18,000 run at 32%: spending 95% needs a lower deductible.
    expect(k.deductible).toBeLessThan(18000);
    expect(k.deductibleBoth).toBeGreaterThanOrEqual(k.deductible);
  });
  it('(5) the subsidy budget (36,367.50万) and the pooling alarm rising over five years', async () => {
    const k = await open('05-subsidy-and-pooling', 5);
    expect([k.total, k.province, k.city]).toEqual([363_675_000, 88_400_000, 275_275_000]);
    expect(k.alarmLast).toBeGreaterThan(k.alarmFirst);
  });
  it('(6) process and parameter risk: parameter risk dominates; Monte Carlo within 4 se of the exact mean', async () => {
    const k = await open('06-process-and-parameter-risk', 2);
    expect(k.parameterShare).toBeGreaterThan(0.9);
    expect(Math.abs(k.gapInSe)).toBeLessThan(4);
  });
});
