// The sorted pass's searches (engine/sorted-pass.ts): galloping from lo finds the index bisection finds, the first
// amount above v in [lo, hi), on ascending amounts with ties, against a plain scan.
import { describe, expect, it } from 'vitest';
import { above, aboveFrom } from '../src/engine/sorted-pass.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';

const scan = (xs: Float64Array, lo: number, hi: number, v: number) => {
  for (let i = lo; i < hi; i++) if (xs[i] > v) return i;
  return hi;
};

describe('sorted pass searches', () => {
  it('galloping and bisection give the first amount above v, ties and empty ranges included', () => {
    const rng = new Xoshiro128(7, 11, 13, 17);
    let checked = 0;
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rng.uniform() * 300);
      // Amounts rounded to a few values, so that many are equal to v.
      const xs = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * 20)).sort();
      for (let q = 0; q < 40; q++) {
        const lo = Math.floor(rng.uniform() * (n + 1));
        const hi = lo + Math.floor(rng.uniform() * (n + 1 - lo));
        const v = Math.floor(rng.uniform() * 22) - 1 + (rng.uniform() < 0.5 ? 0 : 0.5);
        const want = scan(xs, lo, hi, v);
        expect(above(xs, lo, hi, v)).toBe(want);
        expect(aboveFrom(xs, lo, hi, v)).toBe(want);
        checked++;
      }
    }
    expect(checked).toBe(8000);
  });
});
