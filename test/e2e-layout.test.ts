// Layout at the widths the review looked at (#ui-review): the household table fits at 1440 and 1920 px and, where it
// cannot (390 px), shows that it scrolls; no cell is clipped.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, shot, useSite } from './helpers/browser.ts';

const site = useSite();

async function setLang(page: Page, lang: 'zh' | 'en') {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (!now.startsWith(lang)) await page.locator('js-app-header button.lang').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(lang === 'zh' ? /^zh/ : /^en/);
}

/** Each scrolling box of the household panel: how far it overflows, its cue, and its cells clipped inside. */
const householdBoxes = (page: Page) =>
  page.locator('js-household-panel').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('.scroll')]
      .filter((box) => box.getBoundingClientRect().width > 0)
      .map((box) => ({
        over: box.scrollWidth - box.clientWidth,
        more: box.dataset.more ?? '',
        mask: getComputedStyle(box).maskImage,
        clippedCells: [...box.querySelectorAll('th, td')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
      })),
  );

describe('the household table', () => {
  for (const [scenario, width, lang, fits] of [
    ['suzhou-2021', 1440, 'zh', true],
    ['suzhou-2021', 1440, 'en', true],
    ['suzhou-2021', 1920, 'zh', true],
    ['compare-regions', 390, 'zh', false],
    ['compare-regions', 390, 'en', false],
  ] as const)
    it(`${scenario} at ${width} px in ${lang}: ${fits ? 'fits' : 'scrolls, and its clipped edge fades'}`, async () => {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=${scenario}`, { width, height: 1000 });
      await setLang(page, lang);
      const panel = page.locator('js-household-panel');
      await expect.poll(() => panel.locator('table.household tr.diff').count(), { timeout: 90_000 }).toBeGreaterThan(0);
      await panel.locator('table.household').scrollIntoViewIfNeeded();
      await shot(page, `layout-household-${scenario}-${width}-${lang}`);
      const [box] = await householdBoxes(page);
      expect(box.clippedCells).toEqual([]);
      if (fits) expect(box).toMatchObject({ over: 0, more: '' });
      else {
        expect(box.over).toBeGreaterThan(0);
        expect(box.more).toBe('right');
        expect(box.mask).toContain('linear-gradient');
        // Scrolled to its end the fade goes: nothing is hidden at the right any more.
        await panel
          .locator('.scroll')
          .first()
          .evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expect.poll(async () => (await householdBoxes(page))[0].more).toBe('left');
        expect((await householdBoxes(page))[0].mask).toBe('none');
      }
      // The differences of shares carry their unit.
      const diff = await panel.locator('table.household tr.diff td').nth(2).innerText();
      expect(diff).toMatch(lang === 'zh' ? / 百分点\n\[/ : / pp\n\[/);
      expect(errors).toEqual([]);
    }, 180_000);
});
