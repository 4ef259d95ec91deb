/**
 * The exact aggregate's lines of `jingsuan bench` (issue #32): each shipped scenario's exact distribution per
 * ruleset beside its target of 50 ms (aim 16 ms, one frame), as the time of a ruleset over the time of the
 * reference loop (engine/bench.ts) on a fixed number of claimants, measured interleaved in the same process: the
 * machines here are shared and noisy, so the ratio is the figure to compare between runs. Then what a dragged
 * slider sees: the workbench's exact worker (aggregate/exact-cache.ts) after an edit of one ruleset's deductible,
 * the scenario compiled and that ruleset computed again (its analytic mean included), the others remembered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExactCache } from '../aggregate/exact-cache.ts';
import { exactAggregate } from '../aggregate/exact.ts';
import { referenceLoop } from '../engine/bench.ts';
import { compileModel } from '../engine/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { requireScenario } from '../scenario/validate.ts';

/** Reference-loop claimants whose time the exact time is divided by. */
export const EXACT_REFERENCE_CLAIMANTS = 1_000_000;
/** The target per ruleset (ms) and the aim (one frame). */
export const EXACT_TARGET_MS = 50;
export const EXACT_AIM_MS = 16;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/**
 * The shipped scenarios with rulesets (scenarios/*.json; the fund files, of kind pooling or subsidy, have none and
 * no exact aggregate).
 */
export function exactScenarios(): string[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((name) => Array.isArray(JSON.parse(readFileSync(`${SCENARIOS}${name}.json`, 'utf8')).rulesets))
    .sort();
}

function shipped(name: string): Scenario {
  return requireScenario(readFileSync(`${SCENARIOS}${name}.json`, 'utf8'));
}

/** Median times (ms) per ruleset and of the reference loop, over `reps` interleaved runs (the first one dropped: JIT). */
export function exactTimes(name: string, reps: number): { ids: string[]; ms: number[]; buckets: number[]; referenceMs: number } {
  const model = compileModel(shipped(name));
  const runs: number[][] = [];
  const ref: number[] = [];
  let last = exactAggregate(model);
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    referenceLoop(EXACT_REFERENCE_CLAIMANTS);
    ref.push(performance.now() - t0);
    last = exactAggregate(model);
    runs.push(last.map((r) => r.milliseconds));
  }
  return {
    ids: last.map((r) => r.id),
    ms: last.map((_, j) => median(runs.map((t) => t[j]))),
    buckets: last.map((r) => r.discretisation?.buckets ?? 0),
    referenceMs: median(ref),
  };
}

/**
 * Median time (ms) of the exact worker's answer to an edit of the first ruleset's first deductible (a step of 1%
 * up or down each run, so nothing is remembered for it), the other rulesets remembered; and the reference loop's.
 */
export function exactEditTimes(name: string, reps: number): { ms: number; referenceMs: number } | null {
  const base = shipped(name);
  const deductible = base.rulesets[0]?.tracks[0]?.deductible;
  if (!deductible) return null;
  const cache = new ExactCache();
  cache.compute(base);
  const edited = (i: number) => {
    const s = structuredClone(base);
    s.rulesets[0].tracks[0].deductible!.value = deductible.value * (1 + (i % 2 ? 1 : -1) * 0.01 * (1 + (i >> 1)));
    return s;
  };
  cache.compute(edited(reps + 1));
  const runs: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    referenceLoop(EXACT_REFERENCE_CLAIMANTS);
    ref.push(performance.now() - t0);
    const s = edited(i);
    const t1 = performance.now();
    cache.compute(s);
    runs.push(performance.now() - t1);
  }
  return { ms: median(runs), referenceMs: median(ref) };
}

/** Prints the exact aggregate's lines: per ruleset, ms and its ratio to the reference loop, beside the target's. */
export function printExactBench(quick: boolean): void {
  const reps = quick ? 3 : 5;
  console.log(
    `\nexact aggregate per ruleset (median of ${reps} runs; ratio = its time / the reference loop's on ${(EXACT_REFERENCE_CLAIMANTS / 1e6).toFixed(0)} M claimants, interleaved):`,
  );
  const line = (label: string, ms: number, referenceMs: number, points: string) =>
    console.log(
      `  ${label.padEnd(48)} ${ms.toFixed(1).padStart(7)} ms  ${points.padStart(6)} points   ratio ${(ms / referenceMs).toFixed(3)}   (target ≤ ${EXACT_TARGET_MS} ms: ratio ≤ ${(EXACT_TARGET_MS / referenceMs).toFixed(3)}; aim ${EXACT_AIM_MS} ms)`,
    );
  const names = exactScenarios();
  // Every scenario once before any is timed: the first one timed had carried the compilation of the code the others
  // share (a worker has compiled it after its first few answers).
  for (const name of names) exactAggregate(compileModel(shipped(name)));
  for (const name of names) {
    const t = exactTimes(name, reps);
    t.ids.forEach((id, j) => line(`${name} / ${id}`, t.ms[j], t.referenceMs, String(t.buckets[j])));
  }
  console.log(`\nexact worker after a deductible edit (its ruleset compiled and computed again, the others remembered):`);
  for (const name of names) {
    const t = exactEditTimes(name, reps);
    if (t) line(`${name} / first ruleset's deductible ±1%`, t.ms, t.referenceMs, '—');
  }
}
