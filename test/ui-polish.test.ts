import { readdirSync, readFileSync } from 'node:fs';
// Issue #31, the on-screen words: plain words on hover for the terms an analyst does not use (μ, σ, α, 主体占比,
// the exact-vs-Monte-Carlo row, m 自 (%), the three 亏损概率 rows), documents cited by their names and numbers
// (docs/sources.md) instead of "seed 001", and charts drawn without sampling naming no run in their footnote.
import { describe, expect, it } from 'vitest';
import { exactCurve } from '../src/aggregate/summary.ts';
import type { ExactRuleset } from '../src/aggregate/exact.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { runRaw } from '../src/engine/run.ts';
import { summarize } from '../src/engine/summary.ts';
import { modelOf } from '../src/engine/validate-model.ts';
import { distributionChart, tickAbove, yearsChart } from '../src/report/charts/charts.ts';
import { runYears } from '../src/engine/years.ts';
import { allCharts, chartContext, CHARTS, contextFor, defaultSweep } from '../src/report/charts/all.ts';
import { severityParamHint, severityParamName } from '../src/report/severity-names.ts';
import { citeDocuments } from '../src/report/sources.ts';
import { t } from '../src/report/strings.ts';
import { resultRows } from '../src/ui/results-rows.ts';
import { shipped } from './helpers/scenarios.ts';

describe('plain words on hover', () => {
  it('μ, σ, the tail α, the splice point and 主体占比 of a spliced severity each have a one-line hint in both languages', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const p of ['mu', 'sigma', 'alpha', 'splice', 'bodyWeight']) {
        const hint = severityParamHint('spliced', p, lang)!;
        expect(hint, `${p} ${lang}`).toBeTruthy();
        expect(hint).not.toContain('\n');
        expect(hint.length).toBeLessThan(120);
      }
    expect(severityParamName('spliced', 'bodyWeight', 'zh')).toMatch(/^主体占比/);
    expect(severityParamHint('spliced', 'bodyWeight', 'zh')).toMatch(/^主体占比：/);
    expect(severityParamHint('lognormal', 'mu', 'en')).toMatch(/^μ: /);
    // Gamma's α is a shape, not a tail index: no tail hint is given for it.
    expect(severityParamHint('gamma', 'shape', 'zh')).toBeNull();
    expect(severityParamHint('pareto', 'alpha', 'zh')).toBe(t('hintTailAlpha', 'zh'));
  });

  it('the three 亏损概率 rows and the exact-vs-Monte-Carlo row say what each is the probability of', async () => {
    const s = shipped('jiangyin-2020');
    const model = modelOf(s);
    const rows = resultRows({
      analytic: analyticExpectation(model),
      result: null,
      comparisons: [],
      baseline: s.rulesets[0].id,
      exact: null,
      lang: 'zh',
    });
    const hinted = rows.filter((r) => r.hint).map((r) => [r.label.zh, r.hint!.zh]);
    const loss = hinted.filter(([label]) => label.includes('亏损概率'));
    expect(loss.map(([label]) => label)).toEqual(['亏损概率（精确）', '亏损概率（赔付率 > 100%）', '承办机构亏损概率']);
    // Three different events or estimates, three different hints: exact, sampled, and the insurer's after the corridor.
    expect(new Set(loss.map(([, h]) => h)).size).toBe(3);
    expect(loss[0][1]).toContain('精确');
    expect(loss[1][1]).toContain('蒙特卡洛');
    expect(loss[2][1]).toContain('风险调节');
    expect(hinted.find(([label]) => label === '精确分布与蒙特卡洛（标准误之差）')?.[1]).toContain('标准误');
    expect(t('hintTierFrom', 'zh')).toContain('（保费 − 赔付）÷ 保费');
  });
});

describe('documents by their names and numbers', () => {
  it('replaces every "seed NNN" (and the English gloss after it) by the document', () => {
    expect(citeDocuments('seed 001 (Jiangyin critical-illness insurance 2020) 二(二): 按实际运行时间6个月', 'zh')).toBe(
      '《市政府办公室关于实施江阴市城乡居民大病保险制度的意见》澄政办发〔2020〕34号 二(二): 按实际运行时间6个月',
    );
    expect(citeDocuments('seed 004 三(三)', 'en')).toBe(
      "Jilin provincial government office's opinion on critical-illness insurance, 吉政办发〔2016〕57号 三(三)",
    );
    expect(citeDocuments("seed 000's 2021 targets", 'en')).toMatch(/^Suzhou critical-illness insurance 2021 .*'s 2021 targets$/);
    expect(citeDocuments('seed 003: 6', 'zh')).toBe('《苏州市基本医疗保险和生育保险市级统筹实施意见》苏府办〔2020〕62号: 6');
    expect(citeDocuments('seed 999 stays', 'zh')).toBe('seed 999 stays');
  });
  it('no source or assumption of a shipped scenario reads "seed" once cited', () => {
    for (const id of [
      'compare-regions',
      'jiangyin-2020',
      'jilin-2017',
      'suzhou-2021',
      'suzhou-resident-subsidy-2021',
      'suzhou-pooling-2020',
    ]) {
      const texts: string[] = [];
      // The fund files are read as written (they are not scenarios of the engine).
      const file =
        id.startsWith('suzhou-') && id !== 'suzhou-2021'
          ? JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8'))
          : shipped(id);
      JSON.stringify(file, (k, v) => {
        // A text is a string (older files) or { zh, en } (scenario/param.ts Said): both sides are read.
        // The description too: the workbench shows it cited (editor-panel.ts, fund-view.ts).
        if (k === 'source' || k === 'assumption' || k === 'description') {
          if (typeof v === 'string') texts.push(v);
          else if (v && typeof v === 'object') texts.push(String(v.zh), String(v.en));
        }
        return v;
      });
      expect(texts.length, id).toBeGreaterThan(0);
      for (const lang of ['zh', 'en'] as const)
        for (const x of texts) expect(citeDocuments(x, lang), `${id}: ${x}`).not.toMatch(/\bseed \d{3}/i);
    }
  });
});

describe('the notebooks cite documents by name', () => {
  it('no notebook says "seed 00N" or 种子文件 in its text', () => {
    const dir = new URL('../notebooks/', import.meta.url);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const f of pages) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/\bseed 00\d|种子文件/i);
  });
});

describe('footnotes', () => {
  it('charts drawn without sampling name no trials; the run’s charts name the run', async () => {
    const s = shipped('jiangyin-2020');
    const raw = await runRaw(s, { trials: 100, seed: 'footnote', workers: 1 });
    const result = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
    const ctx = chartContext(s, 'zh', 'wan', 640, raw);
    const input = { model: raw.model, raw, result, sweep: defaultSweep(s, 'zh') };
    let drawn = 0;
    for (const c of CHARTS) {
      const spec = c.draw(input, contextFor(c, ctx));
      if (!spec) continue;
      drawn++;
      if (c.dependsOn.includes('run')) expect(spec.footnote, c.key).toContain('；100 次试验，种子 footnote');
      else expect(spec.footnote, c.key).not.toMatch(/次试验|种子/);
    }
    expect(drawn).toBeGreaterThan(4);
    // allCharts (run --out) draws each in its own context too.
    const written = allCharts(s, raw, result);
    expect(written.filter((c) => c.footnote.includes('100 次试验')).length).toBeLessThan(written.length);
  }, 60_000);
});

describe('the exact curve', () => {
  it('is flat for a flat distribution whatever the ratio of cell to bucket (it waved by a fifth)', () => {
    // 1,000 equal masses on a lattice of step 1; 240 cells of 1000/240 ≈ 4.17 buckets each. Whole points per cell
    // gave 4 or 5 points (0.004 or 0.005); shared by overlap every cell holds 1/240 (closed form).
    const pmf = new Float64Array(1000).fill(1 / 1000);
    const c = exactCurve({ id: 'flat', distribution: { lo: 0, h: 1, pmf } } as unknown as ExactRuleset, 240)!;
    expect(c.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Interior cells (the two end cells hold the half buckets at the edges of the span).
    for (const v of c.p.slice(1, -1)) expect(v).toBeCloseTo(1 / 240, 5);
  });
});

describe('the payout histogram', () => {
  it('ends its count axis at the tick above the tallest bar, and puts coinciding premium labels in rows above the plot', () => {
    // 335 trials in one bin (the compare-regions export's tallest bar passed its last tick, 300).
    const values = [
      ...Array.from({ length: 335 }, () => ({ ruleset: 'a', value: 41_000_000 })),
      ...Array.from({ length: 120 }, (_, i) => ({ ruleset: 'b', value: 80_000_000 + i * 100_000 })),
    ];
    const markers = ['a', 'b', 'c'].map((r) => ({ ruleset: r, value: 96_500_000, label: 'premium 保费' }));
    const ctx = { lang: 'zh' as const, unit: 'wan' as const, rulesets: ['a', 'b', 'c'], footnote: '' };
    const spec = distributionChart(values, markers, ctx, 'payout');
    const y = spec.options.y as { domain: number[]; ticks: number[] };
    expect(y.domain).toEqual([0, 350]); // ticks of 50 from 0: the first at or above 335
    expect(y.ticks.at(-1)).toBe(350);
    expect(tickAbove(300)).toBe(300);
    expect(tickAbove(7)).toBe(7);
    // Three labels, three rows of 15 px above the frame (12-px text is 14 px high: rows of 13 touched), inside a
    // top margin of 20 + 3 × 15 px.
    expect(spec.options.marginTop).toBe(65);
    const texts = (spec.options.marks as { ariaLabel?: string }[]).length;
    expect(texts).toBeGreaterThan(3);
  });
});

describe('the year-by-year charts', () => {
  it('draw each year’s expected payout, loss ratio and the fund’s cumulative result as the projection gives them', async () => {
    const s = shipped('jiangyin-2020');
    const { years } = await runYears(s, 2, { trials: 40, seed: 'years-chart', workers: 1 });
    const ctx = chartContext(s, 'zh', 'wan', 640);
    const payout = yearsChart(years, ctx, 'payout')!;
    const r0 = years[0].rulesets[0];
    // In 万元: the projection's mean ÷ 10⁴, its P5 and P95 as the band.
    expect(payout.rows[0]).toEqual({
      ruleset: r0.id,
      year: s.year,
      mean: r0.payout.mean / 1e4,
      lo: r0.payout.p05 / 1e4,
      hi: r0.payout.p95 / 1e4,
    });
    expect(payout.rows.map((r) => r.year)).toEqual([s.year, s.year + 1]);
    expect(yearsChart(years, ctx, 'lossRatio')!.rows[1].mean).toBe(years[1].rulesets[0].lossRatio.mean);
    expect(yearsChart(years, ctx, 'fund')!.rows[1].mean).toBe(years[1].rulesets[0].fundCumulative!.mean / 1e4);
    // Drawn by the chart list only when a projection is given.
    const entry = CHARTS.find((c) => c.key === 'yearsPayout')!;
    expect(entry.draw({ model: modelOf(s) }, ctx)).toBeNull();
    expect(entry.draw({ model: modelOf(s), years }, ctx)?.id).toBe('years-payout');
  }, 60_000);
});
