// Every case of test/fixtures/golden/ (copy of shared/golden/)corridors.json, marginal and whole readings (docs/policy.md §5), to the fen.
import { describe, expect, it } from 'vitest';
import { exactCorridor, floatCorridor, type CorridorTier } from '../src/finance/corridor.ts';
import { readFixture } from './helpers/golden.ts';

const golden = readFixture<{
  tiers: [number | null, number | null, number][];
  cases: { premium: string; claims: string; insurerMarginal: string; insurerWhole: string }[];
}>('golden/corridors.json');

function tiers(reading: 'marginal' | 'whole'): CorridorTier[] {
  // The "whole" reading applies to the 3–5% tiers only; beyond ±5% stays marginal (docs/policy.md §5).
  return golden.tiers.map(([from, to, insurerShare]) => ({
    from,
    to,
    insurerShare,
    basis: reading === 'whole' && insurerShare > 0 && insurerShare < 1 ? 'whole' : 'marginal',
  }));
}

describe('golden corridors (test/fixtures/golden/corridors.json)', () => {
  for (const c of golden.cases) {
    for (const reading of ['marginal', 'whole'] as const) {
      const want = reading === 'marginal' ? c.insurerMarginal : c.insurerWhole;
      it(`${reading}: premium ${c.premium}, claims ${c.claims} → insurer ${want}`, () => {
        const s = exactCorridor({ tiers: tiers(reading) }, c.premium, c.claims);
        expect(s.insurer.toFixed(2)).toBe(want);
        // The parts add up to the year's result, exactly.
        expect(s.insurer.add(s.fundReturn).sub(s.fundTopUp).eq(s.result)).toBe(true);
        const f = floatCorridor({ tiers: tiers(reading) }, Number(c.premium), Number(c.claims));
        expect(f.insurer).toBeCloseTo(Number(want), 4);
      });
    }
  }

  it('reports the tier that holds m, with ±3% and ±5% belonging to the inner tier', () => {
    const t = tiers('marginal');
    expect(exactCorridor({ tiers: t }, 100, 97).tier).toBe(2);
    expect(exactCorridor({ tiers: t }, 100, 96).tier).toBe(3);
    expect(exactCorridor({ tiers: t }, 100, 95).tier).toBe(3);
    expect(exactCorridor({ tiers: t }, 100, 90).tier).toBe(4);
    expect(exactCorridor({ tiers: t }, 100, 105).tier).toBe(1);
    expect(exactCorridor({ tiers: t }, 100, 100).tier).toBe(2);
  });

  it("applies Jiangyin's tender limits and the policy-loss share after the tiers", () => {
    const rule = {
      tiers: [{ from: null, to: null, insurerShare: 1, basis: 'marginal' as const }],
      insurerGainMax: 2_000_000,
      insurerLossMax: 1_500_000,
      policyLossShare: 0.4,
    };
    // Surplus 5,000,000: the insurer keeps its tender limit of 2,000,000, the fund gets 3,000,000 back.
    const gain = exactCorridor(rule, '100000000', '95000000');
    expect([gain.insurer.toFixed(2), gain.fundReturn.toFixed(2)]).toEqual(['2000000.00', '3000000.00']);
    // Loss 3,000,000: 40% policy-caused (fund), insurer bears 60% = 1,800,000, capped at 1,500,000; fund tops up 1,500,000.
    const loss = exactCorridor(rule, '100000000', '103000000');
    expect([loss.insurer.toFixed(2), loss.fundTopUp.toFixed(2)]).toEqual(['-1500000.00', '1500000.00']);
  });
});
