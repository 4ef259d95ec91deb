// The review's findings on screen (helper ui-words), in headless Chromium: a disabled button looks disabled; the
// typical case says why it refuses a negative amount and that the case shown is the last good one, draws a cost
// of 0 as bars of no height, and leaves out the basic layer no ruleset of Jiangyin has.
import { describe, expect, it } from 'vitest';
import { openPage, runStateOf, useSite } from './helpers/browser.ts';

const site = useSite();

describe('words and looks of the review', () => {
  it('撤销 with nothing to undo: opacity below 1 and cursor not-allowed; 保存 stays as it was', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const style = (name: string) =>
      page.locator('js-file-bar button', { hasText: name }).evaluate((b) => ({
        disabled: (b as HTMLButtonElement).disabled,
        opacity: getComputedStyle(b).opacity,
        cursor: getComputedStyle(b).cursor,
      }));
    expect(await style('撤销')).toEqual({ disabled: true, opacity: '0.45', cursor: 'not-allowed' });
    expect(await style('保存为文件')).toEqual({ disabled: false, opacity: '1', cursor: 'pointer' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('the typical case: −100 refused beside the field and the case marked stale; 0 drawn flat; no basic layer', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    const view = page.locator('js-typical-case');
    await expect.poll(() => view.locator('td[data-layer="cost"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // Jiangyin has no basic layer: neither the table nor the chart shows one, and a note says so.
    expect(await view.locator('td[data-layer="basic"]').count()).toBe(0);
    expect(await view.locator('[data-no-basic]').innerText()).toContain('基本医保');
    expect(
      await view
        .locator('.chart svg')
        .first()
        .evaluate((s) => s.textContent),
    ).not.toContain('基本医保');
    const amount = view.getByLabel(/年.*费用（元）/);
    const before = await view.locator('td[data-layer="cost"]').first().innerText();
    await amount.fill('-100');
    await amount.dispatchEvent('change');
    await expect.poll(() => view.locator('[data-refused="amount"]').count()).toBe(1);
    expect(await view.locator('[data-refused="amount"]').innerText()).toMatch(
      /^年.*费用须为 0 至 1,000,000,000 之间的数（输入的是“-100”）$/,
    );
    expect(await view.locator('[data-stale]').innerText()).toContain('不是刚输入的值');
    expect(await view.locator('td[data-layer="cost"]').first().innerText()).toBe(before);
    await view.screenshot({ path: '/tmp/uiwords/typical-negative.png' });
    await amount.fill('0');
    await amount.dispatchEvent('change');
    await expect.poll(() => view.locator('[data-refused]').count()).toBe(0);
    expect(await view.locator('[data-stale]').count()).toBe(0);
    await expect.poll(() => view.locator('td[data-layer="cost"]').first().innerText()).toBe('0.00 元');
    const heights = await view
      .locator('.chart svg g[aria-label="bar"] rect')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.max(...heights)).toBe(0);
    await view.screenshot({ path: '/tmp/uiwords/typical-zero.png' });
    expect(errors).toEqual([]);
  }, 120_000);
});
