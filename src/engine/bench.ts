/**
 * Throughput figures (docs/model.md "Performance"), measured as ratios against a bare reference loop timed in the
 * same process, never as absolute timings in tests: machines here are shared and noisy.
 *
 * Reference loop: xoshiro128** uniforms → Box–Muller normals (both outputs used) → exp → Jiangyin's two bands →
 * sum, one claimant at a time. The engine is measured on the same model: a lognormal population through the
 * Jiangyin 2020 ruleset, counting claimants (members with eligible cost) per second per core.
 */
import type { Ruleset, Scenario, SeveritySpec } from '../scenario/schema.ts';
import { SEVERITY_FAMILIES } from '../scenario/severity-families/index.ts';
import { normalZiggurat } from '../random/normal.ts';
import { severityOf } from '../random/severity/index.ts';
import { trialStream } from '../random/stream.ts';
import { fillExponential } from '../random/exponential.ts';
import { ClaimantBatch } from './claimants.ts';
import { Xoshiro128 } from '../random/xoshiro.ts';
import { compileFast, fastBenefit } from '../rules/fast.ts';
import { resolveSchedule } from '../rules/schedule.ts';
import { compileModel, type EngineModel } from './model.ts';
import { severityTable, simulateTrials, trialBlockSize, rowOffset } from './trial.ts';
import { COL } from './trial-columns.ts';

export const BENCH_MU = 7;
export const BENCH_SIGMA = 1.5;

/** The bare reference loop; returns [sum, claimants per second]. */
export function referenceLoop(n: number, mu = BENCH_MU, sigma = BENCH_SIGMA): [number, number] {
  let a = 0x12345678 | 0;
  let b = 0x9abcdef0 | 0;
  let c = 0x0fedcba9 | 0;
  let d = 0x87654321 | 0;
  const next = () => {
    const r = Math.imul((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return ((r >>> 0) + 0.5) * 2.3283064365386963e-10;
  };
  const band = (x: number) => (x <= 18000 ? 0 : x <= 100000 ? 0.6 * (x - 18000) : 49200 + 0.8 * (x - 100000));
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < n; i += 2) {
    const u1 = next();
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const z1 = r * Math.cos(2 * Math.PI * u2);
    const z2 = r * Math.sin(2 * Math.PI * u2);
    sum += band(Math.exp(mu + sigma * z1)) + band(Math.exp(mu + sigma * z2));
  }
  return [sum, n / ((performance.now() - t0) / 1000)];
}

/**
 * The engine's per-claimant kernel on the same model: Ziggurat normal, and no exp for a draw that cannot reach
 * the deductible (z below (ln 18,000 − μ)/σ); benefits through the compiled schedule.
 */
export function claimantKernel(ruleset: Ruleset, n: number, mu = BENCH_MU, sigma = BENCH_SIGMA): [number, number] {
  const f = compileFast(resolveSchedule(ruleset, []));
  const zt = (Math.log(f.minDeductible) - mu) / sigma;
  const rng = new Xoshiro128(1, 2, 3, 4);
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = normalZiggurat(rng);
    if (z > zt) sum += fastBenefit(f, Math.exp(mu + sigma * z), 0);
  }
  return [sum, n / ((performance.now() - t0) / 1000)];
}

/** The same model as a scenario: 1,000,000 members, all with eligible cost, lognormal(μ, σ), the Jiangyin rules. */
export function benchScenario(jiangyin: Scenario): Scenario {
  const s = structuredClone(jiangyin);
  const pop = s.populations[0];
  pop.insured = { value: 1_000_000, assumption: 'bench' };
  pop.incidence = { value: 1, assumption: 'bench' };
  pop.severity = { family: 'lognormal', mu: { value: BENCH_MU, assumption: 'bench' }, sigma: { value: BENCH_SIGMA, assumption: 'bench' } };
  return s;
}

/** A scenario's model and a block for `trials` trials, after `warm` trials that compile the code and build the tables. */
function warmedModel(scenario: Scenario, trials: number, warm: number): { model: EngineModel; out: Float64Array } {
  const model = compileModel(scenario);
  const out = new Float64Array(trialBlockSize(model, trials));
  simulateTrials(model, 'bench-warmup', 0, Math.min(warm, trials), out);
  return { model, out };
}

/** Full engine (tail sampling, records, person-times, burden totals) on the bench model: claimants per second. */
export function engineThroughput(
  scenario: Scenario,
  trials: number,
): { claimantsPerSecond: number; sampledPerSecond: number; sampledShare: number } {
  const { model, out } = warmedModel(scenario, trials, 3);
  const t0 = performance.now();
  simulateTrials(model, 'bench', 0, trials, out);
  const seconds = (performance.now() - t0) / 1000;
  let claimants = 0;
  let sampled = 0;
  // Ruleset 0's total row: every population's members once.
  for (let t = 0; t < trials; t++) {
    claimants += out[rowOffset(model, t, 0, -1) + COL.claimants];
    sampled += out[rowOffset(model, t, 0, -1) + COL.sampled];
  }
  return { claimantsPerSecond: claimants / seconds, sampledPerSecond: sampled / seconds, sampledShare: sampled / claimants };
}

/** One of each severity family, of similar size: each family's `bench` (scenario/severity-families). */
export const BENCH_SEVERITIES: [string, SeveritySpec][] = SEVERITY_FAMILIES.map((f) => [
  f.id,
  { family: f.id, ...f.bench } as SeveritySpec,
]);

/**
 * Draws above `threshold` per second, as the engine makes them: batches of order statistics of X | X > threshold
 * (Severity.fillAbove), `n` at a time, for about `ms` milliseconds after a warm-up.
 */
export function tailDraws(spec: SeveritySpec, threshold: number, n = 20_000, ms = 300): number {
  const sev = severityOf(spec);
  const s = sev.survival(threshold);
  const out = new Float64Array(n);
  const rng = trialStream('bench-tail', 0);
  for (let i = 0; i < 3; i++) sev.fillAbove(rng, s, out, 0, n);
  const t0 = performance.now();
  let drawn = 0;
  while (performance.now() - t0 < ms) {
    sev.fillAbove(rng, s, out, 0, n);
    drawn += n;
  }
  return drawn / ((performance.now() - t0) / 1000);
}

/**
 * Milliseconds per trial of a scenario's Monte Carlo in this thread (one worker, everything a run computes per
 * trial), after a warm-up of a few trials that compiles the code and builds the model's tables.
 */
export function trialMilliseconds(scenario: Scenario, trials: number): number {
  const { model, out } = warmedModel(scenario, trials, 5);
  const t0 = performance.now();
  simulateTrials(model, scenario.simulation.seed, 0, trials, out);
  return (performance.now() - t0) / trials;
}

/** The middle value (the upper of the two middle ones for an even count): the bench's summary of repeated runs. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The reference loop's rate on this machine when it is quiet (issues #2–#12: 23.7–24.6 M claimants/s). The Monte
 * Carlo targets of issue #32 are times on the quiet machine; measured on a shared one, a time is also given
 * normalised by the reference loop timed beside it: measured × (reference rate now ÷ quiet rate).
 */
export const QUIET_REFERENCE = 24e6;

/**
 * Per trial as trialMilliseconds, in `chunks` chunks of `chunkTrials` trials, each right after the reference loop
 * timed in the same thread (1 M claimants, about 40–80 ms): the medians of the chunks' times, raw and normalised
 * each by the reference rate beside it. On a shared machine the load changes within a second; a normalisation by a
 * reference timed in another thread or a few seconds away moved a Suzhou trial's figure by a fifth from run to run,
 * this one by a few per cent.
 */
export function trialMillisecondsBesideReference(
  scenario: Scenario,
  chunks: number,
  chunkTrials: number,
): { ms: number; normalisedMs: number; referenceRate: number } {
  const { model, out } = warmedModel(scenario, chunkTrials, 5);
  // The reference loop warmed too: in a fresh worker its first calls run before V8 has optimised it (11–15 M/s where
  // it then runs at 16–20), and a slow reference would flatter the chunks beside it.
  for (let i = 0; i < 4; i++) referenceLoop(1_000_000);
  const raw: number[] = [];
  const normalised: number[] = [];
  const rates: number[] = [];
  for (let c = 0; c < chunks; c++) {
    const rate = referenceLoop(1_000_000)[1];
    const t0 = performance.now();
    simulateTrials(model, scenario.simulation.seed, c * chunkTrials, (c + 1) * chunkTrials, out);
    const ms = (performance.now() - t0) / chunkTrials;
    raw.push(ms);
    rates.push(rate);
    normalised.push((ms * rate) / QUIET_REFERENCE);
  }
  return { ms: median(raw), normalisedMs: median(normalised), referenceRate: median(rates) };
}

/**
 * Where a trial's time can go no lower while every claimant above the sampling threshold is drawn (docs/model.md
 * "Performance"): the claimants a trial of `scenario` draws (its `sampled` column, averaged), and the time per draw
 * of the sorted batch as the engine makes it (generator, Ziggurat, Rényi sum, the table's cubic, running sums:
 * UpperQuantileTable.fillSorted on the first population's table, by the WebAssembly kernel where it runs and by the
 * JS loop) and of its Exp(1) draws alone (fillExponential:
 * the generator and the Ziggurat, the same numbers the sorted batch starts from), in batches of the first
 * population's size per trial. draws × the second is a floor under any trial that draws them one by one.
 */
export function drawFloor(
  scenario: Scenario,
  ms = 300,
): { drawsPerTrial: number; fillNs: number; jsFillNs: number; exponentialNs: number } {
  // The claimants drawn in the warm-up's trials: the block holds them.
  const trials = 20;
  const { model, out } = warmedModel(scenario, trials, trials);
  let draws = 0;
  let first = 0;
  for (let t = 0; t < trials; t++) {
    draws += out[rowOffset(model, t, 0, -1) + COL.sampled];
    first += out[rowOffset(model, t, 0, 0) + COL.sampled];
  }
  const n = Math.max(1, Math.round(first / trials));
  const pop = model.populations[0];
  const l0 = -Math.log(pop.tailProb);
  // Built as the engine builds its table (trial.ts).
  const table = severityTable(pop.severity, l0);
  const amounts = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  const rng = trialStream('bench-floor', 0);
  const perDraw = (draw: () => void) => {
    for (let i = 0; i < 10; i++) draw();
    const t0 = performance.now();
    let drawn = 0;
    while (performance.now() - t0 < ms) {
      draw();
      drawn += n;
    }
    return ((performance.now() - t0) * 1e6) / drawn;
  };
  // As a trial draws them: into a batch's arrays, on the WebAssembly kernel's memory where it runs
  // (random/wasm/kernel.ts); then the JS loop on plain arrays, the fallback.
  const batch = new ClaimantBatch();
  batch.reserve(n);
  const fillNs = table ? perDraw(() => table.fillSorted(rng, batch.amount, 0, n, l0, 1, batch.prefix)) : NaN;
  const jsFillNs = table ? perDraw(() => table.fillSorted(rng, amounts, 0, n, l0, 1, prefix)) : NaN;
  const exponentialNs = perDraw(() => fillExponential(rng, amounts, 0, n));
  return { drawsPerTrial: draws / trials, fillNs, jsFillNs, exponentialNs };
}
