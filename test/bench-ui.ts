/**
 * `npm run bench:ui`: the workbench's response times (docs/model.md "Performance"), measured in real headless
 * Chromium on the static build, never asserted in a test. The page records performance measures:
 *   jingsuan:analytic       compile + analytic expectation after an edit (target: within a frame, ≤ 16 ms);
 *   jingsuan:first-refresh  edit → first Monte Carlo results with ≥ 200 trials on screen (target ≤ 500 ms);
 *   jingsuan:run            edit → all trials done.
 * The Jiangyin deductible of compare-regions is edited a number of times, each edit waiting for its run.
 */
import type { Page } from 'playwright-core';
import { buildSite, launch, openPage, serve } from './helpers/browser.ts';

const EDITS = [20000, 22000, 24000, 26000, 28000, 30000, 26000, 22000, 18000];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)} (n = ${xs.length})`;

async function measures(page: Page, name: string): Promise<{ duration: number; trials?: number }[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(n).map((e) => ({ duration: e.duration, trials: (e as PerformanceMeasure).detail?.trials })),
    name,
  );
}

async function waitRuns(page: Page, count: number) {
  for (let i = 0; i < 600; i++) {
    if ((await measures(page, 'jingsuan:run')).length >= count) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the workbench did not finish its run');
}

const dir = await buildSite();
const { server, url } = await serve(dir);
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, url);
  await waitRuns(page, 1);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const card = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020' });
  const ded = card.locator('js-track-editor js-param-field').first().locator('input[type=number]');
  await page.evaluate(() => performance.clearMeasures());
  for (const [i, value] of EDITS.entries()) {
    await ded.fill(String(value));
    await ded.press('Tab');
    await waitRuns(page, i + 1);
  }
  const analytic = (await measures(page, 'jingsuan:analytic')).map((m) => m.duration);
  const first = await measures(page, 'jingsuan:first-refresh');
  const run = await measures(page, 'jingsuan:run');
  console.log(
    `workbench on compare-regions (${run[0]?.trials ?? '?'} trials, ${cores} cores), ${EDITS.length} edits of the Jiangyin deductible:`,
  );
  console.log(`  analytic refresh       ${fmt(analytic)}   (target ≤ 16 ms)`);
  console.log(
    `  first Monte Carlo (≥ ${Math.min(...first.map((m) => m.trials ?? 0))} trials)  ${fmt(first.map((m) => m.duration))}   (target ≤ 500 ms)`,
  );
  console.log(`  whole run              ${fmt(run.map((m) => m.duration))}`);
  if (errors.length) console.log(`console errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
