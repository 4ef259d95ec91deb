/**
 * Step 1 of the exact aggregate: the shocks' quadrature nodes and the grid the payout lives on. The grid spans
 * [lo, lo + m·h) around the payout; the circular convolution of the FFT gives S mod m·h, placed back by the
 * known window (aliasing: the window leaves 10 sd below and 30 above the extreme nodes' means, heavy right
 * tails, and the mass that falls outside is reported).
 */
import { shockNodes, type Nodes } from '../math/quadrature.ts';
import { countLaw, countMoments } from '../random/claim-count.ts';
import type { EngineModel } from '../engine/model.ts';
import type { BenefitPart } from './benefit-parts.ts';

/** The cost-level and utilisation shocks at their quadrature nodes (one node of weight 1 where a shock is off). */
export interface ShockNodes {
  cost: Nodes;
  util: Nodes;
}

/** Where the payout lives: m points of step h from lo = shift·h; population p's own window starts at shifts[p]·h. */
export interface PayoutGrid {
  m: number;
  /** Points of a half spectrum, m/2 + 1 (a real sequence's transform is Hermitian; fft.ts). */
  H: number;
  h: number;
  shifts: number[];
  shift: number;
  lo: number;
  /** The model's mean payout E[S] over the nodes (to report the discretisation's error). */
  meanModel: number;
  /** The windows' total width (yuan): how far apart the payout's plausible values lie. */
  width: number;
}

const NO_SHOCK: Nodes = { x: Float64Array.of(1), w: Float64Array.of(1) };

/** Grid points: a power of two, at least 256. */
export function checkedBuckets(m: number): number {
  if (m & (m - 1) || m < 256) throw new Error(`buckets must be a power of two ≥ 256 (got ${m})`);
  return m;
}

/**
 * A shock of cv up to NARROW_CV takes fewer nodes (issue #32): every shipped scenario's (cost cv 0.04, utilisation
 * cv 0.03). Measured against the 2^20-point reference on 12 cost and 8 utilisation nodes
 * (test/exact-accuracy.test.ts), 8 cost nodes moved the shipped scenarios' mean and quantiles by at most 4.0e-5
 * (P99.5; 10 nodes 2.1e-5), 4 utilisation nodes by 1.4e-5, both together 2.5e-5; each node costs a band transform,
 * the compound transforms and an inverse FFT, and the cost nodes the mixing between them (mix-cost.ts). Wider
 * shocks keep 12 and 8: the binomial's cap under a wide utilisation shock is a kink the nodes must resolve
 * (exact.ts EXACT_TOLERANCE).
 */
const NARROW_CV = 0.1;
const NODES = { cost: { narrow: 8, wide: 12 }, util: { narrow: 4, wide: 8 } };

export function shockNodesOf(model: EngineModel, costNodes?: number, utilisationNodes?: number): ShockNodes {
  const pr = model.parameterRisk;
  const count = (cv: number, n: { narrow: number; wide: number }) => (cv <= NARROW_CV ? n.narrow : n.wide);
  return {
    cost: pr?.cost ? trimmed(shockNodes(pr.cost, costNodes ?? count(pr.cost.cv, NODES.cost))) : NO_SHOCK,
    util: pr?.utilisation ? trimmed(shockNodes(pr.utilisation, utilisationNodes ?? count(pr.utilisation.cv, NODES.util))) : NO_SHOCK,
  };
}

/** Nodes of a shock with negligible outer weights dropped (they would stretch the grid for nothing). */
function trimmed(n: Nodes): Nodes {
  const keep = [...n.w.keys()].filter((i) => n.w[i] > 1e-9);
  const s = keep.reduce((a, i) => a + n.w[i], 0);
  return { x: Float64Array.from(keep, (i) => n.x[i]), w: Float64Array.from(keep, (i) => n.w[i] / s) };
}

/**
 * Windows: per population, around every node's mean, 10 sd below and 30 above, from the compound moments
 * E[S] = E[N]·E[B], Var S = E[N]·Var B + Var N·E[B]² (Loss Models §9.3). With shared shocks the populations move
 * together, so their windows add; the grid step h makes the sum fit in m points.
 */
export function payoutGrid(parts: BenefitPart[], shocks: ShockNodes, m: number): PayoutGrid {
  const { cost, util } = shocks;
  let meanModel = 0;
  const windows = parts.map((part) => {
    let minMean = Infinity;
    let maxMean = 0;
    let maxVar = 0;
    cost.x.forEach((_, k) => {
      const bs = part.atCost[k];
      const eb = bs.reduce((a, b, i) => a + part.curves[i].pr * b.mean, 0);
      const eb2 = bs.reduce((a, b, i) => a + part.curves[i].pr * b.secondMoment, 0);
      util.x.forEach((u, l) => {
        const n = countMoments(countLaw(part.pop, u));
        const mean = n.mean * eb;
        const variance = n.mean * Math.max(0, eb2 - eb * eb) + n.variance * eb * eb;
        minMean = Math.min(minMean, mean);
        maxMean = Math.max(maxMean, mean);
        maxVar = Math.max(maxVar, variance);
        meanModel += cost.w[k] * util.w[l] * mean;
      });
    });
    const sd = Math.sqrt(maxVar);
    return { lo: Math.max(0, minMean - 10 * sd), hi: maxMean + 30 * sd };
  });
  const width = windows.reduce((a, w) => a + (w.hi - w.lo), 0);
  const h = Math.max(width / m, 1e-9);
  const shifts = windows.map((w) => Math.floor(w.lo / h));
  const shift = shifts.reduce((a, b) => a + b, 0);
  return { m, H: (m >> 1) + 1, h, shifts, shift, lo: shift * h, meanModel, width };
}

/** i ↦ (shift + i) mod m, the grid index of the value (shift + i)·h on the circle of m points. */
export function onCircle(shift: number, m: number): (i: number) => number {
  const base = ((shift % m) + m) % m;
  return (i: number) => (base + i) & (m - 1);
}
