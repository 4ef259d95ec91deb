// One corridor expectation over weighted outcomes (finance/corridor-expectation.ts): a pmf and the same
// distribution as equally weighted trials give the same figures, and both agree with Jilin's worked examples
// (docs/policy.md §5: premium 100,000,000; claims 96,000,000 → insurer +3,300,000 marginal; 104,000,000 →
// −3,500,000).
import { describe, expect, it } from 'vitest';
import { corridorExpectation } from '../src/finance/corridor-expectation.ts';
import type { CorridorRule } from '../src/finance/corridor.ts';

const jilinMarginal: CorridorRule = {
  tiers: [
    { from: null, to: -0.05, insurerShare: 0, basis: 'marginal' },
    { from: -0.05, to: -0.03, insurerShare: 0.5, basis: 'marginal' },
    { from: -0.03, to: 0.03, insurerShare: 1, basis: 'marginal' },
    { from: 0.03, to: 0.05, insurerShare: 0.3, basis: 'marginal' },
    { from: 0.05, to: null, insurerShare: 0, basis: 'marginal' },
  ],
};
const premium = 100_000_000;

describe('corridorExpectation', () => {
  // m = +4% with probability 1/4, m = −4% with 3/4. Insurer: ¼·3,300,000 − ¾·3,500,000 = −1,800,000; returned to
  // the fund ¼·(4,000,000 − 3,300,000) = 175,000; fund top-up ¾·(4,000,000 − 3,500,000) = 375,000.
  const pmf = corridorExpectation(jilinMarginal, premium, {
    values: [96_000_000, 104_000_000, 0],
    weights: [0.25, 0.75, 0],
    total: 1,
  });

  it('over a pmf: the worked examples weighted, to the fen', () => {
    expect(pmf.insurerMean).toBeCloseTo(-1_800_000, 2);
    expect(pmf.fundReturnMean).toBeCloseTo(175_000, 2);
    expect(pmf.fundTopUpMean).toBeCloseTo(375_000, 2);
    expect(pmf.probInsurerLoss).toBe(0.75);
    expect(pmf.tierProbabilities).toEqual([0, 0.75, 0, 0.25, 0]);
  });

  it('over trials of weight 1: the same figures, and each trial’s insurer result', () => {
    const insurer = new Float64Array(4);
    const trials = corridorExpectation(jilinMarginal, premium, { values: Float64Array.of(96e6, 104e6, 104e6, 104e6), total: 4 }, insurer);
    expect(trials.insurerMean).toBeCloseTo(pmf.insurerMean, 6);
    expect(trials.fundReturnMean).toBeCloseTo(pmf.fundReturnMean, 6);
    expect(trials.fundTopUpMean).toBeCloseTo(pmf.fundTopUpMean, 6);
    expect(trials.probInsurerLoss).toBe(pmf.probInsurerLoss);
    expect(trials.tierProbabilities).toEqual(pmf.tierProbabilities);
    expect(Array.from(insurer, (x) => Math.round(x * 100) / 100)).toEqual([3_300_000, -3_500_000, -3_500_000, -3_500_000]);
  });

  it('a payout that cannot be computed makes the loss probability unknown; a point of zero weight is skipped', () => {
    expect(corridorExpectation(jilinMarginal, premium, { values: [96e6, NaN], total: 2 }).probInsurerLoss).toBeNaN();
    const skipped = corridorExpectation(jilinMarginal, premium, { values: [96e6, NaN], weights: [1, 0], total: 1 });
    expect(skipped.probInsurerLoss).toBe(0);
    expect(skipped.insurerMean).toBeCloseTo(3_300_000, 2);
  });
});
