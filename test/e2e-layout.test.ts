// Layout at the widths the review looked at (#ui-review): the household table fits at 1440 and 1920 px and, where it
// cannot (390 px), shows that it scrolls; no cell is clipped. Charts are drawn at the width they are shown (their
// text at its own size on a phone) and exported at their own. Chinese headers break between words, not inside one.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { svgSize } from '../src/report/charts/standalone.ts';
import { openPage, runStateOf, shot, useSite } from './helpers/browser.ts';

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

/** The chart's drawn width, the width it takes on screen, and the smallest axis text as rendered (px). */
const chartShown = (chart: Locator) =>
  chart.evaluate((el) => {
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[class*="plot"]')!;
    const drawn = Number(svg.getAttribute('width'));
    const shown = svg.getBoundingClientRect().width;
    const text = [...svg.querySelectorAll('g[aria-label$="tick label"] text')].map((t) => t.getBoundingClientRect().height);
    // Each premium label's box: three rulesets' labels must not print over each other.
    const premiums = [...svg.querySelectorAll('text')]
      .filter((t) => /^(保费|premium)$/.test(t.textContent ?? ''))
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
    return { drawn, shown, host: el.clientWidth, tickText: text.length ? Math.min(...text) : 0, premiums };
  });

const exportedSvgWidth = async (page: Page, chart: Locator) => {
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /^SVG/ }).click()]);
  return svgSize(readFileSync((await svg.path())!, 'utf8')).width;
};

describe('charts at the width they are shown', () => {
  it('390 px: the payout distribution is drawn 336 px wide with its text unscaled, labels apart; its SVG as at 1440', async () => {
    const widths: number[] = [];
    for (const width of [390, 1440]) {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=compare-regions`, { width, height: 900 });
      await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
      const chart = page.locator('js-chart[data-chart="payout"]');
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => chart.locator('svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(async () => (await chartShown(chart)).premiums.length, { timeout: 20_000 }).toBe(3);
      const c = await chartShown(chart);
      if (width === 390) {
        await chart.screenshot({ path: `${process.cwd()}/test-output/screenshots/layout-payout-390.png` }).catch(() => {});
        // Drawn in the room it has, not 600 px shrunk to it: 12-px tick labels read about 12 px (they read 7).
        expect(c.drawn).toBe(c.host);
        expect(c.drawn).toBeLessThan(400);
      } else expect(c.drawn).toBe(600);
      expect(Math.abs(c.shown - c.drawn)).toBeLessThan(1);
      expect(c.tickText).toBeGreaterThanOrEqual(11);
      for (const [i, a] of c.premiums.entries())
        for (const b of c.premiums.slice(i + 1))
          expect(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left, JSON.stringify([a, b])).toBe(true);
      widths.push(await exportedSvgWidth(page, chart));
      expect(errors).toEqual([]);
    }
    // The export (briefing papers) keeps the chart's own width whatever the screen.
    expect(widths[0]).toBe(widths[1]);
    expect(widths[0]).toBeGreaterThanOrEqual(600);
  }, 300_000);
});

/** The words of header and name cells that the line breaks cut in two. */
const brokenWords = (cells: Locator) =>
  cells.evaluateAll((els) =>
    els.flatMap((el) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        // Words end at spaces, after Chinese punctuation, before an opening bracket and where Chinese gives way to
        // a figure (header-words.ts): "苏州：" / "合并口径起付线" / "3.5万", "大病保险" / "（假设方案）".
        let at = 0;
        for (const word of text.split(/(\s+)|(?<=[：，、·])|(?=[（(])|(?<=[\u3400-\u9fff])(?=\d)/)) {
          if (word === undefined) continue;
          const start = at;
          at += word.length;
          if (!word.trim()) continue;
          const r = document.createRange();
          r.setStart(n, start);
          r.setEnd(n, at);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) broken.push(word);
        }
      }
      return broken;
    }),
  );

describe('Chinese headers at 1440 px', () => {
  it('Suzhou 2021: the proposals and years tables break headers and names between words only, and fit', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-2021`, { width: 1440, height: 1000 });
    await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
    const proposals = page.locator('js-results-panel table.proposals');
    await expect.poll(() => proposals.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await proposals.scrollIntoViewIfNeeded();
    await shot(page, 'layout-proposals-1440-zh');
    expect(await brokenWords(proposals.locator('th, td.name'))).toEqual([]);
    expect(await proposals.evaluate((t) => t.scrollWidth - t.clientWidth)).toBe(0);
    const years = page.locator('js-years-panel');
    await years.scrollIntoViewIfNeeded();
    await years.locator('input[type=number]').fill('2');
    await years.locator('input[type=number]').dispatchEvent('change');
    await years.locator('button.project').click();
    await expect.poll(() => years.locator('tr[data-year]').count(), { timeout: 120_000 }).toBe(6);
    await expect.poll(() => years.locator('thead th').allInnerTexts(), { timeout: 120_000 }).toContain('自付超过收入10%');
    await years.locator('table').scrollIntoViewIfNeeded();
    await shot(page, 'layout-years-1440-zh');
    expect(await brokenWords(years.locator('th, td.name'))).toEqual([]);
    expect(await years.locator('.scroll').evaluate((b) => b.scrollWidth - b.clientWidth)).toBe(0);
    const household = page.locator('js-household-panel table.household');
    await expect.poll(() => household.locator('tr.diff').count(), { timeout: 60_000 }).toBe(2);
    expect(await brokenWords(household.locator('th'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
