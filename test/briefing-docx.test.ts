// The Chinese briefing a bureau hands upward (issue #31): `run --out` → report.docx for Suzhou (with --years) and
// Jiangyin, read in its XML (no ruleset id, JSON path or English sentence; 公文 page and fonts; the figures from
// the results; the assumptions in an appendix by name) and converted by LibreOffice to PDF and PNG pages (A4, no
// figure broken across lines). The pages were looked at by eye when this test was written (docs in the commit).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/run.ts';
import { briefingDocx } from '../src/report/briefing.ts';
import { setParam } from '../src/scenario/edit.ts';
import { assumptions } from '../src/scenario/provenance.ts';
import { command } from './helpers/cli.ts';
import { shipped } from './helpers/scenarios.ts';

const root = mkdtempSync(join(tmpdir(), 'jingsuan-briefing-'));
const NAMES = ['suzhou-2021', 'jiangyin-2020'] as const;
const dirOf = (name: string) => join(root, name);

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']);
/** The text a reader sees: every w:t run, in order. */
const textsOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
/** Three or more Latin words in a row: an English sentence (or a phrase of one). */
const ENGLISH = /[A-Za-z]+(?:[ ,.;:'’()-]+[A-Za-z]+){2,}/;
const JSON_PATH = /\w+\[\d+\]\.\w+/;
/** Millimetres to twips, independently of the code (GB/T 9704-2012 §5.2.1: 37, 35, 28, 26 mm). */
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);

beforeAll(async () => {
  for (const name of NAMES) {
    const years = name === 'suzhou-2021' ? ['--years', '2'] : [];
    const r = await command('run', `scenarios/${name}.json`, '--trials', '100', '--workers', '1', ...years, '--out', dirOf(name));
    expect(r.code, r.err).toBe(0);
  }
}, 240_000);

describe('the zh briefing (report.docx) names things as a reader does', () => {
  for (const name of NAMES) {
    it(`${name}: no ruleset id, no JSON path, no English sentence; titles and the appendix by field name`, () => {
      const xml = documentXml(new Uint8Array(readFileSync(join(dirOf(name), 'report.docx'))));
      const texts = textsOf(xml);
      const all = texts.join('\n');
      const s = shipped(name);
      for (const r of s.rulesets) {
        expect(all, r.id).not.toContain(r.id);
        expect(all).toContain(r.title!.zh);
      }
      expect(all.match(JSON_PATH)).toBeNull();
      const english = texts.filter((x) => ENGLISH.test(x));
      expect(english, english.join(' | ')).toEqual([]);
      expect(all).not.toMatch(/seed \d{3}|种子文件/);
      // Bilingual leftovers of the tables ("as written 按文件", "all 合计", "transfer from the basic funds").
      expect(all).not.toMatch(/as written|members|transfer from/);
      // Every assumption in the appendix, numbered, each by its name in words.
      expect(texts).toContain('附录');
      // One entry per assumption, those a proposal shares with the baseline once under both titles.
      const list = assumptions(s);
      const n = Number(/测算所依据的假设（共(\d+)项）/.exec(all)![1]);
      if (s.rulesets.length === 1) expect(n).toBe(list.length);
      else expect(n).toBeLessThan(list.length);
      for (let i = 1; i <= n; i++) expect(all).toMatch(new RegExp(`(^|\\n)${i}\\. \\S`));
      expect(all).not.toMatch(new RegExp(`(^|\\n)${n + 1}\\. \\S`));
      // The summary's figures are the run's: each ruleset's loss ratio as the result gives it.
      const result = JSON.parse(readFileSync(join(dirOf(name), 'result.json'), 'utf8'));
      for (const r of result.rulesets) expect(all).toContain(`赔付率${(r.lossRatio.mean * 100).toFixed(1)}%`);
    });
  }

  it('is laid out as a 公文 (GB/T 9704-2012): A4, margins 37/35/28/26 mm, 仿宋 三号 body, page numbers "— 1 —"', () => {
    const xml = documentXml(new Uint8Array(readFileSync(join(dirOf('jiangyin-2020'), 'report.docx'))));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const attr = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1]);
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')]).toEqual([twips(37), twips(35), twips(28), twips(26)]);
    // Body runs: 仿宋 for Chinese (eastAsia, the attribute Word and WPS pick the face by), 16 pt (w:sz in half-points).
    expect(xml).toMatch(/<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋" w:hAnsi="Times New Roman"\/>.*?<w:sz w:val="32"\/>/s);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    const files = unzipSync(new Uint8Array(readFileSync(join(dirOf('jiangyin-2020'), 'report.docx'))));
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBe(2); // odd pages right, even pages left
    for (const f of footers) expect(strFromU8(files[f])).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
    // The comparison table is turned: one column per ruleset (3 for Suzhou, plus the indicator names).
    const sz = documentXml(new Uint8Array(readFileSync(join(dirOf('suzhou-2021'), 'report.docx'))));
    const firstTable = /<w:tbl>.*?<\/w:tbl>/s.exec(sz)![0];
    expect([...firstTable.matchAll(/<w:gridCol /g)].length).toBe(1 + shipped('suzhou-2021').rulesets.length);
    // The years: a table per ruleset under 逐年预测.
    expect(textsOf(sz)).toContain('五、逐年预测');
  });
});

describe('a briefing of an edited scenario says what changed, and does not pass the old description off as the results', () => {
  it('Jiangyin with the deductible lowered to 15,000: "起付标准 1.8万元 → 1.5万元", the description labelled as the file before the edit', async () => {
    const original = shipped('jiangyin-2020');
    const edited = setParam(original, ['rulesets', 0, 'tracks', 0, 'deductible'], 15000);
    const result = await runScenario(edited, { trials: 100, seed: edited.simulation.seed });
    const xml = documentXml(await briefingDocx({ scenario: edited, result, charts: [], lang: 'zh', original }));
    const all = textsOf(xml).join('\n');
    expect(all).toContain('与打开的文件相比，本次测算修改了：江阴 2020 大病保险 · 起付标准 1.8万元 → 1.5万元。');
    expect(all).toContain(`原文件说明（本次测算已修改文件，以下为修改前文件的原话，其中数字不代表本次结果）：${original.description!.zh}`);
    expect(all).not.toContain(`情景文件说明：${original.description!.zh}`);
    // The edited value in the appendix: in Chinese, with the document it replaced.
    expect(textsOf(xml).join('')).toMatch(
      /起付标准：1\.5万元。在工作台中修改（原值 18000）；原依据：《市政府办公室关于实施江阴市城乡居民大病保险制度的意见》（澄政办发〔2020〕34号）二\(四\)：起付标准为1\.8万元/,
    );
    expect(all.match(JSON_PATH)).toBeNull();
    expect(textsOf(xml).filter((x) => ENGLISH.test(x))).toEqual([]);
  }, 120_000);

  it('Suzhou: each proposal in words, its cost with its 95% interval from the paired difference, and who gains by population', () => {
    const xml = documentXml(new Uint8Array(readFileSync(join(dirOf('suzhou-2021'), 'report.docx'))));
    const all = textsOf(xml).join('');
    const result = JSON.parse(readFileSync(join(dirOf('suzhou-2021'), 'result.json'), 'utf8'));
    const c = result.comparisons.find((x: { b: string }) => x.b === 'suzhou-2021-ded8k');
    const wan = (y: number) =>
      `${y > 0 ? '+' : y < 0 ? '−' : ''}${(Math.abs(y) / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}万元`;
    // The 8,000 deductible proposal (suzhou-2021.json rulesets[2]): only the self-burden deductible differs.
    expect(all).toContain('调整内容：自负费用 · 起付标准 1.2万元 → 8,000元。');
    expect(all).toContain(
      `期望赔付增加${wan(c.payoutDiff.mean).slice(1)}（95%区间 ${wan(c.payoutDiff.lo95).slice(1)} 至 ${wan(c.payoutDiff.hi95).slice(1)}）`,
    );
    // The interval is above zero (the 8,000 deductible pays more in every pairing): amounts of the increase.
    expect(c.payoutDiff.lo95).toBeGreaterThan(0);
    expect(all).toMatch(/受益变化：职工：获补偿人数\+[\d,]+人，补偿金额\+[\d,.]+万元，减负率\+[\d.]+个百分点；居民：/);
  });
});

describe('the household section (家庭负担与因病致贫, issue #33)', () => {
  // The figures as result.json (run --json's household keys) gives them, at the briefing's rounding, written
  // independently of report/briefing-household.ts: 万元 to one decimal, per member 元 to two, shares % to two,
  // differences of shares in percentage points to three (as the household panel), counts whole; U+2212 for a minus.
  const wan = (y: number) => (y / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const yuan2 = (y: number) => y.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const signed = (s: string) => (s.startsWith('-') ? `−${s.slice(1)}` : s.startsWith('0') || s.startsWith('−') ? s : `+${s}`);
  const pts = (x: number) => {
    const v = (x * 100).toFixed(3);
    return x < 0 ? `−${v.replace('-', '')}` : x > 0 && Number(v) !== 0 ? `+${v}` : v;
  };
  const count = (x: number) => Math.round(x).toLocaleString('zh-CN');
  const sectionOf = (name: string) => {
    const texts = textsOf(documentXml(new Uint8Array(readFileSync(join(dirOf(name), 'report.docx')))));
    const from = texts.findIndex((x) => /、家庭负担与因病致贫$/.test(x));
    const to = texts.findIndex((x, i) => i > from && /^[一二三四五六七八九十]+、/.test(x));
    return { from, texts: texts.slice(from, to < 0 ? undefined : to) };
  };

  it("Suzhou: each ruleset's figures with their 95% intervals and each proposal's paired difference equal run --json", () => {
    const { from, texts } = sectionOf('suzhou-2021');
    expect(from).toBeGreaterThan(0);
    const all = texts.join('\n');
    const result = JSON.parse(readFileSync(join(dirOf('suzhou-2021'), 'result.json'), 'utf8'));
    for (const r of result.rulesets) {
      const h = r.household;
      expect(h, r.id).not.toBeNull();
      const perMember = h.outOfPocket / h.insured;
      for (const figure of [
        wan(h.outOfPocket),
        `[${wan(h.intervals.outOfPocket.lo95)}, ${wan(h.intervals.outOfPocket.hi95)}]`,
        yuan2(perMember),
        `[${yuan2(h.intervals.outOfPocket.lo95 / h.insured)}, ${yuan2(h.intervals.outOfPocket.hi95 / h.insured)}]`,
        pct(h.catastrophic10),
        `[${pct(h.intervals.catastrophic10.lo95)}, ${pct(h.intervals.catastrophic10.hi95)}]`,
        pct(h.catastrophic25),
        `[${pct(h.intervals.catastrophic25.lo95)}, ${pct(h.intervals.catastrophic25.hi95)}]`,
        pct(h.catastrophicCtp40),
        `[${pct(h.intervals.catastrophicCtp40.lo95)}, ${pct(h.intervals.catastrophicCtp40.hi95)}]`,
        count(h.impoverished),
        `[${count(h.intervals.impoverished.lo95)}, ${count(h.intervals.impoverished.hi95)}]`,
        pct(h.burdenReduction.criticalIllness),
        pct(h.burdenReduction.assistance),
      ])
        expect(texts, `${r.id} ${figure}`).toContain(figure);
      // The words say the same figures: 「title」…因病致贫：N 人.
      expect(all).toContain(
        `「${r.title?.zh ?? shipped('suzhou-2021').rulesets.find((x) => x.id === r.id)!.title.zh}」个人自付合计：${wan(h.outOfPocket)}万元`,
      );
    }
    for (const c of result.comparisons) {
      const d = c.household.total;
      for (const figure of [
        pts(d.catastrophic10.mean),
        `[${pts(d.catastrophic10.lo95)}, ${pts(d.catastrophic10.hi95)}]`,
        pts(d.catastrophic25.mean),
        `[${pts(d.catastrophic25.lo95)}, ${pts(d.catastrophic25.hi95)}]`,
        pts(d.catastrophicCtp40.mean),
        `[${pts(d.catastrophicCtp40.lo95)}, ${pts(d.catastrophicCtp40.hi95)}]`,
        signed(count(d.impoverished.mean)),
        `[${signed(count(d.impoverished.lo95))}, ${signed(count(d.impoverished.hi95))}]`,
      ])
        expect(texts, `${c.b} ${figure}`).toContain(figure);
    }
    // The 8,000 deductible lowers catastrophic spending at 25%: its whole interval is below zero.
    const ded8k = result.comparisons.find((x: { b: string }) => x.b === 'suzhou-2021-ded8k').household.total;
    expect(ded8k.catastrophic25.hi95).toBeLessThan(0);
  });

  it('Suzhou: the typical case (典型病例) as a picture and its table, to the fen, equal to benefit --income for the person', async () => {
    const { texts } = sectionOf('suzhou-2021');
    expect(texts).toContain('（三）典型病例');
    const xml = documentXml(new Uint8Array(readFileSync(join(dirOf('suzhou-2021'), 'report.docx'))));
    const section = xml.slice(xml.indexOf('家庭负担与因病致贫'));
    expect(section).toMatch(/<wp:docPr [^>]*name="典型病例：逐层支付（元）"/);
    // The default person (report/typical-default.ts): Suzhou's workers (the first population with an income),
    // its 实时救助人员 group (the recipients of assistance), 100,000 yuan of self-burden, the group's median income.
    const s = shipped('suzhou-2021');
    const pop = s.populations.find((p) => p.income)!;
    const group = pop.groups.find((g) => s.rulesets.some((r) => r.assistance?.groups.includes(g.tag)))!;
    const income = Math.round(Math.exp((group.income ?? pop.income)!.mu.value));
    expect(texts.join('')).toContain(`年收入 ${income.toLocaleString('zh-CN')} 元（收入分布的中位数）`);
    // The same person through benefit --income (the CLI's settlement, rules/assistance.ts).
    const ratio = pop.selfPay.ratio!.value;
    const selfPay = (ratio * 100_000).toFixed(2);
    const compliant = (pop.selfPay.compliantShare.value * Number(selfPay)).toFixed(2);
    const r = await command(
      'benefit',
      'scenarios/suzhou-2021.json',
      '--ruleset',
      s.rulesets[0].id,
      '--burden',
      '100000',
      '--self-pay',
      selfPay,
      '--compliant-self-pay',
      compliant,
      '--group',
      group.tag,
      '--income',
      String(income),
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out).layers;
    const yuan = (v: string | number) => Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const at = texts.indexOf('医疗费用');
    expect(texts.slice(at, at + 2)).toEqual(['医疗费用', yuan(b.cost)]);
    for (const [label, v] of [
      ['大病保险', b.criticalIllness],
      ['医疗救助', b.assistance],
      ['个人自付', b.outOfPocket],
    ] as const)
      expect(texts[texts.indexOf(label, at) + 1], label).toBe(yuan(v));
  });
});

const soffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftoppm'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.log('briefing-docx: LibreOffice (soffice) or poppler (pdftoppm) not installed: the PDF/PNG checks are skipped');

describe.skipIf(!soffice)('the briefing converted by LibreOffice: A4 pages, figures whole on one line', () => {
  for (const name of NAMES) {
    it(`${name}: PDF pages are A4, every figure of the indicator table stands whole in the page text, PNG pages render`, () => {
      const dir = dirOf(name);
      const pdf = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, HOME: root },
      });
      expect(pdf.status, pdf.stderr).toBe(0);
      const info = spawnSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' }).stdout;
      // A4 in points: 595.3 × 841.9 (LibreOffice rounds to 595.304 × 841.89).
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThan(3);
      // Every figure in the tables stands whole in the text of its page: none broken across lines ("53.1/%").
      const text = spawnSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
      const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
      for (const r of result.rulesets) {
        for (const figure of [
          (r.premium / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          (r.payout.mean / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          `${(r.lossRatio.mean * 100).toFixed(1)}%`,
          `${(r.lossRatio.p95 * 100).toFixed(1)}%`,
        ])
          expect(text, figure).toMatch(new RegExp(`(^|\\s)${figure.replace(/[.]/g, '\\.')}(\\s|$)`, 'm'));
      }
      // The household section's figures too (issue #33): shares, counts and per-member amounts, each whole.
      for (const r of result.rulesets.filter((x: { household: unknown }) => x.household)) {
        const h = r.household;
        for (const figure of [
          `${(h.catastrophic10 * 100).toFixed(2)}%`,
          `${(h.catastrophic25 * 100).toFixed(2)}%`,
          Math.round(h.impoverished).toLocaleString('zh-CN'),
          (h.outOfPocket / h.insured).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        ])
          expect(text, figure).toMatch(new RegExp(`(^|[\\s\\[])${figure.replace(/[.]/g, '\\.')}([\\s,\\]]|$)`, 'm'));
      }
      const png = spawnSync('pdftoppm', ['-r', '60', '-png', join(dir, 'report.pdf'), join(dir, 'page')], { encoding: 'utf8' });
      expect(png.status, png.stderr).toBe(0);
      const shots = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
      expect(shots.length).toBe(pages);
      // 60 dpi A4 (210 × 297 mm): 496.1 × 701.6 pixels, which pdftoppm rounds up.
      const buf = readFileSync(join(dir, shots[0]));
      expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([Math.ceil((210 / 25.4) * 60), Math.ceil((297 / 25.4) * 60)]);
    }, 240_000);
  }
});
