/**
 * In-place radix-2 complex FFT over split real and imaginary arrays (Cooley–Tukey, iterative with bit reversal;
 * Press et al., Numerical Recipes, 3rd ed., §12.2). Twiddles come from one table per size, computed by
 * Math.cos/Math.sin rather than a recurrence, so the round-off stays at a few ulps for 2^20 points.
 */
const tables = new Map<number, { cos: Float64Array; sin: Float64Array; rev: Uint32Array }>();

function tableFor(n: number) {
  let t = tables.get(n);
  if (t) return t;
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
  const bits = Math.log2(n);
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, x = i; b < bits; b++, x >>= 1) r = (r << 1) | (x & 1);
    rev[i] = r;
  }
  t = { cos, sin, rev };
  tables.set(n, t);
  return t;
}

/** x ↦ X[k] = Σⱼ x[j] e^{∓2πi jk/n}: forward (sign −1) or, with `inverse`, the unnormalised inverse (+1). */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n & (n - 1)) throw new Error(`FFT size ${n} is not a power of two`);
  const { cos, sin, rev } = tableFor(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i];
    if (j > i) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step];
        const wi = sign * sin[k * step];
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * The transform of a real sequence is Hermitian, X[n − k] = conj X[k]: given X[0 … n/2], fills the rest. What is
 * computed pointwise on a real sequence's transform (a compound pgf with real coefficients, products of such)
 * keeps that symmetry, so half the points need computing.
 */
export function mirrorHermitian(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let k = 1; k < n >> 1; k++) {
    re[n - k] = re[k];
    im[n - k] = -im[k];
  }
}
