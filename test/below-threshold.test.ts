// The members below the sampling threshold enter a trial through conditional means (engine/model.ts belowThreshold):
// each distinct self-burden curve's expectation is computed once and shared by the rulesets with the same curve, so
// every ruleset's mean must be the very number its own expectation gives (the same operations), basic layer or not.
import { describe, expect, it } from 'vitest';
import { belowThreshold, expectationBelow } from '../src/engine/model.ts';
import { selfBurdenCurve } from '../src/rules/basic.ts';
import { severityOf } from '../src/random/severity/index.ts';
import { scaled } from '../src/random/severity/scaled.ts';

describe('conditional means below the threshold', () => {
  it('each ruleset gets its own curve’s mean, to the last bit, with shared and distinct curves mixed', () => {
    const sev = scaled(
      severityOf({ family: 'lognormal', mu: { value: 8.5, assumption: 't' }, sigma: { value: 1.2, assumption: 't' } }),
      1.07,
    );
    const basic = { deductible: 1200, rate: 0.7, cap: 150000 };
    // Rulesets: none, a basic layer, none again (a fresh object of the same curve), the same basic layer again.
    const curves = [selfBurdenCurve(null), selfBurdenCurve(basic), selfBurdenCurve(null), selfBurdenCurve({ ...basic })];
    for (const t of [8000, 12000, 35000]) {
      const got = belowThreshold(sev, t, curves);
      const below = 1 - sev.survival(t);
      expect(got.tailProb).toBe(sev.survival(t));
      const identity = expectationBelow({ xs: [0], ys: [0], tail: 1 }, t, sev) / below;
      expect(got.meanAmountBelow).toBe(identity);
      curves.forEach((c, r) => expect(got.meanSelfBurdenBelow[r]).toBe(expectationBelow(c, t, sev) / below));
      // The basic layer's curve is another function: its mean differs from the amount's.
      expect(got.meanSelfBurdenBelow[1]).toBeLessThan(identity);
      expect(got.meanSelfBurdenBelow[1]).toBe(got.meanSelfBurdenBelow[3]);
    }
  });
});
