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
  for (let i = first; i <= last; i++) {
    const k = Math.min(cells - 1, Math.floor((lo + i * h - from) / width));
    p[k] += pmf[i];
  }
  return { ruleset: r.id, x, p, width };
}

export function withoutDistribution(r: ExactRuleset): ExactSummary {
  const { distribution: _, ...rest } = r;
  return rest;
}
