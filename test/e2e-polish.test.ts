// Issue #31 on screen, in the built site: the proposals table fits a 1440-px window in English; the terms an
// analyst does not use carry one line of plain words on hover; sources name their documents; the year-by-year
// projection (run --years) runs from the workbench into a table and charts, at 390 and 1440 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, runStateOf, shot, useSite } from './helpers/browser.ts';

const site = useSite();

async function setLang(page: Page, lang: 'zh' | 'en') {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (!now.startsWith(lang)) await page.locator('js-app-header button.lang').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(lang === 'zh' ? /^zh/ : /^en/);
}

describe('polish of issue #31', () => {
  it('at 1440 px in English the proposals table shows every column; the 亏损概率 rows and μ/σ/α say what they are', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=compare-regions`, { width: 1440, height: 900 });
    await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
    await setLang(page, 'en');
    const table = page.locator('js-results-panel table.proposals');
    await table.scrollIntoViewIfNeeded();
    // Nothing of it hidden to the right: its scroll width is its width, and its last header is "its difference".
    const fit = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, right: t.getBoundingClientRect().right }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.right).toBeLessThanOrEqual(1440);
    await expect.poll(() => table.locator('caption').innerText()).toContain('Baseline: Jiangyin critical-illness insurance 2020');
    await shot(page, 'polish-proposals-1440-en');
    await setLang(page, 'zh');
    const hint = (label: string) => page.locator('js-results-table tbody th', { hasText: label }).first().getAttribute('title');
    expect(await hint('亏损概率（精确）')).toContain('精确赔付分布');
    expect(await hint('亏损概率（赔付率 > 100%）')).toContain('蒙特卡洛');
    expect(await hint('承办机构亏损概率')).toContain('风险调节');
    expect(await hint('精确分布与蒙特卡洛（标准误之差）')).toContain('标准误');
    // The severity's μ in the population card: its meaning, then its path.
    const mu = page.locator('js-population-card js-param-field[title*="severity.mu"]').first();
    expect(await mu.getAttribute('title')).toMatch(/^μ：费用取对数后的平均值.* · severity\.mu$/);
    // m 自 (%) of a corridor tier.
    expect(await page.locator('js-tier-table th', { hasText: 'm 自' }).first().getAttribute('title')).toContain('盈亏率');
    // A source chip names its document, never "seed 001".
    const sources = await page.locator('.chip.source').evaluateAll((chips) => chips.map((c) => c.getAttribute('title') ?? ''));
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s).not.toMatch(/\bseed \d{3}/);
    expect(sources.some((s) => s.includes('澄政办发〔2020〕34号'))).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);

  for (const [width, lang] of [
    [390, 'zh'],
    [1440, 'en'],
  ] as const)
    it(`the year-by-year projection at ${width} px in ${lang}: three years of every ruleset, their charts, within the page`, async () => {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`, { width, height: 900 });
      await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
      await setLang(page, lang);
      const panel = page.locator('js-years-panel');
      await panel.scrollIntoViewIfNeeded();
      await panel.locator('input[type=number]').fill('3');
      await panel.locator('input[type=number]').dispatchEvent('change');
      await panel.locator('button.project').click();
      await expect.poll(() => panel.locator('tr[data-year]').count(), { timeout: 120_000 }).toBe(3); // one ruleset
      const years = await panel.locator('tr[data-year]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-year')));
      expect(years).toEqual(['2020', '2021', '2022']);
      // Year 1 is the scenario as it stands: its premium is the results table's (3,341.3 万元: 49.5 yuan × 1,350,000
      // insured × 6 of 12 months).
      const premium = await panel.locator('tr[data-year="2020"] td').nth(2).innerText();
      expect(premium).toBe('3,341.3');
      await expect.poll(() => panel.locator('js-chart[data-chart="yearsPayout"] svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await panel.locator('js-chart').count()).toBe(3);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(over).toBe(0);
      await panel.screenshot({ path: `test-output/screenshots/polish-years-${width}-${lang}.png` }).catch(() => undefined);
      // An edit takes the projection off the screen (it was the old scenario's).
      const field = page.locator('js-ruleset-card js-track-editor js-param-field input[type=number]').first();
      await field.fill('20000');
      await field.dispatchEvent('change');
      await expect.poll(() => panel.locator('tr[data-year]').count(), { timeout: 20_000 }).toBe(0);
      expect(errors).toEqual([]);
    }, 300_000);
});
