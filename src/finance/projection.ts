/**
 * Insured-count projection by linear trend (seed 002 五: "近五年参保人数的变化趋势"): least squares with
 * simple-statistics, and the prediction interval for a new year
 *   ŷ ± t_{n−2, 1−α/2} · s · √(1 + 1/n + (x₀ − x̄)² / Sxx)
 * (e.g. Montgomery, Peck & Vining, Introduction to Linear Regression Analysis, §2.4.2).
 */
import { linearRegression, linearRegressionLine } from 'simple-statistics';
import { betaInc } from '../math/special.ts';
import { invertIncreasing } from '../math/roots.ts';

export interface Projection {
  year: number;
  predicted: number;
  lo: number;
  hi: number;
  slope: number;
  intercept: number;
  residualSd: number;
  n: number;
}

/** Student t cdf via the regularised incomplete beta function. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * betaInc(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

export function tQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  return invertIncreasing((t) => tCdf(t, df), p, 0, 10);
}

export function projectLinear(history: { year: number; insured: number }[], year: number, level = 0.95): Projection {
  const pts = history.map((h) => [h.year, h.insured] as [number, number]);
  const n = pts.length;
  if (n < 3) throw new Error(`a trend needs at least 3 years of history, got ${n}`);
  const { m, b } = linearRegression(pts);
  const line = linearRegressionLine({ m, b });
  const xbar = pts.reduce((s, p) => s + p[0], 0) / n;
  const sxx = pts.reduce((s, p) => s + (p[0] - xbar) ** 2, 0);
  const sse = pts.reduce((s, p) => s + (p[1] - line(p[0])) ** 2, 0);
  const sd = Math.sqrt(sse / (n - 2));
  const half = tQuantile(1 - (1 - level) / 2, n - 2) * sd * Math.sqrt(1 + 1 / n + (year - xbar) ** 2 / sxx);
  const predicted = line(year);
  // A count is not negative: a falling trend's interval (or its prediction) stops at nobody.
  const count = (x: number) => Math.max(0, x);
  return {
    year,
    predicted: count(predicted),
    lo: count(predicted - half),
    hi: count(predicted + half),
    slope: m,
    intercept: b,
    residualSd: sd,
    n,
  };
}
