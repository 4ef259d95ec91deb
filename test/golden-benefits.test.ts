// Every case of test/fixtures/golden/ (copy of shared/golden/)benefits.json (an independent decimal reference), to the fen, for the exact
// evaluator, the engine's float form (after rounding) and the analytic piecewise-linear curve.
import { describe, expect, it } from 'vitest';
import { exactBenefit } from '../src/rules/exact.ts';
import { compileFast, fastBenefit, roundFen } from '../src/rules/fast.ts';
import { benefitCurve } from '../src/rules/expectation.ts';
import { evaluate } from '../src/rules/piecewise.ts';
import { resolveSchedule } from '../src/rules/schedule.ts';
import { readFixture, rulesetFromGolden, type GoldenSchedule } from './helpers/golden.ts';

const golden = readFixture<{
  schedules: Record<string, GoldenSchedule>;
  cases: { schedule: string; group: string | null; burden: string; benefit: string }[];
}>('golden/benefits.json');

describe('golden benefits (test/fixtures/golden/benefits.json)', () => {
  it('has cases for both schedules', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(24);
  });
  for (const c of golden.cases) {
    const label = `${c.schedule}${c.group ? ` [${c.group}]` : ''} burden ${c.burden} → ${c.benefit}`;
    const schedule = resolveSchedule(rulesetFromGolden(c.schedule, golden.schedules[c.schedule]), c.group ? [c.group] : []);
    it(`exact: ${label}`, () => {
      expect(exactBenefit(schedule, { selfBurden: c.burden }).benefit).toBe(c.benefit);
    });
    it(`float: ${label}`, () => {
      const fast = compileFast(schedule);
      expect(roundFen(fastBenefit(fast, Number(c.burden), 0)).toFixed(2)).toBe(c.benefit);
    });
    it(`curve: ${label}`, () => {
      const curve = benefitCurve(compileFast(schedule), { xs: [0], ys: [0], tail: 1 }, 0);
      expect(roundFen(evaluate(curve, Number(c.burden))).toFixed(2)).toBe(c.benefit);
    });
  }
});
