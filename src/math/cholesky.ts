/**
 * Cholesky factor of a symmetric positive semi-definite matrix, A = L·Lᵀ with L lower triangular (Golub & Van
 * Loan, Matrix Computations, 4th ed., §4.2.5, the outer-product form). A pivot that is negative beyond the
 * tolerance means A is not positive semi-definite; one within it is taken as 0 and its column left zero (a
 * parameter whose estimate has no spread, or one the others determine), so a singular covariance still factors.
 */
export interface CholeskyResult {
  /** Row-major k×k lower-triangular factor; null when A is not positive semi-definite. */
  factor: Float64Array | null;
  /** The first pivot that went negative (0-based), or −1. */
  failedAt: number;
}

/**
 * Relative tolerance on a pivot: a pivot above −tol·Aₖₖ (or −tol·max diagonal when Aₖₖ = 0) counts as zero, the
 * rounding a covariance computed and printed to about 12 digits carries.
 */
export const PSD_TOLERANCE = 1e-9;

export function cholesky(a: readonly (readonly number[])[], tol = PSD_TOLERANCE): CholeskyResult {
  const k = a.length;
  const l = new Float64Array(k * k);
  const maxDiag = Math.max(0, ...a.map((row, i) => row[i]));
  for (let j = 0; j < k; j++) {
    let d = a[j][j];
    for (let m = 0; m < j; m++) d -= l[j * k + m] ** 2;
    const scale = a[j][j] > 0 ? a[j][j] : maxDiag;
    if (d < -tol * scale || (scale === 0 && d < 0)) return { factor: null, failedAt: j };
    if (d <= tol * scale) {
      // A zero pivot: the off-diagonal entries of the rest of this column must vanish too, or A is indefinite.
      for (let i = j + 1; i < k; i++) {
        let s = a[i][j];
        for (let m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
        if (Math.abs(s) > Math.sqrt(tol) * Math.sqrt(Math.max(a[i][i], 0) * Math.max(scale, 0))) return { factor: null, failedAt: j };
      }
      continue;
    }
    const root = Math.sqrt(d);
    l[j * k + j] = root;
    for (let i = j + 1; i < k; i++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
      l[i * k + j] = s / root;
    }
  }
  return { factor: l, failedAt: -1 };
}
