// Policy variants in the workbench (issue "Policy variants"), in headless Chromium: duplicate Jiangyin's rules as
// 方案 A, lower its deductible to 15,000 and raise its top band to 85%, read the paired difference against the
// baseline with its interval, save the file, reopen it and get the same numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateText } from '../src/scenario/validate.ts';
import { openPage, runStateOf, shot, SHOTS, useSite } from './helpers/browser.ts';

const site = useSite(join(process.cwd(), 'test-output', 'site-proposals'));
const draft = (page: Page) => page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson());
const proposals = (page: Page) => page.locator('js-results-panel table.proposals');

describe('a proposal beside the baseline', () => {
  it('duplicate as 方案 A, change it, read the paired difference, save, reopen, same numbers', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await page.getByRole('button', { name: '复制为新方案' }).click();
    const cardA = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020-a' });
    await expect.poll(() => cardA.count()).toBe(1);
    expect(await cardA.locator('input.title').inputValue()).toBe('方案 A');
    // Lower 方案 A's deductible and raise its top band.
    const ded = cardA.locator('js-param-field').first().locator('input[type=number]');
    await ded.fill('15000');
    await ded.press('Tab');
    const ratios = cardA.locator('table.bands input.ratio');
    await ratios.last().fill('85');
    await ratios.last().press('Tab');
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    // The paired difference with its interval: 方案 A pays more, the interval excludes zero.
    await expect.poll(() => proposals(page).locator('tbody tr').count(), { timeout: 30_000 }).toBe(1);
    const cell = (col: string) => proposals(page).locator(`td[data-col="${col}"]`).innerText();
    const num = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
    const diff = num(await cell('payout difference'));
    const [lo, hi] = [num(await cell('95% from')), num(await cell('95% to'))];
    expect(diff).toBeGreaterThan(0);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(diff);
    expect(hi).toBeGreaterThan(diff);
    expect(await cell('loss ratio difference')).toMatch(/^\+\d+\.\d$/);
    expect(await cell('proposal')).toBe('方案 A');
    await shot(page, 'proposal-a');
    // Save, reopen in a fresh page: the same file, the same difference.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
    const file = join(SHOTS, 'proposal.json');
    await dl.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(validateText(text).problems).toEqual([]);
    const saved = JSON.parse(text);
    expect(saved.rulesets.map((r: { id: string }) => r.id)).toEqual(['jiangyin-2020', 'jiangyin-2020-a']);
    expect(saved.rulesets[1].tracks[0].deductible.value).toBe(15000);
    expect(saved.simulation.baseline).toBe('jiangyin-2020');
    const before = await draft(page);
    const shown = await cell('payout difference');
    const { page: p2 } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(p2), { timeout: 60_000 }).toBe('done');
    await p2.locator('js-file-bar input[type=file]').setInputFiles(file);
    await expect.poll(() => draft(p2)).toBe(before);
    await expect.poll(() => runStateOf(p2), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => proposals(p2).locator('td[data-col="payout difference"]').innerText(), { timeout: 30_000 }).toBe(shown);
    // English: the proposal's name is the analyst's, the buttons read in English.
    await p2.getByRole('button', { name: '切换语言' }).click();
    await expect.poll(() => proposals(p2).locator('td[data-col="proposal"]').innerText()).toBe('Proposal A');
    await shot(p2, 'proposal-a-en');
    expect(errors).toEqual([]);
    await page.close();
    await p2.close();
  });

  it('a new scenario from the template, a group with a modifier, run; and one from Jilin’s rules', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await page.getByRole('button', { name: '新建情景' }).click();
    const dialog = page.locator('js-editor-panel .new');
    await dialog.locator('input.new-name').fill('无锡 2027 测算');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(async () => JSON.parse(await draft(page)).title.zh).toBe('无锡 2027 测算');
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    // A group for the members, then a modifier for it in the ruleset: halved deductible, +5 points.
    await page.getByRole('button', { name: '增加分组' }).click();
    await expect.poll(async () => JSON.parse(await draft(page)).populations[0].groups.length).toBe(1);
    await page.locator('js-ruleset-card select[aria-label="增加分组优惠："]').selectOption('group-1');
    await expect
      .poll(async () => JSON.parse(await draft(page)).rulesets[0].modifiers)
      .toEqual([{ group: 'group-1', deductibleFactor: 0.5, ratioAdd: 0.05, assumption: 'added in the workbench' }]);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    expect(await page.locator('js-editor-panel .banner').count()).toBe(0);
    // Undo walks back the modifier, then the group.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => JSON.parse(await draft(page)).rulesets[0].modifiers.length).toBe(0);
    await page.getByRole('button', { name: '重做' }).click();
    await shot(page, 'new-scenario-template');
    // From Jilin's rules.
    await page.getByRole('button', { name: '新建情景' }).click();
    await dialog.locator('input.new-name').fill('Jilin variant');
    await dialog.locator('select.new-from').selectOption('jilin-2017');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(async () => JSON.parse(await draft(page)).id).toBe('jilin-variant');
    expect(JSON.parse(await draft(page)).rulesets[0].corridor).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });
});
