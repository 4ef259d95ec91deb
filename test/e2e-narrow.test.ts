// The fund views and the premium-sources table on a phone (390 px) and a desktop (1440 px), in Chinese and English
// (#31): nothing runs past the page's right edge (a wide table scrolls inside its own panel, long words wrap), and
// the premium-sources table's first column keeps its labels readable instead of one character a line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, runStateOf, shot, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const site = useSite();

/** How far the page, and each panel of the fund view, runs past its own width (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null =>
      root.querySelector('js-fund-view') ??
      [...root.querySelectorAll('*')].reduce<Element | null>((f, e) => f ?? (e.shadowRoot ? find(e.shadowRoot) : null), null);
    const view = find(document);
    const panels = [...(view?.shadowRoot?.querySelectorAll('.panel') ?? [])] as HTMLElement[];
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      panels: panels.map((p) => Math.max(0, p.scrollWidth - p.clientWidth)),
      // Right edges past the window: a panel wider than the screen shows as the page's overflow too, but a clipped
      // one would not; this catches both.
      pastRight: panels.map((p) => Math.max(0, Math.round(p.getBoundingClientRect().right - window.innerWidth))),
      count: panels.length,
    };
  });

async function elementShot(target: Locator, name: string) {
  if (SHOTS_WANTED) await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function setLang(page: Page, lang: 'zh' | 'en') {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (!now.startsWith(lang)) await page.locator('js-app-header button.lang').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(lang === 'zh' ? /^zh/ : /^en/);
}

describe('fund views fit the screen', () => {
  for (const width of [390, 1440])
    for (const lang of ['zh', 'en'] as const)
      it(`at ${width} px in ${lang}: the subsidy budget and the pooling view stay within the page`, async () => {
        const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-resident-subsidy-2021`, { width, height: 900 });
        const view = page.locator('js-fund-view');
        await expect.poll(() => view.locator('[data-total="subsidy"]').count(), { timeout: 30_000 }).toBe(1);
        await setLang(page, lang);
        await shot(page, `narrow-fund-subsidy-${width}-${lang}`);
        const subsidy = await overflow(page);
        expect(subsidy.count).toBeGreaterThan(1);
        expect(subsidy).toMatchObject({ page: 0, panels: subsidy.panels.map(() => 0), pastRight: subsidy.pastRight.map(() => 0) });
        await page.locator('header select').selectOption('suzhou-pooling-2020');
        await expect.poll(() => view.locator('tr[data-year]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
        await expect.poll(() => view.locator('js-chart[data-chart="reserveMonths"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        await shot(page, `narrow-fund-pooling-${width}-${lang}`);
        const pooling = await overflow(page);
        expect(pooling).toMatchObject({ page: 0, panels: pooling.panels.map(() => 0), pastRight: pooling.pastRight.map(() => 0) });
        expect(errors).toEqual([]);
      }, 180_000);
});

describe("the premium-sources table's first column", () => {
  for (const [scenario, width] of [
    ['compare-regions', 390],
    ['suzhou-2021', 390],
    ['compare-regions', 1440],
  ] as const)
    it(`${scenario} at ${width} px: its labels keep several characters a line`, async () => {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=${scenario}`, { width, height: 900 });
      await expect.poll(() => runStateOf(page), { timeout: 90_000 }).toBe('done');
      const table = page.locator('js-funding-table');
      await table.scrollIntoViewIfNeeded();
      const first = await table.locator('tbody th[scope=row]').evaluateAll((ths) =>
        ths.map((th) => {
          const fontSize = parseFloat(getComputedStyle(th).fontSize);
          return {
            width: th.getBoundingClientRect().width,
            fontSize,
            lines: Math.round(th.getBoundingClientRect().height / (fontSize * 1.2)),
          };
        }),
      );
      // Shot first: a failure is to be looked at too.
      await elementShot(table, `narrow-funding-table-${scenario}-${width}`);
      expect(first.length).toBeGreaterThan(0);
      // At least seven characters of 13 px a line: "个人缴费 · 居民" reads on one or two lines, not nine.
      for (const th of first) expect(th.width).toBeGreaterThanOrEqual(7 * th.fontSize);
      const page_ = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(page_).toBe(0);
      // A table wider than its card says it scrolls (a faded right edge) and stops saying so at its end.
      const box = table.locator('.scroll');
      const wider = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(wider).toBe(width === 390);
      if (wider) {
        await expect.poll(() => box.getAttribute('data-more')).toBe('right');
        await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expect.poll(() => box.getAttribute('data-more')).toBe('left');
      } else expect(await box.getAttribute('data-more')).toBeNull();
      expect(errors).toEqual([]);
    }, 180_000);
});

describe('no shipped scenario runs past a phone', () => {
  // At 390 px in English the corridor's tier table and the typical case's 对比方案 select ran past their cards, and
  // with them the page, by 23 px: the key-results strip fixed at the top was cut ("ey results").
  const scenarios = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  for (const lang of ['zh', 'en'] as const)
    it(`at 390 px in ${lang}: the page is no wider than the screen, every scenario, after its run and households`, async () => {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=${scenarios[0]}`, { width: 390, height: 844 });
      await setLang(page, lang);
      const computing = lang === 'zh' ? '计算中…' : 'computing…';
      const wide: Record<string, number> = {};
      for (const id of scenarios) {
        if (id !== scenarios[0]) await page.locator('header select').selectOption(id);
        // The scenario on screen: the editor's draft, or a fund view (subsidy budget, pooling) with its figures.
        const onScreen = async () =>
          (await page.locator('js-fund-view').count())
            ? (await page.locator('js-fund-view').locator('tr[data-year], [data-total]').count()) > 0 &&
              (await page.evaluate(() => new URL(location.href).searchParams.get('scenario')))
            : page.evaluate(
                () =>
                  (JSON.parse((document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson()) as { id: string }).id,
              );
        await expect.poll(onScreen, { timeout: 60_000 }).toBe(id);
        await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
        // The household figures where the scenario's view has them (the fund views do not).
        const household = () =>
          page.locator('js-household-panel').evaluateAll((els) => els.map((e) => e.shadowRoot?.textContent ?? '').join(''));
        await expect.poll(household, { timeout: 120_000 }).not.toContain(computing);
        wide[id] = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide[id] > 390) await shot(page, `narrow-page-${id}-${lang}`);
      }
      expect(wide).toEqual(Object.fromEntries(scenarios.map((id) => [id, 390])));
      expect(errors).toEqual([]);
    }, 600_000);
});
