/**
 * xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021):
 * 32-bit state words, fast in JavaScript with Math.imul. Used in every hot loop; seedrandom only seeds it.
 */
export class Xoshiro128 {
  // Public so batch samplers (fillExponential) can run the generator on local variables and write
  // the state back: the same sequence as calling nextI32, without a field load and store per draw.
  a: number;
  b: number;
  c: number;
  d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 0x9e3779b9 | 0; // all-zero state never moves
  }

  /** Next 32 random bits as a signed int32. */
  nextI32(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r | 0;
  }

  /** Next 32 random bits as an unsigned integer in [0, 2^32). */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so log(u) is always finite. */
  uniform(): number {
    return ((this.nextI32() >>> 0) + 0.5) * 2.3283064365386963e-10;
  }

  /** Uniform integer in [0, n) for small n (multiply-shift; bias below 2^-32 · n). */
  below(n: number): number {
    return Math.floor((this.nextI32() >>> 0) * 2.3283064365386963e-10 * n);
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export type Rng = Xoshiro128;
