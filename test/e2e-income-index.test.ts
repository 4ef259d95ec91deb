// A deductible indexed to an income figure in the workbench (issue #33, scenario/income-index.ts): Jilin's track
// shows its deductible as derived (1 × incomeIndex.urban = 26,530) and lets its share be edited, the value following
// (0.5 × 26,530 = 13,265.00, by hand). Screenshots go to test-output/screenshots/.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useSite } from './helpers/browser.ts';

const site = useSite();

describe('an indexed deductible in the workbench', () => {
  it('Jilin: the deductible is shown as 1 × the urban income figure, and a share of 0.5 gives 13,265', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jilin-2017`);
    const track = page.locator('js-track-editor').first();
    const derived = track.locator('.derived');
    await expect.poll(() => derived.innerText(), { timeout: 30_000 }).toContain('26,530');
    expect(await derived.innerText()).toContain('= 1 × 收入指标 urban (26,530) · 由收入指标推导');
    const share = track.locator('js-param-field').filter({ hasText: '起付标准占收入指标的比例' }).locator('input[type=number]');
    expect(await share.inputValue()).toBe('1');
    await derived.scrollIntoViewIfNeeded();
    await shot(page, 'indexed-deductible-zh');
    await share.fill('0.5');
    await share.press('Tab');
    await expect.poll(() => derived.innerText()).toContain('13,265');
    expect(await derived.innerText()).toContain('= 0.5 × 收入指标 urban (26,530)');
    // The edit is applied (a valid file): no problem banner, no error beside the deductible.
    expect(await page.locator('js-editor-panel .banner[role=alert]').count()).toBe(0);
    expect(await track.locator('.row-error').count()).toBe(0);
    await shot(page, 'indexed-deductible-zh-edited');
    expect(errors).toEqual([]);
  }, 120_000);
});
