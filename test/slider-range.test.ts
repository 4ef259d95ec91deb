// Beside a rejected value (review of the workbench, flow-bad-value): the slider's range follows accepted values
// only, widened by whole steps so its grid stays where a fresh page put it (slider-range.ts), and the band labels
// built from a rejected value show the last accepted one (accepted-values.ts).
import { describe, expect, it } from 'vitest';
import { AcceptedValues, rejectedAt } from '../src/ui/accepted-values.ts';
import { firstRange, widenRange } from '../src/ui/slider-range.ts';

describe('the slider’s range and the labels beside a rejected value', () => {
  it('a range widened to take in a value keeps its step grid: 30000 stays a step of 500 from 0', () => {
    const r = firstRange(0, 100_000, 18_000);
    expect(r).toEqual({ lo: 0, hi: 100_000 });
    expect(widenRange(r, 50_000, 500)).toBe(r);
    const low = widenRange(r, -5, 500);
    expect(low).toEqual({ lo: -500, hi: 100_000 });
    expect((30_000 - low.lo) % 500).toBe(0);
    expect(widenRange(r, 123_456, 500)).toEqual({ lo: 0, hi: 123_500 });
    expect(widenRange({ lo: 0, hi: 2 }, -0.12, 0.05)).toEqual({ lo: -0.15, hi: 2 });
  });

  it('a label built from a rejected value shows the last accepted one, forgotten with a new file', () => {
    const path = 'rulesets[0].tracks[0].deductible';
    const bad = [{ path: `${path}.value`, message: '不能为负数' }];
    expect(rejectedAt(bad, path)).toBe(true);
    expect(rejectedAt(bad, 'rulesets[0].tracks[0].bands[0].to')).toBe(false);
    const a = new AcceptedValues();
    expect(a.shown(1, [], path, 18_000)).toBe(18_000);
    expect(a.shown(1, bad, path, -5)).toBe(18_000);
    expect(a.shown(1, [], path, 30_000)).toBe(30_000);
    expect(a.shown(2, bad, path, -5)).toBeUndefined();
  });
});
