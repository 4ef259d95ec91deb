// The largest valid file in the workbench, in headless Chromium: it stays responsive within a stated memory bound.
// docs/model.md "Performance" aims at no task over 100 ms. Two measures of a task: its wall time (the Long Tasks API,
// as a user feels it) and the main thread's CPU time in it (Chromium's trace, helpers/main-thread.ts), which does
// not count waiting for a core. Measured here: at most 52–111 ms of CPU, the largest being the first layout of the
// file's page; the bounds leave room for a shared machine. vite.config.ts runs this file after the others, alone:
// beside them, the run's first second went so slowly that the page stopped to ask whether to go on.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useSite, openTextIn, runStateOf } from './helpers/browser.ts';
import { traceMainThread } from './helpers/main-thread.ts';
import { largestValidFile } from './helpers/scenarios.ts';

const site = useSite();

describe('the largest valid file in the workbench', () => {
  it('the largest valid file (16 populations × 12 rulesets × 100,000 trials) runs within 64 MB, says so, and no task holds the page', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await page.evaluate(() => {
      (window as unknown as { __long: number[] }).__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const tasks = await traceMainThread(site.browser, page, async () => {
      expect(await openTextIn(page, 'largest.json', JSON.stringify(largestValidFile()))).toBe(true);
      // The last file's run reads 'done' until this one's starts (a moment after the file opens): the whole run is watched.
      await expect.poll(() => runStateOf(page), { timeout: 30_000 }).toBe('running');
      await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
      await page.waitForTimeout(1500); // charts drawn one per task after the run
    });
    const note = await page.locator('js-app p.run-note').innerText();
    expect(note).toMatch(/64 MB/);
    // 64 MiB ÷ (17 rows × 12 rulesets × 11 per-trial columns × 8 bytes) = 3,738.3: the trials that fit.
    expect(note).toMatch(/运行 3,738 次（文件为 100,000 次）/);
    const longest = tasks
      .slice(0, 5)
      .map((t) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms wall) at ${t.start.toFixed(0)} ms`);
    expect(tasks.length, 'main-thread tasks traced').toBeGreaterThan(50);
    expect(tasks[0].cpuMs, `longest tasks: ${longest.join('; ')}`).toBeLessThan(150);
    // Wall time as the page's user feels it (Long Tasks API), bounded where the page's own code made it long: a task
    // over 200 ms of wall time fails when the trace's CPU time of some task is over 100 ms too. A task the machine
    // kept waiting (the page's own two engine workers and the household worker take both cores as the run ends;
    // a fresh clone's CI once saw 233 ms of wall time where no task used 150 ms of CPU) is reported, not failed.
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    const held = tasks.filter((t) => t.wallMs >= 200 && t.cpuMs > 100);
    expect(held.length, `long tasks (wall): ${long.map((x) => x.toFixed(0)).join(', ')}; longest ${longest.join('; ')}`).toBe(0);
    expect(Math.max(0, ...long), `long tasks (wall): ${long.map((x) => x.toFixed(0)).join(', ')}`).toBeLessThan(400);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    expect(heap).toBeLessThan(400 * 2 ** 20);
    console.log(`largest file, main thread: ${tasks.length} tasks; longest ${longest.join('; ')}`);
    await shot(page, 'hostile-largest');
    expect(errors).toEqual([]);
  }, 240_000);
});
