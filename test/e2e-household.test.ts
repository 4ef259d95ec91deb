// The household layer in the workbench (issue #33), in headless Chromium: Suzhou 2021's results show per ruleset the
// out-of-pocket after every layer, catastrophic spending at 10% / 25% of income and the impoverished, with
// intervals and the proposals' paired differences; the typical case (典型病例) puts one person through every layer
// of the baseline and a proposal as a waterfall, to the fen as rules/typical-case.ts settles it.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { incomeFromMeanGini } from '../src/math/income.ts';
import { typicalCase } from '../src/rules/typical-case.ts';
import { defaultTypicalPerson } from '../src/report/typical-default.ts';
import { formatYuan } from '../src/report/format.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { ROOT } from './helpers/golden.ts';
import { openPage, shot, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';
import { readWorkbook } from './helpers/xlsx.ts';

const site = useSite();

/** The whole page (shot) and the household panel alone, to look at closely. */
async function shots(page: Page, name: string) {
  await shot(page, name);
  if (SHOTS_WANTED) await page.locator('js-household-panel').screenshot({ path: join(SHOTS, `${name}-panel.png`) });
}
const suzhou = requireScenario(JSON.parse(readFileSync(join(ROOT, 'scenarios/suzhou-2021.json'), 'utf8')));
const panel = (page: Page) => page.locator('js-household-panel');
const typical = (page: Page) => page.locator('js-typical-case');

/** What the typical case should show: the same person settled here (self-pay at the population's ratio, to the fen). */
function expected(ruleset: string, group: string[], amount: number, income: number) {
  const pop = suzhou.populations[0];
  const selfPay = (pop.selfPay.ratio!.value * amount).toFixed(2);
  const compliant = (pop.selfPay.compliantShare.value * Number(selfPay)).toFixed(2);
  const r = suzhou.rulesets.find((x) => x.id === ruleset)!;
  return typicalCase(
    r,
    group,
    { selfBurden: String(amount), selfPay, compliantSelfPay: compliant },
    income,
    suzhou.household!.povertyLine.value,
  );
}

describe('households in the workbench', () => {
  it('Suzhou 2021: indicators with intervals and paired differences, and the typical case as a waterfall', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-2021`);
    const rows = panel(page).locator('table.household tbody tr[data-ruleset]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => panel(page).locator('table.household tr.diff').count()).toBe(2);
    // Shares with their ± half-width, as percentages; the 8,000-deductible proposal lowers catastrophic spending
    // at 25% of income: its paired difference (in percentage points, with the unit) and both ends of its interval
    // are negative. The interval stands on the line under its figure.
    const base = await rows.first().locator('td').allInnerTexts();
    expect(base[2]).toMatch(/^\d+\.\d\d%\n±\d+\.\d\d%$/);
    expect(base[3]).toMatch(/^\d+\.\d\d%\n±\d+\.\d\d%$/);
    const ded8k = await panel(page).locator('tr.diff[data-diff="suzhou-2021-ded8k"] td').allInnerTexts();
    expect(ded8k[3]).toMatch(/^-\d+\.\d{3} 百分点\n\[-\d+\.\d{3}, -\d+\.\d{3}\]$/);

    // The typical case starts from the person the briefing and `run --out` take (report/typical-default.ts):
    // employees, the assistance group, income at the group's median, 100,000 of self-burden. The third layer pays
    // (assumed 70% of what critical illness leaves).
    const cell = (layer: string, i: number) => typical(page).locator(`td[data-layer="${layer}"]`).nth(i).innerText();
    expect(defaultTypicalPerson(suzhou)).toMatchObject({ population: suzhou.populations[0].id, group: 'assistance' });
    expect(await typical(page).getByLabel('分组').inputValue()).toBe('assistance');
    const incomeA = Math.round(Math.exp(suzhou.populations[0].groups[0].income!.mu.value));
    await expect.poll(() => typical(page).locator('input[type=number]').first().inputValue()).toBe(String(incomeA));
    const wantA = expected('suzhou-2021', ['assistance'], 100_000, incomeA);
    expect(Number(wantA.assistance)).toBeGreaterThan(0);
    await expect.poll(() => cell('assistance', 0)).toBe(formatYuan(wantA.assistance));
    expect(await cell('outOfPocket', 0)).toBe(formatYuan(wantA.outOfPocket));
    expect(await typical(page).locator('.chart svg').count()).toBeGreaterThan(0);
    // A general member: income at the population's median; critical illness alone below basic.
    await typical(page).getByLabel('分组').selectOption('');
    const income = Math.round(Math.exp(suzhou.populations[0].income!.mu.value));
    await expect.poll(() => typical(page).locator('input[type=number]').first().inputValue()).toBe(String(income));
    const want = expected('suzhou-2021', [], 100_000, income);
    const proposal = expected('suzhou-2021-combined-35k', [], 100_000, income);
    await expect.poll(() => cell('criticalIllness', 0)).toBe(formatYuan(want.criticalIllness));
    expect(await cell('outOfPocket', 0)).toBe(formatYuan(want.outOfPocket));
    expect(await cell('outOfPocket', 1)).toBe(formatYuan(proposal.outOfPocket));
    // Back to the assistance recipient, whom the exports below carry.
    await typical(page).getByLabel('分组').selectOption('assistance');
    await expect.poll(() => typical(page).locator('input[type=number]').first().inputValue()).toBe(String(incomeA));
    await expect.poll(() => cell('assistance', 0)).toBe(formatYuan(wantA.assistance));
    await typical(page).scrollIntoViewIfNeeded();
    await shots(page, 'household-1440-zh');
    // The waterfall exports as the charts do: its CSV holds each layer of the person shown, to the fen.
    const [csv] = await Promise.all([page.waitForEvent('download'), typical(page).getByRole('button', { name: /^CSV/ }).click()]);
    expect(csv.suggestedFilename()).toBe('typical-case.csv');
    const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n');
    expect(lines).toContain(`${suzhou.rulesets[0].title.zh},医疗救助,-${wantA.assistance}`);
    expect(lines).toContain(`${suzhou.rulesets[0].title.zh},个人自付,${wantA.outOfPocket}`);
    // 导出 Excel and 导出简报 carry the household figures shown and the same person's case (run finished first).
    await expect.poll(() => page.getByRole('button', { name: '导出 Excel' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    const [xl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const book = readWorkbook(new Uint8Array(readFileSync((await xl.path())!)));
    expect(book.map((x) => x.name)).toEqual(expect.arrayContaining(['家庭负担', '家庭负担差值', '典型病例']));
    const sheet = book.find((x) => x.name === '典型病例')!;
    const assist = sheet.rows.find((r) => r?.[0]?.value === '医疗救助')!;
    expect(assist[1]!.value).toBe(Number(wantA.assistance));
    const [doc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出简报' }).click()]);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await doc.path())!)))['word/document.xml']);
    expect(xml).toContain('家庭负担与因病致贫');
    expect(xml).toContain(`年收入 ${incomeA.toLocaleString('zh-CN')} 元（收入分布的中位数）`);
    expect(xml).toContain(Number(wantA.assistance).toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
    expect(xml).toMatch(/<wp:docPr [^>]*name="典型病例：逐层支付（元）"/);

    // In English: the same figures under English words.
    await page.locator('js-app-header button.lang').click();
    await expect.poll(() => panel(page).locator('h3').first().innerText()).toBe('Households: out-of-pocket after all three layers');
    await expect.poll(() => typical(page).locator('h3').innerText()).toBe('Typical case');
    await shots(page, 'household-1440-en');
    // Back to Chinese: the language is kept across pages of the origin.
    await page.locator('js-app-header button.lang').click();
    await expect.poll(() => typical(page).locator('h3').innerText()).toBe('典型病例');
    expect(errors).toEqual([]);
  });

  it("the editor: removing and adding a ruleset's assistance and a population's income change the figures; Ctrl+Z restores them", async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-2021`);
    const row = (id: string) => panel(page).locator(`table.household tbody tr[data-ruleset="${id}"]`);
    await expect.poll(() => row('suzhou-2021-ded8k').count(), { timeout: 60_000 }).toBe(1);
    const cells = async (id: string) => (await row(id).locator('td').allInnerTexts()).map((c) => c.trim());
    // The assistance's burden reduction found by its header, not its place (capacity to pay adds a column where a
    // population gives spending).
    const headers = (await panel(page).locator('table.household').first().locator('thead th').allInnerTexts()).map((h) => h.trim());
    const assist = headers.indexOf('医疗救助减负率');
    expect(assist, headers.join(' | ')).toBeGreaterThan(0);
    const r0 = await row('suzhou-2021-ded8k').innerText();
    const base0 = await row('suzhou-2021').innerText();
    const baseCells0 = await cells('suzhou-2021');
    /** The row once the household figures of the edited file are in (they clear while they are computed). */
    const settled = async (id: string, not: string) => {
      await expect.poll(async () => ((await row(id).count()) ? row(id).innerText() : not), { timeout: 60_000 }).not.toBe(not);
      return row(id).innerText();
    };
    const card = page.locator('js-ruleset-card').filter({ hasText: 'suzhou-2021-ded8k' });
    const editor = card.locator('js-assistance-editor');
    // Remove the proposal's assistance: its assistance reduction falls to 0.0%, the baseline's row is untouched.
    await editor.getByRole('button', { name: '删除医疗救助' }).click();
    const r1 = await settled('suzhou-2021-ded8k', r0);
    expect((await cells('suzhou-2021-ded8k'))[assist]).toBe('0.0%');
    expect(await row('suzhou-2021').innerText()).toBe(base0);
    // Add it back from the editor: recipients ticked from the populations' tags (the 'assistance' group), no deductible,
    // 70%, a 50,000-yuan cap — each marked as added.
    await editor.getByRole('button', { name: '添加医疗救助' }).click();
    await expect.poll(() => editor.locator('js-param-field').count()).toBe(3);
    expect(await editor.locator('input[type=checkbox]').first().isChecked()).toBe(true);
    const rate = editor.locator('js-param-field').nth(1).locator('input[type=number]');
    expect(await rate.inputValue()).toBe('70');
    await settled('suzhou-2021-ded8k', r1);
    expect(Number((await cells('suzhou-2021-ded8k'))[assist].replace('%', ''))).toBeGreaterThan(0);
    // A bad value is named where it is: a rate of 150% is refused at its JSON path, the figures stay.
    await rate.fill('150');
    await rate.press('Tab');
    await expect.poll(() => editor.locator('js-param-field').nth(1).locator('.error').innerText()).toMatch(/1/);
    await page.locator('js-app-header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.locator('js-param-field').nth(1).locator('.error').count()).toBe(0);
    await shots(page, 'household-edit-assistance-1440-zh');
    if (SHOTS_WANTED) {
      await editor.scrollIntoViewIfNeeded();
      await editor.screenshot({ path: join(SHOTS, 'household-edit-assistance-1440-zh-editor.png') });
      const settings = page.locator('js-household-settings');
      await settings.scrollIntoViewIfNeeded();
      await settings.screenshot({ path: join(SHOTS, 'household-edit-settings-1440-zh.png') });
    }

    // The employees' income from a mean of 30,000 yuan and a Gini of 0.40 (math/income.ts, one edit): μ and σ as
    // the closed form gives them (σ = √2·Φ⁻¹(0.70), μ = ln 30000 − σ²/2), catastrophic spending rises.
    const income = page.locator('js-population-card').first().locator('js-income-editor.population-income');
    await income.getByLabel('人均可支配收入（元） 收入').fill('30000');
    await income.getByLabel('基尼系数 收入').fill('0.4');
    await income.getByRole('button', { name: '据此设定 μ、σ 收入' }).click();
    const want = incomeFromMeanGini(30000, 0.4);
    const mu = income.locator('js-param-field').nth(0).locator('input[type=number]');
    const sigma = income.locator('js-param-field').nth(1).locator('input[type=number]');
    await expect.poll(() => mu.inputValue()).toBe(String(Number(want.mu.toFixed(4))));
    expect(await sigma.inputValue()).toBe(String(Number(want.sigma.toFixed(4))));
    expect(await income.locator('.chip.edited').count()).toBeGreaterThan(0);
    await settled('suzhou-2021', base0);
    const after = await cells('suzhou-2021');
    expect(parseFloat(after[2])).toBeGreaterThan(parseFloat(baseCells0[2]));
    await income.scrollIntoViewIfNeeded();
    await shots(page, 'household-edit-income-1440-zh');
    // In English, the same editors in English words.
    await page.locator('js-app-header button.lang').click();
    await expect.poll(() => editor.locator('h4').textContent()).toContain('Medical assistance');
    await income.scrollIntoViewIfNeeded();
    await shots(page, 'household-edit-1440-en');
    if (SHOTS_WANTED) {
      await editor.scrollIntoViewIfNeeded();
      await editor.screenshot({ path: join(SHOTS, 'household-edit-assistance-1440-en-editor.png') });
    }
    await page.locator('js-app-header button.lang').click();
    await expect.poll(() => editor.locator('h4').textContent()).toContain('医疗救助');

    // Undo: the income (one step), the added assistance, the removal — the figures as the file gave them.
    await page.locator('js-app-header h1').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect
      .poll(async () => ((await row('suzhou-2021').count()) ? row('suzhou-2021').innerText() : ''), { timeout: 60_000 })
      .toBe(base0);
    await expect
      .poll(async () => ((await row('suzhou-2021-ded8k').count()) ? row('suzhou-2021-ded8k').innerText() : ''), { timeout: 60_000 })
      .toBe(r0);
    expect(errors).toEqual([]);
  }, 240_000);

  it('at 390 px the household editors fit the page', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-2021`, { width: 390, height: 900 });
    const income = page.locator('js-population-card').first().locator('js-income-editor.population-income');
    await expect.poll(() => income.locator('js-param-field').count(), { timeout: 60_000 }).toBe(2);
    const editor = page.locator('js-ruleset-card').first().locator('js-assistance-editor');
    await expect.poll(() => editor.locator('js-param-field').count()).toBe(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await income.scrollIntoViewIfNeeded();
    if (SHOTS_WANTED) await income.screenshot({ path: join(SHOTS, 'household-edit-390-zh-income.png') });
    await editor.scrollIntoViewIfNeeded();
    if (SHOTS_WANTED) await editor.screenshot({ path: join(SHOTS, 'household-edit-390-zh-assistance.png') });
    expect(errors).toEqual([]);
  });

  it('at 390 px the household table scrolls inside its panel and the typical case fits', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`, { width: 390, height: 900 });
    await expect.poll(() => panel(page).locator('table.household tbody tr[data-ruleset]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => typical(page).locator('.chart svg').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shots(page, 'household-390-zh');
    expect(errors).toEqual([]);
  });
});
