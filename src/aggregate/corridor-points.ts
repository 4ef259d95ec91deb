/**
 * The exact distribution's grid points as few weighted points for the corridor's expectation (issue #32): the
 * split of a year's result (finance/corridor.ts) is linear in the payout S between the tiers' edges, so over a run
 * of grid points between two edges Σ wᵢ·g(sᵢ) = W·g(Σ wᵢ·sᵢ / W) for each share g, and the run can stand as one
 * point at its centroid. Jilin's five tiers and an alternative reading had been evaluated at 16,384 points each
 * (a third of its exact time); now at a few dozen.
 *
 * Edges: S = premium·(1 − e) for every finite tier edge e and for break-even (e = 0), where a `whole` tier jumps,
 * the tier index changes and the insurer's result changes sign. A tender limit (insurerGainMax, insurerLossMax)
 * adds a kink that is not at an edge: each run is checked against its chord (its two ends and its centroid, where a
 * function with one kink inside lies off the chord), and halved until it is linear, down to single points.
 */
import { floatCorridor, type CorridorRule } from '../finance/corridor.ts';
import type { WeightedOutcomes } from '../finance/corridor-expectation.ts';

/**
 * How far (relative to the premium) the insurer's result at a run's centroid may lie off its chord and the run
 * still be taken as linear: round-off of the split itself is near 1e-16 of the premium.
 */
const CHORD = 1e-12;
/** A grid point this close to an edge (relative) is kept on its own: the split decides its side, not the grid. */
const NEAR_EDGE = 1e-9;

/** Grid points lo + i·h with probabilities pmf[i], merged into runs on which `rule`'s split is linear. */
export function corridorPoints(rule: CorridorRule, premium: number, pmf: Float64Array, lo: number, h: number): WeightedOutcomes {
  const edges = corridorEdges(rule, premium);
  const values: number[] = [];
  const weights: number[] = [];
  const at = (i: number) => lo + i * h;
  const split = (s: number) => floatCorridor(rule, premium, s);
  const emit = (s: number, w: number) => {
    values.push(s);
    weights.push(w);
  };
  /** Points a … b (indices, both in one run between edges). */
  const run = (a: number, b: number): void => {
    let w = 0;
    let ws = 0;
    for (let i = a; i <= b; i++) {
      w += pmf[i];
      ws += pmf[i] * at(i);
    }
    if (!(w > 0)) return;
    if (b - a < 2) {
      for (let i = a; i <= b; i++) if (pmf[i] > 0) emit(at(i), pmf[i]);
      return;
    }
    const c = ws / w;
    const [fa, fb, fc] = [split(at(a)), split(at(b)), split(c)];
    const chord = fa.insurer + ((fb.insurer - fa.insurer) * (c - at(a))) / (at(b) - at(a));
    const linear =
      Math.abs(fc.insurer - chord) <= CHORD * Math.max(premium, 1) &&
      fa.tier === fb.tier &&
      fa.tier === fc.tier &&
      fa.insurer < 0 === fb.insurer < 0 &&
      fa.insurer < 0 === fc.insurer < 0;
    if (linear) emit(c, w);
    else {
      const mid = (a + b) >> 1;
      run(a, mid);
      run(mid + 1, b);
    }
  };
  let start = 0;
  let e = 0;
  const m = pmf.length;
  for (let i = 0; i < m; i++) {
    const s = at(i);
    while (e < edges.length && edges[e] < s) e++;
    // Runs end before an edge; a point on an edge stands alone.
    const near =
      (e < edges.length && Math.abs(edges[e] - s) <= NEAR_EDGE * Math.max(premium, Math.abs(s))) ||
      (e > 0 && Math.abs(s - edges[e - 1]) <= NEAR_EDGE * Math.max(premium, Math.abs(s)));
    if (near) {
      run(start, i - 1);
      if (pmf[i] > 0) emit(s, pmf[i]);
      start = i + 1;
    } else if (i + 1 < m && e < edges.length && at(i + 1) > edges[e]) {
      run(start, i);
      start = i + 1;
    }
  }
  run(start, m - 1);
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), total: 1 };
}

/** The payouts at the tiers' finite edges and at break-even, ascending. */
function corridorEdges(rule: CorridorRule, premium: number): number[] {
  const rates = new Set<number>([0]);
  for (const t of rule.tiers) for (const e of [t.from, t.to]) if (e !== null && Number.isFinite(e)) rates.add(e);
  return [...rates].map((r) => premium * (1 - r)).sort((a, b) => a - b);
}
