/**
 * The exact aggregate's lines of `jingsuan bench` (issue #32): each shipped scenario's exact distribution per
 * ruleset beside its target of 50 ms (aim 16 ms, one frame), as the time of a ruleset over the time of the
 * reference loop (engine/bench.ts) on a fixed number of claimants, measured interleaved in the same process: the
 * machines here are shared and noisy, so the ratio is the figure to compare between runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exactAggregate } from '../aggregate/exact.ts';
import { referenceLoop } from '../engine/bench.ts';
import { compileModel } from '../engine/model.ts';
import { requireScenario } from '../scenario/validate.ts';

/** Reference-loop claimants whose time the exact time is divided by. */
export const EXACT_REFERENCE_CLAIMANTS = 1_000_000;
/** The target per ruleset (ms) and the aim (one frame). */
export const EXACT_TARGET_MS = 50;
export const EXACT_AIM_MS = 16;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median times (ms) per ruleset and of the reference loop, over `reps` interleaved runs (the first one dropped: JIT). */
export function exactTimes(name: string, reps: number): { ids: string[]; ms: number[]; buckets: number[]; referenceMs: number } {
  const path = fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
  const model = compileModel(requireScenario(readFileSync(path, 'utf8')));
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

/** Prints the exact aggregate's lines: per ruleset, ms and its ratio to the reference loop, beside the target's. */
export function printExactBench(quick: boolean): void {
  const reps = quick ? 3 : 5;
  console.log(
    `\nexact aggregate per ruleset (median of ${reps} runs; ratio = its time / the reference loop's on ${(EXACT_REFERENCE_CLAIMANTS / 1e6).toFixed(0)} M claimants, interleaved):`,
  );
  for (const name of ['suzhou-2021', 'jiangyin-2020', 'jilin-2017', 'compare-regions']) {
    const t = exactTimes(name, reps);
    const target = EXACT_TARGET_MS / t.referenceMs;
    t.ids.forEach((id, j) =>
      console.log(
        `  ${`${name} / ${id}`.padEnd(48)} ${t.ms[j].toFixed(1).padStart(7)} ms  ${String(t.buckets[j]).padStart(6)} points   ratio ${(t.ms[j] / t.referenceMs).toFixed(3)}   (target ≤ ${EXACT_TARGET_MS} ms: ratio ≤ ${target.toFixed(3)}; aim ${EXACT_AIM_MS} ms)`,
      ),
    );
  }
}
