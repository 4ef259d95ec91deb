/**
 * What the fit's diagnostic charts draw, computed apart from the drawing (fit-charts.ts): the empirical histogram
 * or band densities, the fitted densities, Q–Q and P–P points and the two distribution functions (Klugman, Panjer &
 * Willmot, Loss Models, 4th ed., §15.2 "graphical comparison of the density and distribution functions"). With
 * left truncation at d both sides are conditional on X > d: F*(x) = (F(x) − F(d)) / S(d), f*(x) = f(x) / S(d).
 * Pure (no DOM): the workbench can draw the same points.
 */
import { ticks } from 'd3-array';
import { FAMILIES } from '../../fit/families-registry.ts';
import type { FamilyFit, FitData } from '../../fit/types.ts';

/** A fitted distribution as the charts read it, conditional on the truncation point. */
export interface FittedCurve {
  family: string;
  cdf(x: number): number;
  density(x: number): number;
  quantile(p: number): number;
}

export function fittedCurve(fit: FamilyFit, truncate: number): FittedCurve {
  const family = FAMILIES.find((f) => f.id === fit.family);
  if (!family) throw new Error(`no family ${fit.family} to draw`);
  const p = family.parameters.map((k) => fit.parameters[k]);
  const dist = family.distribution(p);
  const logDensity = family.logDensity(p);
  const sd = truncate > 0 ? dist.survival(truncate) : 1;
  const fd = truncate > 0 ? dist.cdf(truncate) : 0;
  const survival = (x: number) => (x <= truncate ? 1 : dist.survival(x) / sd);
  return {
    family: fit.family,
    cdf: (x) => (x <= truncate ? 0 : Math.min(1, Math.max(0, (dist.cdf(x) - fd) / sd))),
    density: (x) => (x <= 0 || x < truncate ? 0 : Math.exp(logDensity(x, Math.log(x))) / sd),
    // Bisection on ln x for S*(x) = 1 − p: every family has a continuous, increasing cdf.
    quantile: (q) => {
      const target = 1 - q;
      let lo = Math.log(Math.max(truncate, 1e-6));
      let hi = Math.log(1e13);
      for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
        const mid = 0.5 * (lo + hi);
        if (survival(Math.exp(mid)) > target) lo = mid;
        else hi = mid;
      }
      return Math.exp(0.5 * (lo + hi));
    },
  };
}

export interface HistogramBar {
  lower: number;
  upper: number;
  /** Claims per yuan, of all n claims. */
  density: number;
  count: number;
}

export interface FitDiagnostics {
  grouped: boolean;
  n: number;
  truncate: number;
  bars: HistogramBar[];
  densities: { family: string; x: number; density: number }[];
  /** Claims to the right of the histogram (individual: above its 99th percentile; grouped: the open top band). */
  beyond: { from: number; count: number } | null;
  qq: { family: string; probability: number; fitted: number; empirical: number }[];
  pp: { family: string; x: number; empirical: number; fitted: number }[];
  empiricalCdf: { x: number; cdf: number }[];
  fittedCdf: { family: string; x: number; cdf: number }[];
}

/** At most this many Q–Q and P–P points per family (evenly spaced ranks, the 20 smallest and largest all kept). */
const POINTS = 400;

export function fitDiagnostics(data: FitData, curves: FittedCurve[]): FitDiagnostics {
  return data.kind === 'individual' ? individualDiagnostics(data, curves) : groupedDiagnostics(data, curves);
}

/** Sorted distinct amounts with their counts and the empirical cdf after each. */
function sortedAmounts(amounts: number[], weights: number[]) {
  const order = amounts.map((_, i) => i).sort((a, b) => amounts[a] - amounts[b]);
  const xs: number[] = [];
  const ws: number[] = [];
  for (const i of order) {
    if (weights[i] <= 0) continue;
    if (xs.length && xs[xs.length - 1] === amounts[i]) ws[ws.length - 1] += weights[i];
    else {
      xs.push(amounts[i]);
      ws.push(weights[i]);
    }
  }
  const n = ws.reduce((a, b) => a + b, 0);
  let cum = 0;
  const after = ws.map((w) => (cum += w) / n);
  return { xs, ws, after, n };
}

/** Indices 0..m−1 thinned to about POINTS: the ends kept whole, the middle at evenly spaced ranks. */
function thin(m: number): number[] {
  if (m <= POINTS) return Array.from({ length: m }, (_, i) => i);
  const keep = new Set<number>();
  for (let i = 0; i < 20; i++) keep.add(i).add(m - 1 - i);
  for (let j = 0; j < POINTS - 40; j++) keep.add(Math.round(20 + (j * (m - 41)) / (POINTS - 41)));
  return [...keep].sort((a, b) => a - b);
}

/** A grid of `k` points from a to b. */
const grid = (a: number, b: number, k: number) => Array.from({ length: k }, (_, i) => a + ((b - a) * i) / (k - 1));
/** A log-spaced grid from a to b (a > 0). */
const logGrid = (a: number, b: number, k: number) => grid(Math.log(a), Math.log(b), k).map(Math.exp);

function individualDiagnostics(data: Extract<FitData, { kind: 'individual' }>, curves: FittedCurve[]): FitDiagnostics {
  const { xs, ws, after, n } = sortedAmounts(data.amounts, data.weights);
  const quantile = (p: number) =>
    xs[
      Math.min(
        xs.length - 1,
        after.findIndex((f) => f >= p - 1e-12),
      )
    ];
  // Histogram from the truncation point (or 0) to the 99th percentile: the tail beyond would squash the body.
  const from = data.truncate;
  const p99 = quantile(0.99);
  const to = p99 > from ? p99 : xs[xs.length - 1];
  let edges = ticks(from, to, 30);
  if (edges[0] > from) edges = [from, ...edges];
  const step = edges.length > 1 ? edges[1] - edges[0] : to - from || 1;
  if (edges.length < 2 || edges[edges.length - 1] < to) edges.push(edges[edges.length - 1] + step);
  const counts = new Array(edges.length - 1).fill(0);
  let beyond = 0;
  xs.forEach((x, i) => {
    const last = edges[edges.length - 1];
    if (x > last) return void (beyond += ws[i]);
    let b = edges.findIndex((e, j) => j > 0 && x <= e) - 1;
    if (b < 0) b = 0;
    counts[b] += ws[i];
  });
  const bars = counts.map((count, i) => ({
    lower: edges[i],
    upper: edges[i + 1],
    count,
    density: count / (n * (edges[i + 1] - edges[i])),
  }));
  const top = edges[edges.length - 1];
  const xGrid = grid(Math.max(edges[0], top * 1e-3), top, 200);
  const densities = curves.flatMap((c) => xGrid.map((x) => ({ family: c.family, x, density: c.density(x) })));
  const idx = thin(xs.length);
  // Hazen plotting positions: the middle of each amount's step of the empirical cdf, never 0 or 1.
  const positions = idx.map((i) => ({ x: xs[i], p: after[i] - ws[i] / (2 * n) }));
  const qq = curves.flatMap((c) =>
    positions.map(({ x, p }) => ({ family: c.family, probability: p, fitted: c.quantile(p), empirical: x })),
  );
  const pp = curves.flatMap((c) => positions.map(({ x, p }) => ({ family: c.family, x, empirical: p, fitted: c.cdf(x) })));
  const empiricalCdf = [{ x: xs[0], cdf: 0 }, ...idx.map((i) => ({ x: xs[i], cdf: after[i] }))];
  const lo = Math.max(xs[0] / 2, data.truncate || 0, 1e-3);
  const cdfGrid = logGrid(lo, xs[xs.length - 1] * 2, 200);
  const fittedCdf = curves.flatMap((c) => cdfGrid.map((x) => ({ family: c.family, x, cdf: c.cdf(x) })));
  return {
    grouped: false,
    n,
    truncate: data.truncate,
    bars,
    densities,
    beyond: beyond > 0 ? { from: top, count: beyond } : null,
    qq,
    pp,
    empiricalCdf,
    fittedCdf,
  };
}

/**
 * Grouped data: each closed band's empirical density count / (n · width). Turnbull's nonparametric estimate for
 * interval-censored data puts each band's mass anywhere inside it when bands do not overlap, so it reduces to
 * this band histogram (Klugman et al. §14.2, "grouped data: the ogive and histogram"). Q–Q and P–P compare at the
 * band limits, where the empirical cdf is known exactly.
 */
function groupedDiagnostics(data: Extract<FitData, { kind: 'grouped' }>, curves: FittedCurve[]): FitDiagnostics {
  const n = data.counts.reduce((a, b) => a + b, 0);
  const bars: HistogramBar[] = [];
  let beyond: FitDiagnostics['beyond'] = null;
  data.lower.forEach((l, i) => {
    const u = data.upper[i];
    if (Number.isFinite(u)) bars.push({ lower: l, upper: u, count: data.counts[i], density: data.counts[i] / (n * (u - l)) });
    else beyond = { from: l, count: data.counts[i] };
  });
  const top = Math.max(...bars.map((b) => b.upper));
  const bottom = Math.min(...data.lower);
  const xGrid = grid(Math.max(bottom, top * 1e-3), top, 200);
  const densities = curves.flatMap((c) => xGrid.map((x) => ({ family: c.family, x, density: c.density(x) })));
  let cum = 0;
  const limits: { x: number; cdf: number }[] = [{ x: bottom, cdf: 0 }];
  data.upper.forEach((u, i) => {
    cum += data.counts[i];
    if (Number.isFinite(u)) limits.push({ x: u, cdf: cum / n });
  });
  const inner = limits.filter((l) => l.cdf > 0 && l.cdf < 1);
  const qq = curves.flatMap((c) => inner.map((l) => ({ family: c.family, probability: l.cdf, fitted: c.quantile(l.cdf), empirical: l.x })));
  const pp = curves.flatMap((c) => limits.map((l) => ({ family: c.family, x: l.x, empirical: l.cdf, fitted: c.cdf(l.x) })));
  // From a third of the lowest positive band limit: the cdf below it is flat at zero on a log axis.
  const lowest = Math.min(...[...data.lower, ...data.upper].filter((x) => x > 0));
  const cdfGrid = logGrid(lowest / 3, top * 2, 200);
  const fittedCdf = curves.flatMap((c) => cdfGrid.map((x) => ({ family: c.family, x, cdf: c.cdf(x) })));
  return { grouped: true, n, truncate: data.truncate, bars, densities, beyond, qq, pp, empiricalCdf: limits, fittedCdf };
}
