// An English page says its own words in English (a user's review found 元, "：", "保本微利 possible" and
// "−754万" on the English Suzhou page): for every shipped scenario, the page in English, its charts drawn, holds
// no Chinese character but in what the scenario file itself provides (titles, sources, descriptions — the
// documents it cites are named in Chinese, as issued) and the language button "中文".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { citeDocuments, SOURCE_DOCUMENTS } from '../src/report/sources.ts';
import { ROOT } from './helpers/golden.ts';
import { openPage, runStateOf, shot, useSite } from './helpers/browser.ts';

const site = useSite();
const ids = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Every text a scenario file gives (any language), as written and with its citations named (sources.ts). */
const provided: string[] = (() => {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      out.add(v);
      out.add(citeDocuments(v, 'en'));
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const id of ids) walk(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));
  for (const d of Object.values(SOURCE_DOCUMENTS)) out.add(d.en).add(d.zh);
  // Longest first: a title inside a longer text goes with it.
  return [...out].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
})();

/** Chinese characters and the full-width punctuation of Chinese text (not ＋, a symbol in either language). */
const CJK = /[\p{Script=Han}\u3001\u3002\u300a-\u3011\u3014\u3015\uff08\uff09\uff0c\uff1a\uff1b]/u;
/** Chinese terms the English page glosses in brackets on purpose: the briefing's 公文 layout, 万元. */
const GLOSSES = ['(公文)', '(万元)'];

/** The page's text nodes, shadow roots included, without style, script and noscript. */
const texts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node) => {
      for (const c of [...((n as Element).shadowRoot ? [(n as Element).shadowRoot!] : []), ...n.childNodes]) {
        if (c.nodeType === Node.TEXT_NODE) {
          const s = (c.textContent ?? '').trim();
          if (s) out.push(s);
        } else if (c.nodeType === Node.DOCUMENT_FRAGMENT_NODE || !['STYLE', 'SCRIPT', 'NOSCRIPT'].includes((c as Element).tagName)) walk(c);
      }
    };
    walk(document.body);
    return out;
  });

describe('an English page in English', () => {
  for (const id of ids)
    it(`${id}: no Chinese but the file's own texts`, async () => {
      const { page, errors } = await openPage(site.browser, `${site.url}?scenario=${id}`, { width: 1440, height: 1000 });
      await page.locator('js-app-header button.lang').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
      // A fund-level file has no run; the others are read when their run is done, or asks first (Suzhou here takes
      // minutes: its analytic rows, typical case and charts are there meanwhile).
      await expect
        .poll(
          async () =>
            ['done', 'confirm'].includes(await runStateOf(page)) ||
            (await page.locator('js-fund-view tr[data-year], js-fund-view [data-total]').count()) > 0,
          {
            timeout: 180_000,
          },
        )
        .toBe(true);
      // Charts are drawn when scrolled to: the window as tall as the page draws them all.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1440, height: Math.min(height, 20_000) });
      await page.waitForTimeout(2000);
      const left = (await texts(page))
        .map((s) => {
          for (const p of provided) if (s.includes(p)) s = s.split(p).join(' ');
          for (const g of GLOSSES) s = s.split(g).join(' ');
          return s.trim();
        })
        .filter((s) => s !== '中文' && CJK.test(s));
      expect(left).toEqual([]);
      await page.setViewportSize({ width: 1440, height: 1000 });
      await shot(page, `en-words-${id}`);
      expect(errors).toEqual([]);
    }, 300_000);
});
