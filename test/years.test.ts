// Multi-year runs along the scenario's trend (engine/years.ts, run --years N).
import { describe, expect, it } from 'vitest';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import { runRaw } from '../src/engine/run.ts';
import { mean, sd } from '../src/math/stats.ts';
import { summarize } from '../src/engine/summary.ts';
import { costIndex } from '../src/engine/trial.ts';
import { checkYearsSize, householdOfYears, runYears, scenarioForYear } from '../src/engine/years.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { command } from './helpers/cli.ts';
import { ROOT } from './helpers/golden.ts';
import { shipped } from './helpers/scenarios.ts';

const a = (value: number) => ({ value, assumption: 'test' });

function withTrend(s: Scenario, g: number, gsd: number): Scenario {
  const t = structuredClone(s);
  t.simulation.trend = { costGrowth: { mean: a(g), sd: a(gsd) }, fundingGrowth: a(0.04), insuredGrowth: a(0.02) };
  return t;
}

/** Jilin's rules and trend on a twentieth of its members. */
function smallJilin(): Scenario {
  const s = structuredClone(shipped('jilin-2017'));
  s.populations[0].insured = a(s.populations[0].insured.value / 20);
  return s;
}

describe('trend and multi-year runs', () => {
  it('a sure trend (sd 0) in year 3 equals the cost level × (1 + g)² exactly (analytic), with funding and insured grown', () => {
    const s = withTrend(shipped('jilin-2017'), 0.06, 0);
    const y3 = scenarioForYear(s, 3);
    expect(y3.year).toBe(2019);
    expect(y3.populations[0].insured.value).toBe(Math.round(16_000_000 * 1.02 ** 2));
    expect(y3.rulesets[0].funding.channels[0].perInsured!.value).toBeCloseTo(19.2 * 1.04 ** 2, 10);
    const viaTrend = analyticExpectation(compileModel(y3, { year: 3 }))[0];
    const scaled = structuredClone(y3);
    scaled.populations[0].costLevel = a(0.65 * 1.06 ** 2);
    const viaLevel = analyticExpectation(compileModel(scaled))[0];
    expect(viaTrend.payout! / viaLevel.payout! - 1).toBeCloseTo(0, 12);
    expect(viaTrend.premium).toBe(viaLevel.premium);
  });
  it('an uncertain trend leaves the later years to Monte Carlo (no analytic payout)', () => {
    const s = withTrend(shipped('jilin-2017'), 0.06, 0.03);
    expect(analyticExpectation(compileModel(scenarioForYear(s, 2), { year: 2 }))[0].payout).toBeNull();
    expect(analyticExpectation(compileModel(s, { year: 1 }))[0].payout).not.toBeNull();
  });
  it('each trial follows one path: year 3 extends year 2 by one growth factor; the index has mean (1 + g)^k (4 se)', () => {
    const t = { mean: 0.06, sd: 0.03 };
    const n = 20_000;
    const i2 = Float64Array.from({ length: n }, (_, k) => costIndex('path', k, { ...t, yearsAhead: 1 }));
    const i3 = Float64Array.from({ length: n }, (_, k) => costIndex('path', k, { ...t, yearsAhead: 2 }));
    const growth = i3.map((x, k) => x / i2[k] - 1);
    // The second factor is a fresh draw, independent of the first: mean g, sd σ, no correlation with year 2.
    expect(Math.abs(mean(growth) - 0.06)).toBeLessThan((4 * 0.03) / Math.sqrt(n));
    expect(Math.abs(sd(growth) - 0.03)).toBeLessThan(0.001);
    expect(Math.abs(mean(i3) - 1.06 ** 2)).toBeLessThan((4 * sd(i3)) / Math.sqrt(n));
  });
  it('year 1 is the plain run; paths are bit-identical for 1 and 2 workers; the fund result accumulates', async () => {
    // A twentieth of Jilin's members: what is checked does not depend on the count, and the test runs in a second.
    const s = withTrend(smallJilin(), 0.06, 0.03);
    const plain = await runRaw(s, { trials: 60, seed: 'yr' });
    const one = await runYears(s, 3, { trials: 60, seed: 'yr', workers: 1 });
    const two = await runYears(s, 3, { trials: 60, seed: 'yr', workers: 2, workerFactory: nodeWorkerFactory });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.first.rulesets[0].payout.mean).toBe(
      summarize(plain.model, plain.data, plain.trials, plain.seed, plain.analytic).rulesets[0].payout.mean,
    );
    expect(one.years.map((y) => y.year)).toEqual([2017, 2018, 2019]);
    // Costs grow faster than funding (6% against 4% + 2% insured): the loss ratio rises year by year.
    const lr = one.years.map((y) => y.rulesets[0].lossRatio.mean);
    expect(lr[1]).toBeGreaterThan(lr[0]);
    expect(lr[2]).toBeGreaterThan(lr[1]);
    expect(one.years[2].rulesets[0].fundCumulative).not.toBeNull();
  });
  it('run --years 3 --json adds the year-by-year path to the result object', async () => {
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    const file = join(ROOT, 'test-output', 'jilin-small.json');
    writeFileSync(file, JSON.stringify(smallJilin()));
    const r = await command('run', file, '--trials', '20', '--years', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.years.map((y: { year: number }) => y.year)).toEqual([2017, 2018, 2019]);
    for (const y of j.years) for (const k of ['premium', 'payout', 'lossRatio', 'fundCumulative']) expect(y.rulesets[0]).toHaveProperty(k);
    // Refused as a usage error, before any simulation (it used to run the whole file first).
    const bad = await command('run', 'scenarios/jilin-2017.json', '--years', '11');
    expect(bad.err).toContain('--years: "11" must be a whole number from 1 to 10');
    expect(bad.code).toBe(2);
  });
  it('every year of a multi-year run is held to the limits before any year runs (issue #30: Jilin, steep trend)', async () => {
    // Jilin 16,000,000 residents at +30% a year: 16e6 × 1.3^(y−1) passes 100,000,000 in year 8 (1.3⁷ = 6.27;
    // 16,004,000 × 6.27 = 100.4 million, computed by hand) — refused at once, naming the field and the year.
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    const steep = structuredClone(shipped('jilin-2017'));
    steep.simulation.trend = { costGrowth: { mean: a(0.3), sd: a(0.05) }, insuredGrowth: a(0.3) };
    const f1 = join(ROOT, 'test-output', 'jilin-steep-insured.json');
    writeFileSync(f1, JSON.stringify(steep));
    const t0 = performance.now();
    const r1 = await command('run', f1, '--years', '10', '--workers', '1');
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(
      /simulation\.trend\.insuredGrowth: in year 8 of this run \(2024\) populations\[0\] \(residents\) would hold 100,\d{3},\d{3} insured/,
    );
    expect(r1.err).toContain('--years 7');
    expect(r1.out).toBe('');
    // Costs doubling each year: the members above the deductible grow with them (355,815 a trial in year 1,
    // 1,132,511 in year 3 as 1,600,000 × P(X > t / 2²) of the file's severity), so at 5,000 trials year 1
    // (1.8·10⁹ draws) is allowed and year 3 (5.7·10⁹) passes a run's limit (5·10⁹); refused before year 1 runs.
    const costly = structuredClone(shipped('jilin-2017'));
    costly.simulation.trend = { costGrowth: { mean: a(1), sd: a(0.05) } };
    const f2 = join(ROOT, 'test-output', 'jilin-steep-cost.json');
    writeFileSync(f2, JSON.stringify(costly));
    const r2 = await command('run', f2, '--years', '10', '--workers', '1', '--trials', '5000');
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/year 3 of this run \(2019\): this run would draw about 5\.66e\+9 people.*run fewer years \(--years 2\)/);
    // Nothing was simulated: both refusals come from arithmetic on the file (well under the second a year takes).
    expect(r2.out).toBe('');
    expect(performance.now() - t0).toBeLessThan(20_000);
    // The shipped trend stays well inside: ten years of Jilin are allowed.
    expect(() => checkYearsSize(shipped('jilin-2017'), 10, 1000)).not.toThrow();
  });

  it("the household figures of each year without the trials (the workbench's years panel) equal run --years's, year by year", async () => {
    // Jilin: incomes indexed and grown by simulation.trend.incomeGrowth, a cost trend: each later year compiles its
    // own model on the base seed's paths. The figures must be the very numbers runYears reports, not close ones.
    const s = smallJilin();
    const { years } = await runYears(s, 3, { trials: 8, workers: 1 });
    const alone = householdOfYears(s, 3);
    expect(alone.map((y) => y.year)).toEqual([2017, 2018, 2019]);
    years.forEach((y, k) => y.rulesets.forEach((r, i) => expect(alone[k].rulesets[i]).toEqual(r.household)));
    // The years differ (incomes and costs grow): the check is not of one year three times.
    expect(alone[2].rulesets[0]!.catastrophic10).not.toBe(alone[0].rulesets[0]!.catastrophic10);
    // Without incomes there are no household figures: null for each ruleset of each year.
    const none = structuredClone(s);
    delete none.populations[0].income;
    for (const g of none.populations[0].groups) delete g.income;
    delete none.simulation.trend!.incomeGrowth;
    expect(householdOfYears(none, 2).map((y) => y.rulesets)).toEqual([[null], [null]]);
  }, 120_000);
});
