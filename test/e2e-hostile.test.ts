// Hostile and extreme input in the workbench (issue "Hostile and extreme files"), in headless Chromium: the
// largest valid file stays responsive within a stated memory bound, a damaged autosave or a huge drop cannot
// break the page, an edit followed at once by a reload is not lost, and a file the engine cannot evaluate is
// refused by path. Issue #30: hostile share links refused in words at once, a full storage never loses an edit
// silently, and a window opened from the workbench saves under its own key.
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

  it('a title holding ESC opens nothing and is named in words; a rename to a bidi override is refused the same way', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    const d = base('jiangyin-2020');
    d.rulesets[0].title.zh = '江阴\u001b[2J';
    expect(await openText(page, 'escape.json', JSON.stringify(d))).toBe(false);
    // The field by the ruleset's id: its title is the text refused.
    await expect
      .poll(() => app(page).locator('.open-problems li[title="rulesets[0].title.zh"]').allInnerTexts())
      .toEqual(['jiangyin-2020 · 名称 · zh：含控制字符 U+001B（第 3 个字符）：请删去']);
    await app(page).locator('.open-problems button').click();
    // The rename field of the scenario on screen (a paste can carry what a keyboard cannot type).
    const title = page.locator('js-ruleset-card input.title').first();
    await title.fill('江阴\u202e2020');
    await title.press('Tab');
    await expect
      .poll(() => app(page).locator('li[title="rulesets[0].title.zh"]').allInnerTexts())
      .toEqual([expect.stringMatching(/：含双向文字控制符 U\+202E（RIGHT-TO-LEFT OVERRIDE，第 3 个字符），会改变文字的显示顺序：请删去$/)]);
    expect(errors).toEqual([]);
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
      // In view without scrolling on a phone too (its editors come after the results).
      await expect
        .poll(() =>
          app(page)
            .locator('.open-problems')
            .evaluate((e) => e.getBoundingClientRect().top),
        )
        .toBeLessThan(viewport.height);
      // The file the address names is on screen and runs.
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
    // In English after the language switch, the link's name included (it stayed Chinese, worded once when opened).
    await page.locator('js-app-header button.lang').click();
    await expect
      .poll(() => refusal(page))
      .toEqual(['The share link is damaged: its contents cannot be decoded (it may have been cut short when copied)']);
    expect(await app(page).locator('.open-problems').innerText()).toMatch(/^"share link" was not opened: 1 problem\(s\):/);
    expect(errors).toEqual([]);
    // Two pages, or one page twice, on a machine other tests share.
  }, 120_000);

  /** Fills a storage of the page to its last character with keys under `prefix` (the browser's quota, whatever it is). */
  const fill = (page: Page, which: 'localStorage' | 'sessionStorage', prefix: string) =>
    page.evaluate(
      ([w, p]) => {
        const store = window[w as 'localStorage'];
        let n = 0;
        for (let size = 1 << 22; size >= 1;) {
          try {
            store.setItem(`${p}${n++}`, 'x'.repeat(size));
          } catch {
            size >>= 1;
          }
        }
        // The last characters: keys of one character and no value (a save one character longer no longer fits).
        for (let c = 0x4e00; c < 0x9fff; c++) {
          try {
            store.setItem(String.fromCharCode(c), '');
          } catch {
            break;
          }
        }
      },
      [which, prefix],
    );
  const setFirst = async (page: Page, value: string) => {
    const input = firstField(page, 'jiangyin-2020').locator('input[type=number]');
    await input.fill(value);
    await input.press('Tab');
  };
  const saveNotice = (page: Page) => app(page).locator('.save-notice[role=status]');

  it("storage full: an old tab's large save makes room for the new edit, which a reload offers (it was silently not saved)", async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    // An old tab's save of 2 million characters, and the rest of the storage full of something else.
    await page.evaluate(() => {
      const old = {
        savedAt: '2026-01-01T00:00:00.000Z',
        draft: { id: 'old-tab', pad: 'x'.repeat(2_000_000) },
        original: null,
        label: 'old-tab',
      };
      localStorage.setItem('jingsuan:autosave:v2:old-tab', JSON.stringify(old));
    });
    await fill(page, 'localStorage', 'filler-');
    await setFirst(page, '23456');
    await page.reload(); // the save is flushed as the page is left
    await expect.poll(() => page.evaluate(() => localStorage.getItem('jingsuan:autosave:v2:old-tab'))).toBeNull();
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('23456');
    expect(await saveNotice(page).count()).toBe(0);
    expect(errors).toEqual([]);
    // Two pages, or one page twice, on a machine other tests share.
  }, 120_000);

  it('storage full of something else: the edit is kept in the tab and the page says so; a reload offers it, not the older save', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1440, height: 1000 },
    ]) {
      const { page, errors } = await openPage(site.browser, oneRegion(), viewport);
      await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
      // The first edit's save is a character shorter than the next: one of the same length fits where it was.
      await setFirst(page, '9000');
      await page.waitForTimeout(400); // autosave is debounced: the first edit is saved
      await fill(page, 'localStorage', 'filler-');
      await setFirst(page, '23456');
      await expect
        .poll(() => saveNotice(page).innerText())
        .toMatch(/^浏览器存储已满：最近的修改只保存在本标签页中（刷新后可恢复，关闭标签页即丢失）。请用“保存为文件”保留。/);
      if (SHOTS_WANTED) await page.screenshot({ path: `${SHOTS}/hostile-storage-full-${viewport.width}.png` });
      // A reload offers the latest edit, not the first one's save.
      await page.reload();
      await page.getByRole('button', { name: '恢复' }).click();
      await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('23456');
      expect(errors).toEqual([]);
    }
  });

  it('storage full, the tab’s own too: the page says the edit is lost, and after a reload offers nothing older as the latest', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    await setFirst(page, '9000');
    await page.waitForTimeout(400);
    await fill(page, 'localStorage', 'filler-');
    await fill(page, 'sessionStorage', 'filler-');
    await setFirst(page, '23456');
    await expect.poll(() => saveNotice(page).innerText()).toMatch(/^浏览器存储已满：\S+ 的修改未能自动保存，刷新或关闭后无法恢复。/);
    if (SHOTS_WANTED) await page.screenshot({ path: `${SHOTS}/hostile-storage-lost-1440.png` });
    await page.reload();
    await expect.poll(() => saveNotice(page).innerText()).toMatch(/的修改未能自动保存/);
    expect(await page.getByRole('button', { name: '恢复' }).count()).toBe(0);
    await saveNotice(page).getByRole('button', { name: '关闭' }).click();
    expect(await saveNotice(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a window opened from the workbench, or a duplicated tab (copies of its session storage), saves under its own key: the tabs keep their own edits', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => runState(page), { timeout: 60_000 }).toBe('done');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => void window.open(url), oneRegion())]);
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(e.message));
    await expect.poll(() => runState(popup), { timeout: 60_000 }).toBe('done');
    const tab = (p: Page) => p.evaluate(() => sessionStorage.getItem('jingsuan:tab'));
    expect(await tab(popup)).not.toBe(await tab(page));
    await setFirst(page, '21000');
    await setFirst(popup, '22000');
    await page.waitForTimeout(400); // autosave is debounced
    // Each reloaded tab is offered its own edit (before, the later save overwrote the other's under one key).
    for (const [p, value] of [
      [page, '21000'],
      [popup, '22000'],
      [page, '21000'],
    ] as const) {
      await p.reload();
      await p.getByRole('button', { name: '恢复' }).click();
      await expect.poll(() => firstField(p, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe(value);
    }
    expect(await tab(popup)).not.toBe(await tab(page));
    await popup.close();
    // A copy without an opener (the browser's "duplicate tab"): a window of the same origin, then disowned
    // (window.opener = null severs the link for good), its session storage a copy holding the first page's tab id.
    // The page that holds the id answers on the broadcast channel and the copy takes another.
    const held = await tab(page);
    const [dup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => void window.open(url), new URL('/blank', site.url).href),
    ]);
    dup.on('pageerror', (e) => popupErrors.push(e.message));
    await dup.evaluate(() => (window.opener = null));
    expect(await tab(dup)).toBe(held);
    await dup.goto(oneRegion());
    await expect.poll(() => tab(dup)).not.toBe(held);
    expect(await tab(page)).toBe(held);
    await expect.poll(() => runState(dup), { timeout: 60_000 }).toBe('done');
    await setFirst(dup, '24000');
    await dup.waitForTimeout(400);
    await page.reload();
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('21000');
    await dup.close();
    expect([...errors, ...popupErrors]).toEqual([]);
    // Two pages, or one page twice, on a machine other tests share.
  }, 120_000);
});
