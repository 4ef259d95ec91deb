// Properties of every schedule (issue 2): monotone, slope within [0, highest ratio], never above the cap,
// a favoured group never gets less, corridor parts add up. Seeded fast-check runs.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactCorridor } from '../src/finance/corridor.ts';
import { exactBenefit, exactTrackPaid } from '../src/rules/exact.ts';
import { compileFast, fastBenefit } from '../src/rules/fast.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import type { Ruleset } from '../src/scenario/schema.ts';

const SEED = 20261124;
const src = 'property test';

const arbSchedule = fc
  .record({
    deductible: fc.integer({ min: 0, max: 60_000 }),
    steps: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 0, maxLength: 5 }),
    ratios: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
    cap: fc.option(fc.integer({ min: 1_000, max: 600_000 }), { nil: undefined }),
    factor: fc.integer({ min: 0, max: 100 }),
    add: fc.integer({ min: 0, max: 20 }),
  })
  .map((r): Ruleset => {
    let edge = r.deductible;
    const ratios = [...r.ratios].sort((a, b) => a - b);
    const bands = r.steps.map((s, i) => ({ to: (edge += s), ratio: ratios[i] / 100, source: src }));
    bands.push({ to: null as unknown as number, ratio: ratios[bands.length] / 100, source: src });
    return {
      id: 'p',
      title: { zh: 'p', en: 'p' },
      tracks: [{ id: 't', base: 'selfBurden', deductible: { value: r.deductible, source: src }, bands }],
      cap: r.cap === undefined ? undefined : { value: r.cap, source: src },
      modifiers: [{ group: 'fav', deductibleFactor: r.factor / 100, ratioAdd: r.add / 100, source: src }],
      funding: { channels: [{ channel: 'unspecified', perInsured: { value: 0, source: src } }] },
    } as Ruleset;
  });

const burden = fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100);

describe('benefit properties', () => {
  it('never decreases as the burden grows, slope within [0, highest ratio], never above the cap', () => {
    fc.assert(
      fc.property(arbSchedule, burden, burden, (rs, a0, b0) => {
        const [a, b] = a0 <= b0 ? [a0, b0] : [b0, a0];
        const s = resolveSchedule(rs, []);
        const f = compileFast(s);
        const ba = fastBenefit(f, a, 0);
        const bb = fastBenefit(f, b, 0);
        const maxRatio = Math.max(...s.tracks[0].bands.map((x) => x.ratio.toNumber()));
        expect(bb).toBeGreaterThanOrEqual(ba - 1e-9);
        if (b > a) {
          // Slope in exact decimals (float differences of nearby large numbers carry rounding noise).
          const t = s.tracks[0];
          const cap = (v: Decimal) => (s.cap ? Decimal.min(v, s.cap) : v);
          const da = cap(exactTrackPaid(t, new Decimal(a)));
          const db = cap(exactTrackPaid(t, new Decimal(b)));
          const slope = db.sub(da).div(new Decimal(b).sub(a)).toNumber();
          expect(slope).toBeGreaterThanOrEqual(0);
          expect(slope).toBeLessThanOrEqual(maxRatio);
        }
        if (rs.cap) expect(bb).toBeLessThanOrEqual(rs.cap.value);
        // Exact form agrees in order too, after rounding to the fen.
        const ea = new Decimal(exactBenefit(s, { selfBurden: a }).benefit);
        const eb = new Decimal(exactBenefit(s, { selfBurden: b }).benefit);
        expect(eb.gte(ea)).toBe(true);
        expect(Math.abs(eb.toNumber() - bb)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('a favoured group (lower deductible, higher ratios) never gets less than a general member', () => {
    fc.assert(
      fc.property(arbSchedule, burden, (rs, x) => {
        const general = new Decimal(exactBenefit(resolveSchedule(rs, []), { selfBurden: x }).benefit);
        const favoured = new Decimal(exactBenefit(resolveSchedule(rs, ['fav']), { selfBurden: x }).benefit);
        expect(favoured.gte(general)).toBe(true);
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });
});

describe('corridor properties', () => {
  const arbTiers = fc
    .record({
      cuts: fc.uniqueArray(fc.integer({ min: -30, max: 30 }), { minLength: 0, maxLength: 5 }),
      shares: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 7, maxLength: 7 }),
      whole: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    })
    .map(({ cuts, shares, whole }) => {
      const edges = [...new Set([...cuts.map((c) => c / 100), 0])].sort((a, b) => a - b);
      const bounds = [null, ...edges, null];
      return bounds.slice(0, -1).map((from, i) => ({
        from,
        to: bounds[i + 1],
        insurerShare: shares[i] / 100,
        basis: whole[i] ? ('whole' as const) : ('marginal' as const),
      }));
    });

  it('insurer + returned − top-up = premium − claims, and the insurer never takes more than the result', () => {
    fc.assert(
      fc.property(arbTiers, fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 2e9 }), (tiers, premium, claims) => {
        const s = exactCorridor({ tiers }, premium, claims);
        expect(s.insurer.add(s.fundReturn).sub(s.fundTopUp).eq(s.result)).toBe(true);
        expect(s.fundReturn.gte(0) && s.fundTopUp.gte(0)).toBe(true);
        if (s.result.gte(0)) expect(s.insurer.gte(0) && s.insurer.lte(s.result)).toBe(true);
        else expect(s.insurer.lte(0) && s.insurer.gte(s.result)).toBe(true);
      }),
      { seed: SEED + 2, numRuns: 3000 },
    );
  });
});
