/** The workbench's exact aggregate remembered per ruleset (aggregate/exact-cache.ts): same figures, less work. */
import { describe, expect, it } from 'vitest';
import { ExactCache } from '../src/aggregate/exact-cache.ts';
import { exactAggregate } from '../src/aggregate/exact.ts';
import { withoutDistribution } from '../src/aggregate/summary.ts';
import { compileModel } from '../src/engine/model.ts';
import { setParam } from '../src/scenario/edit.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { shipped } from './helpers/scenarios.ts';

// A coarse grid keeps the test quick; the cache does not depend on the grid.
const opts = { buckets: 1 << 12, costNodes: 4 };
const milliseconds = { milliseconds: 0 };

describe('exact aggregate per ruleset, remembered', () => {
  const s = shipped('compare-regions');
  const cache = new ExactCache();
  const first = cache.compute(s, opts);

  it('gives, ruleset by ruleset, what the whole scenario gives (bit for bit, timings aside)', () => {
    const whole = exactAggregate(compileModel(s), opts).map(withoutDistribution);
    expect(cache.computed).toBe(3);
    expect(first.map((p) => ({ ...p.summary, ...milliseconds }))).toEqual(whole.map((r) => ({ ...r, ...milliseconds })));
    expect(first.every((p) => p.curve !== null)).toBe(true);
  });

  it('after an edit of one ruleset computes only that one, and the others are the same results', () => {
    const edited = requireScenario(setParam(s, ['rulesets', 1, 'tracks', 0, 'deductible'], 15000));
    const next = cache.compute(edited, opts);
    expect(cache.computed).toBe(1);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).toBe(first[2]);
    // The lower deductible pays more: the edited ruleset's exact mean rises.
    expect(next[1].summary.payout!.mean).toBeGreaterThan(first[1].summary.payout!.mean);
  });

  it('a change to the populations recomputes every ruleset', () => {
    const edited = requireScenario(setParam(s, ['populations', 0, 'incidence'], 0.2));
    cache.compute(edited, opts);
    expect(cache.computed).toBe(3);
  });
});
