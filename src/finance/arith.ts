/**
 * The few operations the corridor needs, for exact decimals (the `corridor` command, golden tests) and for
 * float64 (per Monte Carlo trial): one algorithm, two number types.
 */
import Decimal from 'decimal.js';

export interface Arith<T> {
  of(x: number | string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  neg(a: T): T;
  lt(a: T, b: T): boolean;
  lte(a: T, b: T): boolean;
  isZero(a: T): boolean;
}

export const floatArith: Arith<number> = {
  of: (x) => Number(x),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  min: (a, b) => (a < b ? a : b),
  max: (a, b) => (a > b ? a : b),
  neg: (a) => -a,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  isZero: (a) => a === 0,
};

export const decimalArith: Arith<Decimal> = {
  of: (x) => new Decimal(x),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  min: (a, b) => Decimal.min(a, b),
  max: (a, b) => Decimal.max(a, b),
  neg: (a) => a.neg(),
  lt: (a, b) => a.lt(b),
  lte: (a, b) => a.lte(b),
  isZero: (a) => a.isZero(),
};
