// 导入数据拟合 in headless Chromium (one page load): a pasted table with a bad cell is refused in words naming its
// row and column, and the pasted text stays; the banded GBK fixture (Chinese header, open top band) is read and
// previewed, fitted in a worker, ranked by AIC (the lognormal and Weibull fits as R's fitdistrplus gives them);
// applying the lognormal writes it with its provenance as one edit, the expected payout moves, and undo brings
// back the severity and the payout. Screenshots of the dialog at 390, 1440 and 1920 px in Chinese and English.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, SHOTS_WANTED, useSite } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const site = useSite();
const FIXTURE = join(ROOT, 'test/fixtures/fit/grouped-gbk.csv');
/**
 * fitdistrplus::fitdistcens (R 4.x, method mle) on the fixture's bands as interval-censored claims:
 * test/fixtures/fit-ui/grouped-gbk-reference.R prints lnorm meanlog=9.71956 sdlog=0.916532 logLik=-9293.0519
 * AIC=18590.1038 and weibull AIC=19666.7349.
 */
const R_LOGNORMAL = { mu: 9.71956, sigma: 0.916532, aic: '18590.1' };
const R_WEIBULL_AIC = '19666.7';

const draft = (page: Page) =>
  page.evaluate(() => JSON.parse((document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson()));
const payout = (page: Page) => page.locator('td[data-ruleset="jiangyin-2020"][data-metric="expected payout (analytic)"]').innerText();
const dialog = (page: Page) => page.locator('js-fit-dialog dialog');

/** The dialog whole (the window as tall as it is), at a width: for a person to look at. */
async function dialogShot(page: Page, name: string, width: number) {
  if (!SHOTS_WANTED) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  const tall = await dialog(page).evaluate((d) => d.scrollHeight);
  await page.setViewportSize({ width, height: tall + 24 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens the dialog, drops the fixture on it, reads it as bands, fits it. */
async function fitFixture(page: Page, open: string, grouped: string, run: string) {
  await page.getByRole('button', { name: open }).click();
  await page.locator('js-fit-dialog .drop').evaluate(
    (zone, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'grouped-gbk.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    },
    [...readFileSync(FIXTURE)],
  );
  await page.getByRole('radio', { name: grouped }).check();
  await expect.poll(() => page.locator('js-fit-dialog table.preview tbody tr').count()).toBe(7);
  await page.locator('js-fit-dialog button.run-fit').click();
  await expect.poll(() => page.locator('js-fit-dialog tr.fit').count(), { timeout: 20_000 }).toBe(7);
  expect(await page.locator('js-fit-dialog button.run-fit').innerText()).toBe(run);
}

describe('导入数据拟合 on a population card', () => {
  it('reads a banded GBK table, fits it in a worker, applies the lognormal as one undoable edit; bad cells are named', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`, { width: 1440, height: 900 });
    await expect.poll(() => page.locator('js-results-table th[scope=col]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const payoutBefore = await payout(page);
    const severityBefore = (await draft(page)).populations[0].severity;
    expect(severityBefore.family).toBe('lognormalPareto');

    // Pasted cells with a word where a count should be: the reader's message, in the dialog, and the text stays.
    await page.getByRole('button', { name: '导入数据拟合' }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    // What the data must be, and the cost level the model would apply on top of the fit (Jiangyin: 0.965).
    expect(await page.locator('js-fit-dialog p.what').innerText()).toBe(
      '数据应为每位参保人一年的政策范围内自负费用（元）。 该人群的地区费用水平为 0.965：模型会把拟合分布的金额再乘以这个倍数；数据若已是本地金额，请把它设为 1。',
    );
    const bad = '下限\t上限\t人次\n0\t5000\t412\n5000\t10000\t很多\n';
    await page.locator('js-fit-dialog textarea').fill(bad);
    await page.getByRole('radio', { name: '分段汇总（下限、上限、人次）' }).check();
    const problem = page.locator('js-fit-dialog .problem');
    await expect.poll(() => problem.innerText()).toBe('无法读取这份数据：第 3 行 C 列（人次）："很多" 不是数字（此处应为人数）');
    expect(await problem.innerText()).not.toMatch(/at .*\.ts|Error:/);
    expect(await page.locator('js-fit-dialog textarea').inputValue()).toBe(bad);
    await page.locator('js-fit-dialog textarea').fill('');

    // The file: GBK with a Chinese header and an open top band, read as bands.
    await page.locator('js-fit-dialog input[type=file]').setInputFiles(FIXTURE);
    await expect.poll(() => page.locator('js-fit-dialog table.preview tbody tr').count()).toBe(7);
    const meta = await page.locator('js-fit-dialog .preview-meta').innerText();
    expect(meta).toContain('grouped-gbk.csv · 编码 GBK / GB18030 · 7 行 · 5,768 例');
    expect(meta).toContain('费用区间下限（元） | 费用区间上限（元） | 人次');
    expect(await page.locator('js-fit-dialog table.preview tbody tr').last().innerText()).toMatch(/^200,000\s+以上\s+41$/);
    await expect.poll(() => problem.count()).toBe(0);

    await page.locator('js-fit-dialog button.run-fit').click();
    await expect.poll(() => page.locator('js-fit-dialog tr.fit').count(), { timeout: 20_000 }).toBe(7);
    // Ranked by AIC, lowest first; the lognormal and Weibull as R has them.
    const aics = await page.locator('js-fit-dialog tr.fit td:nth-child(4)').allInnerTexts();
    expect(aics.map(Number)).toEqual([...aics.map(Number)].sort((a, b) => a - b));
    const row = (family: string) => page.locator(`js-fit-dialog tr.fit[data-family="${family}"]`);
    expect(await row('lognormal').locator('td:nth-child(4)').innerText()).toBe(R_LOGNORMAL.aic);
    expect(await row('weibull').locator('td:nth-child(4)').innerText()).toBe(R_WEIBULL_AIC);
    // Parameters by their plain names, four significant digits: R's to within the last digit shown.
    const [, mu, sigma] = /^对数均值 μ = ([\d.]+)\s+对数标准差 σ = ([\d.]+)$/.exec(
      await row('lognormal').locator('td.params').innerText(),
    )!;
    expect(Math.abs(Number(mu) - R_LOGNORMAL.mu)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(Number(sigma) - R_LOGNORMAL.sigma)).toBeLessThanOrEqual(0.0001);
    expect(await row('lognormal').locator('td:nth-child(6)').innerText()).toMatch(/^χ² = [\d.]+, df 4, p /);
    // The chosen fit's two diagnostic charts are drawn.
    await row('lognormal').click();
    await expect.poll(() => page.locator('js-fit-dialog js-chart svg').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await dialogShot(page, 'fit-dialog-1440', 1440);

    // 应用: one edit, the payout moves, the dialog says from what to what.
    await page.locator('js-fit-dialog button.apply').click();
    await expect.poll(() => payout(page)).not.toBe(payoutBefore);
    const outcome = page.locator('js-fit-dialog .outcome');
    expect(await outcome.innerText()).toContain(`期望赔付 ${payoutBefore} → ${await payout(page)} 万元`);
    const sev = (await draft(page)).populations[0].severity;
    expect(sev.family).toBe('lognormal');
    expect(Object.keys(sev).sort()).toEqual(['family', 'mu', 'sigma']);
    expect(Math.abs(sev.mu.value - R_LOGNORMAL.mu)).toBeLessThan(1e-3);
    expect(Math.abs(sev.sigma.value - R_LOGNORMAL.sigma)).toBeLessThan(1e-3);
    const sha = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
    expect(sev.mu.assumption).toMatch(
      new RegExp(
        `^edited in the workbench \\(Fitted by jingsuan fit on \\d{4}-\\d{2}-\\d{2} from grouped-gbk\\.csv \\(SHA-256 ${sha}, n = 5768, grouped, log-likelihood -9293\\.05, AIC 18590\\.1\\); was lognormalPareto mu=`,
      ),
    );
    expect(sev.sigma.assumption).toBe(sev.mu.assumption);
    // The beneficiaries against the deductible, before and after (the sensitivity chart's sweep).
    await expect.poll(() => outcome.locator('js-chart figure').count(), { timeout: 10_000 }).toBe(1);
    await dialogShot(page, 'fit-applied-390', 390);
    await dialogShot(page, 'fit-applied-1920', 1920);

    // Undo (one step) brings back the severity and the payout.
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog(page).getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.locator('js-fit-dialog').count()).toBe(0);
    // Focus is back on the button that opened the dialog.
    expect(await page.getByRole('button', { name: '导入数据拟合' }).evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.locator('js-file-bar').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await draft(page)).populations[0].severity).toEqual(severityBefore);
    await expect.poll(() => payout(page)).toBe(payoutBefore);

    // In English, the file dropped on the dialog: the claims data, not a scenario for the page to open.
    await page.getByRole('button', { name: '切换语言' }).click();
    await fitFixture(page, 'Fit to data', 'grouped bands (lower, upper, count)', 'Fit');
    expect(await page.locator('js-fit-dialog .preview-meta').innerText()).toContain('encoding GBK / GB18030 · 7 rows · n = 5,768');
    expect((await draft(page)).id).toBe('jiangyin-2020');
    expect(await page.locator('.open-problems').count()).toBe(0);
    await expect.poll(() => page.locator('js-fit-dialog js-chart svg').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    for (const width of [390, 1440, 1920]) await dialogShot(page, `fit-dialog-en-${width}`, width);
    // A workbook: its first sheet, amounts with a count column (fixture from R's openxlsx: 80 rows, 179 claims).
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('radio', { name: 'individual amounts [+ count column]' }).check();
    await page.locator('js-fit-dialog input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/fit/claims.xlsx'));
    await expect
      .poll(() => page.locator('js-fit-dialog .preview-meta').innerText())
      .toContain('claims.xlsx · encoding XLSX · 理赔明细 · 80 rows · n = 179');
    expect(await page.locator('js-fit-dialog tr.fit').count()).toBe(0);
    // A truncation point above some amounts: the reader names the first such cell; a word there is refused.
    const truncate = page.getByRole('textbox', { name: /deductible \(yuan, optional\)/ });
    await truncate.fill('10000');
    await truncate.press('Tab');
    const refused = page.locator('js-fit-dialog .problem');
    await expect
      .poll(() => refused.innerText())
      .toMatch(/^These data cannot be read: row 10, column A \(赔付金额\): 8120\.93 is below the truncation point 10000/);
    await truncate.fill('一万');
    await truncate.press('Tab');
    await expect.poll(() => refused.innerText()).toBe('the deductible must be an amount of 0 yuan or more, or empty');
    expect(await truncate.inputValue()).toBe('一万');
    await truncate.fill('');
    await truncate.press('Tab');
    await expect.poll(() => refused.count()).toBe(0);
    // Individual amounts are fitted too, with the Kolmogorov–Smirnov figure.
    await page.locator('js-fit-dialog button.run-fit').click();
    await expect.poll(() => page.locator('js-fit-dialog tr.fit').count(), { timeout: 20_000 }).toBeGreaterThan(4);
    expect(await page.locator('js-fit-dialog tr.fit td:nth-child(6)').first().innerText()).toMatch(/^KS D = 0\.\d{4}, p /);
    expect(errors).toEqual([]);
  });
});
