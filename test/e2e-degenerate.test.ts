// Degenerate files in the workbench (issue #30): a cap below a fen, no premium, no insured, shocks of huge and of
// negligible spread, fund files with nothing spent. The whole page — every shadow root, SVG text and hover
// title included — is read every 0.3 s from the file's opening until its run and exact distribution have
// settled, and no reading may show NaN, Infinity or undefined as a number, nor may the page log an error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';
import { openPage, openTextIn, runStateOf, shot, useSite } from './helpers/browser.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const site = useSite();
const base = (name: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const a = (value: number) => ({ value, assumption: 'hostile test' });

/** Jiangyin 2020 on 20,000 members and 100 trials, changed by `change`. */
function jiangyin(change: (d: Json) => void): string {
  const d = base('jiangyin-2020');
  d.populations[0].insured = a(20_000);
  d.simulation.trials = 100;
  change(d);
  return JSON.stringify(d, (_k, v) => (Object.is(v, -0) ? '__minus_zero__' : v)).replace(/"__minus_zero__"/g, '-0');
}

/** Every number-like value of a fund file whose key says it is spent (expenditure, spending) set to 0. */
function nothingSpent(name: string): string {
  const d = base(name);
  const zero = (n: Json) => {
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n) as [string, Json][]) {
      if (/expend|spend/i.test(k) && v && typeof v === 'object' && typeof v.value === 'number') v.value = 0;
      else zero(v);
    }
  };
  zero(d);
  return JSON.stringify(d);
}

const CASES: [string, string, boolean][] = [
  ['a cap of 1e-20 yuan', jiangyin((d) => (d.rulesets[0].cap = a(1e-20))), true],
  ['no premium', jiangyin((d) => (d.rulesets[0].funding.channels = [{ channel: 'fundTransfer', perInsured: a(0) }])), true],
  ['no insured', jiangyin((d) => (d.populations[0].insured = a(0))), true],
  ['insured −0', jiangyin((d) => (d.populations[0].insured = a(-0))), true],
  ['gamma cost shock of cv 2', jiangyin((d) => (d.simulation.parameterRisk.costLevel = { cv: a(2), distribution: 'gamma' })), true],
  ['gamma cost shock of cv 1e-20', jiangyin((d) => (d.simulation.parameterRisk.costLevel = { cv: a(1e-20), distribution: 'gamma' })), true],
  ['lognormal utilisation shock of cv 1e-12', jiangyin((d) => (d.simulation.parameterRisk.utilisation = { cv: a(1e-12) })), true],
  ['pooling with nothing spent', nothingSpent('suzhou-pooling-2020'), false],
  ['subsidy with nothing spent', nothingSpent('suzhou-resident-subsidy-2021'), false],
];

/** The page's whole text: light DOM, every shadow root, and title attributes (hover texts). */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT') continue;
        for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
        const title = el.getAttribute('title');
        if (title) parts.push(title);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return parts.join(' ');
  });

describe('degenerate files in the workbench show words, never NaN or Infinity', () => {
  for (const [label, text, runs] of CASES) {
    it(
      label,
      async () => {
        const { page, errors } = await openPage(site.browser, `${site.url}?scenario=jiangyin-2020`);
        const opened = await openTextIn(page, `${label}.json`, text);
        const seen = new Set<string>();
        const read = async () => {
          const t = await pageText(page);
          for (const m of t.matchAll(/.{0,60}(\bNaN\b|\bInfinity\b|\bundefined\b).{0,30}/g)) seen.add(m[0]);
        };
        // Read while it computes, then until it has settled (the run done, the exact distribution drawn after it).
        const start = Date.now();
        let settledAt = 0;
        while (Date.now() - start < 60_000) {
          await read();
          const state = runs && opened ? await runStateOf(page) : 'done';
          if (state === 'done' || state === 'error') settledAt ||= Date.now();
          if (settledAt && Date.now() - settledAt > 1500) break;
          await page.waitForTimeout(300);
        }
        await read();
        await shot(page, `degenerate-${label.replace(/\W+/g, '-')}`);
        if (seen.size) writeFileSync(join(ROOT, 'test-output', `degenerate-${label.replace(/\W+/g, '-')}.txt`), [...seen].join('\n'));
        expect([...seen], label).toEqual([]);
        expect(errors, label).toEqual([]);
      },
      90_000,
    );
  }
});
