// The inverse regularised incomplete gamma (random/gamma-inverse.ts): P(a, x) = p and Q(a, x) = s hold to 1e-9
// relative over shapes from 0.05 to 100,000 and probabilities from 1e-300 to 1 − 1e-9 (checked against the
// forward functions, math/special.ts, themselves tested against closed forms in random.test.ts).
import { describe, expect, it } from 'vitest';
import { gammaInverse } from '../src/random/gamma-inverse.ts';
import { gammaP, gammaQ } from '../src/math/special.ts';

describe('gamma inverse', () => {
  const shapes = [0.05, 0.3, 0.7, 1, 1.5, 2.5, 30, 500, 1e5];
  const probs = [1e-300, 1e-30, 1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-9];
  for (const a of shapes) {
    it(`shape ${a}: lower and upper quantiles invert P and Q`, () => {
      for (const p of probs) {
        const x = gammaInverse(a, p);
        // Below 1e-290 the quantile itself underflows (a = 0.05 at p = 1e-300): nothing to compare.
        if (x > 1e-290) expect(Math.abs(gammaP(a, x) / p - 1), `P(${a}, ${x}) vs ${p}`).toBeLessThan(1e-9);
        const xu = gammaInverse(a, p, true);
        expect(Math.abs(gammaQ(a, xu) / p - 1), `Q(${a}, ${xu}) vs ${p}`).toBeLessThan(1e-9);
      }
    });
  }
  it('exponential (a = 1): the closed form −ln s', () => {
    for (const s of [1e-200, 1e-9, 0.5, 0.9]) expect(gammaInverse(1, s, true) / -Math.log(s) - 1).toBeCloseTo(0, 12);
  });
});
