// Files and exports in the workbench (issue 6), in headless Chromium with downloads captured: save and reopen
// to an identical state, a file with problems opens nothing, an old schema migrates, drag-and-drop, share link,
// autosave with restore, undo/redo, the diff view, and chart exports (SVG with title and footnote, PNG 2× and
// not blank, CSV).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateText } from '../src/scenario/validate.ts';
import { openPage, shot, SHOTS, useSite, firstField } from './helpers/browser.ts';
import { jiangyinV1 } from './helpers/v1.ts';
import { ROOT } from './helpers/golden.ts';

const site = useSite();
/** A scenario with one ruleset: tests that do not compare rulesets run a third of the work. */
const oneRegion = () => `${site.url}?scenario=jiangyin-2020`;

const draft = (page: Page) => page.evaluate(() => (document.querySelector('js-app') as unknown as { draftJson(): string }).draftJson());
const ready = (page: Page) =>
  expect.poll(() => page.locator('js-results-table th[scope=col]').count(), { timeout: 30_000 }).toBeGreaterThan(1);

async function setDeductible(page: Page, ruleset: string, value: string) {
  const input = page
    .locator('js-ruleset-card')
    .filter({ hasText: ruleset })
    .locator('js-track-editor js-param-field')
    .first()
    .locator('input[type=number]');
  await input.fill(value);
  await input.press('Tab');
}

describe('scenario files in the workbench', () => {
  it('save downloads the working scenario; reopening it gives an identical state', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    await setDeductible(page, 'jiangyin-2020', '20000');
    const before = await draft(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
    expect(dl.suggestedFilename()).toBe('jiangyin-2020.json');
    const file = join(SHOTS, 'saved.json');
    await dl.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(validateText(text).problems).toEqual([]);
    expect(JSON.parse(text).schemaVersion).toBe(3);
    expect(JSON.parse(text).$schema).toBe('../scenario.schema.json');
    expect(JSON.parse(text).rulesets[0].tracks[0].deductible.assumption).toContain('was 18000');
    // Reopen in a fresh page (the tab, storage cleared) through the file picker.
    const { page: p2, errors: e2 } = await openPage(site.browser, oneRegion());
    await ready(p2);
    await p2.locator('js-file-bar input[type=file]').setInputFiles(file);
    await expect.poll(() => draft(p2)).toBe(before);
    expect(
      await p2
        .locator('js-ruleset-card')
        .filter({ hasText: 'jiangyin-2020' })
        .locator('js-track-editor js-param-field')
        .first()
        .locator('input[type=number]')
        .inputValue(),
    ).toBe('20000');
    expect([...errors, ...e2]).toEqual([]);
  });

  it('a file with problems opens nothing and shows every problem with its path; an old schema migrates', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    const before = await draft(page);
    const bad = JSON.parse(readFileSync('scenarios/jiangyin-2020.json', 'utf8'));
    bad.rulesets[0].tracks[0].bands[0].ratio = 7;
    bad.populations[0].incidence.value = -1;
    bad.rulesets[0].__proto__x = 1;
    const badFile = join(SHOTS, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    await page.locator('js-file-bar input[type=file]').setInputFiles(badFile);
    const banner = page.locator('.open-problems');
    await expect.poll(() => banner.innerText()).toContain('共 3 个问题');
    // Each problem names the field as the page shows it, in Chinese; the JSON path is on hover.
    const items = banner.locator('li');
    const byPath = async (path: string) => items.locator(`xpath=self::*[@title="${path}"]`).innerText();
    expect(await byPath('rulesets[0].tracks[0].bands[0].ratio')).toBe(
      '江阴 2020 大病保险 · 第 1 段 · 支付比例：须在 0 与 1 之间（0–100%）',
    );
    expect(await byPath('populations[0].incidence.value')).toBe('江阴参保人员 · 发生费用比例：须在 0 与 1 之间（0–100%）');
    expect(await byPath('rulesets[0].__proto__x')).toBe('江阴 2020 大病保险 · __proto__x：不认识的字段（文件格式中没有）');
    expect(await draft(page)).toBe(before);
    await shot(page, 'files-open-problems');
    const v1File = join(SHOTS, 'jiangyin-v1.json');
    writeFileSync(v1File, JSON.stringify(jiangyinV1()));
    await page.locator('js-file-bar input[type=file]').setInputFiles(v1File);
    await expect.poll(() => page.locator('js-app .note[role=status]').innerText()).toContain('migrated from schema version 1 to 2');
    expect(JSON.parse(await draft(page)).rulesets[0].tracks[0].bands[0]).toMatchObject({ to: 100000, ratio: 0.6 });
    expect(errors).toEqual([]);
  });

  it('fund-level files open read-only: the subsidy budget to the fen, the pooling simulation with its chart; back to a scenario', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    // The residents' subsidy budget from its file (seed 002): the same exact totals as `jingsuan fund`.
    await page.locator('js-file-bar input[type=file]').setInputFiles(join(ROOT, 'scenarios', 'suzhou-resident-subsidy-2021.json'));
    const view = page.locator('js-fund-view');
    await expect.poll(() => view.locator('[data-total="subsidy"]').innerText(), { timeout: 10_000 }).toBe('36,367.50');
    expect(await view.locator('[data-payer="province"]').innerText()).toBe('8,840.00');
    expect(await view.locator('[data-payer="city"]').innerText()).toBe('27,527.50');
    // The overview's total, the funding-source table's two lines, the unsubsidised unemployed, and the five
    // performance targets against the document's own figures (three counts, 580 yuan, person-times not modelled).
    expect(await view.locator('.warning').count()).toBe(9);
    expect(await page.locator('js-results-table').count()).toBe(0);
    // Its tables export as shown.
    const [csvDl] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'CSV: subsidy-budget' }).click()]);
    const csv = readFileSync((await csvDl.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^\ufeff分组,人数,出资,补助 \(万元\),个人缴费 \(万元\)$/);
    expect(csv.find((l) => l.startsWith('合计,'))).toContain('"36,367.50"');
    await shot(page, 'fund-subsidy');
    // Pooling (seed 003) from the scenario menu: reserve months by year, the alarm, and the chart.
    await page.locator('header select').selectOption('suzhou-pooling-2020');
    await expect.poll(() => view.locator('tr[data-year]').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    expect(await view.locator('[data-metric="alarm-any"]').innerText()).toMatch(/^\d+(\.\d)?%$/);
    await expect.poll(() => view.locator('js-chart[data-chart="reserveMonths"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const [regions] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'CSV: regions' }).click()]);
    expect(readFileSync((await regions.path())!, 'utf8').split('\r\n').length).toBeGreaterThan(2);
    await shot(page, 'fund-pooling');
    // Back to an insurance scenario: editor and results return.
    await page.locator('header select').selectOption('jiangyin-2020');
    await ready(page);
    expect(await page.locator('js-fund-view').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens a file dropped on the page', async () => {
    const { page } = await openPage(site.browser, oneRegion());
    await ready(page);
    const text = readFileSync('scenarios/jilin-2017.json', 'utf8');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'jilin-2017.json', { type: 'application/json' }));
      const app = document.querySelector('js-app')!;
      app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(async () => JSON.parse(await draft(page)).id).toBe('jilin-2017');
  });

  it('with a refused value showing, save and the share link carry the scenario as last applied, and say so', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    await setDeductible(page, 'jiangyin-2020', '20000');
    await expect.poll(async () => JSON.parse(await draft(page)).rulesets[0].tracks[0].deductible.value).toBe(20000);
    // −5 is refused beside the field: the draft holds it, nothing applies it.
    await setDeductible(page, 'jiangyin-2020', '-5');
    await expect.poll(async () => JSON.parse(await draft(page)).rulesets[0].tracks[0].deductible.value).toBe(-5);
    const notice = page.locator('js-file-bar .withheld');
    expect(await notice.count()).toBe(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
    const text = readFileSync((await dl.path())!, 'utf8');
    // A file that opens: the deductible as last applied, not the refused −5.
    expect(validateText(text).problems).toEqual([]);
    expect(JSON.parse(text).rulesets[0].tracks[0].deductible.value).toBe(20000);
    await expect.poll(() => notice.innerText()).toContain('有 1 处修改未通过校验');
    await shot(page, 'save-withheld');
    // The page keeps the refused value in its field, and the link carries the applied scenario too.
    expect(JSON.parse(await draft(page)).rulesets[0].tracks[0].deductible.value).toBe(-5);
    await page.getByRole('button', { name: '分享链接' }).click();
    const link = page.locator('js-file-bar .share input');
    await expect.poll(() => link.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const { page: p2, errors: e2 } = await openPage(site.browser, await link.inputValue());
    await expect.poll(async () => JSON.parse(await draft(p2)).rulesets[0].tracks[0].deductible.value, { timeout: 30_000 }).toBe(20000);
    expect(await p2.locator('.open-problems li').count()).toBe(0);
    // Mending the value ends the notice; a save then writes the draft itself.
    await setDeductible(page, 'jiangyin-2020', '21000');
    await expect.poll(() => notice.count()).toBe(0);
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
    expect(JSON.parse(readFileSync((await dl2.path())!, 'utf8')).rulesets[0].tracks[0].deductible.value).toBe(21000);
    expect(await notice.count()).toBe(0);
    expect([...errors, ...e2]).toEqual([]);
  });

  it('a share link restores the scenario exactly', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    await setDeductible(page, 'jiangyin-2020', '25000');
    await page.getByRole('button', { name: '分享链接' }).click();
    const link = page.locator('js-file-bar .share input');
    await expect.poll(() => link.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const shared = await link.inputValue();
    const state = await draft(page);
    // The recipient: the link opened afresh in the tab (its storage cleared, as on another person's machine).
    const { page: p2, errors: e2 } = await openPage(site.browser, shared);
    await expect.poll(() => draft(p2), { timeout: 30_000 }).toBe(state);
    // The link names the shipped file and carries the one edit: short, and the recipient sees the same changes.
    expect(shared.length).toBeLessThan(site.url.length + 400);
    await p2
      .locator('js-file-bar')
      .getByRole('button', { name: /修改对照/ })
      .click();
    await expect
      .poll(() => p2.locator('js-diff-view tr[data-path="rulesets[0].tracks[0].deductible.value"]').innerText())
      .toMatch(/18000\s+25000/);
    expect(new URL(p2.url()).searchParams.get('scenario')).toBe('jiangyin-2020');
    // A link whose edit would reach the prototype is refused by path, and nothing opens.
    const { encodeShare } = await import('../src/ui/share.ts');
    const bad = await encodeShare({ jingsuanShare: 2, base: 'jiangyin-2020', patch: [[['__proto__', 'x'], 1]] });
    const { page: p3 } = await openPage(site.browser, `${site.url}#s=${bad}`);
    await expect.poll(() => p3.locator('.open-problems li').innerText()).toBe('分享链接已损坏：第 1 项修改指向文件中没有的字段 __proto__');
    expect([...errors, ...e2]).toEqual([]);
  });

  it('autosave survives a reload (restore), undo and redo walk edits, the diff view lists them', async () => {
    const { page, errors } = await openPage(site.browser, oneRegion());
    await ready(page);
    await setDeductible(page, 'jiangyin-2020', '21000');
    await setDeductible(page, 'jiangyin-2020', '22000');
    const ded = firstField(page, 'jiangyin-2020').locator('input[type=number]');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => ded.inputValue()).toBe('21000');
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => ded.inputValue()).toBe('22000');
    await page
      .locator('js-file-bar')
      .getByRole('button', { name: /修改对照/ })
      .click();
    const row = page.locator('js-diff-view tr[data-path="rulesets[0].tracks[0].deductible.value"]');
    await expect.poll(() => row.innerText()).toMatch(/^江阴 2020 大病保险 · 起付标准\s+18000\s+22000\s+工作台中修改（原值 18000/);
    await shot(page, 'files-diff-view');
    await page.waitForTimeout(400); // autosave is debounced
    await page.reload();
    await page.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => firstField(page, 'jiangyin-2020').locator('input[type=number]').inputValue()).toBe('22000');
    expect(errors).toEqual([]);
  });

  it('exports: 导出简报 as one Word document (title, the indicators as on screen, the charts as PNG, the assumptions); a chart as SVG with its title and footnote, PNG at 2× that is not blank, and CSV; the results table as shown', async () => {
    const { page, errors } = await openPage(site.browser, site.url);
    await expect.poll(() => page.locator('js-run-status span.state').innerText(), { timeout: 90_000 }).toMatch(/模拟完成/);
    // The last chart, drawn once scrolled to: every chart's data is ready for the briefing.
    await page.locator('js-chart[data-chart="breakdown"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('js-chart[data-chart="breakdown"] svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The household section (its sampled figures, then the typical case (典型病例) of the person on the page as one more
    // picture) is in the briefing once the page shows it: wait for both, so the pictures are the charts and it.
    await page.locator('js-typical-case').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('js-household-panel table.household tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('js-typical-case svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出简报' }).click()]);
    expect(dl.suggestedFilename()).toBe('compare-regions-简报.docx');
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const xml = strFromU8(files['word/document.xml']);
    const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(words[0]).toBe('三地大病保险规则比较');
    expect(words).toContain(await page.locator('js-results-table td[data-metric="premium"]').first().innerText());
    const drawn = await page.locator('js-charts-panel js-chart').count();
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(drawn + 1);
    expect(xml).toMatch(/<wp:docPr [^>]*name="典型病例：逐层支付（元）"/);
    // The assumptions in the appendix by name, no JSON path, no English sentence; the 公文 layout by default in
    // Chinese (issue #31; test/briefing-docx.test.ts checks the CLI's briefing page by page).
    expect(words).toContain('附录');
    expect(words.join('')).toContain('同一城市人群 · 参保人数：1,000,000。');
    expect(words.join('\n')).not.toMatch(/\w+\[\d+\]\.\w+/);
    expect(words.filter((w) => /[A-Za-z]+(?:[ ,.;:'’()-]+[A-Za-z]+){2,}/.test(w))).toEqual([]);
    expect(xml).toMatch(/w:eastAsia="仿宋"/);
    const chart = page.locator('js-chart[data-chart="payout"]');
    // Scrolled back up to it, as the analyst would: the chart is drawn once in view, which moves its buttons down
    // (from the room held for it to the drawn height). A click aimed before the drawing missed them once in CI.
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('.host svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const [svgDl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /^SVG/ }).click()]);
    const svgFile = join(SHOTS, 'export-payout.svg');
    await svgDl.saveAs(svgFile);
    const svgText = readFileSync(svgFile, 'utf8');
    const doc = new JSDOM(svgText, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.documentElement.tagName).toBe('svg');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(texts).toContain('年度赔付总额的分布');
    expect(texts).toContain('情景：三地大病保险规则比较');
    expect(svgText).not.toMatch(/<link|@import|href="http/);
    const width = Number(doc.documentElement.getAttribute('width'));
    const height = Number(doc.documentElement.getAttribute('height'));
    const [pngDl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /^PNG/ }).click()]);
    const png = readFileSync((await pngDl.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    writeFileSync(join(SHOTS, 'export-payout.png'), png);
    // Not blank: draw it back in the page and count colours.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < px.length; i += 4 * 97) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(20);
    const [csvDl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /^CSV/ }).click()]);
    const csv = readFileSync((await csvDl.path())!, 'utf8');
    // The chart's data as the chart reads (issue #31): Chinese headers, money in yuan to the fen, rulesets by title.
    expect(csv.split('\r\n')[0]).toBe('\ufeff方案,赔付 (元)');
    expect(csv.split('\r\n')[1]).toMatch(/^[^,a-z]+,\d+\.\d\d$/);
    expect(csv.split('\r\n').length).toBeGreaterThan(1000);
    const [tableDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('js-results-table .tools').getByRole('button', { name: 'CSV' }).click(),
    ]);
    // The CSV is the table as shown: one line per number, money in yuan to the fen where the screen shows 万元.
    const lines = readFileSync((await tableDl.path())!, 'utf8').split('\r\n');
    // Columns headed by the rulesets' titles as on screen, with the ids the command line uses.
    const rulesets: { id: string; title: { zh: string } }[] = JSON.parse(await draft(page)).rulesets;
    const heads = await page.locator('js-results-table thead th[data-ruleset]').allInnerTexts();
    expect(heads.map((h) => h.split('\n')[0].trim())).toEqual(rulesets.map((r) => r.title.zh));
    expect(lines[0]).toBe(`\ufeff指标,单位,${rulesets.map((r) => `${r.title.zh} (${r.id})`).join(',')}`);
    const premium = lines
      .find((l) => l.startsWith('保费,元,'))!
      .split(',')
      .slice(2)
      .map(Number);
    const shown = await page.locator('js-results-table td[data-metric="premium"]').allInnerTexts();
    expect(premium.map((v) => (v / 1e4).toFixed(1))).toEqual(shown.map((s) => Number(s.replace(/,/g, '')).toFixed(1)));
    expect(lines.find((l) => l.startsWith('赔付均值 ± 标准误 · 标准误,元,'))).toMatch(/^[^,]+,元(,\d+\.\d\d){3}$/);
    expect(errors).toEqual([]);
  }, 120_000);
});
