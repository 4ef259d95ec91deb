// Excel both ways in the workbench (issue #31), in headless Chromium with downloads captured: 导出 Excel gives one
// .xlsx whose figures are typed numbers with formats and equal the run on screen (in 万元, to the fen), headers in
// Chinese, rulesets by title; bands pasted as tab-separated text are previewed beside what the track has, a bad
// row is named by row and column, applying is one edit that undo takes back. Screenshots of the import preview at
// 390 and 1440 px (test-output/screenshots/excel-import-*.png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstField, openPage, shot, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';
import { readWorkbook } from './helpers/xlsx.ts';

const site = useSite();
const done = (page: Page) =>
  expect.poll(() => page.locator('js-run-status span.state').innerText(), { timeout: 90_000 }).toMatch(/模拟完成/);

describe('Excel in the workbench', () => {
  it('导出 Excel: one workbook, typed numbers equal to the run to the fen (万元), Chinese headers, the charts’ data', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    await done(page);
    // The last chart, drawn once scrolled to: every chart's data is ready.
    await page.locator('js-chart[data-chart="breakdown"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('js-chart[data-chart="breakdown"] svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(dl.suggestedFilename()).toBe('compare-regions-结果.xlsx');
    const book = readWorkbook(new Uint8Array(readFileSync((await dl.path())!)));
    const result = JSON.parse(
      await page.evaluate(() =>
        JSON.stringify((document.querySelector('js-app') as unknown as { wb: { run: { result: unknown } } }).wb.run.result),
      ),
    );
    const draft = JSON.parse(
      await page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson()),
    );
    expect(book[0].name).toBe('概要');
    expect(book.map((s) => s.name)).toEqual(expect.arrayContaining(['主要指标', '保费来源', '方案与基准比较', '假设']));
    const drawn = await page.locator('js-charts-panel js-chart svg').count();
    expect(book.filter((s) => s.name.startsWith('图·')).length).toBeGreaterThanOrEqual(Math.min(drawn, 5));
    for (const s of book) {
      expect(s.frozenRows, s.name).toBe(2);
      expect(
        s.rows.slice(3).some((r) => r?.some((c) => c?.type === 'n')),
        s.name,
      ).toBe(true);
    }
    const ind = book.find((s) => s.name === '主要指标')!;
    expect(ind.rows[2]![1]!.value).toBe('保费 (万元)');
    for (const [i, r] of result.rulesets.entries()) {
      const row = ind.rows[3 + i]!;
      expect(row[0]!.value).toBe(draft.rulesets[i].title.zh);
      // 万元 holding the fen: yuan rounded to the fen, divided by 10⁴.
      expect(row[1]).toMatchObject({ type: 'n', value: Math.round(r.premium * 100) / 1e6, fmt: '#,##0.00' });
      expect(row[2]).toMatchObject({ type: 'n', value: Math.round(r.payout.mean * 100) / 1e6 });
    }
    expect(errors).toEqual([]);
  });

  it('a fund view exports its tables: the subsidy budget to the fen, in 万元 as on screen', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await page.locator('js-file-bar input[type=file]').setInputFiles(join(ROOT, 'scenarios', 'suzhou-resident-subsidy-2021.json'));
    const view = page.locator('js-fund-view');
    await expect.poll(() => view.locator('[data-total="subsidy"]').innerText(), { timeout: 10_000 }).toBe('36,367.50');
    const [dl] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(dl.suggestedFilename()).toBe('suzhou-resident-subsidy-2021-结果.xlsx');
    const book = readWorkbook(new Uint8Array(readFileSync((await dl.path())!)));
    const budget = book.find((s) => s.name === '2021 年居民医保财政补助预算')!;
    expect(budget.rows[2]!.map((c) => c?.value)).toEqual(['分组', '人数', '出资', '补助 (万元)', '个人缴费 (万元)']);
    const total = budget.rows.find((r) => r?.[0]?.value === '合计')!;
    // 363,675,000 yuan (seed 002's 36,367.5 万元, the page's figure above).
    expect(total[3]).toMatchObject({ type: 'n', value: 36367.5, fmt: '#,##0.00' });
    expect(errors).toEqual([]);
  });

  it('bands pasted from a sheet: preview, a bad row named by row and column, apply as one edit, undo', async () => {
    for (const width of [1440, 390]) {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`, { width, height: 900 });
      const card = page.locator('js-ruleset-card').first();
      await card.getByRole('button', { name: /从表格导入分段/ }).click();
      const box = card.getByRole('textbox', { name: '粘贴分段表' });
      // A bad row first: the ratio 六成 is not a number.
      await box.fill('起付标准\t1.5万\n下限\t上限\t支付比例\n15000\t100000\t六成\n100000\t以上\t80%\n封顶线\t40万');
      await expect.poll(() => card.getByRole('alert').innerText()).toContain('第 3 行 C 列：比例“六成”不是数');
      expect(await card.getByRole('button', { name: '应用' }).isDisabled()).toBe(true);
      await box.fill('起付标准\t1.5万\n下限\t上限\t支付比例\n15000\t100000\t65%\n100000\t以上\t80%\n封顶线\t40万');
      const preview = card.getByRole('table', { name: '预览：导入后的支付表' });
      await expect.poll(() => preview.innerText()).toContain('15,000');
      await expect.poll(() => preview.innerText()).toContain('65%');
      await expect.poll(() => preview.innerText()).toContain('400,000');
      await preview.scrollIntoViewIfNeeded();
      await shot(page, `excel-import-${width}`);
      // The panel alone, at the page's width (the full page at 390 px is too tall to read).
      if (SHOTS_WANTED) await card.locator('js-band-import').screenshot({ path: join(SHOTS, `excel-import-panel-${width}.png`) });
      await card.getByRole('button', { name: '应用' }).click();
      await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('15000');
      await expect.poll(() => card.getByRole('spinbutton', { name: '支付比例 1', exact: true }).inputValue()).toBe('65');
      await page.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('18000');
      await expect.poll(() => card.getByRole('spinbutton', { name: '支付比例 1', exact: true }).inputValue()).toBe('60');
      expect(errors).toEqual([]);
    }
  });

  it('a population’s figures pasted from a sheet: preview, apply, undo', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    const card = page.locator('js-population-card').first();
    await card.getByRole('button', { name: /从表格导入人群数字/ }).click();
    await card.getByRole('textbox', { name: '粘贴人群数字' }).fill('参保人数\t140万\n发生费用比例\t9.5%');
    const preview = card.getByRole('table', { name: '预览：导入后的人群数字' });
    await expect.poll(() => preview.innerText()).toContain('1,400,000');
    await card.getByRole('button', { name: '应用' }).click();
    const insured = card.locator('js-param-field').first().locator('input[type=number]');
    await expect.poll(() => insured.inputValue()).toBe('1400000');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => insured.inputValue()).toBe('1350000');
    expect(errors).toEqual([]);
  });
});
