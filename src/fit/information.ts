/**
 * Standard errors from the observed information (Klugman, Panjer & Willmot, Loss Models, 4th ed., §13.3):
 * the covariance of the estimates is the inverse of −H, H the Hessian of the log-likelihood at the maximum,
 * taken by central differences on the optimiser's scale z (ln p for a positive p, logit for a probability) and
 * carried to the natural scale by the delta method, Cov(p) = J Cov(z) Jᵀ, J = diag(dp/dz) (§13.3.2). At the
 * maximum the gradient is zero, so this equals inverting the Hessian in p itself.
 */
import type { ParameterScale } from './families.ts';

/** Central-difference Hessian of f at z with steps h (Nocedal & Wright, Numerical Optimization, §8.1). */
export function hessian(f: (z: number[]) => number, z: readonly number[], h: readonly number[]): number[][] {
  const k = z.length;
  const at = (di: number, i: number, dj = 0, j = 0) => {
    const y = z.slice();
    y[i] += di * h[i];
    if (dj !== 0) y[j] += dj * h[j];
    return f(y);
  };
  const f0 = f(z.slice());
  const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    H[i][i] = (at(1, i) - 2 * f0 + at(-1, i)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v = (at(1, i, 1, j) - at(1, i, -1, j) - at(-1, i, 1, j) + at(-1, i, -1, j)) / (4 * h[i] * h[j]);
      H[i][j] = H[j][i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive definite matrix by Cholesky; null when it is not positive definite. */
export function inverseSpd(a: readonly number[][]): number[][] | null {
  const k = a.length;
  const L = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= L[i][m] * L[j][m];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let i = c; i < k; i++) {
      let s = i === c ? 1 : 0;
      for (let m = c; m < i; m++) s -= L[i][m] * inv[m][c];
      inv[i][c] = s / L[i][i];
    }
  }
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let m = Math.max(i, j); m < k; m++) s += inv[m][i] * inv[m][j];
      out[i][j] = s;
    }
  return out;
}

/** dp/dz for each parameter at its value. */
export function jacobianDiagonal(p: readonly number[], scales: readonly ParameterScale[]): number[] {
  return p.map((v, i) => (scales[i] === 'log' ? v : scales[i] === 'logit' ? v * (1 - v) : 1));
}

/**
 * 95% Wald interval on the optimiser's scale, carried back: p ± 1.96 se for μ; exp(ln p ± 1.96 se/p) for a
 * positive parameter (it stays positive); logistic(logit p ± 1.96 se/(p(1 − p))) for a probability.
 */
export function waldInterval(p: number, se: number, scale: ParameterScale): [number, number] {
  const z = 1.959963984540054;
  if (scale === 'identity') return [p - z * se, p + z * se];
  if (scale === 'log') return [p * Math.exp((-z * se) / p), p * Math.exp((z * se) / p)];
  const logit = Math.log(p / (1 - p));
  const s = se / (p * (1 - p));
  const logistic = (t: number) => 1 / (1 + Math.exp(-t));
  return [logistic(logit - z * s), logistic(logit + z * s)];
}
