// The exact aggregate follows a dragged slider (issue #32): the deductible's slider moved through several values,
// one a frame, then let go. In every frame the exact figures behind the results table are either pending or the
// exact aggregate of the deductible on screen in that frame (computed here by the same code, aggregate/
// exact-cache.ts), never an earlier value's; at the end they are the final value's, and the cell shows them.
// Not a timing test: nothing is asserted about how soon they come.
import { describe, expect, it } from 'vitest';
import { ExactCache } from '../src/aggregate/exact-cache.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { firstField, openPage, runStateOf, shot, useSite } from './helpers/browser.ts';

const site = useSite();
const INTERVAL = 'loss ratio P5–P95 (exact, FFT)';

interface Frame {
  deductible: number | null;
  cell: string;
  figures: [number, number, number] | null;
}

/** The value at a path of the scenario (the param field's path: a value object's `.value`, or the number). */
function valueAt(s: unknown, path: (string | number)[]): number {
  const v = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], s);
  return typeof v === 'number' ? v : (v as { value: number }).value;
}

function withValue(s: Scenario, path: (string | number)[], value: number): Scenario {
  const c = structuredClone(s);
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], c) as Record<
    string | number,
    unknown
  >;
  const last = path[path.length - 1];
  if (typeof parent[last] === 'number') parent[last] = value;
  else (parent[last] as { value: number }).value = value;
  return c;
}

describe('the exact aggregate under a dragged deductible slider', () => {
  it('shows in every frame only the exact figures of the deductible on screen, and at the end the last one’s', async () => {
    const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    const field = firstField(page, 'jiangyin-2020');
    const path = (await field.evaluate((el) => (el as unknown as { path: (string | number)[] }).path)) as (string | number)[];
    const slider = field.locator('input[type=range]');
    const { min, max } = await slider.evaluate((el) => ({
      min: Number((el as HTMLInputElement).min),
      max: Number((el as HTMLInputElement).max),
    }));
    // Eight positions across the slider's range, the last one let go there.
    const values = Array.from({ length: 8 }, (_, i) => Math.round(min + ((max - min) * (i + 1)) / 10));
    // Every frame from here: the deductible applied, the interval cell, and the exact figures behind it.
    await page.evaluate(
      ([interval, p]) => {
        const w = window as unknown as { frames_: Frame[]; stopFrames: boolean };
        w.frames_ = [];
        w.stopFrames = false;
        const root = (sel: string, from: ParentNode) => (from.querySelector(sel) as HTMLElement | null)?.shadowRoot ?? null;
        const app = document.querySelector('js-app') as unknown as {
          wb: {
            applied: unknown;
            run: { exact: { rulesets?: { lossRatio?: { p05: number; p95: number }; payout?: { mean: number } }[] } | null };
          };
        };
        const frame = () => {
          const a = root('js-app', document);
          const table = a && root('js-results-table', root('js-results-panel', a) ?? a);
          const cell =
            (table?.querySelector(`td[data-ruleset="jiangyin-2020"][data-metric="${interval}"]`) as HTMLElement | null)?.innerText ?? '';
          const v = (p as (string | number)[]).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], app.wb.applied);
          const r = app.wb.run.exact?.rulesets?.[0];
          w.frames_.push({
            deductible: typeof v === 'number' ? v : ((v as { value: number } | undefined)?.value ?? null),
            cell,
            figures: r?.lossRatio && r.payout ? [r.lossRatio.p05, r.lossRatio.p95, r.payout.mean] : null,
          });
          if (!w.stopFrames) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      },
      [INTERVAL, path] as const,
    );
    // The drag: one input event a frame (as a pointer moving the thumb sends them), then the change of letting go.
    await slider.evaluate(
      (el, vs) =>
        new Promise<void>((done) => {
          const input = el as HTMLInputElement;
          let i = 0;
          const step = () => {
            input.value = String(vs[i]);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            if (++i < vs.length) requestAnimationFrame(step);
            else {
              input.dispatchEvent(new Event('change', { bubbles: true }));
              done();
            }
          };
          requestAnimationFrame(step);
        }),
      values,
    );
    const last = values[values.length - 1];
    await expect.poll(() => runStateOf(page), { timeout: 60_000 }).toBe('done');
    await expect
      .poll(
        () =>
          page.evaluate(() => (document.querySelector('js-app') as unknown as { wb: { run: { exact: unknown } } }).wb.run.exact !== null),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    // A few frames more with the figures on screen.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const frames = (await page.evaluate(() => {
      const w = window as unknown as { frames_: Frame[]; stopFrames: boolean };
      w.stopFrames = true;
      return w.frames_;
    })) as Frame[];
    const applied = (await page.evaluate(
      () => (document.querySelector('js-app') as unknown as { wb: { applied: unknown } }).wb.applied,
    )) as Scenario;
    expect(valueAt(applied, path)).toBe(last);
    // The exact aggregate of each deductible shown, computed here.
    const cache = new ExactCache();
    const expected = new Map<number, [number, number, number]>();
    const of = (d: number) => {
      if (!expected.has(d)) {
        const [part] = cache.compute(withValue(applied, path, d));
        const r = part.summary;
        expected.set(d, [r.lossRatio!.p05, r.lossRatio!.p95, r.payout!.mean]);
      }
      return expected.get(d)!;
    };
    const shown = frames.filter((f) => f.figures !== null);
    expect(shown.length).toBeGreaterThan(0);
    // In every frame: pending, or the figures of the deductible on screen in that frame (to 1e-9: the same code, in another JavaScript engine's Math; one deductible step moves them by 1e-3 or more).
    for (const f of shown) {
      const want = of(f.deductible!);
      f.figures!.forEach((x, i) => expect(x / want[i] - 1, `deductible ${f.deductible}, frame figure ${i}`).toBeCloseTo(0, 9));
    }
    // The deductibles the frames saw give figures apart by far more than that tolerance.
    const p05s = [...expected.values()].map((f) => f[0]).sort((a, b) => a - b);
    for (let i = 1; i < p05s.length; i++) expect(p05s[i] / p05s[i - 1] - 1).toBeGreaterThan(1e-6);
    // At the end: the last value's figures, in the cell as percentages.
    const end = frames[frames.length - 1];
    expect(end.deductible).toBe(last);
    const [p05, p95] = of(last);
    expect(end.figures).not.toBeNull();
    expect(end.cell).toBe(`${(p05 * 100).toFixed(1)}% – ${(p95 * 100).toFixed(1)}%`);
    // The drag moved through several deductibles on screen (the frames saw them), not only the last.
    expect(new Set(frames.map((f) => f.deductible)).size).toBeGreaterThan(2);
    await shot(page, 'exact-slider-end');
    expect(errors).toEqual([]);
  }, 240_000);
});
