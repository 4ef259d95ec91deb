// The band transform of a fine benefit pmf (aggregate/band-transform.ts): the chirp z-transform's values against
// the direct sums Σ p_k e^{−2πi j k h_f / W} they stand for, computed term by term here (independent arithmetic).
import { describe, expect, it } from 'vitest';
import { chirpTransform } from '../src/aggregate/band-transform.ts';

function direct(p: Float64Array, hf: number, W: number, j: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let k = 0; k < p.length; k++) {
    const phase = (2 * Math.PI * j * k * hf) / W;
    re += p[k] * Math.cos(phase);
    im -= p[k] * Math.sin(phase);
  }
  return [re, im];
}

describe('chirpTransform', () => {
  // An atom at zero (claimants below the deductible), a Pareto-like tail over 2,050 fine points of 1,709 yuan in
  // a window of 390 million: Suzhou's shape at 2^14 points.
  const K = 2050;
  const p = Float64Array.from({ length: K }, (_, k) => (k === 0 ? 0.6 : 0.3 * (1 + k) ** -2.5));
  const total = p.reduce((a, b) => a + b, 0);
  p.forEach((x, k) => (p[k] = x / total));

  it('equals the direct sums to 1e-14 at every frequency it returns, and returns at least those asked', () => {
    const re = new Float64Array(8193);
    const im = new Float64Array(8193);
    const count = chirpTransform(p, K, 1709, 3.9e8, 1534, re, im);
    expect(count).toBeGreaterThanOrEqual(1534);
    expect(count).toBeLessThanOrEqual(8193);
    expect(re[0]).toBeCloseTo(1, 14);
    for (const j of [0, 1, 7, 100, 777, 1533, count - 1]) {
      const [a, b] = direct(p, 1709, 3.9e8, j);
      expect(Math.hypot(a - re[j], b - im[j]), `j = ${j}`).toBeLessThan(1e-14);
    }
  });

  it('gives the same values from its kept plan on a second pmf of the same shape', () => {
    const q = p.map((x, k) => (k % 2 ? x * 1.5 : x * 0.5));
    const re = new Float64Array(4097);
    const im = new Float64Array(4097);
    chirpTransform(p, K, 1709, 3.9e8, 600, re, im);
    const count = chirpTransform(q, K, 1709, 3.9e8, 600, re, im);
    for (const j of [1, 333, count - 1]) {
      const [a, b] = direct(q, 1709, 3.9e8, j);
      expect(Math.hypot(a - re[j], b - im[j]), `j = ${j}`).toBeLessThan(1e-14);
    }
  });
});
