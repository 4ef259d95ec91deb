// The notebooks regenerate their outputs and their key numbers hold (issue 7).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUT } from '../notebooks/lib.ts';
import { run as n1 } from '../notebooks/01-calibrate-suzhou.ts';
import { run as n2 } from '../notebooks/02-three-regions.ts';
import { run as n3 } from '../notebooks/03-jilin-corridor.ts';
import { run as n4 } from '../notebooks/04-deductible-for-loss-ratio.ts';
import { run as n5 } from '../notebooks/05-subsidy-and-pooling.ts';

describe('notebooks', () => {
  it('(1) calibrating Suzhou 2021 recovers every target within 3% from a wrong start', async () => {
    const r = await n1();
    expect(r.key.worstRelativeError).toBeLessThan(0.03);
    expect(r.key.employeesAlpha).toBeCloseTo(2.407, 2);
    expect(existsSync(`${OUT}01-calibrate-suzhou.md`)).toBe(true);
  });
  it('(2) three regions on one population: MC agrees with analytic; Suzhou pays more people than Jiangyin', async () => {
    const r = await n2();
    expect(r.key.maxGapInSe).toBeLessThan(4);
    expect(r.key.suzhouBeneficiaries).toBeGreaterThan(2 * r.key.jiangyinBeneficiaries);
    expect(r.key.suzhouMinusJiangyinLo).toBeGreaterThan(0);
    expect(existsSync(`${OUT}02-three-regions-benefit-curve.svg`)).toBe(true);
  });
  it("(3) Jilin's corridor: POLICY_DIGEST §5's values at +4% and the whole reading's cliff", async () => {
    const r = await n3();
    expect(r.key.marginalAt4).toBeCloseTo(3_300_000, 0);
    expect(r.key.wholeAt4).toBeCloseTo(1_200_000, 0);
    // Just below +3%: 0.0299 × 1e8 = 2,990,000; just above, 30% of 3,010,000 = 903,000.
    expect(r.key.cliff).toBeCloseTo(2_990_000 - 903_000, 0);
    // With parameter risk a year's m spreads over several tiers, so the expected gap between the readings at an
    // expected +4% is about 1 point of premium (2.1 points when m is exactly 4%).
    expect(r.key.gapAt4PerPremium).toBeGreaterThan(0.008);
    expect(r.key.gapAt4PerPremium).toBeLessThan(0.021);
  });
  it('(4) the deductible for a 95% expected loss ratio, raised until P(LR > 103%) ≤ 10%', async () => {
    const r = await n4();
    expect(r.key.analytic).toBeCloseTo(0.95, 6);
    expect(r.key.deductible).toBeLessThan(18000);
    expect(r.key.deductibleBoth).toBeGreaterThanOrEqual(r.key.deductible);
  });
  it('(5) the subsidy budget (36,367.50万) and the pooling alarm rising over five years', async () => {
    const r = await n5();
    expect([r.key.total, r.key.province, r.key.city]).toEqual([363_675_000, 88_400_000, 275_275_000]);
    expect(r.key.alarmLast).toBeGreaterThan(r.key.alarmFirst);
    expect(r.key.predicted).toBeCloseTo(585710.4, 3);
  });
});
