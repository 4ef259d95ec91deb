// Prompts the analyst must see (issue #31 "On screen"): on a screen 1,100 px wide or narrower the editors come
// after the results, and the switch question and the restore offer once sat about 5,800 and 6,200 px down the
// page, where nobody saw them. They are dialogs in view now: focus goes to them, Escape cancels, keys reach them.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstField, openPage, openTextIn, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const site = useSite();
const oneRegion = () => `${site.url}?scenario=jiangyin-2020`;

/** The box lies wholly inside the window as it is scrolled now (what the analyst sees without scrolling). */
async function inView(page: Page, l: Locator) {
  const box = await l.boundingBox();
  const h = await page.evaluate(() => window.innerHeight);
  const w = await page.evaluate(() => window.innerWidth);
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(h);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(w);
}

/** The text of the element that has the keyboard focus, through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? `${a.tagName} ${(a as HTMLElement).innerText ?? ''}`.trim() : '';
  });

/** What the window shows (not the whole page: the prompt is over the window wherever it is scrolled). */
const windowShot = async (page: Page, name: string) => {
  if (SHOTS_WANTED) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

const deductible = (page: Page) => firstField(page, 'jiangyin-2020').locator('input[type=number]');

describe('prompts in view', () => {
  for (const width of [390, 1100, 1440])
    it(`at ${width} px the switch question and the restore offer are in view, take the focus, and Escape cancels`, async () => {
      const { page, errors } = await openPage(site.browser, oneRegion(), { width, height: 800 });
      const ded = deductible(page);
      await expect.poll(() => ded.inputValue(), { timeout: 30_000 }).toBe('18000');
      await ded.fill('21000');
      await ded.press('Tab');
      await page.evaluate(() => window.scrollTo(0, 0));
      // Picking another scenario with an edit on screen: the question is in view with the focus on 取消.
      await page.locator('js-app-header select').selectOption('jilin-2017');
      const ask = page.locator('js-editor-panel .switch');
      await expect.poll(() => ask.innerText()).toContain('切换到“吉林 2017');
      await inView(page, ask);
      expect(await focused(page)).toBe('BUTTON 取消');
      if (width !== 1100) await windowShot(page, `prompt-switch-${width}`);
      // Escape cancels: the edit and the address stay.
      await page.keyboard.press('Escape');
      await expect.poll(() => ask.count()).toBe(0);
      expect(await ded.inputValue()).toBe('21000');
      expect(new URL(page.url()).searchParams.get('scenario')).toBe('jiangyin-2020');
      // Keys reach the other answers: Tab to 仍然切换 and Enter switches.
      await page.locator('js-app-header select').selectOption('jilin-2017');
      await expect.poll(() => ask.count()).toBe(1);
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe('BUTTON 仍然切换');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' }).count(), { timeout: 30_000 }).toBe(1);
      // After a reload the edits left behind are offered back, in view, the focus on 恢复.
      await page.reload();
      const offer = page.locator('js-editor-panel .restore');
      await expect.poll(() => offer.count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => offer.innerText()).toContain('发现未保存的工作');
      await inView(page, offer);
      expect(await focused(page)).toBe('BUTTON 恢复');
      if (width !== 1100) await windowShot(page, `prompt-restore-${width}`);
      // Escape puts off the answer (the work is not dropped): the offer waits in the editor column.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('js-editor-panel .restore.prompt').count()).toBe(0);
      const later = page.locator('js-editor-panel .restore');
      await expect.poll(() => later.count()).toBe(1);
      await later.getByRole('button', { name: '恢复' }).click();
      await expect.poll(() => deductible(page).inputValue(), { timeout: 30_000 }).toBe('21000');
      expect(errors).toEqual([]);
    });

  it('the language survives a reload; an opened file takes the shipped one out of the address; work saved as a file is not called unsaved', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => deductible(page).inputValue(), { timeout: 30_000 }).toBe('18000');
    const langButton = page.locator('js-app-header button.lang');
    await langButton.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => langButton.innerText(), { timeout: 30_000 }).toBe('中文');
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'en',
      'jingsuan · critical-illness insurance workbench',
    ]);
    await expect.poll(() => page.locator('js-app-header select option:checked').innerText()).toMatch(/Jiangyin/);
    await langButton.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // A file opened over the shipped Jiangyin: the address no longer names Jiangyin (a reload would open it).
    const data = JSON.parse(readFileSync(join(ROOT, 'scenarios/jilin-2017.json'), 'utf8'));
    data.title.zh = '打开的文件';
    expect(await openTextIn(page, 'mine.json', JSON.stringify(data))).toBe(true);
    const title = page.locator('js-editor-panel .scenario-title');
    await expect.poll(() => title.innerText()).toBe('打开的文件');
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
    // After a reload the opened file (kept at once) is offered back, and restored it is on screen, the address still
    // naming no shipped file.
    await page.reload();
    const offer = page.locator('js-editor-panel .restore');
    await expect.poll(() => offer.innerText(), { timeout: 30_000 }).toContain('发现未保存的工作');
    await offer.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => title.innerText()).toBe('打开的文件');
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
    // Saved as a file: a reload offers it as the work saved as that file, not as unsaved work.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
    expect(dl.suggestedFilename()).toBe('jilin-2017.json');
    await page.reload();
    await expect.poll(() => offer.innerText(), { timeout: 30_000 }).toMatch(/^上次的工作（.*jilin-2017，已保存为 jilin-2017\.json）/);
    expect(await offer.innerText()).not.toContain('未保存');
    // An edit after the save is unsaved again.
    await offer.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => title.innerText()).toBe('打开的文件');
    const ded = firstField(page, 'jilin-2017').locator('input[type=number]');
    await ded.fill('9000');
    await ded.press('Tab');
    await page.reload();
    await expect.poll(() => offer.innerText(), { timeout: 30_000 }).toContain('发现未保存的工作');
    expect(errors).toEqual([]);
  });
});
