// Hostile and extreme input in the workbench (issue "Hostile and extreme files"), in headless Chromium: the
// largest valid file stays responsive within a stated memory bound, a damaged autosave or a huge drop cannot
// break the page, an edit followed at once by a reload is not lost, and a file the engine cannot evaluate is
// refused by path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';
import { openPage, useSite, openTextIn, runStateOf, firstField, shot, SHOTS, SHOTS_WANTED } from './helpers/browser.ts';
import { encodeShare } from '../src/ui/share.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const site = useSite();
/** A scenario with one ruleset: tests that do not compare rulesets run a third of the work. */
const oneRegion = () => `${site.url}?scenario=jiangyin-2020`;
const base = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const a = (value: number) => ({ value, assumption: 'hostile test' });
const app = (page: Page) => page.locator('js-app');
const openText = openTextIn;
const runState = runStateOf;

describe('hostile input in the workbench', () => {
  it('a file the engine cannot evaluate opens nothing and names the field', async () => {
    const { page } = await openPage(site.browser, oneRegion());
    const d = base('jilin-2017');
    // A spliced body whose cdf underflows at the splice (the continuous composite stays evaluable there).
    d.populations[0].severity = { family: 'spliced', mu: a(10), sigma: a(0.01), splice: a(12000), alpha: a(2.5), bodyWeight: a(0.8) };
    expect(await openText(page, 'underflow.json', JSON.stringify(d))).toBe(false);
    // Named as the page shows the field; the path the command line gives is on hover.
    await expect
      .poll(() => app(page).locator('.open-problems li[title="populations[0].severity"]').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^吉林城乡居民 · 严重程度分布：参数超出双精度可计算范围（the probability of passing the lowest deductible/),
      ]);
  });

  it('a damaged autosave is refused by path; the page keeps working', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    await page.evaluate(() => {
      const d = {
        savedAt: new Date().toISOString(),
        draft: { title: { zh: 'x', en: 'x' }, populations: 'x', rulesets: [], simulation: {} },
        original: null,
        label: 'damaged',
      };
      localStorage.setItem('jingsuan:autosave:v2:someone-else', JSON.stringify(d));
    });
    await page.reload();
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => app(page).locator('.open-problems li[title="populations"]').allInnerTexts()).toEqual(['参保人群：须为列表']);
    // The scenario on screen is untouched and still runs.
    await expect.poll(() => page.locator('js-results-table th[scope=col]').count()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it('an edit followed at once by a reload is not lost (autosave flushed when the page is left)', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => page.locator('js-results-table th[scope=col]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const input = firstField(page, 'jiangyin-2020').locator('input[type=number]');
    await input.fill('23456');
    await input.press('Tab');
    await page.reload(); // no wait for the 150 ms debounce
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('23456');
    expect(errors).toEqual([]);
  });

  it('a dropped file over the size limit is refused from its size, without reading it', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => page.locator('js-results-table th[scope=col]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.evaluate(() => {
      // A 600 MB file made of one repeated block: File.size is real, its bytes are never read.
      const block = new Uint8Array(1 << 20);
      const file = new File(
        Array.from({ length: 600 }, () => block),
        'huge.json',
        { type: 'application/json' },
      );
      const dt = new DataTransfer();
      dt.items.add(file);
      document.querySelector('js-app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(() => app(page).locator('[role=alert]').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/629,145,600 bytes; the limit for a scenario file is 2,000,000/)]));
    expect(errors).toEqual([]);
  });

  it('hostile share links are refused in words at once, the tab stays alive (issue #30: out of memory, a stack overflow, a freeze)', async () => {
    const link = async (patch: unknown) => `${oneRegion()}#s=${await encodeShare({ jingsuanShare: 2, base: 'jiangyin-2020', patch })}`;
    const refusal = (page: Page) => app(page).locator('.open-problems li').allInnerTexts();
    // 1,139 characters whose one edit names a place 200,000 levels deep: before, the tab ran out of memory.
    const deep = await link([[Array.from({ length: 200_000 }, () => 'a'), 1]]);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1440, height: 1000 },
    ]) {
      const { page, errors } = await openPage(site.browser, deep, viewport);
      await expect.poll(() => refusal(page)).toEqual(['分享链接已损坏：第 1 项修改的位置有 200,000 层，场景文件最多 24 层']);
      // The file the address names is on screen and runs.
      // In view without scrolling on a phone too (its editors come after the results).
      await expect
        .poll(() =>
          app(page)
            .locator('.open-problems')
            .evaluate((e) => e.getBoundingClientRect().top),
        )
        .toBeLessThan(viewport.height);
      await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
      if (SHOTS_WANTED) await page.screenshot({ path: `${SHOTS}/hostile-share-refused-${viewport.width}-view.png` });
      await shot(page, `hostile-share-refused-${viewport.width}`);
      expect(errors).toEqual([]);
    }
    // Thousands of edits at index 999,999 and below: before, the page froze for tens of seconds.
    const sparse = await link(Array.from({ length: 5000 }, (_, i) => [['rulesets', 0, 'tracks', 0, 'bands', 999_999 - i], 1]));
    const { page, errors } = await openPage(site.browser, sparse);
    await expect
      .poll(() => refusal(page))
      .toEqual([
        expect.stringMatching(/^分享链接已损坏：第 1 项修改指向 rulesets\[0\]\.tracks\[0\]\.bands 的第 999999 项，而该列表只有 \d+ 项/),
      ]);
    // A link cut short when copied: the browser's "Failed to execute 'atob'" is not what the page says.
    await page.goto(`${deep.slice(0, -3)}x`);
    await page.reload();
    await expect.poll(() => refusal(page)).toEqual(['分享链接已损坏：内容无法解码（可能复制时不完整）']);
    expect(errors).toEqual([]);
  });
});
