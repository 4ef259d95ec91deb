// Charts are drawn at the width they are shown (ui/chart-width.ts), never wider than their spec; exports keep the spec.
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../src/report/charts/charts.ts';
import { chartWidth, MIN_CHART_WIDTH, specForWidth } from '../src/ui/chart-width.ts';

const spec: ChartSpec = { id: 'payout-distribution', title: 't', footnote: 'f', rows: [], options: { width: 600, height: 320 } };

describe('chartWidth', () => {
  it("draws in a phone's column at its width, on a desktop at the spec's, never below the floor", () => {
    expect(chartWidth(600, 336)).toBe(336);
    expect(chartWidth(600, 336.7)).toBe(336);
    expect(chartWidth(600, 834)).toBe(600);
    expect(chartWidth(undefined, 834)).toBe(640);
    expect(chartWidth(600, 120)).toBe(MIN_CHART_WIDTH);
    // Not laid out yet: as before.
    expect(chartWidth(600, 0)).toBe(600);
  });
  it('leaves the spec (the one the exports draw) untouched', () => {
    const narrow = specForWidth(spec, 336);
    expect(narrow.options.width).toBe(336);
    expect(narrow.options.height).toBe(320);
    expect(spec.options.width).toBe(600);
    expect(specForWidth(spec, 900)).toBe(spec);
  });
});
