// The workbench's year-by-year projection with each year's household figures (issue #33's years, left out of the
// page in stop 37): the runs first, then the household sample of every year in a worker of its own, into the same
// table as `run --years` prints them. The expected figures are engine/years.ts householdOfYears on the same file,
// which test/years.test.ts checks equal to runYears's.
import { describe, expect, it } from 'vitest';
import { householdOfYears, type YearResult } from '../src/engine/years.ts';
import { formattedRows, headerOf, yearsTable } from '../src/report/tables.ts';
import { openPage, runStateOf, shot, useSite } from './helpers/browser.ts';
import { shipped } from './helpers/scenarios.ts';

const site = useSite();

describe('years panel: household figures per year', () => {
  it('Jilin 2017, three years: out-of-pocket above 10% of income and the impoverished, year by year, as run --years gives them', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jilin-2017`, { width: 1440, height: 900 });
    await expect.poll(() => runStateOf(page), { timeout: 120_000 }).toBe('done');
    const panel = page.locator('js-years-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.locator('input[type=number]').fill('3');
    await panel.locator('input[type=number]').dispatchEvent('change');
    await panel.locator('button.project').click();
    await expect.poll(() => panel.locator('tr[data-year]').count(), { timeout: 120_000 }).toBe(3);
    // The household columns join once the worker is done (the table is there before them).
    const headers = () => panel.locator('thead th').allInnerTexts();
    await expect.poll(headers, { timeout: 120_000 }).toContain('自付超过收入10%');
    expect(await headers()).toContain('因病致贫（人）');
    expect(await panel.locator('.household-busy').count()).toBe(0);

    // The same figures formatted as the table formats them: a table of the expected household figures alone.
    const s = shipped('jilin-2017');
    const want = householdOfYears(s, 3);
    const stub = (k: number): YearResult => ({
      year: want[k].year,
      rulesets: s.rulesets.map((r, i) => ({
        id: r.id,
        premium: 0,
        payout: { mean: 0, se: 0, p05: 0, p50: 0, p95: 0 },
        lossRatio: { mean: 0, p05: 0, p95: 0, probAbove1: 0 },
        fundCumulative: null,
        household: want[k].rulesets[i],
      })),
    });
    const table = yearsTable([0, 1, 2].map(stub));
    const header = headerOf(table, 'zh', 'wan');
    const cat = header.indexOf('自付超过收入10%');
    const poor = header.indexOf('因病致贫（人）');
    const expected = formattedRows(table, 'wan', 'zh').map((r) => [r[cat], r[poor]]);
    const shown = await panel
      .locator('tr[data-year]')
      .evaluateAll(
        (rows, [c, p]) => rows.map((r) => [r.children[c].textContent!.trim(), r.children[p].textContent!.trim()]),
        [(await headers()).indexOf('自付超过收入10%'), (await headers()).indexOf('因病致贫（人）')],
      );
    expect(shown).toEqual(expected);
    // Incomes and costs grow: the years' shares differ.
    expect(new Set(shown.map((r) => r[0])).size).toBeGreaterThan(1);
    await shot(page, 'years-household-1440-zh');
    await panel.screenshot({ path: 'test-output/screenshots/years-household-panel-1440-zh.png' }).catch(() => undefined);

    // An edit takes the projection, household figures and all, off the screen.
    const field = page.locator('js-population-card js-param-field[title*="severity.mu"] input[type=number]').first();
    await field.fill(String(Number(await field.inputValue()) + 0.1));
    await field.dispatchEvent('change');
    await expect.poll(() => panel.locator('tr[data-year]').count(), { timeout: 20_000 }).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
