// The exact aggregate's corridor over merged grid points (aggregate/corridor-points.ts, issue #32) against the same
// expectation over every grid point (finance/corridor-expectation.ts): the split is linear between the tiers'
// edges, so the two agree to round-off; tender limits (a kink off the edges), `whole` tiers (jumps at the edges), a
// gap and a policy-loss share are each covered, on a pmf spread across every edge.
import { describe, expect, it } from 'vitest';
import { corridorPoints } from '../src/aggregate/corridor-points.ts';
import { corridorExpectation } from '../src/finance/corridor-expectation.ts';
import type { CorridorRule } from '../src/finance/corridor.ts';

const premium = 1_000_000;
const m = 4096;
const lo = 600_000;
const h = 200;
/** A pmf over [600k, 1.42M): a smooth bump plus a ripple, so no run is uniform. */
const pmf = (() => {
  const p = Float64Array.from({ length: m }, (_, i) => Math.exp(-(((i - 2000) / 700) ** 2)) * (1.2 + Math.sin(i / 37)));
  const s = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / s);
})();

const marginal = (from: number | null, to: number | null, insurerShare: number) => ({ from, to, insurerShare, basis: 'marginal' as const });
const RULES: Record<string, CorridorRule> = {
  'Jilin-like marginal tiers': {
    tiers: [
      marginal(null, -0.05, 0),
      marginal(-0.05, -0.03, 0.5),
      marginal(-0.03, 0.03, 1),
      marginal(0.03, 0.05, 0.3),
      marginal(0.05, null, 0),
    ],
  },
  'whole tiers (jumps at the edges) and a gap': {
    tiers: [
      { from: -0.1, to: -0.02, insurerShare: 0.4, basis: 'whole' },
      marginal(-0.02, 0.02, 1),
      { from: 0.04, to: 0.12, insurerShare: 0.6, basis: 'whole' },
    ],
  },
  'tender limits and a policy-loss share': {
    tiers: [marginal(null, 0, 0.8), marginal(0, null, 0.9)],
    insurerGainMax: 37_123,
    insurerLossMax: 51_777,
    policyLossShare: 0.25,
  },
};

describe('the corridor over merged grid points', () => {
  for (const [name, rule] of Object.entries(RULES))
    it(`${name}: the same expectation as over every grid point, from far fewer points`, () => {
      const every = corridorExpectation(rule, premium, { values: Float64Array.from(pmf, (_, i) => lo + i * h), weights: pmf, total: 1 });
      const points = corridorPoints(rule, premium, pmf, lo, h);
      const merged = corridorExpectation(rule, premium, points);
      expect(points.values.length).toBeLessThan(m / 20);
      expect(Array.from(points.weights as Float64Array).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // Round-off of sums over 4,096 points: within 1e-9 of the premium (a thousandth of a fen here).
      for (const k of ['insurerMean', 'fundReturnMean', 'fundTopUpMean'] as const)
        expect(Math.abs(merged[k] - every[k]), k).toBeLessThan(1e-9 * premium);
      expect(merged.probInsurerLoss).toBeCloseTo(every.probInsurerLoss, 12);
      merged.tierProbabilities.forEach((p, i) => expect(p, `tier ${i}`).toBeCloseTo(every.tierProbabilities[i], 12));
      // The cases do split the payout: the insurer gains and loses with positive probability.
      expect(every.probInsurerLoss).toBeGreaterThan(0.05);
      expect(every.probInsurerLoss).toBeLessThan(0.95);
    });
});
