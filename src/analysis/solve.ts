/**
 * Goal seek: the value of one ruleset parameter (a deductible, a band ratio, the funding standard) that makes a
 * metric reach a target, with the Monte Carlo interval of the metric at the solution. Expected-value metrics are
 * solved on the analytic model; probability metrics on Monte Carlo runs at a fixed seed (common random numbers
 * keep them monotone in the parameter).
 */
import type { Path } from '../scenario/edit.ts';
import { formatPath } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateData } from '../scenario/validate.ts';
import { analyticOfRuleset, isAnalytic, analyticMetric, evaluateAnalytic, evaluateMonteCarlo, type MetricName } from './metrics.ts';
import { numberAt, withNumber } from './path.ts';
import { bisectAsync, solveMonotone } from '../math/roots.ts';

export interface SolveResult {
  ruleset: string;
  param: string;
  metric: MetricName;
  target: number;
  previous: number;
  value: number | null;
  analytic: number | null;
  monteCarlo: { value: number; lo95: number; hi95: number; trials: number } | null;
  /** Other values that reach the target where the metric is not monotone in the parameter (ascending). */
  otherValues?: number[];
  scenario: unknown;
}

/** Grid points of the scan for a Monte Carlo metric's crossings (each a run at the fixed seed). */
const SCAN_POINTS = 13;

/** Every x in [lo, hi] where f crosses the target, between neighbouring grid points, bisected to 1e-3 relative. */
async function crossings(f: (x: number) => Promise<number>, target: number, lo: number, hi: number, n: number): Promise<number[]> {
  const xs = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const gs: number[] = [];
  for (const x of xs) gs.push((await f(x)) - target);
  const roots: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const [a, b] = [gs[i], gs[i + 1]];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a === 0) roots.push(xs[i]);
    else if (a * b < 0) {
      const bracket = await bisectAsync(f, target, xs[i], xs[i + 1], { relTol: 1e-3, maxHi: xs[i + 1], maxIter: 40 });
      if (bracket) roots.push(bracket.hi);
    }
  }
  if (gs[n - 1] === 0) roots.push(xs[n - 1]);
  return roots;
}

export function validOrThrow(data: unknown): Scenario {
  const v = validateData(data);
  if (!v.ok || !v.scenario) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return v.scenario;
}

/**
 * The analytic solve shared by the command line and the workbench: the value at `path` (absolute, inside
 * rulesets[ri]) for which the analytic metric reaches the target, evaluated on a one-ruleset copy of a validated
 * scenario. Shares (band ratios) stay within [0, 1].
 */
/** A parameter that is a share (a band ratio, a …Share): solved within [0, 1]. */
export function isShareParam(path: Path, value: number): boolean {
  const last = String(path[path.length - 1]);
  return value <= 1 && (last === 'ratio' || last.toLowerCase().includes('share'));
}

export function solveAnalyticValue(s: Scenario, ri: number, path: Path, metric: MetricName, target: number): number | null {
  const previous = numberAt(s, path);
  const isShare = isShareParam(path, previous);
  const f = (x: number) => {
    return analyticMetric(analyticOfRuleset(withNumber(s, path, x), ri), metric);
  };
  // A funding standard of 0 has no loss ratio: start just above it.
  const lo = Number.isFinite(f(0)) ? 0 : Math.max(1e-6, previous / 1000);
  return solveMonotone(f, target, lo, isShare ? 1 : Math.max(2 * previous, 1), 1e-10, isShare ? 1 : 1e10);
}

export async function solve(
  raw: unknown,
  rulesetId: string,
  param: Path,
  metric: MetricName,
  target: number,
  opts: { trials?: number; seed?: string | number } = {},
): Promise<SolveResult> {
  const base = validOrThrow(raw);
  const ri = base.rulesets.findIndex((r) => r.id === rulesetId);
  if (ri < 0) throw new Error(`unknown ruleset "${rulesetId}"`);
  const path: Path = ['rulesets', ri, ...param];
  const previous = numberAt(raw, path);
  const isShare = isShareParam(param, previous);
  const trials = opts.trials ?? 200;
  const seed = opts.seed ?? base.simulation.seed;
  const analytic = isAnalytic(metric);
  const scenarioAt = (x: number) => validOrThrow(withNumber(raw, path, x));
  let value: number | null;
  let otherValues: number[] = [];
  if (analytic) {
    value = solveAnalyticValue(base, ri, path, metric, target);
  } else {
    // Monte Carlo metric: bisection on runs at one seed, to a relative tolerance of 1e-3.
    const cache = new Map<number, number>();
    const f = async (x: number) => {
      if (!cache.has(x)) cache.set(x, (await evaluateMonteCarlo(scenarioAt(x), ri, metric, trials, seed)).value);
      return cache.get(x)!;
    };
    const hi = isShare ? 1 : Math.max(2 * previous, 1);
    // A funding standard of 0 has no ratio to a premium (and a corridor of no premium no result): start above it.
    const lo = Number.isFinite(await f(0)) ? 0 : Math.max(1e-6, previous / 1000);
    // A Monte Carlo metric need not be monotone: the insurer's result under a corridor with limits rises with the
    // premium while the corridor lets it keep more, then falls as its operating cost grows past the cap on what it
    // keeps (Jiangyin: two standards break even). The range up to twice the present value is scanned on a grid
    // and every crossing bisected; the one nearest the present value is the answer, the others are reported.
    const roots = await crossings(f, target, lo, hi, SCAN_POINTS);
    if (roots.length) {
      roots.sort((a, b) => Math.abs(a - previous) - Math.abs(b - previous));
      value = roots[0];
      otherValues = roots.slice(1).sort((a, b) => a - b);
    } else {
      const bracket = await bisectAsync(f, target, lo, hi, { relTol: 1e-3, maxHi: isShare ? 1 : 1e9, maxIter: 40 });
      value = bracket && bracket.hi;
    }
  }
  const asked = { ruleset: rulesetId, param: formatPath(param), metric, target, previous };
  if (value === null) return { ...asked, value: null, analytic: null, monteCarlo: null, scenario: raw };
  const solved = withNumber(raw, path, value, `Solved by jingsuan solve: ${metric} = ${target} (was ${previous})`);
  const s = validOrThrow(solved);
  const mc = await evaluateMonteCarlo(s, ri, metric, trials, seed);
  return {
    ...asked,
    value,
    ...(otherValues.length ? { otherValues } : {}),
    analytic: analytic ? evaluateAnalytic(s, ri, metric) : null,
    monteCarlo: { ...mc, trials },
    scenario: solved,
  };
}
