/**
 * Continuous piecewise-linear functions of one person's annual amount X, starting at f(0) = 0. A benefit
 * schedule is one (bands are linear pieces, caps flatten it), so its expectation over any severity is exact
 * from limited expected values: for knots x₀ = 0 < x₁ < … with slopes sᵢ on [xᵢ, xᵢ₊₁),
 * E[f(X)] = Σ sᵢ (LEV(xᵢ₊₁) − LEV(xᵢ)) (Klugman, Panjer & Willmot, Loss Models, §8.2: payment per loss with
 * deductible and limit as differences of limited expected values).
 */
export interface Piecewise {
  xs: number[];
  ys: number[];
  /** Slope beyond the last knot. */
  tail: number;
}

export function evaluate(f: Piecewise, x: number): number {
  const { xs, ys } = f;
  const n = xs.length;
  if (x >= xs[n - 1]) return ys[n - 1] + f.tail * (x - xs[n - 1]);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return ys[lo] + ((ys[hi] - ys[lo]) * (x - xs[lo])) / (xs[hi] - xs[lo]);
}

/**
 * Samples an evaluator that is linear between the given candidate kinks into knots. Where `cap` is given, the
 * point where the function first reaches it is added and the function is flattened there.
 */
export function fromKinks(f: (x: number) => number, kinks: Iterable<number>, cap = Infinity): Piecewise {
  const xs = [...new Set([0, ...kinks])].filter((x) => x >= 0 && Number.isFinite(x)).sort((a, b) => a - b);
  const last = xs[xs.length - 1];
  const probe = last > 0 ? last * 2 : 1;
  const tail = f(probe) - f(last);
  const ys = xs.map(f);
  const out: Piecewise = { xs, ys, tail: tail / (probe - last) };
  return cap === Infinity ? out : capAt(out, cap);
}

/** min(f, cap) for a non-decreasing f. */
export function capAt(f: Piecewise, cap: number): Piecewise {
  if (!Number.isFinite(cap)) return f;
  const xs: number[] = [];
  const ys: number[] = [];
  // Where the cap is reached so close above a knot that the crossing rounds onto it (a cap of 1e-20 yuan above a
  // deductible of 18,000: 18,000 + 1.7e-20 = 18,000), the knot itself takes the cap: a piece of zero width has an
  // infinite slope, and the expectation's 0·∞ made the expected payout NaN (issue #30).
  const reach = (x: number) => {
    if (xs.length && x <= xs[xs.length - 1]) ys[ys.length - 1] = cap;
    else {
      xs.push(x);
      ys.push(cap);
    }
  };
  for (let i = 0; i < f.xs.length; i++) {
    if (f.ys[i] >= cap) {
      if (i > 0 && f.ys[i - 1] < cap) reach(f.xs[i - 1] + ((cap - f.ys[i - 1]) * (f.xs[i] - f.xs[i - 1])) / (f.ys[i] - f.ys[i - 1]));
      if (!xs.length) {
        xs.push(f.xs[i]);
        ys.push(cap);
      }
      return { xs, ys, tail: 0 };
    }
    xs.push(f.xs[i]);
    ys.push(f.ys[i]);
  }
  if (f.tail > 0) {
    const n = xs.length - 1;
    reach(xs[n] + (cap - ys[n]) / f.tail);
    return { xs, ys, tail: 0 };
  }
  return { xs, ys, tail: f.tail };
}

/** Smallest x with f(x) ≥ y for a non-decreasing f (Infinity if never). */
export function inverse(f: Piecewise, y: number): number {
  const { xs, ys } = f;
  if (y <= ys[0]) return xs[0];
  for (let i = 1; i < xs.length; i++) {
    if (ys[i] >= y) return xs[i - 1] + ((y - ys[i - 1]) * (xs[i] - xs[i - 1])) / (ys[i] - ys[i - 1]);
  }
  const n = xs.length - 1;
  return f.tail > 0 ? xs[n] + (y - ys[n]) / f.tail : Infinity;
}

/** The same function: the same knots, values and tail slope. */
export function samePiecewise(f: Piecewise, g: Piecewise): boolean {
  return f.tail === g.tail && f.xs.length === g.xs.length && f.xs.every((x, i) => x === g.xs[i] && f.ys[i] === g.ys[i]);
}

/**
 * A knot's value below this many yuan is zero: a deductible reached through a scaled base (a combined base of
 * 1.15 × self-burden) puts its knot at 19,250 / 1.15, where the benefit evaluates to about 2e-12 instead of 0,
 * and that rounding must not make every member with any cost a beneficiary. Far below a fen.
 */
const ZERO_BENEFIT = 1e-6;

/** Smallest x where f becomes positive (the amount at which a person starts to be paid). */
export function firstPositive(f: Piecewise): number {
  const { xs, ys } = f;
  for (let i = 1; i < xs.length; i++) if (ys[i] > ZERO_BENEFIT) return xs[i - 1];
  return f.tail > 0 ? xs[xs.length - 1] : Infinity;
}

/** E[f(X)] from the limited expected values of X (needs f(0) = 0). */
export function expectation(f: Piecewise, lev: (u: number) => number, mean: number): number {
  const { xs, ys } = f;
  let e = 0;
  let prevLev = lev(xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const l = lev(xs[i]);
    // A knot repeated (a deductible of 0, a cap of 0) is a segment of no width: it adds nothing, and its slope
    // 0 ÷ 0 would make the whole expectation NaN.
    const slope = xs[i] > xs[i - 1] ? (ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]) : 0;
    if (slope !== 0) e += slope * (l - prevLev);
    prevLev = l;
  }
  if (f.tail !== 0) e += f.tail * (mean - prevLev);
  return e;
}
