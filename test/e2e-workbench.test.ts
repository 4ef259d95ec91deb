// The workbench in real headless Chromium (issue 5), against the static build served from a sub-folder:
// default scenario with results, tuning the Jiangyin deductible, adding a band, a validation error that is shown
// and not applied, a Monte Carlo run to completion with charts, cancel, language switch. Screenshots go to
// test-output/screenshots/.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstField, openPage, openTextIn, shot, useSite } from './helpers/browser.ts';

const site = useSite();
/** A scenario with one ruleset: tests that do not compare rulesets run a third of the work. */
const oneRegion = () => `${site.url}?scenario=jiangyin-2020`;

const cell = (page: Page, ruleset: string, metric: string) => page.locator(`td[data-ruleset="${ruleset}"][data-metric="${metric}"]`);
const num = async (l: Locator) => Number((await l.innerText()).replace(/[^\d.-]/g, ''));
const status = (page: Page) => page.locator('js-run-status span.state');

async function waitDone(page: Page) {
  await expect.poll(async () => status(page).innerText(), { timeout: 90_000, interval: 250 }).toMatch(/模拟完成|Simulation done/);
}

describe('workbench', () => {
  it('opens compare-regions with analytic, Monte Carlo and exact results and charts; reads in Chinese throughout, overlays the histograms, keeps the key results in view on a narrow screen; switches language and units', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    await expect.poll(() => page.locator('js-results-table th[scope=col]').count(), { timeout: 30_000 }).toBe(4);
    // Analytic values are there at once, formatted the Chinese way (万元 with separators).
    expect(await cell(page, 'jiangyin-2020', 'expected payout (analytic)').innerText()).toMatch(/^\d{1,3}(,\d{3})*\.\d$/);
    await waitDone(page);
    expect(await cell(page, 'jiangyin-2020', 'payout mean ± se').innerText()).toMatch(/±/);
    // The exact distribution follows the run: its loss-ratio interval, and the Monte Carlo mean within 4 se of it.
    await expect
      .poll(() => cell(page, 'suzhou-2021', 'loss ratio P5–P95 (exact, FFT)').innerText(), { timeout: 30_000 })
      .toMatch(/^\d+\.\d% – \d+\.\d%$/);
    await expect
      .poll(() => cell(page, 'jiangyin-2020', 'exact vs Monte Carlo (in standard errors)').innerText())
      .toMatch(/^✓ [+-]\d\.\d se$/);
    // Another baseline: the differences are taken against it; the run's summary (its risk split) stays.
    const risk = 'payout sd: process / parameter (parameter share)';
    const riskShown = await cell(page, 'suzhou-2021', risk).innerText();
    expect(riskShown).toMatch(/\d \/ \d.*%/);
    await page.locator('js-results-panel select:not(.briefing-style)').first().selectOption('suzhou-2021');
    const vsSuzhou = page.locator('td[data-ruleset="jiangyin-2020"][data-metric^="payout vs baseline"]');
    await expect.poll(() => vsSuzhou.innerText()).toMatch(/^-[\d,.]+ \[-[\d,.]+, -[\d,.]+\]$/);
    expect(await page.locator('td[data-ruleset="suzhou-2021"][data-metric^="payout vs baseline"]').innerText()).toBe('基准');
    expect(await cell(page, 'suzhou-2021', risk).innerText()).toBe(riskShown);
    // Charts are drawn as they come within a screen of view: the last one, four screens down, waits.
    expect(await page.locator('js-chart[data-chart="breakdown"] svg').count()).toBe(0);
    for (const chart of ['benefit', 'ratio', 'payout', 'lossRatio', 'corridor', 'sensPayout', 'sensLoss', 'breakdown']) {
      await page.locator(`js-chart[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator(`js-chart[data-chart="${chart}"] svg`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    // Every chart has a title and a footnote naming the scenario and its assumptions.
    const caption = await page.locator('js-chart[data-chart="payout"] figcaption').innerText();
    expect(caption).toContain('compare-regions');
    expect(caption).toMatch(/假设：\d+ 项/);
    // Assumed values wear a mark with the reason on hover.
    const chip = page.locator('js-population-card .chip.assumed').first();
    expect(await chip.getAttribute('title')).toBeTruthy();
    await shot(page, 'workbench-default');
    // No code id leaks into the Chinese page: every text node and option, through every shadow root.
    const words = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (root: Node) => {
        const it = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let n: Node | null = it.currentNode; n; n = it.nextNode()) {
          if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
          else if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
        }
      };
      walk(document.body);
      return out.join(' ');
    });
    for (const id of [
      'spliced',
      'bodyWeight',
      'sigma',
      'splice',
      'marginal',
      'as written',
      'whole',
      'selfBurden',
      'compliantSelfPay',
      'seed compare-regions',
      'lossRatio',
      'reimbursementRatio',
    ])
      expect(words, id).not.toMatch(new RegExp(`(^|[^A-Za-z])${id}([^A-Za-z]|$)`));
    // The payout histograms are overlaid: every bar stands on the zero line (stacked bars would float above it).
    const bars = await page
      .locator('js-chart[data-chart="payout"] svg g[aria-label="rect"] rect')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height'))));
    expect(bars.length).toBeGreaterThan(30);
    expect(Math.max(...bars) - Math.min(...bars)).toBeLessThan(0.5);
    // 390 px: one column, nothing wider than the screen, the key results pinned at the top while a card is edited.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.locator('js-ruleset-card').last().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const strip = page.locator('js-key-strip');
    expect((await strip.boundingBox())!.y).toBe(0);
    expect(await strip.locator('[data-ruleset="jiangyin-2020"][data-metric="payout"]').innerText()).toBe(
      await cell(page, 'jiangyin-2020', 'expected payout (analytic)').innerText(),
    );
    await shot(page, 'workbench-narrow-strip');
    await page.setViewportSize({ width: 1440, height: 1000 });
    expect(await strip.isVisible()).toBe(false);
    await page.getByRole('button', { name: '切换语言' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('critical-illness insurance workbench');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // At 390 px the English strip leaves the rulesets' names most of its width (short headers, the unit beneath):
    // the full headers had cut them to "Suz…".
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(async () => (await strip.locator('.name').first().boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: 'yuan', exact: true }).click();
    await expect.poll(() => page.locator('js-results-table caption').first().innerText()).toContain('yuan');
    const premium = await cell(page, 'jiangyin-2020', 'premium').innerText();
    // Suzhou employees' per-insured funding (62.92 fiscal + 33.57 transfer) × 1,000,000.
    expect(premium).toBe('96,490,000');
    await waitDone(page);
    await shot(page, 'workbench-english-yuan');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a slider dragged end to end keeps its range and one Ctrl+Z undoes the drag; a lower or higher deductible typed is reflected at once', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    const payout = cell(page, 'jiangyin-2020', 'expected payout (analytic)');
    await expect.poll(() => payout.innerText(), { timeout: 30_000 }).toMatch(/\d/);
    const v0 = await num(payout);
    const field = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020' }).locator('js-track-editor js-param-field').first();
    const slider = field.locator('input[type=range]');
    const exact = field.locator('input[type=number]');
    expect(await exact.inputValue()).toBe('18000');
    const max0 = await slider.getAttribute('max');
    // Jiangyin's deductible 18,000: the card suggests 0 – 100,000.
    expect(max0).toBe('100000');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    // From the thumb (18% along) past the right end, in 24 steps: 24 input events, one change.
    const x0 = box.x + box.width * 0.18;
    await page.mouse.move(x0, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) await page.mouse.move(x0 + ((box.x + box.width + 10 - x0) * i) / 24, box.y + box.height / 2);
    await page.mouse.up();
    // The range stayed as it was while the value went to its end.
    expect(await slider.getAttribute('max')).toBe(max0);
    await expect.poll(() => exact.inputValue()).toBe('100000');
    await expect.poll(() => num(payout)).toBeLessThan(v0);
    await page.locator('js-app-header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => exact.inputValue()).toBe('18000');
    expect(await field.locator('.chip.edited').count()).toBe(0);
    await expect.poll(() => num(payout)).toBe(v0);
    // Typed: a higher deductible, and the expected payout falls at once.
    await exact.fill('30000');
    await exact.press('Tab');
    await expect.poll(() => num(payout)).toBeLessThan(v0);
    // The value is now marked as edited, remembering the document's figure.
    expect(await field.locator('.chip.edited').getAttribute('title')).toContain('was 18000');
    await shot(page, 'workbench-deductible-30000');
    // …and a lower one makes it rise above where it started.
    await exact.fill('15000');
    await exact.press('Tab');
    await expect.poll(() => num(payout)).toBeGreaterThan(v0);
    expect(errors).toEqual([]);
  });

  it('a warned value shows its warning beside the field; switching scenario with edits asks first; the scenario is in the URL', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    const card = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020' });
    const ded = firstField(page, 'jiangyin-2020').locator('input[type=number]');
    await expect.poll(() => ded.inputValue(), { timeout: 30_000 }).toBe('18000');
    // A deductible above the first band's end (100,000) is valid but worth a look: applied, warned beside the band.
    await ded.fill('150000');
    await ded.press('Tab');
    await expect.poll(() => card.locator('.row-warn').first().innerText()).toContain('第 1 段上限 100000 不高于起付标准 150000');
    await expect.poll(() => page.locator('js-editor-panel .warnings').innerText()).toContain('已生效，但请核对');
    expect(await page.locator('js-editor-panel .warnings li').first().innerText()).toMatch(
      /^江阴 2020 大病保险 · 第 1 段 · 上限：第 1 段上限/,
    );
    expect(await page.locator('js-editor-panel .banner').count()).toBe(0);
    // Picking another scenario with an edit on screen asks; cancelling keeps the edit and the address.
    await page.locator('js-app-header select').selectOption('jilin-2017');
    const ask = page.locator('js-editor-panel .switch');
    await expect.poll(() => ask.innerText()).toContain('切换到“吉林 2017');
    await ask.getByRole('button', { name: '取消' }).click();
    expect(await ded.inputValue()).toBe('150000');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('jiangyin-2020');
    expect(await page.locator('js-app-header select').inputValue()).toBe('jiangyin-2020');
    // Switching anyway: the scenario and the address change; back returns to Jiangyin, reload keeps the scenario.
    await page.locator('js-app-header select').selectOption('jilin-2017');
    await ask.getByRole('button', { name: '仍然切换' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBe('jilin-2017');
    await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' }).count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020' }).count()).toBe(1);
    await page.goForward();
    await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' }).count(), { timeout: 30_000 }).toBe(1);
    await shot(page, 'workbench-switch');
    expect(errors).toEqual([]);
  });

  it('adds a band, and shows a validation message beside a bad ratio without applying it', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    const card = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020' });
    await expect.poll(() => card.locator('table.bands tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await card.getByRole('button', { name: /增加分段/ }).click();
    await expect.poll(() => card.locator('table.bands tbody tr').count()).toBe(3);
    const payout = await cell(page, 'jiangyin-2020', 'expected payout (analytic)').innerText();
    const ratio = card.locator('input.ratio').first();
    await ratio.fill('150');
    await ratio.press('Tab');
    await expect.poll(() => card.locator('.row-error').first().innerText()).toContain('须在 0 与 1 之间（0–100%）');
    await expect
      .poll(() => page.locator('js-app .banner').innerText())
      .toContain('江阴 2020 大病保险 · 第 1 段 · 支付比例：须在 0 与 1 之间（0–100%）');
    // The JSON path is there on hover, as the command line names it.
    expect(await page.locator('js-app .banner li').first().getAttribute('title')).toBe('rulesets[1].tracks[0].bands[0].ratio');
    // Not applied: the figures still come from the last valid scenario; the typed value is kept for fixing.
    expect(await cell(page, 'jiangyin-2020', 'expected payout (analytic)').innerText()).toBe(payout);
    expect(await ratio.inputValue()).toBe('150');
    await shot(page, 'workbench-validation-error');
    await ratio.fill('60');
    await ratio.press('Tab');
    await expect.poll(() => page.locator('js-app .banner').count()).toBe(0);
    // Every band ratio has a slider beside its exact field.
    const bandSlider = card.locator('table.bands input.mini').first();
    await bandSlider.fill('65');
    await expect.poll(() => card.locator('input.ratio').first().inputValue()).toBe('65');
    // Corridor tiers are editable too: Jilin's 3–5% surplus tier from 30% to 40% for the insurer.
    const jilin = page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' });
    const share = jilin.locator('table.tiers input[aria-label$="承办机构分担"]').nth(3);
    expect(await share.inputValue()).toBe('30');
    await share.fill('40');
    await share.press('Tab');
    await expect
      .poll(
        async () =>
          JSON.parse(await page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson()))
            .rulesets[2].corridor.tiers[3].insurerShare,
      )
      .toBe(0.4);
    expect(errors).toEqual([]);
  });

  it('adds and removes corridor tiers and alternative readings; a new reading is run on the same claims', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    const draft = async () =>
      JSON.parse(await page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson()));
    const jilin = page.locator('js-ruleset-card').filter({ hasText: 'jilin-2017' });
    await expect.poll(() => jilin.locator('table.tiers').count(), { timeout: 30_000 }).toBe(2); // main reading + "whole"
    const before = (await draft()).rulesets[2].corridor;
    const n = before.tiers.length;
    const last = before.tiers[n - 1];
    // Add a tier to the main reading: the open last tier is split 5 points above its start.
    await jilin.getByRole('button', { name: /^增加分档 风险调节$/ }).click();
    await expect.poll(async () => (await draft()).rulesets[2].corridor.tiers.length).toBe(n + 1);
    const split = (await draft()).rulesets[2].corridor.tiers;
    expect(split[n - 1]).toMatchObject({ from: last.from, to: last.from + 0.05, insurerShare: last.insurerShare });
    expect(split[n]).toMatchObject({
      from: last.from + 0.05,
      to: null,
      insurerShare: last.insurerShare,
      assumption: 'added in the workbench',
    });
    await expect.poll(() => page.locator('js-app .banner').count()).toBe(0); // still valid, applied
    // Remove it again.
    await jilin.getByRole('button', { name: `删除分档 风险调节 ${n + 1}` }).click();
    await expect.poll(async () => (await draft()).rulesets[2].corridor.tiers.length).toBe(n);
    // A new reading starts as a copy of the main tiers and appears in the corridor chart once the run is done.
    await jilin.getByRole('button', { name: /增加一种理解/ }).click();
    await expect.poll(async () => (await draft()).rulesets[2].corridor.alternatives.length).toBe(before.alternatives.length + 1);
    const added = (await draft()).rulesets[2].corridor.alternatives.at(-1);
    expect(added.tiers).toEqual(before.tiers);
    await expect.poll(() => jilin.locator('table.tiers').count()).toBe(3);
    await waitDone(page);
    await page.locator('js-chart[data-chart="corridor"]').scrollIntoViewIfNeeded();
    const corridorText = async () => (await page.locator('js-chart[data-chart="corridor"] svg').allTextContents()).join(' ');
    // The chart names the ruleset and the reading by their titles; the analyst names the reading.
    await expect.poll(corridorText, { timeout: 20_000 }).toContain(`吉林 2017 大病保险 · ${added.title.zh}`);
    const name = jilin.locator(`input[aria-label="理解名称 ${added.id}"]`);
    await name.fill('按超额累进');
    await name.press('Tab');
    await expect
      .poll(async () => (await draft()).rulesets[2].corridor.alternatives.at(-1).title)
      .toEqual({ zh: '按超额累进', en: added.title.en });
    await expect.poll(corridorText, { timeout: 20_000 }).toContain('吉林 2017 大病保险 · 按超额累进');
    await shot(page, 'workbench-corridor-reading');
    // …and can be removed.
    await jilin.getByRole('button', { name: `删除这种理解 ${added.id}` }).click();
    await expect.poll(async () => (await draft()).rulesets[2].corridor.alternatives.length).toBe(before.alternatives.length);
    expect(errors).toEqual([]);
  });

  it('an edit during a run supersedes it (the state stays running, never cancelled); cancels a run and runs again to completion', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    await expect.poll(() => status(page).innerText(), { timeout: 30_000 }).toMatch(/模拟中/);
    // The run state read at every frame from the edit until the new run is done.
    await page.evaluate(() => {
      const app = document.querySelector('js-app') as unknown as { runState: string };
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const tick = () => {
        seen.push(app.runState);
        if (app.runState !== 'done') requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const ded = firstField(page, 'jiangyin-2020').locator('input[type=number]');
    await ded.fill('17000');
    await ded.press('Tab');
    await waitDone(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((s) => s !== 'running' && s !== 'done')).toEqual([]);
    // The cancel: a run long enough that the click lands while it runs (1,000 trials now finish in under a second).
    const draftJson = await page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson());
    const long = JSON.parse(draftJson) as { simulation: { trials: number } };
    long.simulation.trials = 10_000;
    expect(await openTextIn(page, 'long.json', JSON.stringify(long))).toBe(true);
    await expect.poll(() => status(page).innerText(), { timeout: 30_000 }).toMatch(/模拟中/);
    await page.locator('js-run-status').getByRole('button', { name: '取消' }).click();
    // The words say which trials the results use (run-label.ts): all done, or the part shown when a block was pending.
    await expect
      .poll(() => status(page).innerText())
      .toMatch(/^已取消(（10,000 次中完成 [\d,]+ 次，结果用其中 [\d,]+ 次）| \([\d,]+ \/ 10,000\))$/);
    await page.locator('js-run-status').getByRole('button', { name: '重新模拟' }).click();
    await waitDone(page);
    expect(errors).toEqual([]);
  });

  it('goal seek finds the Jiangyin deductible for a 95% expected loss ratio and applies it', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await expect.poll(() => page.locator('js-goal-seek select').count(), { timeout: 30_000 }).toBe(2);
    const param = page.locator('js-goal-seek select').first();
    const options = await param.locator('option').allInnerTexts();
    await param.selectOption({ index: options.findIndex((o) => o.startsWith('江阴 2020') && o.includes('起付标准')) });
    await page.locator('js-goal-seek input[type=number]').fill('95');
    await page.locator('js-goal-seek input[type=number]').press('Tab');
    await page.locator('js-goal-seek').getByRole('button', { name: '求解' }).click();
    await expect
      .poll(() => page.locator('js-goal-seek .result').first().innerText())
      .toMatch(/江阴 2020 大病保险 · 起付标准 = [\d,.]+ → 期望赔付率 95%/);
    await page.locator('js-goal-seek').getByRole('button', { name: '应用' }).click();
    await expect.poll(() => cell(page, 'jiangyin-2020', 'expected loss ratio').innerText()).toBe('95.0%');
    // …and the Monte Carlo estimate of the metric with its 95% interval, once the re-run completes (the status
    // reads 模拟完成 from the last run until the new one starts: the estimate of all 1,000 trials is waited for).
    await expect
      .poll(() => page.locator('js-goal-seek .mc').innerText(), { timeout: 90_000 })
      .toMatch(/蒙特卡洛当前值 \(1000 次试验\): 9\d\.\d\d% \[9\d\.\d\d%, 9\d\.\d\d%\]/);
    // The sweep chart follows the chosen metric.
    await page.locator('select[aria-label="敏感性指标"]').selectOption('reimbursementRatio');
    await page.locator('js-chart[data-chart="sensPayout"]').scrollIntoViewIfNeeded(); // as the analyst sees it
    // The project's own ratio under its own name (seed 000's 政策范围内报销比例 is policyRangeReimbursementRatio).
    await expect.poll(() => page.locator('js-chart[data-chart="sensPayout"] h2').innerText()).toContain('报销比例（超各项起付线部分）');
    await shot(page, 'workbench-goal-seek');
    expect(errors).toEqual([]);
  });

  it('opens the Suzhou scenario with the 2021 targets beside the modelled values', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=suzhou-2021`);
    await waitDone(page);
    const targets = page.locator('js-results-table table.targets');
    expect(await targets.innerText()).toContain('20,000');
    // Populations and rulesets by the names the editor gives them, not their ids.
    const firstTarget = await targets.locator('tbody tr').first().innerText();
    expect(firstTarget).toMatch(/补偿人数\s+职工\s+苏州 2021 大病保险（假设方案）\s+20,000/);
    // Seed 000's 实时救助人员个人现金减负率 over the assistance group's members, the group named by its title.
    const group = targets.locator('tbody tr', { hasText: '实时救助人员' });
    expect(await group.innerText()).toMatch(/个人现金减负率\s+合计 · 实时救助人员\s+苏州 2021 大病保险（假设方案）\s+19\.0%\s+19\.2%/);
    // Who pays the premium (seed 000 项目资金来源): the fiscal lines as the budget gives them, the transfer beside them.
    const funding = page.locator('js-funding-table');
    const fiscal = funding.locator('td[data-channel="fiscalSubsidy"][data-population="employees"][data-ruleset="suzhou-2021"]');
    expect(await fiscal.innerText()).toMatch(/^7,550\.15/);
    expect(await funding.locator('tr.total td').first().innerText()).toBe('17,368.23');
    expect(await funding.locator('table').innerText()).toContain('基本医保基金划转');
    expect(await funding.locator('thead th').nth(1).innerText()).toBe('苏州 2021 大病保险（假设方案）');
    expect(await funding.locator('ul.notes li').count()).toBe(2); // the two policy options explain their loss ratios
    await shot(page, 'workbench-suzhou');
    expect(errors).toEqual([]);
  });
});
