/** The math floor (src/math/): root finding, minimisation, streaming statistics. */
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../src/math/nelder-mead.ts';
import { normalCdf, normalQuantile } from '../src/math/normal.ts';
import { bisect, bisectAsync, invertIncreasing, solveMonotone } from '../src/math/roots.ts';
import { distribution, mean, probabilityAbove, sd, tvar } from '../src/math/stats.ts';

describe('bisection (math/roots.ts)', () => {
  it('finds √2 to the requested relative width, and counts its evaluations', () => {
    let calls = 0;
    const b = bisect((x) => (calls++, x * x), 2, 0, 2, { relTol: 1e-12 })!;
    expect(b.lo).toBeLessThanOrEqual(Math.SQRT2);
    expect(b.hi).toBeGreaterThanOrEqual(Math.SQRT2);
    expect(b.hi - b.lo).toBeLessThanOrEqual(1e-12 * Math.SQRT2);
    // Two ends, then halvings until the width 2/2^k ≤ 1e-12 · √2: k = ⌈log2(2 / (√2 · 1e-12))⌉ = 41.
    expect(calls).toBe(43);
  });

  it('moves the bracket up to maxHi and says null when the target is out of reach', () => {
    expect(solveMonotone((x) => Math.log1p(x), 10, 0, 1, 1e-12)).toBeCloseTo(Math.expm1(10), 6);
    expect(solveMonotone((x) => Math.min(x, 5), 10, 0, 1, 1e-12, 1e6)).toBeNull();
    // Decreasing functions too (a loss ratio falls as the funding rises).
    expect(solveMonotone((x) => 100 / x, 0.8, 1, 2, 1e-12)).toBeCloseTo(125, 9);
  });

  it('the awaited driver takes the same steps as the plain one', async () => {
    const f = (x: number) => Math.exp(x) - 3 * x;
    const plain = bisect(f, 0, 0, 1, { relTol: 1e-10 });
    const awaited = await bisectAsync(async (x) => f(x), 0, 0, 1, { relTol: 1e-10 });
    expect(awaited).toEqual(plain);
    // Root of eˣ = 3x on [0, 1]: 0.6190612867359451 (Wolfram Alpha, "solve e^x = 3x").
    expect(plain!.lo).toBeCloseTo(0.6190612867359451, 9);
  });

  it('invertIncreasing inverts Φ to the quantile function within 1e-12', () => {
    for (const p of [0.001, 0.05, 0.5, 0.975, 0.9999])
      expect(Math.abs(invertIncreasing(normalCdf, p, -40, 1) - normalQuantile(p))).toBeLessThan(1e-9);
  });
});

describe('Nelder–Mead (math/nelder-mead.ts)', () => {
  it('finds the Rosenbrock minimum (1, 1) (Lagarias et al. 1998 use it as their test problem)', () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], 0.1, 5000, 1e-16, 1e-20);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.value).toBeLessThan(1e-10);
  });

  it('a quadratic bowl: the minimum of (x − 3)² + 2(y + 1)² + 5 is 5 at (3, −1)', () => {
    const r = nelderMead(([x, y]) => (x - 3) ** 2 + 2 * (y + 1) ** 2 + 5, [0, 0]);
    expect(r.value).toBeCloseTo(5, 10);
    expect(r.x[0]).toBeCloseTo(3, 5);
    expect(r.x[1]).toBeCloseTo(-1, 5);
  });
});

describe('summary statistics (math/stats.ts)', () => {
  const xs = Float64Array.from({ length: 200 }, (_, i) => i + 1);
  it('mean, sd (n − 1), quantiles type 7 and TVaR of 1..200', () => {
    expect(mean(xs)).toBe(100.5);
    // sd of 1..n with divisor n − 1: √(n(n + 1)/12) = √3350.
    expect(sd(xs)).toBeCloseTo(Math.sqrt(3350), 12);
    const d = distribution(xs);
    // Type 7: x[(n − 1)p] interpolated; (199 · 0.95) = 189.05 → 190.05.
    expect(d.p95).toBeCloseTo(190.05, 12);
    expect(d.p50).toBeCloseTo(100.5, 12);
    // TVaR_99.5%: the trials at or beyond the quantile 199.005, i.e. 200.
    expect(tvar(xs, 0.995)).toBe(200);
    expect(probabilityAbove(xs, 150)).toBe(0.25);
  });
});
