// A deductible indexed to an income figure in the workbench (issue #33, scenario/income-index.ts): Jilin's track
// shows its deductible as derived (1 × 城镇居民人均可支配收入 = 26,530: the figure by its title, incomeIndex.urban.title)
// and lets its share be edited, the value following (0.5 × 26,530 = 13,265.00, by hand); the rural members' override
// is said the same way (1 × 农村居民人均纯收入 = 12,123). Screenshots go to test-output/screenshots/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, shot, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';

const site = useSite();

describe('an indexed deductible in the workbench', () => {
  it('Jilin: the deductible is shown as 1 × the urban income figure by its title, and a share of 0.5 gives 13,265', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jilin-2017`);
    const card = page.locator('js-ruleset-card').first();
    const track = page.locator('js-track-editor').first();
    const derived = track.locator('.derived');
    await expect.poll(() => derived.innerText(), { timeout: 30_000 }).toContain('26,530');
    expect(await derived.innerText()).toContain('= 1 × 城镇居民人均可支配收入 (26,530) · 由收入指标推导');
    // The file's key stays reachable: the figure's hover names it.
    expect(await derived.locator('.figure').getAttribute('title')).toBe('incomeIndex.urban');
    const rural = page.locator('js-modifier-list .derived').first();
    expect(await rural.innerText()).toBe('= 1 × 农村居民人均纯收入 (12,123) · 由收入指标推导');
    const share = track.locator('js-param-field').filter({ hasText: '起付标准占收入指标的比例' }).locator('input[type=number]');
    expect(await share.inputValue()).toBe('1');
    await derived.scrollIntoViewIfNeeded();
    await shot(page, 'indexed-deductible-zh');
    if (SHOTS_WANTED) await card.screenshot({ path: join(SHOTS, 'indexed-deductible-card-zh.png') });
    await share.fill('0.5');
    await share.press('Tab');
    await expect.poll(() => derived.innerText()).toContain('13,265');
    expect(await derived.innerText()).toContain('= 0.5 × 城镇居民人均可支配收入 (26,530)');
    // The edit is applied (a valid file): no problem banner, no error beside the deductible.
    expect(await page.locator('js-editor-panel .banner[role=alert]').count()).toBe(0);
    expect(await track.locator('.row-error').count()).toBe(0);
    await shot(page, 'indexed-deductible-zh-edited');
    // In English, the English titles.
    await page.locator('js-app-header button.lang').click();
    await expect
      .poll(() => derived.innerText())
      .toContain('= 0.5 × urban per-capita disposable income (26,530) · derived from the income figure');
    expect(await rural.innerText()).toBe('= 1 × rural per-capita net income (12,123) · derived from the income figure');
    await page.locator('js-app-header button.lang').click();
    expect(errors).toEqual([]);
  }, 120_000);
});
