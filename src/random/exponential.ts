/**
 * Exp(1) draws by the Ziggurat method, 256 layers: G. Marsaglia & W. W. Tsang, "The Ziggurat Method for
 * Generating Random Variables", Journal of Statistical Software 5(8), 2000, procedures zigset and REXP.
 * One 32-bit draw and a comparison in about 99% of calls, no logarithm: the Pareto tail X = t·exp(E/α) of the
 * spliced severity uses it.
 */
import type { Rng } from './xoshiro.ts';

/** Layer bounds and widths, exported for the batch samplers that inline the generator (quantile-table.ts). */
export const KE = new Uint32Array(256);
export const WE = new Float64Array(256);
/** Layer heights exp(−x_i), exported for the WebAssembly sampler that copies the tables (wasm/kernel.ts). */
export const FE = new Float64Array(256);
const DE = 7.697117470131487;
{
  const m2 = 4294967296;
  const ve = 3.949659822581572e-3;
  let de = DE;
  let te = de;
  const q = ve / Math.exp(-de);
  KE[0] = Math.floor((de / q) * m2);
  KE[1] = 0;
  WE[0] = q / m2;
  WE[255] = de / m2;
  FE[0] = 1;
  FE[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ve / de + Math.exp(-de));
    KE[i + 1] = Math.floor((de / te) * m2);
    te = de;
    FE[i] = Math.exp(-de);
    WE[i] = de / m2;
  }
}

/**
 * KE with the sign bit flipped, as int32, for the inlined samplers: jz < KE[i] unsigned ⇔ (r ^ 2³¹) < KE_SIGNED[i]
 * signed, r the same 32 bits as int32, so the layer test needs no unsigned conversion (issue #32: a Suzhou trial
 * about a sixth cheaper).
 */
export const SIGN = -0x80000000;
export const KE_SIGNED = Int32Array.from(KE, (k) => k ^ SIGN);

export function exponentialZiggurat(rng: Rng): number {
  const jz = rng.nextU32();
  const iz = jz & 255;
  if (jz < KE[iz]) return jz * WE[iz];
  return exponentialSlow(rng, jz, iz);
}

/** The rare rejection steps of REXP, continuing from a first draw jz that fell outside its rectangle. */
export function exponentialSlow(rng: Rng, jz: number, iz: number): number {
  for (;;) {
    if (iz === 0) return DE - Math.log(rng.uniform());
    const x = jz * WE[iz];
    if (FE[iz] + rng.uniform() * (FE[iz - 1] - FE[iz]) < Math.exp(-x)) return x;
    jz = rng.nextU32();
    iz = jz & 255;
    if (jz < KE[iz]) return jz * WE[iz];
  }
}

/**
 * Takes the rejection step's rare paths (the base layer, a wedge) a few dozen times, so that V8 has their feedback
 * before it optimises a loop that inlines them (quantile-table.ts warmUp says why that matters). The draws are
 * thrown away; `rng` is the caller's private stream.
 */
export function warmUpExponential(rng: Rng): void {
  for (let i = 0; i < 64; i++) exponentialSlow(rng, 0xffffffff, i & 1 ? 0 : 1 + (i >> 1));
}

/**
 * out[from..to) = Exp(1) draws, the same numbers as successive exponentialZiggurat calls; the generator runs on
 * local variables (xoshiro128** inlined, Xoshiro128.nextI32) and its state is written back at the end.
 */
export function fillExponential(rng: Rng, out: Float64Array, from: number, to: number): void {
  let a = rng.a;
  let b = rng.b;
  let c = rng.c;
  let d = rng.d;
  for (let i = from; i < to; i++) {
    const m = Math.imul(b, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    const iz = r & 255;
    if ((r ^ SIGN) < KE_SIGNED[iz]) {
      out[i] = (r >>> 0) * WE[iz];
    } else {
      rng.a = a;
      rng.b = b;
      rng.c = c;
      rng.d = d;
      out[i] = exponentialSlow(rng, r >>> 0, iz);
      a = rng.a;
      b = rng.b;
      c = rng.c;
      d = rng.d;
    }
  }
  rng.a = a;
  rng.b = b;
  rng.c = c;
  rng.d = d;
}
