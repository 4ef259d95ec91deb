// Policy variants in the workbench (issue "Policy variants"), in headless Chromium: duplicate Jiangyin's rules as
// 方案 A, lower its deductible to 15,000 and raise its top band to 85%, read the paired difference against the
// baseline with its interval, save the file, reopen it and get the same numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateText } from '../src/scenario/validate.ts';
import { openPage, runStateOf, shot, SHOTS, useSite } from './helpers/browser.ts';

const site = useSite();
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
    const ded = cardA.locator('js-track-editor js-param-field').first().locator('input[type=number]');
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
    // Opened while the page's own scenario is still running: the file's run replaces that one.
    const { page: p2, errors: e2 } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await p2.locator('js-file-bar input[type=file]').setInputFiles(file);
    await expect.poll(() => draft(p2)).toBe(before);
    await expect.poll(() => runStateOf(p2), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => proposals(p2).locator('td[data-col="payout difference"]').innerText(), { timeout: 30_000 }).toBe(shown);
    // English: the proposal's name is the analyst's, the buttons read in English.
    await p2.getByRole('button', { name: '切换语言' }).click();
    await expect.poll(() => proposals(p2).locator('td[data-col="proposal"]').innerText()).toBe('Proposal A');
    await shot(p2, 'proposal-a-en');
    expect([...errors, ...e2]).toEqual([]);
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
  });

  it('authors the rules: a track, a cap, a modifier field, a population and a group renamed, copied and removed, a note on a change', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const json = async () => JSON.parse(await draft(page));
    const payout = async () =>
      Number(
        (await page.locator('td[data-ruleset="jiangyin-2020"][data-metric="expected payout (analytic)"]').innerText()).replace(
          /[^\d.]/g,
          '',
        ),
      );
    // Rename what a person reads: the population and its group; the modifier list reads the new group name.
    const pop = page.locator('js-population-card').first();
    await pop.locator('input.title').fill('江阴职工与居民');
    await pop.locator('input.title').press('Tab');
    await pop.locator('input.name').first().fill('救助对象');
    await pop.locator('input.name').first().press('Tab');
    await expect.poll(async () => (await json()).populations[0].groups[0].title.zh).toBe('救助对象');
    expect((await json()).populations[0].title.zh).toBe('江阴职工与居民');
    const card = page.locator('js-ruleset-card').first();
    await expect.poll(() => card.locator('js-modifier-list strong').first().innerText()).toBe('救助对象');
    // …and the ruleset, in the page's language only.
    await card.locator('input.title').fill('江阴 2020 试算方案');
    await card.locator('input.title').press('Tab');
    await expect
      .poll(async () => (await json()).rulesets[0].title)
      .toEqual({ zh: '江阴 2020 试算方案', en: 'Jiangyin critical-illness insurance 2020' });
    // A compliant self-pay track pays more; a cap (twice the highest band edge) pays less.
    const p0 = await payout();
    await card.locator('select[aria-label="增加支付项："]').selectOption('compliantSelfPay');
    await expect
      .poll(async () => (await json()).rulesets[0].tracks.map((t: { base: string }) => t.base))
      .toEqual(['selfBurden', 'compliantSelfPay']);
    await expect.poll(payout).toBeGreaterThan(p0);
    const p1 = await payout();
    await card.getByRole('button', { name: '＋ 设封顶线' }).click();
    await expect.poll(async () => (await json()).rulesets[0].cap).toEqual({ value: 200000, assumption: 'added in the workbench' });
    await expect.poll(payout).toBeLessThan(p1);
    // A cap override for the assistance group's modifier.
    await card.locator('js-modifier-list select').first().selectOption('cap');
    await expect.poll(async () => (await json()).rulesets[0].modifiers[0].cap).toBe(300000);
    // Copy the population, then remove the copy.
    await pop.getByRole('button', { name: '复制为新人群' }).click();
    await expect.poll(() => page.locator('js-population-card').count()).toBe(2);
    await page.locator('js-population-card').nth(1).getByRole('button', { name: '删除人群' }).click();
    await expect.poll(() => page.locator('js-population-card').count()).toBe(1);
    // Removing the group takes its modifier with it (it would not validate); undo brings both back.
    await pop.getByRole('button', { name: /删除分组/ }).click();
    await expect.poll(async () => (await json()).rulesets[0].modifiers.length).toBe(0);
    expect((await json()).populations[0].groups).toEqual([]);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await json()).rulesets[0].modifiers.length).toBe(1);
    // Who and why, beside the change in the diff view; it is saved in the value's provenance.
    await page.getByRole('button', { name: /修改对照/ }).click();
    const note = page.locator('js-diff-view input[aria-label="修改说明 rulesets[0].cap"]');
    await note.fill('李雷：试算封顶 20 万');
    await note.press('Tab');
    await expect.poll(async () => (await json()).rulesets[0].cap.assumption).toBe('added in the workbench — note: 李雷：试算封顶 20 万');
    await expect.poll(() => note.inputValue()).toBe('李雷：试算封顶 20 万');
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    expect(await page.locator('js-editor-panel .banner').count()).toBe(0);
    expect(validateText(await draft(page)).problems).toEqual([]);
    await shot(page, 'author-rules');
    await page.getByRole('button', { name: '切换语言' }).click();
    await expect.poll(() => card.locator('js-modifier-list strong').first().innerText()).toBe('medical-assistance recipients');
    await shot(page, 'author-rules-en');
    expect(errors).toEqual([]);
  });
});
