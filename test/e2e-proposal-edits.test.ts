// A proposal edited right after it was made (issue #31 "On screen"): the exact aggregate asked for before the edit
// must not be shown as the edited proposal's, and a duplicate does not carry the baseline's loss-ratio note.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, runStateOf, useSite } from './helpers/browser.ts';

const site = useSite();
const INTERVAL = 'loss ratio P5–P95 (exact, FFT)';
const GAP = 'exact vs Monte Carlo (in standard errors)';

/** A results cell's text, read in the page through the shadow roots. */
const cellText = (page: Page, ruleset: string, metric: string) =>
  page.evaluate(
    ([r, m]) => {
      const root = (sel: string, from: ParentNode) => (from.querySelector(sel) as HTMLElement | null)?.shadowRoot ?? null;
      const app = root('js-app', document);
      const table = app && root('js-results-table', root('js-results-panel', app) ?? app);
      return (table?.querySelector(`td[data-ruleset="${r}"][data-metric="${m}"]`) as HTMLElement | null)?.innerText ?? null;
    },
    [ruleset, metric] as const,
  );

describe('a proposal edited at once', () => {
  it('is made without the baseline’s loss-ratio note, and shows no exact result from before the edit as the edited proposal’s, in any frame', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const notes = page.locator('js-funding-table ul.notes li');
    await expect.poll(() => notes.allInnerTexts()).toEqual([expect.stringMatching(/^江阴 2020 大病保险：.*期望赔付率约32%/)]);
    await page.getByRole('button', { name: '复制为新方案' }).click();
    // The copy does not take the baseline's loss-ratio note (its figures are the baseline's): one note, the baseline's.
    await expect.poll(() => page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020-a' }).count()).toBe(1);
    await expect.poll(() => page.locator('js-funding-table thead th').count()).toBe(3);
    expect(await notes.allInnerTexts()).toEqual([expect.stringMatching(/^江阴 2020 大病保险：.*期望赔付率约32%/)]);
    // The copy's run ends (its exact aggregate was asked for at the frame after it was made, issue #32, and may be
    // on screen already: the copy's own figures, the baseline's); the edit comes then.
    await page.waitForFunction(
      () =>
        (document.querySelector('js-app') as unknown as { runState: string; wb: { applied: { rulesets: unknown[] } } }).runState ===
          'done' &&
        (document.querySelector('js-app') as unknown as { wb: { applied: { rulesets: unknown[] } } }).wb.applied.rulesets.length === 2,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    // Every frame from now on: the proposal's exact interval and its gap to the Monte Carlo mean as drawn, and
    // whether the edit is applied in that frame (the proposal's first track's deductible 15,000).
    await page.evaluate(
      ([interval, gap]) => {
        const w = window as unknown as { frames_: string[][]; stopFrames: boolean };
        w.frames_ = [];
        w.stopFrames = false;
        const root = (sel: string, from: ParentNode) => (from.querySelector(sel) as HTMLElement | null)?.shadowRoot ?? null;
        const read = (m: string) => {
          const app = root('js-app', document);
          const table = app && root('js-results-table', root('js-results-panel', app) ?? app);
          return (table?.querySelector(`td[data-ruleset="jiangyin-2020-a"][data-metric="${m}"]`) as HTMLElement | null)?.innerText ?? '';
        };
        const edited = () => {
          const app = document.querySelector('js-app') as unknown as {
            wb: { applied: { rulesets: { id: string; tracks: { deductible: { value: number } }[] }[] } };
          };
          return app.wb.applied.rulesets.find((r) => r.id === 'jiangyin-2020-a')?.tracks[0].deductible.value === 15000 ? 'edited' : '';
        };
        const frame = () => {
          w.frames_.push([read(interval), read(gap), edited()]);
          if (!w.stopFrames) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      },
      [INTERVAL, GAP] as const,
    );
    const card = page.locator('js-ruleset-card').filter({ hasText: 'jiangyin-2020-a' });
    const ded = card.locator('js-track-editor js-param-field').first().locator('input[type=number]');
    await ded.fill('15000');
    await ded.press('Tab');
    // Settled: the new run done and its exact aggregate on screen.
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => cellText(page, 'jiangyin-2020-a', GAP), { timeout: 30_000 }).toMatch(/^✓ [+-]\d\.\d se$/);
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames_: string[][]; stopFrames: boolean };
      w.stopFrames = true;
      return w.frames_;
    });
    // Before the edit the proposal was the baseline's copy: its old interval is the baseline's (unchanged by the edit).
    const old = await cellText(page, 'jiangyin-2020', INTERVAL);
    const now = await cellText(page, 'jiangyin-2020-a', INTERVAL);
    expect(old).toMatch(/^\d+\.\d% – \d+\.\d%$/);
    expect(now).toMatch(/^\d+\.\d% – \d+\.\d%$/);
    expect(now).not.toBe(old);
    const after = frames.filter(([, , edit]) => edit === 'edited');
    expect(after.length).toBeGreaterThan(5);
    // From the first frame with the edit applied to the end: never the old interval, never a flagged gap; only
    // pending, then the new figures.
    expect(after.filter(([interval]) => interval === old)).toEqual([]);
    expect(frames.filter(([, gap]) => gap.includes('⚠'))).toEqual([]);
    expect(frames.at(-1)).toEqual([now, expect.stringMatching(/^✓/), 'edited']);
    expect(errors).toEqual([]);
  });
});
