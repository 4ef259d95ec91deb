/**
 * Root finding by bisection, written once as a generator so the same steps serve a plain function and one that
 * must be awaited (a Monte Carlo run): the caller evaluates each yielded x and sends back f(x) − target.
 *
 * Bracketing: while g(lo) and g(hi) have the same sign, the bracket moves up ([hi, 2·hi]) until `maxHi`; then
 * the bracket is halved until its width is at most `relTol · max(1, |hi|)` or `maxIter` halvings are done.
 * Source: the textbook method (W. H. Press et al., Numerical Recipes, 3rd ed., §9.1), which needs only that g is
 * continuous and changes sign once; monotone g (every use here) makes the root unique.
 */
export interface BisectOptions {
  /** Width of the final bracket relative to max(1, |hi|). */
  relTol?: number;
  /** The bracket may move up to here while no sign change is found (default: `hi`, i.e. not at all). */
  maxHi?: number;
  maxIter?: number;
}

/** The final bracket: g(lo) and g(hi) of opposite sign (or one of them 0), null when no bracket was found. */
export interface Bracket {
  lo: number;
  hi: number;
  glo: number;
  ghi: number;
}

export function* bisection(lo: number, hi: number, opts: BisectOptions = {}): Generator<number, Bracket | null, number> {
  const { relTol = 1e-9, maxHi = hi, maxIter = 200 } = opts;
  let glo = yield lo;
  let ghi = yield hi;
  while (glo * ghi > 0 && hi < maxHi) {
    lo = hi;
    glo = ghi;
    hi = Math.min(2 * hi, maxHi);
    ghi = yield hi;
  }
  if (!Number.isFinite(glo) || !Number.isFinite(ghi) || glo * ghi > 0) return null;
  if (glo === 0) return { lo, hi: lo, glo, ghi: glo };
  for (let i = 0; i < maxIter && hi - lo > relTol * Math.max(1, Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    const gm = yield mid;
    if (gm === 0) return { lo: mid, hi: mid, glo: 0, ghi: 0 };
    if (gm * glo < 0) {
      hi = mid;
      ghi = gm;
    } else {
      lo = mid;
      glo = gm;
    }
  }
  return { lo, hi, glo, ghi };
}

/** Drives `bisection` with a plain function. */
export function bisect(f: (x: number) => number, target: number, lo: number, hi: number, opts?: BisectOptions): Bracket | null {
  const steps = bisection(lo, hi, opts);
  let step = steps.next();
  while (!step.done) step = steps.next(f(step.value) - target);
  return step.value;
}

/** Drives `bisection` with a function that must be awaited (each value a Monte Carlo run). */
export async function bisectAsync(
  f: (x: number) => Promise<number>,
  target: number,
  lo: number,
  hi: number,
  opts?: BisectOptions,
): Promise<Bracket | null> {
  const steps = bisection(lo, hi, opts);
  let step = steps.next();
  while (!step.done) step = steps.next((await f(step.value)) - target);
  return step.value;
}

/** The end of a bracket nearer the root (smaller |g|). */
export const nearer = (b: Bracket): number => (Math.abs(b.glo) <= Math.abs(b.ghi) ? b.lo : b.hi);

/** Solves f(x) = target for a monotone f on [lo, hi], moving hi up to maxHi while unbracketed; null if no root. */
export function solveMonotone(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  relTol = 1e-9,
  maxHi = 1e12,
): number | null {
  const b = bisect(f, target, lo, hi, { relTol, maxHi });
  return b && nearer(b);
}

/**
 * Smallest x with f(x) ≥ target for a non-decreasing f (hi doubles until f(hi) ≥ target), to relative precision
 * 1e-13: inverts cdfs without a closed-form quantile (Student's t in finance/projection.ts).
 */
export function invertIncreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  const b = bisect(f, target, lo, hi, { relTol: 1e-13, maxHi: 1e300, maxIter: 400 });
  return b ? 0.5 * (b.lo + b.hi) : hi;
}
