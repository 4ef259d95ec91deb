// A parameter field in real Chromium (review of the workbench: flow-bad-value, undo-after-invalid,
// drag-jilin-2017-card). A rejected value changes nothing but the field's text and its message: the band label and
// the slider stay on the applied value, and the slider's step grid where a fresh page has it. Undo takes a
// rejected value back to the applied one; a drag let go where it started marks nothing (Chromium sends no
// `change` then).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstField, openPage, runStateOf, shot, useSite } from './helpers/browser.ts';

const site = useSite();

const sliderOf = (field: Locator) =>
  field.locator('input[type=range]').evaluate((s) => {
    const r = s as HTMLInputElement;
    return { min: r.min, max: r.max, step: r.step, value: r.value };
  });
const bandLabel = (page: Page) => page.locator('js-ruleset-card table.bands tbody tr').first().locator('td').first().innerText();
const chips = (field: Locator) => field.locator('label').innerText();
const draftValue = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('js-app') as unknown as { wb: { draft: { rulesets: { tracks: { deductible: { value: number } }[] }[] } } }).wb
        .draft.rulesets[0].tracks[0].deductible.value,
  );

async function enter(field: Locator, text: string) {
  const exact = field.locator('input[type=number]');
  await exact.fill(text);
  await exact.press('Enter');
}

describe('a value the validator rejects, undo, and a drag back to where it started', () => {
  it('Jiangyin: −5 leaves the band label, the slider and its grid as applied; 30000 then → gives 30500', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const field = firstField(page, 'jiangyin-2020');
    const fresh = await sliderOf(field);
    expect(fresh).toEqual({ min: '0', max: '100000', step: '500', value: '18000' });
    expect(await bandLabel(page)).toMatch(/^18,000 –/);

    await enter(field, '-5');
    await expect.poll(() => field.locator('.error').innerText()).toBe('不能为负数');
    expect(await field.locator('input[type=number]').inputValue()).toBe('-5');
    expect(await bandLabel(page)).toMatch(/^18,000 –/);
    expect(await sliderOf(field)).toEqual(fresh);
    expect(await chips(field)).not.toContain('已修改');
    await field.scrollIntoViewIfNeeded();
    await shot(page, 'value-edits-rejected');

    await enter(field, '30000');
    await expect.poll(() => bandLabel(page)).toMatch(/^30,000 –/);
    expect((await sliderOf(field)).value).toBe('30000');
    await field.locator('input[type=range]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => draftValue(page)).toBe(30_500);
    expect(errors).toEqual([]);
  }, 120_000);

  it('20000, −5, 20000: one 撤销 back to 18000; Ctrl+Z with −5 showing restores the applied value and clears the message', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const field = firstField(page, 'jiangyin-2020');
    const exact = field.locator('input[type=number]');
    const undo = page.getByRole('button', { name: '撤销' });
    await enter(field, '20000');
    await expect.poll(() => draftValue(page)).toBe(20_000);
    await enter(field, '-5');
    await expect.poll(() => draftValue(page)).toBe(-5);
    await enter(field, '20000');
    await expect.poll(() => draftValue(page)).toBe(20_000);
    await undo.click();
    await expect.poll(() => exact.inputValue()).toBe('18000');
    expect(await undo.isDisabled()).toBe(true);

    await enter(field, '-5');
    await expect.poll(() => field.locator('.error').count()).toBe(1);
    await page.locator('js-app-header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => exact.inputValue()).toBe('18000');
    expect(await field.locator('.error').count()).toBe(0);
    expect(await page.locator('js-app .banner').count()).toBe(0);
    expect(await undo.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('Jilin: a drag of the indexed share let go where it started records nothing and marks nothing', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jilin-2017`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const field = firstField(page, 'jilin-2017');
    const slider = field.locator('input[type=range]');
    expect((await sliderOf(field)).value).toBe('1');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const at = (f: number) => page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
    await at(0.3);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await at(0.3 + i * 0.02);
    await page.mouse.up();
    await expect.poll(() => sliderOf(field).then((s) => s.value)).toBe('1');
    // The drag's live steps went through other values (and marked the share while they lasted).
    await expect.poll(() => chips(field)).not.toContain('已修改');
    expect(await page.getByRole('button', { name: '撤销' }).isDisabled()).toBe(true);
    await shot(page, 'value-edits-jilin-drag');
    expect(errors).toEqual([]);
  }, 120_000);
});
