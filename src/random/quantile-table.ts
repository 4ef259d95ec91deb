/**
 * A severity's upper quantile tabulated once, for drawing sorted batches above a threshold at the cost of one
 * exponential and one cubic per person (engine/claimants.ts). The Monte Carlo spent about 70% of its time on
 * Severity.fillAbove: per person an exponential, exp(−E), Acklam's Φ⁻¹ and an exp (docs/model.md "Performance").
 *
 * On the log-survival axis L = −ln v, H(L) = Q_upper(e^{−L}) is smooth wherever the quantile is (a Pareto tail
 * is H = θ·e^{L/α}: an exponential, no singularity as v → 0), and the Rényi order statistics E₍ᵢ₎ of n Exp(1)
 * draws (order.ts) give the sorted draws above a threshold t with S(t) = s directly: X₍ᵢ₎ = H(E₍ᵢ₎ − ln s).
 * A cost shock c scales amounts and moves the threshold, X' = c·X above t ⇔ X above t/c: the same table serves,
 * shifted by −ln S(t/c) and scaled by c.
 *
 * Each cell of width h = 1/256 holds the cubic through four neighbouring nodes (Lagrange, power form in the cell's
 * own coordinate), its stencil kept on one side of a kink of the quantile (the splice of a spliced severity, placed
 * on a node). Every cell is checked against the exact quantile at its middle when the table is built, to a
 * relative 1e-10 (Acklam's Φ⁻¹ that drew before was within 1.2e-9): cells at the low end of L, where a body's
 * quantile falls steeply to 0, that miss it are left to the exact quantile, and a table with a failing cell
 * elsewhere is refused (the caller keeps Severity.fillAbove). Draws outside the table take the exact quantile.
 */
import { exponentialSlow, KE_SIGNED, SIGN, WE, warmUpExponential } from './exponential.ts';
import { reciprocalTable, warmUpReciprocals } from './order.ts';
import type { Severity } from './severity/index.ts';
import { freeWhenCollected, kernelCanFill, kernelFill, wasmAlloc, wasmF64 } from './wasm/kernel.ts';
import { Xoshiro128, type Rng } from './xoshiro.ts';

/** Cells per unit of L; the accuracy check (TOLERANCE) holds with room at this width for the shipped families. */
const CELLS_PER_UNIT = 256;
const TOLERANCE = 1e-10;
/**
 * The rejection step's draw passes through a typed slot, not straight into `z`: a call's result is a tagged value,
 * and with it as one input of the loop's phi V8 kept `z` tagged and boxed every draw's exponential (a HeapNumber,
 * 16 bytes: 850 kB and a scavenge every 17 Suzhou trials; a sampling heap profile with collected objects showed it).
 */
const SLOW = new Float64Array(1);

export class UpperQuantileTable {
  private constructor(
    private readonly sev: Severity,
    /** L of the first valid cell's left node. */
    readonly lo: number,
    /** Valid cells: [lo, lo + cells/CELLS_PER_UNIT). */
    readonly cells: number,
    /** 4 coefficients per cell: H(lo + (j + f)·h) = c0 + f(c1 + f(c2 + f·c3)), f ∈ [0, 1). */
    private readonly coef: Float64Array,
  ) {}

  /** Byte address of a copy of coef in the kernel's memory (wasm/kernel.ts), −1 when there is none. */
  private coefAddr = -1;

  /** Copies the cubics into the kernel's memory once, freed when the table is collected. */
  private toWasm(): void {
    const bytes = 8 * this.coef.length;
    const addr = wasmAlloc(bytes);
    if (addr < 0) return;
    wasmF64(addr, this.coef.length).set(this.coef);
    this.coefAddr = addr;
    freeWhenCollected(this, addr, bytes);
  }

  /** L one past the last valid cell. */
  get hi(): number {
    return this.lo + this.cells / CELLS_PER_UNIT;
  }

  /**
   * The table of sev's upper quantile over L ∈ [from, to], or null when the severity does not say where its quantile
   * bends (Severity.quantileKinks: a discrete table's quantile jumps) or a cell above `need` misses the tolerance.
   * Cells below `need` that miss it are dropped (their draws take the exact quantile).
   */
  static build(sev: Severity, from: number, to: number, need: number): UpperQuantileTable | null {
    const kinkLevels = sev.quantileKinks?.();
    if (!kinkLevels) return null;
    const h = 1 / CELLS_PER_UNIT;
    const kinks = kinkLevels.map((v) => -Math.log(v)).filter((l) => l > from && l < to);
    if (kinks.length > 1) return null;
    // A kink sits on a node, so that no cell straddles it.
    const lo0 = kinks.length ? kinks[0] - Math.ceil((kinks[0] - from) / h) * h : from;
    const kinkNode = kinks.length ? Math.round((kinks[0] - lo0) / h) : -10;
    const cells = Math.ceil((to - lo0) / h);
    const at = (l: number) => sev.upperQuantile(Math.exp(-l));
    const y = new Float64Array(cells + 1);
    for (let i = 0; i <= cells; i++) y[i] = at(lo0 + i * h);
    const coef = new Float64Array(4 * cells);
    let first = 0;
    for (let j = 0; j < cells; j++) {
      // Stencil offsets from node j: centred, shifted to stay inside the table and on one side of the kink.
      let o = -1;
      if (j === 0 || kinkNode === j) o = 0;
      else if (j === cells - 1 || kinkNode === j + 1) o = -2;
      if (j + o + 3 > cells) o = cells - 3 - j;
      if (j + o < 0) o = -j;
      cubicCoefficients(y, j, o, coef, 4 * j);
      // The interpolation error (f + 1)f(f − 1)(f − 2)·H⁗/24 of a centred stencil peaks at the cell's middle.
      const exact = at(lo0 + (j + 0.5) * h);
      const k = 4 * j;
      const got = coef[k] + 0.5 * (coef[k + 1] + 0.5 * (coef[k + 2] + 0.5 * coef[k + 3]));
      if (Math.abs(got - exact) <= TOLERANCE * Math.abs(exact)) continue;
      if (lo0 + (j + 1) * h <= need) first = j + 1;
      else return null;
    }
    if (first >= cells) return null;
    const table = new UpperQuantileTable(sev, lo0 + first * h, cells - first, coef.subarray(4 * first));
    table.toWasm();
    table.warmUp();
    return table;
  }

  /**
   * Takes every path of fillSorted's loop on small batches from a private stream (no trial's stream is touched)
   * before a trial calls it. V8 optimises the loop on the stack (OSR) during its first long call and compiles a
   * path that has never run as a bail-out; the first trial that took one (the Ziggurat's base layer, about once
   * in 2,200 draws; a draw beyond the table) threw that code away, and from then on every call ran the loop in a
   * slower on-stack build that boxes its doubles: half of a Suzhou trial's time went to fillSorted at about twice
   * its cost (issue #32's profile). V8 records feedback only from about a function's eighth call on, hence the
   * repetitions; batches this small are never replaced on the stack.
   */
  private warmUp(): void {
    const rng = new Xoshiro128(0x2545f491, 0x4f6cdd1d, 0x9e3779b9, 0x7f4a7c15);
    const n = 32;
    const out = new Float64Array(n);
    const prefix = new Float64Array(n + 1);
    // Shifts below the table (its first draws take the exact quantile), inside it, and beyond it.
    // The inlined helpers' rare paths first: V8 may optimise fillSorted during these very calls.
    warmUpExponential(rng);
    warmUpReciprocals();
    const shifts = [0.5 * this.lo, this.lo, 0.5 * (this.lo + this.hi), this.hi + 1];
    for (let i = 0; i < 64; i++) this.fillSorted(rng, out, 0, n, shifts[i & 3], 1, prefix);
  }

  /** H(L), from the table where it covers L, else the exact quantile. */
  at(l: number): number {
    const t = (l - this.lo) * CELLS_PER_UNIT;
    if (t >= 0 && t < this.cells) {
      const j = t | 0;
      const f = t - j;
      const k = 4 * j;
      const c = this.coef;
      return c[k] + f * (c[k + 1] + f * (c[k + 2] + f * c[k + 3]));
    }
    return this.sev.upperQuantile(Math.exp(-l));
  }

  /**
   * out[from..from + n) = scale·H(E₍ᵢ₎ + shift), ascending: n sorted draws of scale·X | X > t for −ln S(t) = shift;
   * prefix[i + 1] = prefix[i] + out[i] along the way (the running sums the engine's segment sums read).
   * One pass: the Exp(1) draws by the Ziggurat on the inlined generator (the same numbers as fillExponential), the
   * Rényi sum, the cell's cubic. A step down of an ulp between neighbouring cells' cubics is levelled.
   * When out and prefix are views on the kernel's memory (ClaimantBatch.reserve), the WebAssembly kernel runs the
   * same loop instead (wasm/kernel.ts): the same numbers, bit for bit, in about half the time.
   */
  fillSorted(rng: Rng, out: Float64Array, from: number, n: number, shift: number, scale: number, prefix: Float64Array): void {
    if (this.coefAddr >= 0 && kernelCanFill(out, prefix, from, n)) {
      kernelFill(rng, this.sev, out, prefix, from, n, shift, scale, this.coefAddr, this.cells, this.lo);
      return;
    }
    const inv = reciprocalTable(n);
    let sum = prefix[from];
    const coef = this.coef;
    const cells = this.cells;
    const off = shift - this.lo;
    let a = rng.a;
    let b = rng.b;
    let c = rng.c;
    let d = rng.d;
    let e = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const m = Math.imul(b, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const tb = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= tb;
      d = (d << 11) | (d >>> 21);
      const iz = r & 255;
      let z: number;
      if ((r ^ SIGN) < KE_SIGNED[iz]) z = (r >>> 0) * WE[iz];
      else {
        rng.a = a;
        rng.b = b;
        rng.c = c;
        rng.d = d;
        SLOW[0] = exponentialSlow(rng, r >>> 0, iz);
        z = SLOW[0];
        a = rng.a;
        b = rng.b;
        c = rng.c;
        d = rng.d;
      }
      e += z * inv[n - i];
      const t = (e + off) * CELLS_PER_UNIT;
      let x: number;
      if (t >= 0 && t < cells) {
        const j = t | 0;
        const f = t - j;
        const k = j << 2;
        x = scale * (coef[k] + f * (coef[k + 1] + f * (coef[k + 2] + f * coef[k + 3])));
      } else x = scale * this.sev.upperQuantile(Math.exp(-(e + shift)));
      if (x < prev) x = prev;
      out[from + i] = x;
      prev = x;
      sum += x;
      prefix[from + i + 1] = sum;
    }
    rng.a = a;
    rng.b = b;
    rng.c = c;
    rng.d = d;
  }
}

/** Power-form coefficients of the four Lagrange basis polynomials on nodes o..o + 3, per offset o (cached). */
const BASES = new Map<number, Float64Array>();

/**
 * Power-form coefficients in f of the cubic through (o + m, y[j + o + m]), m = 0..3, written to out[at..at + 4):
 * Σ_m y_m ℓ_m(f), each Lagrange basis polynomial ℓ_m = Π_{p≠m} (f − x_p)/(x_m − x_p) expanded.
 */
function cubicCoefficients(y: Float64Array, j: number, o: number, out: Float64Array, at: number): void {
  let basis = BASES.get(o);
  if (!basis) {
    basis = new Float64Array(16);
    for (let m = 0; m < 4; m++) {
      const [p, q, r] = [0, 1, 2, 3].filter((x) => x !== m).map((x) => o + x);
      const xm = o + m;
      const w = 1 / ((xm - p) * (xm - q) * (xm - r));
      // (f − p)(f − q)(f − r) = f³ − (p + q + r) f² + (pq + pr + qr) f − pqr
      basis[4 * m] = -w * p * q * r;
      basis[4 * m + 1] = w * (p * q + p * r + q * r);
      basis[4 * m + 2] = -w * (p + q + r);
      basis[4 * m + 3] = w;
    }
    BASES.set(o, basis);
  }
  for (let d = 0; d < 4; d++) {
    let sum = 0;
    for (let m = 0; m < 4; m++) sum += y[j + o + m] * basis[4 * m + d];
    out[at + d] = sum;
  }
}
