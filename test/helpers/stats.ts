/** Test statistics with their sources. */

/** One-sample Kolmogorov–Smirnov statistic D = sup |F_n − F| (Massey 1951). */
export function ksOneSample(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Two-sample KS statistic. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Critical value of the KS statistic at level α = 0.001: c(α) = √(−ln(α/2)/2) = 1.949 (asymptotic). */
export const KS_C_001 = Math.sqrt(-Math.log(0.0005) / 2);

/** ∫ₐᵇ f by composite Simpson with n (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** ∫₀ᵘ S(x) dx by Simpson on t = ln x (S(eᵗ)·eᵗ dt), which resolves both small and large amounts. */
export function levNumeric(survival: (x: number) => number, u: number): number {
  const hi = Math.log(u);
  return simpson((t) => survival(Math.exp(t)) * Math.exp(t), hi - 40, hi, 40000);
}
