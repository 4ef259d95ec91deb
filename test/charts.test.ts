/**
 * Charts draw the result they are handed (report/charts/): the data in each mark, and the drawn SVG, checked
 * against the run, the sweep and the corridor summary they come from.
 */
import { describe, expect, it } from 'vitest';
import { allCharts, CHARTS } from '../src/report/charts/all.ts';
import { labelMargin, wholeTicks, wrapLabel, type ChartSpec } from '../src/report/charts/charts.ts';
import { svgOf } from '../src/report/node-render.ts';
import { runRaw } from '../src/engine/run.ts';
import { column, summarize } from '../src/engine/summary.ts';
import { PAYOUT } from '../src/engine/trial.ts';
import { shipped } from './helpers/scenarios.ts';
import { analyticOfRuleset } from '../src/analysis/metrics.ts';
import { withNumber } from '../src/analysis/path.ts';

type MarkData = { data?: unknown };
const markData = (spec: ChartSpec, i: number) => ((spec.options.marks as MarkData[])[i].data ?? []) as Record<string, number | string>[];

describe('charts of a run (compare-regions, 300 trials)', async () => {
  const s = shipped('compare-regions');
  const raw = await runRaw(s, { trials: 300, seed: 'charts', workers: 1 });
  const result = summarize(raw.model, raw.data, raw.trials, raw.seed, raw.analytic);
  const charts = Object.fromEntries(allCharts(s, raw, result).map((c) => [c.id, c]));

  it('one chart per entry of the list that has something to draw (the year-by-year charts only with a projection)', () => {
    expect(Object.keys(charts)).toHaveLength(CHARTS.filter((c) => !c.dependsOn.includes('years')).length);
  });

  it('payout histogram: each ruleset’s bars count its 300 trials once, overlaid (no bar taller than the trials)', () => {
    const bins = markData(charts['payout-distribution'], 0);
    s.rulesets.forEach((r, ri) => {
      const mine = bins.filter((b) => b.ruleset === r.id);
      expect(mine.reduce((a, b) => a + Number(b.count), 0)).toBe(300);
      // Every trial lands in the bin that holds its payout (in 万元).
      const payouts = column(raw.model, raw.data, raw.trials, ri, -1, PAYOUT);
      for (const b of mine) {
        const inside = payouts.filter((v) => v / 1e4 >= Number(b.x1) && v / 1e4 < Number(b.x2)).length;
        expect(inside).toBe(Number(b.count));
      }
    });
    // Drawn: the y axis ends near the tallest bar, not at the sum of the rulesets' bars.
    const svg = svgOf(charts['payout-distribution']);
    const ticks = [...svg.matchAll(/aria-label="y-axis tick label"[^]*?<\/g>/g)][0][0];
    const top = Math.max(...[...ticks.matchAll(/>([\d,]+)<\/text>/g)].map((m) => Number(m[1].replace(/,/g, ''))));
    const tallest = Math.max(...bins.map((b) => Number(b.count)));
    expect(top).toBeGreaterThanOrEqual(tallest * 0.8);
    expect(top).toBeLessThan(300);
    // The legend names the rulesets as the results table heads them; the scale keeps their ids.
    expect((charts['payout-distribution'].options.color as { domain: string[] }).domain).toEqual(s.rulesets.map((r) => r.id));
    for (const r of s.rulesets) expect(svg).toContain(`>${r.title!.zh}</text>`);
    expect(svg).not.toContain('>suzhou-2021</text>');
  });

  it('count axes tick whole trials only (a run of 3 trials does not read 0.5)', () => {
    expect(wholeTicks(3)).toEqual([0, 1, 2, 3]);
    expect(wholeTicks(1)).toEqual([0, 1]);
    expect(wholeTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('corridor chart: the bars are the run’s expected insurer result, return and top-up (万元)', () => {
    const bars = markData(charts['corridor-split'], 0);
    for (const r of result.rulesets.filter((x) => x.corridor)) {
      const bar = (part: string) => bars.find((b) => b.ruleset === r.id && b.reading === 'as written' && b.part === part)!.v;
      expect(bar('insurer')).toBeCloseTo(r.corridor!.insurerMean / 1e4, 9);
      expect(bar('fundReturn')).toBeCloseTo(r.corridor!.fundReturnMean / 1e4, 9);
      expect(bar('fundTopUp')).toBeCloseTo(r.corridor!.fundTopUpMean / 1e4, 9);
    }
  });

  it('sensitivity chart: each point is the analytic payout at that deductible; the legend names only the ruleset drawn', () => {
    const spec = charts['sensitivity-payout'];
    const line = markData(spec, 0);
    // 25 steps from 0 to twice the deductible, and the current value (here one of them).
    const ded = s.rulesets[0].tracks[0].deductible.value;
    expect(line.filter((p) => p.current).map((p) => p.x)).toEqual([ded]);
    expect(line.length).toBe(new Set([...Array.from({ length: 25 }, (_, i) => (2 * ded * i) / 24), ded]).size);
    for (const p of [line[0], line[12], line[line.length - 1]]) {
      const a = analyticOfRuleset(withNumber(s, ['rulesets', 0, 'tracks', 0, 'deductible'], Number(p.x)), 0);
      expect(Number(p.payout)).toBeCloseTo(a.payout!, 6);
    }
    expect((spec.options.color as { domain: string[] }).domain).toEqual([s.rulesets[0].id]);
  });

  it('breakdown chart: the parts are named by the groups’ titles in the chart’s language, and add up to each ruleset’s payout', () => {
    const zh = charts['breakdown'];
    const en = Object.fromEntries(allCharts(s, raw, result, 'en').map((c) => [c.id, c]))['breakdown'];
    // compare-regions has one population: its groups alone, as the editor names them.
    expect((zh.options.color as { domain: string[] }).domain).toEqual(['普通参保人', '医疗救助对象', '农村居民', '多重身份', '贫困人口']);
    expect((en.options.color as { domain: string[] }).domain).toEqual([
      'general members',
      'medical-assistance recipients',
      'rural residents',
      'several groups',
      'poor',
    ]);
    const bars = markData(zh, 0);
    for (const r of result.rulesets) {
      const sum = bars.filter((b) => b.ruleset === r.id).reduce((a, b) => a + Number(b.v), 0);
      expect(sum).toBeCloseTo(r.analyticMean! / 1e4, 6);
    }
  });

  it('corridor chart: the left margin holds the longest label (ruleset · reading)', () => {
    const spec = charts['corridor-split'];
    const longest = '苏州 2021 大病保险（假设方案） · 按文件';
    expect(markData(spec, 0).some((b) => b.key === longest)).toBe(true);
    // 15 full-width characters at 12 px and 9 others at 0.56 × 12 px, and 14 px between the label and the axis.
    expect(spec.options.marginLeft).toBe(Math.ceil(15 * 12 + 9 * 0.56 * 12 + 14));
    // …on one line: the margin is rounded up, so the label fits the room it was measured for.
    expect((spec.options.y as { tickFormat: (k: string) => string }).tickFormat(longest)).toBe(longest);
    expect(labelMargin(['甲'.repeat(40)], 640)).toBe(288); // at most 45% of the width
    // Rulesets in the scenario's order, each reading under its ruleset, in either language.
    expect((spec.options.y as { domain: string[] }).domain).toEqual([
      longest,
      '江阴 2020 大病保险 · 按文件',
      '吉林 2017 大病保险 · 按文件',
      '吉林 2017 大病保险 · 整体口径',
    ]);
  });

  it('a label wider than its margin is broken between words or Han characters, never lost', () => {
    const en = 'Suzhou critical-illness insurance 2021 (assumed schedule) · as written';
    const lines = wrapLabel(en, 274).split('\n');
    // 38 characters at 6.72 px (255 px) fit 274; with the next word they would not.
    expect(lines).toEqual(['Suzhou critical-illness insurance 2021', '(assumed schedule) · as written']);
    expect(lines.join(' ')).toBe(en);
    // Han characters at 12 px break anywhere: 24 + 40.3 + 48 = 112.3 px fit the first line of 120.
    expect(wrapLabel('苏州 2021 大病保险（假设方案） · 按文件', 120).split('\n')).toEqual([
      '苏州 2021 大病保险',
      '（假设方案） · 按文',
      '件',
    ]);
    expect(wrapLabel('short', 100)).toBe('short');
  });
});
