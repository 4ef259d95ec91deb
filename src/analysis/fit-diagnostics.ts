/**
 * What a severity fit's diagnostic charts draw: the data's histogram (individual amounts) or band densities
 * (grouped counts) beside the fitted density, and the empirical cdf beside the fitted one (Klugman, Panjer &
 * Willmot, Loss Models, 4th ed., §15.1: graphical comparison of the density and distribution functions). With
 * left truncation at d the fitted side is the conditional distribution F*(x) = (F(x) − F(d)) / S(d) (§13.1),
 * since the data hold only amounts above d.
 *
 * Densities are per unit of ln amount (the share of claims in [a, b) over ln(b/a)), as in the population cards'
 * severity sketch (curves.ts severityDensity): on a log axis the bars' areas are then the shares.
 */
import type { FitData } from '../fit/types.ts';

/** The fitted severity as the charts read it (random/severity: every family's cdf and density). */
export interface FittedDistribution {
  cdf(x: number): number;
  density(x: number): number;
}

export interface DensityBar {
  /** The bar's drawn edges (yuan); a band from 0 is drawn from a tenth of its upper limit, the open top band to twice its lower. */
  lower: number;
  upper: number;
  /** Share of claims per unit of ln amount: observed, and under the fit. */
  observed: number;
  fitted: number;
}

export interface DensityPoint {
  x: number;
  density: number;
}

export interface CdfPoint {
  x: number;
  empirical: number;
  fitted: number;
}

/** The fit's distribution as the data see it: conditional on passing the truncation point d. */
export function conditionalCdf(dist: FittedDistribution, d: number): (x: number) => number {
  if (!(d > 0)) return (x) => (x === Infinity ? 1 : dist.cdf(x));
  const f0 = dist.cdf(d);
  const s0 = 1 - f0;
  return (x) => (x <= d ? 0 : x === Infinity ? 1 : (dist.cdf(x) - f0) / s0);
}

/** Bars of the data and the fit's mass over the same bars. */
export function densityBars(data: FitData, dist: FittedDistribution, bins = 24): DensityBar[] {
  const F = conditionalCdf(dist, data.truncate);
  const bar = (a: number, b: number, share: number, massA = a, massB = b): DensityBar => {
    const w = Math.log(b / a);
    return { lower: a, upper: b, observed: share / w, fitted: (F(massB) - F(massA)) / w };
  };
  if (data.kind === 'grouped') {
    const total = data.counts.reduce((s, c) => s + c, 0);
    return data.lower.map((l, i) => {
      const u = data.upper[i];
      const a = l > 0 ? l : Number.isFinite(u) ? u / 10 : 1;
      const b = Number.isFinite(u) ? u : 2 * a;
      return bar(a, b, data.counts[i] / total, l, u);
    });
  }
  const xs = data.amounts.filter((x) => x > 0);
  if (!xs.length) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
  if (hi <= lo) hi = lo * 1.01;
  const step = Math.log(hi / lo) / bins;
  const mass = new Float64Array(bins);
  let total = 0;
  data.amounts.forEach((x, i) => {
    if (!(x > 0)) return;
    const k = Math.min(bins - 1, Math.floor(Math.log(x / lo) / step));
    mass[k] += data.weights[i];
    total += data.weights[i];
  });
  return Array.from(mass, (m, k) => bar(lo * Math.exp(k * step), lo * Math.exp((k + 1) * step), m / total));
}

/**
 * The fit's density per unit of ln amount, x f(x) / S(d) above the truncation point d (0 below it), on a grid
 * even in ln x from `lo` to `hi` (the curve over the bars).
 */
export function fittedCurve(data: FitData, dist: FittedDistribution, lo: number, hi: number, points = 160): DensityPoint[] {
  const d = data.truncate;
  const s0 = d > 0 ? 1 - dist.cdf(d) : 1;
  const step = Math.log(hi / lo) / (points - 1);
  return Array.from({ length: points }, (_, i) => {
    const x = lo * Math.exp(i * step);
    return { x, density: x > d ? (x * dist.density(x)) / s0 : 0 };
  });
}

/**
 * Empirical and fitted cdf: at each distinct amount (at most `most` of them, evenly through the sorted data), or
 * at each band's upper limit.
 */
export function cdfPoints(data: FitData, dist: FittedDistribution, most = 300): CdfPoint[] {
  const F = conditionalCdf(dist, data.truncate);
  if (data.kind === 'grouped') {
    const total = data.counts.reduce((s, c) => s + c, 0);
    let cum = 0;
    const out: CdfPoint[] = [];
    data.upper.forEach((u, i) => {
      cum += data.counts[i];
      if (Number.isFinite(u)) out.push({ x: u, empirical: cum / total, fitted: F(u) });
    });
    return out;
  }
  const order = data.amounts.map((_, i) => i).sort((a, b) => data.amounts[a] - data.amounts[b]);
  const total = data.weights.reduce((s, w) => s + w, 0);
  const steps: { x: number; cum: number }[] = [];
  let cum = 0;
  for (const i of order) {
    cum += data.weights[i];
    const x = data.amounts[i];
    if (steps.length && steps[steps.length - 1].x === x) steps[steps.length - 1].cum = cum;
    else steps.push({ x, cum });
  }
  const stride = Math.max(1, Math.ceil(steps.length / most));
  const kept = steps.filter((_, i) => i % stride === 0 || i === steps.length - 1);
  return kept.filter((p) => p.x > 0).map((p) => ({ x: p.x, empirical: p.cum / total, fitted: F(p.x) }));
}
