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

/**
 * Twiddles stage by stage: the stage of butterflies `half` apart reads w_k = e^{−iπk/half} at [half + k], so each
 * stage's are contiguous (the strided reads of one table had cost a third of the FFT's time, issue #32).
 */
const stages = new Map<number, { wr: Float64Array; wi: Float64Array }>();

function stageTwiddles(n: number) {
  let t = stages.get(n);
  if (t) return t;
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  for (let half = 1; half < n; half <<= 1)
    for (let k = 0; k < half; k++) {
      wr[half + k] = Math.cos((Math.PI * k) / half);
      wi[half + k] = Math.sin((Math.PI * k) / half);
    }
  t = { wr, wi };
  stages.set(n, t);
  return t;
}

/** x ↦ X[k] = Σⱼ x[j] e^{∓2πi jk/n}: forward (sign −1) or, with `inverse`, the unnormalised inverse (+1). */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n & (n - 1)) throw new Error(`FFT size ${n} is not a power of two`);
  const { rev } = tableFor(n);
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
  if (n < 4) {
    if (n === 2) butterflies(re, im, 0, 2, 1, 0);
    return;
  }
  // The first two stages at once, their twiddles 1 and ∓i (a radix-4 butterfly without multiplications).
  for (let a = 0; a < n; a += 4) {
    const s0r = re[a] + re[a + 1];
    const s0i = im[a] + im[a + 1];
    const d0r = re[a] - re[a + 1];
    const d0i = im[a] - im[a + 1];
    const s1r = re[a + 2] + re[a + 3];
    const s1i = im[a + 2] + im[a + 3];
    const d1r = re[a + 2] - re[a + 3];
    const d1i = im[a + 2] - im[a + 3];
    // (d1r + i·d1i)·(sign·i) = −sign·d1i + i·sign·d1r.
    const tr = -sign * d1i;
    const ti = sign * d1r;
    re[a] = s0r + s1r;
    im[a] = s0i + s1i;
    re[a + 2] = s0r - s1r;
    im[a + 2] = s0i - s1i;
    re[a + 1] = d0r + tr;
    im[a + 1] = d0i + ti;
    re[a + 3] = d0r - tr;
    im[a + 3] = d0i - ti;
  }
  const { wr, wi } = stageTwiddles(n);
  for (let half = 4; half < n; half <<= 1) {
    const size = half << 1;
    // Few twiddles and many blocks: each twiddle read once for its blocks; else block by block, the twiddles read
    // in order (a stride of `size` through arrays beyond the cache had made 8,192 points slower than before).
    if (half < n / size) for (let k = 0; k < half; k++) butterflies(re, im, k, size, wr[half + k], sign * wi[half + k]);
    else
      for (let start = 0; start < n; start += size)
        for (let k = 0; k < half; k++) {
          const a = start + k;
          const b = a + half;
          const tr = wr[half + k];
          const ti = sign * wi[half + k];
          const xr = re[b] * tr - im[b] * ti;
          const xi = re[b] * ti + im[b] * tr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
  }
}

/** Every butterfly (a, a + half) of one stage with the twiddle w = wr + i·wi, a = k, k + size, … */
function butterflies(re: Float64Array, im: Float64Array, k: number, size: number, wr: number, wi: number) {
  const n = re.length;
  const half = size >> 1;
  for (let a = k; a < n; a += size) {
    const b = a + half;
    const xr = re[b] * wr - im[b] * wi;
    const xi = re[b] * wi + im[b] * wr;
    re[b] = re[a] - xr;
    im[b] = im[a] - xi;
    re[a] += xr;
    im[a] += xi;
  }
}

/** Scratch arrays of the half-size transform, one pair per size (the transforms below run one at a time). */
const halves = new Map<number, { re: Float64Array; im: Float64Array }>();
function halfFor(n: number) {
  let h = halves.get(n);
  if (!h) halves.set(n, (h = { re: new Float64Array(n), im: new Float64Array(n) }));
  return h;
}

/**
 * The forward transform of a real sequence x (length n, a power of two ≥ 4) at its first n/2 + 1 points, written
 * to re/im [0 … n/2]; the rest is their mirror (the transform of a real sequence is Hermitian). One complex FFT of
 * half the size on z[k] = x[2k] + i·x[2k+1], then X[k] = E[k] + e^{−2πik/n}·O[k] with E, O the transforms of the
 * even and odd samples, E[k] = (Z[k] + conj Z[n/2−k])/2, O[k] = (Z[k] − conj Z[n/2−k])/(2i) (Press et al.,
 * Numerical Recipes, 3rd ed., §12.3.2): half the work of a complex transform of the same length.
 */
export function realFft(x: Float64Array, re: Float64Array, im: Float64Array): void {
  const n = x.length;
  const half = n >> 1;
  const z = halfFor(half);
  for (let k = 0; k < half; k++) {
    z.re[k] = x[2 * k];
    z.im[k] = x[2 * k + 1];
  }
  fft(z.re, z.im);
  const { cos, sin } = tableFor(n);
  for (let k = 0; k <= half; k++) {
    const a = k === half ? 0 : k;
    const b = k === 0 ? 0 : half - k;
    const zr = z.re[a];
    const zi = z.im[a];
    const cr = z.re[b];
    const ci = -z.im[b];
    const er = (zr + cr) / 2;
    const ei = (zi + ci) / 2;
    // O = (Z − conj Z')/(2i): (dr + i·di)/(2i) = di/2 − i·dr/2.
    const or = (zi - ci) / 2;
    const oi = -(zr - cr) / 2;
    const wr = k === half ? -1 : cos[k];
    const wi = k === half ? 0 : -sin[k];
    re[k] = er + wr * or - wi * oi;
    im[k] = ei + wr * oi + wi * or;
  }
}

/**
 * The unnormalised inverse transform of a Hermitian spectrum given at its first n/2 + 1 points (re/im, length n),
 * a real sequence written to `out` (length n): x[j] = Σₖ X[k]·e^{2πijk/n} over all n points. The even and odd
 * samples are the inverse transforms of X[k] + X[k + n/2] and (X[k] − X[k + n/2])·e^{2πik/n}, both real, so
 * one complex FFT of half the size carries them as its real and imaginary parts.
 */
export function inverseRealFft(re: Float64Array, im: Float64Array, out: Float64Array): void {
  const n = out.length;
  const half = n >> 1;
  const z = halfFor(half);
  const { cos, sin } = tableFor(n);
  for (let k = 0; k < half; k++) {
    // X[k + n/2] = conj X[n/2 − k].
    const cr = re[half - k];
    const ci = -im[half - k];
    const er = re[k] + cr;
    const ei = im[k] + ci;
    const dr = re[k] - cr;
    const di = im[k] - ci;
    const or = dr * cos[k] - di * sin[k];
    const oi = dr * sin[k] + di * cos[k];
    // Z = E + i·O.
    z.re[k] = er - oi;
    z.im[k] = ei + or;
  }
  fft(z.re, z.im, true);
  for (let k = 0; k < half; k++) {
    out[2 * k] = z.re[k];
    out[2 * k + 1] = z.im[k];
  }
}
