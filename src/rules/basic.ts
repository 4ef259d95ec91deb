/**
 * The basic medical insurance layer (基本医疗保险) in front of critical-illness insurance: of a year's
 * policy-range cost x it pays rate × (x − deductible) up to its cap; the person's in-policy self-burden (自负)
 * is the rest (docs/model.md "Population": policy-range cost turned into self-burden).
 */
import type { Piecewise } from './piecewise.ts';

export interface BasicLayer {
  deductible: number;
  rate: number;
  cap: number;
}

export function basicPayment(b: BasicLayer, cost: number): number {
  const over = cost - b.deductible;
  if (over <= 0) return 0;
  const pay = b.rate * over;
  return pay < b.cap ? pay : b.cap;
}

export function selfBurdenOf(b: BasicLayer | null, cost: number): number {
  return b === null ? cost : cost - basicPayment(b, cost);
}

/** Self-burden as a piecewise-linear function of cost: slope 1, then 1 − rate, then 1 again past the cap. */
export function selfBurdenCurve(b: BasicLayer | null): Piecewise {
  if (b === null || b.rate === 0) return { xs: [0], ys: [0], tail: 1 };
  const xs = [0, b.deductible];
  const ys = [0, b.deductible];
  if (Number.isFinite(b.cap)) {
    const capAt = b.deductible + b.cap / b.rate;
    xs.push(capAt);
    ys.push(capAt - b.cap);
    return { xs, ys, tail: 1 };
  }
  return { xs, ys, tail: 1 - b.rate };
}
