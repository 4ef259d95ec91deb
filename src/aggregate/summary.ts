/**
 * What the workbench and reports need of an exact result: the figures, and the distribution resampled to a
 * few hundred points for drawing (the full grid stays in the worker).
 */
import type { ExactRuleset } from './exact.ts';

export interface ExactCurve {
  ruleset: string;
  /** Payout (yuan) at the centre of each cell, and the probability of the cell. */
  x: number[];
  p: number[];
  /** Cell width (yuan). */
  width: number;
}

export type ExactSummary = Omit<ExactRuleset, 'distribution'>;

/** The distribution summed into `cells` equal cells between its 0.01% and 99.99% quantiles. */
export function exactCurve(r: ExactRuleset, cells = 240): ExactCurve | null {
  const d = r.distribution;
  if (!d) return null;
  const { lo, h, pmf } = d;
  let c = 0;
  let first = 0;
  let last = pmf.length - 1;
  for (let i = 0; i < pmf.length; i++) {
    c += pmf[i];
    if (c < 1e-4) first = i;
    if (c > 1 - 1e-4) {
      last = i;
      break;
    }
  }
  const from = lo + first * h;
  const width = Math.max(h, ((last - first + 1) * h) / cells);
  const x: number[] = [];
  const p: number[] = [];
  for (let k = 0; k < cells; k++) {
    x.push(from + (k + 0.5) * width);
    p.push(0);
  }
  // Each lattice point's mass is spread over its own bucket [x − h/2, x + h/2] and shared by the cells that bucket
  // overlaps. Given whole to the cell holding x, a cell of 4.6 buckets took 4 or 5 points in turn and the curve
  // drawn from the cells waved by about a fifth (issue #31); shared, a flat distribution gives flat cells.
  for (let i = first; i <= last; i++) {
    const a = lo + (i - 0.5) * h - from;
    const k = Math.floor(a / width);
    const split = (k + 1) * width - a; // the part of the bucket inside cell k (width ≥ h: at most two cells)
    const inK = Math.min(1, Math.max(0, split / h));
    p[Math.min(cells - 1, Math.max(0, k))] += pmf[i] * inK;
    if (inK < 1) p[Math.min(cells - 1, Math.max(0, k + 1))] += pmf[i] * (1 - inK);
  }
  return { ruleset: r.id, x, p, width };
}

export function withoutDistribution(r: ExactRuleset): ExactSummary {
  const { distribution: _, ...rest } = r;
  return rest;
}
