// readClaimsFile in the browser (the workbench calls it): src/fit/read.ts bundled by esbuild for the browser, the
// .xlsx reader as a chunk of its own loaded on demand, run in headless Chromium on the fixtures' bytes. Chromium's
// TextDecoder must read GBK and UTF-16 as Node's does, so the results must equal Node's.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClaimsFile, type ReadOptions } from '../src/fit/read.ts';
import { launch, serve } from './helpers/browser.ts';
import { ROOT } from './helpers/golden.ts';

const CASES: [string, ReadOptions][] = [
  ['grouped-gbk.csv', { grouped: true }],
  ['unicode-text.txt', {}],
  ['individual-bom.csv', { truncate: 0 }],
  ['claims.xlsx', { sheet: '分组', grouped: true }],
];

let browser: Browser;
let url: string;
let close: () => void;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jingsuan-read-browser-'));
  await build({
    entryPoints: [join(ROOT, 'src/fit/read.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: dir,
    logLevel: 'error',
  });
  const served = await serve(dir);
  url = served.url;
  close = () => served.server.close();
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('readClaimsFile in Chromium', () => {
  it('the bundle keeps the .xlsx reader in a chunk of its own, loaded only for a workbook', () => {
    const files = readdirSync(dir);
    expect(files).toContain('read.js');
    expect(files.filter((f) => f.startsWith('read-xlsx-'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'read.js'), 'utf8')).not.toContain('sharedStrings');
  });

  it('reads GBK, UTF-16, UTF-8 with BOM and .xlsx as Node does', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${url}read.js`);
      // The page's own import(), in a string: vitest rewrites import() in functions it compiles.
      const inPage = (bytes: number[], name: string, options: ReadOptions) =>
        page.evaluate(`import(${JSON.stringify(`${url}read.js`)}).then((m) => m.readClaimsFile(new Uint8Array(${JSON.stringify(bytes)}), ${JSON.stringify(name)}, ${JSON.stringify(options)}))
          .then((r) => JSON.stringify(r, (_k, v) => (v === Infinity ? 'Infinity' : v)), (e) => 'refused: ' + e.message)`);
      for (const [name, options] of CASES) {
        const bytes = [...readFileSync(join(ROOT, 'test/fixtures/fit', name))];
        const inNode = JSON.stringify(await readClaimsFile(new Uint8Array(bytes), name, options), (_k, v) =>
          v === Infinity ? 'Infinity' : v,
        );
        expect(await inPage(bytes, name, options), name).toBe(inNode);
      }
      const refusal = await inPage([...new TextEncoder().encode('金额\n1000\nabc\n')], 'x.csv', {});
      expect(refusal).toBe('refused: row 3, column A (金额): "abc" is not a number (an amount in yuan belongs here)');
    } finally {
      await page.close();
    }
  });
});
