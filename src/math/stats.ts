/**
 * Summary statistics of per-trial values. Quantiles: linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, as d3.quantileSorted and R's default). TVaR_p: mean of the trials at or beyond
 * the p-quantile (Loss Models §3.5.2).
 */
import { quantileSorted } from 'd3-array';

export interface Distribution {
  mean: number;
  sd: number;
  se: number;
  p05: number;
  p50: number;
  p95: number;
  p995: number;
  tvar995: number;
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : NaN;
}

export function sd(xs: ArrayLike<number>, m = mean(xs)): number {
  if (xs.length < 2) return 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

export function tvar(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const start = Math.min(n - 1, Math.floor(p * n));
  let s = 0;
  for (let i = start; i < n; i++) s += sorted[i];
  return s / (n - start);
}

export function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  const m = mean(values);
  const s = sd(values, m);
  const q = (p: number) => quantileSorted(sorted as unknown as number[], p) ?? NaN;
  return {
    mean: m,
    sd: s,
    se: s / Math.sqrt(values.length),
    p05: q(0.05),
    p50: q(0.5),
    p95: q(0.95),
    p995: q(0.995),
    tvar995: tvar(sorted, 0.995),
  };
}

export function probabilityAbove(values: ArrayLike<number>, threshold: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > threshold) n++;
  return values.length ? n / values.length : NaN;
}
