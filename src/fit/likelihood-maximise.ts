/**
 * Maximising a family's log-likelihood: Nelder–Mead (src/math/nelder-mead.ts) on unconstrained parameters
 * z (ln p for a positive p, logit for a probability) from every starting value, restarted from the best
 * point until a restart gains nothing (a fresh simplex escapes a collapsed one: Nocedal & Wright, Numerical
 * Optimization, 2nd ed., §9.5), then Newton steps on a central-difference Hessian with step halving to settle
 * the last digits (§3.3, §8.1). Newton is skipped for families whose likelihood is not smooth in every parameter.
 */
import { nelderMead } from '../math/nelder-mead.ts';
import type { FitFamily, ParameterScale } from './families.ts';
import { hessian } from './information.ts';
import { logLikelihood } from './likelihood.ts';
import { startSummary, type Sample } from './likelihood-data.ts';

export function toFree(p: readonly number[], scales: readonly ParameterScale[]): number[] {
  return p.map((v, i) => (scales[i] === 'log' ? Math.log(v) : scales[i] === 'logit' ? Math.log(v / (1 - v)) : v));
}

export function fromFree(z: readonly number[], scales: readonly ParameterScale[]): number[] {
  return z.map((v, i) => (scales[i] === 'log' ? Math.exp(v) : scales[i] === 'logit' ? 1 / (1 + Math.exp(-v)) : v));
}

export interface Maximum {
  parameters: number[];
  logLikelihood: number;
  converged: boolean;
  warnings: string[];
  /** The first starting value tried (natural scale), reported when none had a finite likelihood. */
  start?: number[];
}

const MAX_RESTARTS = 8;
const MAX_STARTS = 3;

/** The maximum from the family's own starting values, or from `from` (natural scale) when given. */
export function maximiseLikelihood(family: FitFamily, sample: Sample, from?: number[][]): Maximum {
  const scales = family.scales;
  const negLl = (z: number[]) => {
    const ll = logLikelihood(family, fromFree(z, scales), sample);
    return Number.isFinite(ll) ? -ll : Infinity;
  };
  const candidates = (from ?? family.starts(startSummary(sample))).filter((p) => p.every(Number.isFinite));
  const starts = candidates.map((p) => toFree(p, scales)).filter((z) => z.every(Number.isFinite) && Number.isFinite(negLl(z)));
  if (starts.length === 0)
    return {
      parameters: [],
      logLikelihood: -Infinity,
      converged: false,
      warnings: [`${family.id}: no starting value has a finite likelihood; the parameters shown are the first start's, not an estimate`],
      start: candidates[0],
    };

  // The most likely starts first: three suffice for the two-parameter families; the composites' splice starts
  // (one per data quantile) lead to different local maxima and are all tried.
  starts.sort((a, b) => negLl(a) - negLl(b));
  const tried = family.parameters.length > 2 ? starts : starts.slice(0, MAX_STARTS);
  const local = tried.map((z0) => nelderMead(negLl, z0, 0.1, 4000)).sort((a, b) => a.value - b.value);
  // A composite's likelihood can keep rising towards a degenerate edge (the splice above every amount: a body
  // with no tail); the best maximum that keeps the family whole is the fit, and the edge is reported.
  const degenerate = (z: number[]) => family.unidentified?.(fromFree(z, scales), sample) ?? null;
  let best: { x: number[]; value: number } = local.find((r) => !degenerate(r.x)) ?? local[0];
  const keepWhole = !degenerate(best.x);
  const accept = (r: { x: number[]; value: number }) => r.value <= best.value && (!keepWhole || !degenerate(r.x));
  const warnings: string[] = [];
  if (local[0] !== best)
    warnings.push(
      `${family.id}: the likelihood is higher (ℓ = ${(-local[0].value).toFixed(2)}) only where ${degenerate(local[0].x)}; reported is the best local maximum with data in the tail`,
    );
  let settled = false;
  for (let i = 0; i < MAX_RESTARTS && !settled; i++) {
    const r = nelderMead(negLl, best.x, 0.02, 4000);
    settled = !(r.value < best.value - 1e-9 * (1 + Math.abs(best.value)));
    if (accept(r)) best = r;
    else settled = true;
  }
  if (family.irregular.length === 0) {
    const r = newton(negLl, best.x, best.value);
    if (accept(r)) best = r;
  }
  if (!settled) warnings.push(`${family.id}: the optimiser was still improving the likelihood after ${MAX_RESTARTS} restarts`);
  return { parameters: fromFree(best.x, scales), logLikelihood: -best.value, converged: settled && Number.isFinite(best.value), warnings };
}

/** Newton's method on a minimum of g from x, each step halved until it lowers g; stops when none does. */
function newton(g: (z: number[]) => number, x: number[], value: number): { x: number[]; value: number } {
  const k = x.length;
  const h = new Array<number>(k).fill(1e-4);
  for (let it = 0; it < 10; it++) {
    const grad = x.map((_, i) => {
      const up = x.slice();
      const dn = x.slice();
      up[i] += h[i];
      dn[i] -= h[i];
      return (g(up) - g(dn)) / (2 * h[i]);
    });
    const H = hessian(g, x, h);
    const step = solve(H, grad);
    if (!step) return { x, value };
    let t = 1;
    let moved = false;
    for (let j = 0; j < 20; j++, t /= 2) {
      const y = x.map((v, i) => v - t * step[i]);
      const gy = g(y);
      if (gy < value) {
        x = y;
        moved = value - gy > 1e-12 * (1 + Math.abs(value));
        value = gy;
        break;
      }
    }
    if (!moved) break;
  }
  return { x, value };
}

/** Solves A s = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (!(Math.abs(M[p][c]) > 0) || !Number.isFinite(M[p][c])) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let j = c; j <= n; j++) M[r][j] -= f * M[c][j];
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = M[r][n];
    for (let j = r + 1; j < n; j++) v -= M[r][j] * s[j];
    s[r] = v / M[r][r];
  }
  return s.every(Number.isFinite) ? s : null;
}
