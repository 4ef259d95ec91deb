/**
 * Checks on a severity's `uncertainty` (the covariance of a fit's estimates) that the schema cannot state: the
 * names are the family's parameters, each once; the matrix is square of that size, symmetric and positive
 * semi-definite (math/cholesky.ts); and each parameter's standard deviation is small enough that a draw
 * θ̂ + L·z (engine/fit-draw.ts) rarely leaves the family's valid region (scenario/severity-parameters.ts):
 * sd ≤ the estimate's distance to the region's edge, so a single parameter leaves it at most one draw in six
 * (P(Z < −1) ≈ 0.16), and sd(μ) ≤ 1 for the unbounded log-location. Written against raw data, like semantics.ts.
 */
import { cholesky } from '../math/cholesky.ts';
import type { PathSegment, Problem } from './problems.ts';
import { problem } from './problems.ts';
import { isParametricFamily, MAX_LOCATION_SD, parameterRegion, SEVERITY_PARAMETERS } from './severity-parameters.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Relative tolerance of the symmetry check: |Cᵢⱼ − Cⱼᵢ| ≤ 1e-9 · max(|Cᵢⱼ|, |Cⱼᵢ|, √(Cᵢᵢ·Cⱼⱼ)). */
export const SYMMETRY_TOLERANCE = 1e-9;

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

export function uncertaintyProblems(severity: Obj, path: PathSegment[]): Problem[] {
  const u = severity.uncertainty;
  const family = severity.family;
  if (!isObj(u) || !isParametricFamily(family)) return [];
  const out: Problem[] = [];
  const at = (p: PathSegment[], msg: string) => out.push(problem([...path, 'uncertainty', ...p], msg));
  const known: readonly string[] = SEVERITY_PARAMETERS[family];
  const names = Array.isArray(u.parameters) ? u.parameters : [];
  const seen = new Map<string, number>();
  names.forEach((n, j) => {
    if (typeof n !== 'string') return;
    if (!known.includes(n)) at(['parameters', j], `"${n}" is not a parameter of the ${family} family (${known.join(', ')})`);
    else if (seen.has(n)) at(['parameters', j], `"${n}" is listed twice (also at index ${seen.get(n)})`);
    else seen.set(n, j);
  });
  const k = names.length;
  const rows = Array.isArray(u.covariance) ? u.covariance : [];
  if (rows.length !== k)
    at(
      ['covariance'],
      `has ${rows.length} row${rows.length === 1 ? '' : 's'} but parameters names ${k}: the matrix must be ${k}×${k}, in the order of parameters`,
    );
  // A row that is not an array is the schema's to report.
  if (rows.some((r) => !Array.isArray(r))) return out;
  const badRow = rows.findIndex((r) => (r as unknown[]).length !== k);
  if (badRow >= 0)
    at(['covariance', badRow], `has ${(rows[badRow] as unknown[]).length} entries but parameters names ${k}: the matrix must be ${k}×${k}`);
  if (out.length) return out;

  // An entry that is not a finite number is the schema's to report (structure.ts); nothing more to check here.
  const c = rows.map((r) => (r as unknown[]).map(num));
  if (c.some((r) => r.some((x) => x === undefined))) return out;
  const m = c as number[][];
  for (let i = 0; i < k; i++) {
    if (m[i][i] < 0) at(['covariance', i, i], `is the variance of ${names[i]} and must not be negative (got ${fmt(m[i][i])})`);
    for (let j = 0; j < i; j++) {
      const scale = Math.max(Math.abs(m[i][j]), Math.abs(m[j][i]), Math.sqrt(Math.max(0, m[i][i]) * Math.max(0, m[j][j])));
      if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE * scale)
        at(
          ['covariance', i, j],
          `is ${m[i][j]} but covariance[${j}][${i}] is ${m[j][i]}: a covariance matrix is symmetric (relative tolerance 1e-9)`,
        );
    }
  }
  if (out.length) return out;
  const chol = cholesky(m);
  if (!chol.factor) {
    at(
      ['covariance'],
      `is not positive semi-definite (the Cholesky factorisation fails at ${names[chol.failedAt]}): give the covariance of the estimates (the inverse of the observed information), not a correlation or the information itself`,
    );
    return out;
  }
  names.forEach((n, i) => {
    const estimate = isObj(severity[n as string]) ? num((severity[n as string] as Obj).value) : undefined;
    if (estimate === undefined) return;
    const sd = Math.sqrt(m[i][i]);
    const region = parameterRegion(family, n as string, estimate);
    if (region.lower === -Infinity && region.upper === Infinity) {
      if (sd > MAX_LOCATION_SD)
        at(
          ['covariance', i, i],
          `gives ${n} a standard deviation of ${fmt(sd)}; at most ${MAX_LOCATION_SD} is accepted (one sd of ${n} already scales every amount by e ≈ 2.7)`,
        );
      return;
    }
    const room = Math.min(estimate - region.lower, region.upper - estimate);
    const edge = estimate - region.lower <= region.upper - estimate ? `${n} > ${region.lower}` : `${n} < ${region.upper}`;
    if (sd > room)
      at(
        ['covariance', i, i],
        `gives ${n} a standard deviation of ${fmt(sd)}, more than the distance ${fmt(room)} from its estimate ${fmt(estimate)} to the edge of the valid region (${edge}): draws would leave the region too often (at most sd = that distance is accepted)`,
      );
  });
  return out;
}
