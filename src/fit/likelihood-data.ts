/**
 * A bureau's claims data made ready for the likelihood: checked, sorted and aggregated (one entry per distinct
 * amount, its weight the sum of the rows'), with running sums of w, w·x, w·ln x and w·(ln x)² so the families
 * whose log-density is a sum of those (lognormal, gamma, the lognormal–Pareto composites) cost O(log n) per
 * evaluation (Klugman, Panjer & Willmot, Loss Models, 4th ed., §11.3 for sufficient statistics).
 */
import type { FitData } from './types.ts';

export interface IndividualSample {
  kind: 'individual';
  /** Distinct amounts, ascending. */
  x: Float64Array;
  lnx: Float64Array;
  w: Float64Array;
  /** Running sums over entries 0..i−1 (length m + 1): weight, w·x, w·ln x, w·(ln x)². */
  cumW: Float64Array;
  cumX: Float64Array;
  cumLn: Float64Array;
  cumLn2: Float64Array;
  /** Total weight n (the sample size in AIC/BIC). */
  n: number;
  truncate: number;
}

export interface GroupedSample {
  kind: 'grouped';
  /** Bands [lower, upper) in ascending order, bands with a zero count kept (they carry information). */
  lower: Float64Array;
  upper: Float64Array;
  counts: Float64Array;
  n: number;
  truncate: number;
  /** Notes on how the bands were read (bands below the deductible dropped, a straddling band cut). */
  notes: string[];
}

export type Sample = IndividualSample | GroupedSample;

/** Checks the data and prepares it; throws an Error naming the row and the problem when it cannot be fitted. */
export function prepareSample(data: FitData): Sample {
  const d = data.truncate;
  if (!(Number.isFinite(d) && d >= 0))
    throw new Error(`truncate: must be a finite number ≥ 0 (the deductible the records passed), got ${d}`);
  return data.kind === 'individual' ? prepareIndividual(data.amounts, data.weights, d) : prepareGrouped(data, d);
}

function prepareIndividual(amounts: number[], weights: number[], d: number): IndividualSample {
  if (amounts.length === 0) throw new Error('amounts: no rows to fit');
  if (weights.length !== amounts.length) throw new Error(`weights: ${weights.length} weights for ${amounts.length} amounts`);
  const order: number[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const x = amounts[i];
    const w = weights[i];
    if (!(Number.isFinite(x) && x > 0)) throw new Error(`amounts: row ${i + 1} is ${x}; every amount must be a finite number > 0`);
    if (!(Number.isFinite(w) && w >= 0)) throw new Error(`weights: row ${i + 1} is ${w}; every count must be a finite number ≥ 0`);
    if (w === 0) continue;
    if (x <= d)
      throw new Error(
        `amounts: row ${i + 1} is ${x}, not above the truncation point ${d} (left-truncated data hold only amounts above it)`,
      );
    order.push(i);
  }
  if (order.length === 0) throw new Error('weights: every count is zero; nothing to fit');
  order.sort((a, b) => amounts[a] - amounts[b]);
  const xs: number[] = [];
  const ws: number[] = [];
  for (const i of order) {
    if (xs.length && xs[xs.length - 1] === amounts[i]) ws[ws.length - 1] += weights[i];
    else {
      xs.push(amounts[i]);
      ws.push(weights[i]);
    }
  }
  if (xs.length < 2) throw new Error(`amounts: every amount is ${xs[0]}; a severity fit needs at least two distinct amounts`);
  const m = xs.length;
  const x = Float64Array.from(xs);
  const w = Float64Array.from(ws);
  const lnx = x.map(Math.log);
  const cumW = new Float64Array(m + 1);
  const cumX = new Float64Array(m + 1);
  const cumLn = new Float64Array(m + 1);
  const cumLn2 = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    cumW[i + 1] = cumW[i] + w[i];
    cumX[i + 1] = cumX[i] + w[i] * x[i];
    cumLn[i + 1] = cumLn[i] + w[i] * lnx[i];
    cumLn2[i + 1] = cumLn2[i] + w[i] * lnx[i] * lnx[i];
  }
  return { kind: 'individual', x, lnx, w, cumW, cumX, cumLn, cumLn2, n: cumW[m], truncate: d };
}

function prepareGrouped(data: Extract<FitData, { kind: 'grouped' }>, d: number): GroupedSample {
  const { lower, upper, counts } = data;
  if (lower.length === 0) throw new Error('bands: no bands to fit');
  if (upper.length !== lower.length || counts.length !== lower.length)
    throw new Error(`bands: ${lower.length} lower bounds, ${upper.length} upper bounds and ${counts.length} counts`);
  const order = lower.map((_, i) => i).sort((a, b) => lower[a] - lower[b]);
  const notes: string[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const ns: number[] = [];
  for (const i of order) {
    const l = lower[i];
    const u = upper[i];
    const c = counts[i];
    if (!(Number.isFinite(l) && l >= 0)) throw new Error(`bands: row ${i + 1} has lower bound ${l}; it must be a finite number ≥ 0`);
    if (!(u > l)) throw new Error(`bands: row ${i + 1} has upper bound ${u} not above its lower bound ${l}`);
    if (!(Number.isFinite(c) && c >= 0)) throw new Error(`counts: row ${i + 1} is ${c}; every count must be a finite number ≥ 0`);
    if (lo.length && l < hi[hi.length - 1])
      throw new Error(`bands: row ${i + 1} [${l}, ${u}) overlaps the band below it (ends at ${hi[hi.length - 1]})`);
    if (u <= d) {
      if (c > 0) throw new Error(`bands: row ${i + 1} [${l}, ${u}) has ${c} claims below the truncation point ${d}`);
      notes.push(`band [${l}, ${u}) lies below the truncation point ${d} and is left out`);
      continue;
    }
    if (l < d) notes.push(`band [${l}, ${u}) straddles the truncation point ${d}; read as [${d}, ${u})`);
    lo.push(Math.max(l, d));
    hi.push(u);
    ns.push(c);
  }
  const n = ns.reduce((s, c) => s + c, 0);
  if (lo.length === 0) throw new Error(`bands: every band lies below the truncation point ${d}`);
  if (n === 0) throw new Error('counts: every count is zero; nothing to fit');
  if (ns.filter((c) => c > 0).length < 2)
    throw new Error('counts: all claims are in one band; a severity fit needs claims in at least two bands');
  return {
    kind: 'grouped',
    lower: Float64Array.from(lo),
    upper: Float64Array.from(hi),
    counts: Float64Array.from(ns),
    n,
    truncate: d,
    notes,
  };
}

/** Index of the first entry with x > t (binary search over the ascending distinct amounts). */
export function firstAbove(x: Float64Array, t: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * What the starting values are computed from: weighted moments of x and ln x and quantiles. Grouped data are
 * read as their bands' geometric midpoints (the open top band as 1.5 × its lower bound), enough for a start.
 */
export interface StartSummary {
  n: number;
  mean: number;
  variance: number;
  meanLog: number;
  sdLog: number;
  truncate: number;
  /** Weighted quantile of the amounts (or band representatives), 0 < p < 1. */
  quantile(p: number): number;
  /** Points and weights to which a tail index (Hill) estimate can be applied above a threshold. */
  points: Float64Array;
  weights: Float64Array;
}

export function startSummary(s: Sample): StartSummary {
  let points: Float64Array;
  let weights: Float64Array;
  if (s.kind === 'individual') {
    points = s.x;
    weights = s.w;
  } else {
    points = new Float64Array(s.lower.length);
    for (let i = 0; i < points.length; i++) {
      const l = s.lower[i];
      const u = s.upper[i];
      points[i] = !Number.isFinite(u) ? Math.max(1.5 * l, 1) : l > 0 ? Math.sqrt(l * u) : u / 2;
    }
    weights = s.counts;
  }
  let n = 0;
  let sx = 0;
  let sl = 0;
  for (let i = 0; i < points.length; i++) {
    n += weights[i];
    sx += weights[i] * points[i];
    sl += weights[i] * Math.log(points[i]);
  }
  const mean = sx / n;
  const meanLog = sl / n;
  let vx = 0;
  let vl = 0;
  for (let i = 0; i < points.length; i++) {
    vx += weights[i] * (points[i] - mean) ** 2;
    vl += weights[i] * (Math.log(points[i]) - meanLog) ** 2;
  }
  const cum = new Float64Array(points.length);
  let c = 0;
  for (let i = 0; i < points.length; i++) cum[i] = c += weights[i];
  const quantile = (p: number) => {
    const target = p * n;
    let i = 0;
    while (i < cum.length - 1 && cum[i] < target) i++;
    return points[i];
  };
  return { n, mean, variance: vx / n, meanLog, sdLog: Math.sqrt(vl / n) || 0.1, truncate: s.truncate, quantile, points, weights };
}
