// Degenerate but valid files in the workbench say what they are in words (issue #30), in headless Chromium: a ruleset without
// premium reads "无保费" wherever a loss ratio would be (key strip, results, goal seek's Monte Carlo line, which
// showed "NaN%"); a pooling file without expenditure reads "无支出" for its reserve months and draws no chart; a
// cost with no finite mean has no fund payment rate ("无法计算"). Nowhere does the page show NaN or Infinity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';
import { openPage, openTextIn, runStateOf, shot, useSite } from './helpers/browser.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const site = useSite();
const base = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
/** The page's text, shadow roots included (Lit components keep theirs there). */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const walk = (n: Node): string =>
      [...((n as Element).shadowRoot ? [(n as Element).shadowRoot!] : []), ...n.childNodes]
        .map((c) => (c.nodeType === Node.TEXT_NODE ? (c.textContent ?? '') : walk(c)))
        .join(' ');
    return walk(document.body);
  });

describe('degenerate files in the workbench say so in words', () => {
  it('a ruleset without premium: 无保费 in the key strip, the results and the goal seek', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const d = base('jiangyin-2020');
    d.rulesets[0].funding.channels[0].perInsured.value = 0;
    d.simulation.trials = 200;
    expect(await openTextIn(page, 'no-premium.json', JSON.stringify(d))).toBe(true);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => page.locator('js-key-strip [data-metric="lossRatio"]').first().innerText()).toBe('无保费');
    await expect
      .poll(() => page.locator('js-goal-seek .mc').innerText(), { timeout: 30_000 })
      .toMatch(/蒙特卡洛当前值 \(200 次试验\): 无保费$/);
    await expect.poll(() => page.locator('td[data-ruleset="jiangyin-2020"][data-metric="expected loss ratio"]').innerText()).toBe('无保费');
    const text = await pageText(page);
    expect(text).not.toMatch(/\bNaN\b|Infinity/);
    await shot(page, 'degenerate-no-premium');
    expect(errors).toEqual([]);
  }, 180_000);

  it('a pooling file without expenditure: 无支出, no chart; a cost with no finite mean: 无法计算', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    const p = base('suzhou-pooling-2020');
    for (const r of p.regions) r.employees.expenditure.value = r.residents.expenditure.value = 0;
    p.simulation.trials = 200;
    expect(await openTextIn(page, 'pooling-no-expenditure.json', JSON.stringify(p))).toBe(true);
    const view = page.locator('js-fund-view');
    await expect.poll(() => view.locator('tr[data-year]').count(), { timeout: 20_000 }).toBe(5);
    expect(await view.locator('td[data-why="no-expenditure"]').allInnerTexts()).toEqual(Array(5).fill('无支出'));
    expect(await view.locator('js-chart[data-chart="reserveMonths"]').count()).toBe(0);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|Infinity/);
    await shot(page, 'degenerate-pooling-no-expenditure');
    // A city pool of 0 (seed 003's rules as written): running out is a warning with its amount, not a negative pool.
    const empty = base('suzhou-pooling-2020');
    empty.cityPool.value = 0;
    empty.simulation.trials = 200;
    expect(await openTextIn(page, 'pooling-empty-pool.json', JSON.stringify(empty))).toBe(true);
    await expect.poll(() => view.locator('[data-exhausted]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await view.locator('[data-exhausted]').first().innerText()).toMatch(
      /^\d{4} 年：[\d.]+% 的模拟中市级医保统筹基金不足以补足各地缺口；未补足缺口的期望值（全部模拟）[\d,.]+ 万元，P95 [\d,.]+ 万元$/,
    );
    expect(await view.locator('[data-metric="pool-exhausted-any"]').innerText()).toMatch(/^\d+(\.\d)?%$/);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|Infinity|-\d[\d,.]* *万元/);
    await shot(page, 'degenerate-pooling-empty-pool');
    const s = base('suzhou-resident-subsidy-2021');
    s.groups[0].paymentRate.cost = {
      family: 'pareto',
      alpha: { value: 0.8, assumption: 'test' },
      theta: { value: 5000, assumption: 'test' },
    };
    expect(await openTextIn(page, 'subsidy-infinite-mean.json', JSON.stringify(s))).toBe(true);
    await expect.poll(() => view.locator('[data-total="subsidy"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => view.getByText('无法计算（费用分布没有有限的均值）').count()).toBe(1);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|Infinity/);
    await shot(page, 'degenerate-subsidy-infinite-mean');
    expect(errors).toEqual([]);
  }, 180_000);
});
