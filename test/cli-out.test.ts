// `jingsuan run FILE --out DIR` (issue 6): result.json, CSV tables, every chart as SVG (title and footnote in
// the image) and PNG (2×, not blank, Chinese text rendered by resvg with Noto CJK), and report.md listing every
// assumption with the charts embedded, and report.docx (the briefing).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { assumptions } from '../src/scenario/provenance.ts';
import { jingsuan } from './helpers/cli.ts';
import { shipped } from './helpers/scenarios.ts';

const dir = join(mkdtempSync(join(tmpdir(), 'jingsuan-out-')), 'suzhou');
const CHARTS = [
  'benefit-curve',
  'ratio-curve',
  'payout-distribution',
  'loss-ratio-distribution',
  'corridor-split',
  'sensitivity-payout',
  'sensitivity-loss-ratio',
  'breakdown',
];

/** PNG width, height and the inflated image bytes (filter byte + RGBA per row). */
function readPng(buf: Buffer) {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < buf.length;) {
    const len = buf.readUInt32BE(o);
    const type = buf.subarray(o + 4, o + 8).toString();
    if (type === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return { width, height, data: inflateSync(Buffer.concat(idat)) };
}

beforeAll(() => {
  const r = jingsuan('run', 'scenarios/suzhou-2021.json', '--trials', '60', '--seed', 'out', '--out', dir);
  expect(r.code, r.err).toBe(0);
}, 300_000);

describe('run --out', () => {
  it('writes result.json (the --json object) and CSV tables', () => {
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result).toMatchObject({ scenario: 'suzhou-2021', trials: 60, seed: 'out' });
    const csv = readFileSync(join(dir, 'indicators.csv'), 'utf8');
    expect(csv.startsWith('\ufeffruleset 方案,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8')).toContain('beneficiaries,employees,suzhou-2021,20000,');
    // The CSV files keep the populations' ids (docs/model.md: their columns are a contract), where the printed
    // tables and report.md read titles.
    expect(readFileSync(join(dir, 'populations.csv'), 'utf8')).toMatch(/\r\nsuzhou-2021,employees,/);
    expect(readFileSync(join(dir, 'funding.csv'), 'utf8')).toContain(
      '\r\nsuzhou-2021,fiscal subsidy 财政补贴,employees,75501500.00,0.4347\r\n',
    );
  });

  for (const id of CHARTS) {
    it(`${id}: SVG with title and footnote, PNG at 2× and not blank, CSV of its data`, () => {
      const svg = readFileSync(join(dir, `${id}.svg`), 'utf8');
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      const root = doc.documentElement;
      expect(root.tagName).toBe('svg');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
      expect(doc.querySelector('title')?.textContent).toBe(texts[0]);
      // A chart of the run names the run; a chart drawn without sampling (curves, sweep, breakdown) names none (#31).
      const fromRun = ['payout-distribution', 'loss-ratio-distribution', 'corridor-split'].includes(id);
      expect(texts.join('')).toContain(
        fromRun ? '情景：苏州 2021 大病保险（suzhou-2021）；60 次试验，种子 out' : '情景：苏州 2021 大病保险（suzhou-2021）。',
      );
      if (!fromRun) expect(texts.join('')).not.toContain('次试验');
      const png = readPng(readFileSync(join(dir, `${id}.png`)));
      expect([png.width, png.height]).toEqual([2 * Number(root.getAttribute('width')), 2 * Number(root.getAttribute('height'))]);
      // A blank image compresses to a handful of byte values; a drawn chart has many.
      expect(new Set(png.data).size).toBeGreaterThan(100);
      expect(existsSync(join(dir, `${id}.csv`))).toBe(true);
    });
  }

  it('report.md is briefing-ready: key figures, targets, every assumption, charts embedded', () => {
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# 苏州 2021 大病保险 · Suzhou critical-illness insurance 2021/);
    expect(md).toContain('60 trials · seed `out`');
    expect(md).toContain('## Modelled vs targets 模型与目标');
    expect(md).toContain('## Cash by month 资金流: suzhou-2021');
    // Populations and groups by their titles in both languages, as the printed tables in one (cli/run.ts).
    expect(md).toContain('| suzhou-2021 | fiscal subsidy 财政补贴 | Employees 职工 | 7,550.15 | 43.5% |');
    expect(md).toMatch(/^\| suzhou-2021-ded8k \| Residents 居民 \| [\d,]+\.\d \|/m);
    expect(md).toMatch(/^\| beneficiaries 补偿人数 \| Employees 职工 \| suzhou-2021 \| 20,000 \|/m);
    expect(md).toContain('| all · real-time assistance recipients 合计 · 实时救助人员 | suzhou-2021 |');
    expect(md).toContain('**burdenReductionRate (Employees 职工), burdenReductionRate (Residents 居民)**');
    expect(md).not.toMatch(/\| (employees|residents) \|/);
    for (const a of assumptions(shipped('suzhou-2021'))) expect(md).toContain(`\`${a.path}\``);
    for (const id of CHARTS) expect(md).toContain(`](${id}.svg)`);
  });
});

describe('run --out writes report.docx, the briefing for Word', () => {
  it('holds the title, the key indicators as on screen, the corridor split, every chart as a PNG and every assumption', () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'report.docx'))));
    const xml = strFromU8(files['word/document.xml']);
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const s = shipped('suzhou-2021');
    expect(texts[0]).toBe(s.title.zh);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    // The indicators table: the premium and the loss ratio as the screen shows them (万元 to one decimal, %).
    const r0 = result.rulesets[0];
    expect(texts).toContain((r0.premium / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    expect(texts).toContain(`${(r0.lossRatio.mean * 100).toFixed(1)}%`);
    expect(texts.some((x) => x.endsWith('与基准方案的比较'))).toBe(true);
    expect(texts.some((x) => /^[一二三四五六七]、风险调节$/.test(x))).toBe(true);
    // One picture per chart and the typical case's waterfall (Suzhou has incomes: the household section), each a PNG at 2×.
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(CHARTS.length + 1);
    for (const m of media) expect(readPng(Buffer.from(files[m])).width).toBeGreaterThan(1000);
    // Every assumption in the appendix, numbered and named in words, never by its path (issue #31).
    const all = texts.join('');
    // (Those a proposal shares with the baseline once, under both rulesets' titles: fewer entries than assumptions.)
    expect(Number(/测算所依据的假设（共(\d+)项）/.exec(all)![1])).toBeLessThan(assumptions(s).length);
    for (const a of assumptions(s)) expect(xml).not.toContain(a.path);
  });
});
