// The largest valid file in the workbench, in headless Chromium: it stays responsive (no task over 200 ms) within
// a stated memory bound. It measures the page's tasks, so vite.config.ts runs it after the other files, alone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, shot, useSite, openTextIn, runStateOf } from './helpers/browser.ts';
import { largestValidFile } from './helpers/scenarios.ts';

const site = useSite();
const app = (page: Page) => page.locator('js-app');
const openText = openTextIn;
const runState = runStateOf;

describe('the largest valid file in the workbench', () => {
  it('the largest valid file (16 populations × 12 rulesets × 100,000 trials) runs within 64 MB, says so, and no task holds the page', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    await page.evaluate(() => {
      (window as unknown as { __long: number[] }).__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    expect(await openText(page, 'largest.json', JSON.stringify(largestValidFile()))).toBe(true);
    // The last file's run reads 'done' until this one's starts (a moment after the file opens): the whole run is watched.
    await expect.poll(() => runState(page), { timeout: 30_000 }).toBe('running');
    await expect.poll(() => runState(page), { timeout: 120_000 }).toBe('done');
    await page.waitForTimeout(1500); // charts drawn one per task after the run
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    const note = await app(page).locator('p.run-note').innerText();
    expect(note).toMatch(/64 MB/);
    expect(note).toMatch(/运行 4,\d{3} 次（文件为 100,000 次）/);
    // Measured here at 50–95 ms on a quiet machine; the bound leaves room for a shared CI machine.
    expect(Math.max(0, ...long), `long tasks: ${long.map((x) => x.toFixed(0)).join(', ')}`).toBeLessThan(200);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    expect(heap).toBeLessThan(400 * 2 ** 20);
    await shot(page, 'hostile-largest');
    expect(errors).toEqual([]);
  }, 240_000);
});
