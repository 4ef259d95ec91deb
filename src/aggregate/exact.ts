/**
 * The exact aggregate distribution of a year's payout per ruleset, by FFT (issue "Risk as it really is"), beside
 * the Monte Carlo: for each population the benefit of a claimant, B = b(X), is discretised on one grid
 * (benefit-severity.ts), compounded with the claim count's pgf (compound.ts), populations combined by
 * multiplying transforms, and parameter risk mixed over its quadrature nodes in the transform domain (linear, so
 * one inverse FFT serves every node). The grid spans [lo, lo + m·h) around the payout; the circular convolution
 * gives S mod m·h, placed back by the known window (aliasing: the window leaves 10 sd below and 30 above the
 * extreme nodes' means, and the mass that falls outside is reported).
 *
 * Only rulesets whose benefit is a function of the annual amount alone can take this path: every population's
 * self-pay and compliant shares fixed (a basic layer and caps are fine: b stays piecewise linear), and no fitted
 * severity drawn per trial (its mixture over the parameters is left to Monte Carlo). Others are
 * "monteCarlo-only" with the reason.
 */
import { floatCorridor, type CorridorRule } from '../finance/corridor.ts';
import { shockNodes, type Nodes } from '../math/quadrature.ts';
import { scaled } from '../random/severity/scaled.ts';
import { benefitCurve } from '../rules/expectation.ts';
import { firstPositive, samePiecewise, type Piecewise } from '../rules/piecewise.ts';
import { maskProbabilities } from '../engine/analytic.ts';
import type { EngineModel, PopulationModel } from '../engine/model.ts';
import { benefitSeverity, discretise, type BenefitSeverity } from './benefit-severity.ts';
import { addCompoundTransform, countMoments, type CountLaw } from './compound.ts';
import { inverseRealFft, realFft } from './fft.ts';
import { mixOverCost } from './mix-cost.ts';

export interface ExactOptions {
  /** Grid points (a power of two); default 2^16. */
  buckets?: number;
  costNodes?: number;
  utilisationNodes?: number;
}

export interface ExactCorridor {
  insurerMean: number;
  fundReturnMean: number;
  fundTopUpMean: number;
  probInsurerLoss: number;
  tierProbabilities: number[];
}

export interface ExactRuleset {
  id: string;
  method: 'fft' | 'monteCarlo-only';
  reason?: string;
  /** With 'monteCarlo-only': what closed the FFT path (the workbench names it). */
  cause?: MonteCarloCause;
  premium: number;
  payout?: { mean: number; sd: number; skewness: number; p05: number; p50: number; p95: number; p995: number; tvar995: number };
  lossRatio?: { mean: number; p05: number; p95: number; probAbove1: number };
  corridor?: (ExactCorridor & { alternatives: (ExactCorridor & { id: string })[] }) | null;
  /**
   * Grid step (yuan); error = |discrete mean / model mean − 1|; outside = mass that fell outside the window;
   * varianceBound = an upper bound on the variance the rounding of benefits to the grid adds, relative to the
   * payout's variance (local moment matching adds at most h²/4 per paid claimant, none for the atom at zero:
   * E[N]·P(B > 0)·h²/4 / Var S, at the mean cost level).
   */
  discretisation?: { bucket: number; buckets: number; error: number; outside: number; varianceBound: number };
  /** The distribution: P(S = lo + i·h) at [i]. Not part of the JSON output. */
  distribution?: { lo: number; h: number; pmf: Float64Array };
  milliseconds: number;
}

const DEFAULT_BUCKETS = 1 << 16;

/** Nodes of a shock with negligible outer weights dropped (they would stretch the grid for nothing). */
function trimmed(n: Nodes): Nodes {
  const keep = [...n.w.keys()].filter((i) => n.w[i] > 1e-9);
  const s = keep.reduce((a, i) => a + n.w[i], 0);
  return { x: Float64Array.from(keep, (i) => n.x[i]), w: Float64Array.from(keep, (i) => n.w[i] / s) };
}

function countLaw(pop: PopulationModel, u: number): CountLaw {
  const f = pop.frequency;
  if (f.family === 'binomial') return { family: 'binomial', n: pop.insured, q: Math.min(1, pop.incidence * u) };
  const lambda = pop.insured * pop.incidence * u;
  return f.family === 'poisson' ? { family: 'poisson', lambda } : { family: 'negativeBinomial', lambda, cv: f.cv };
}

/** What keeps a scenario off the FFT path: shares drawn per person, or a fitted severity's parameters drawn per trial. */
export type MonteCarloCause = 'randomShares' | 'fitDraws';

/** Why a ruleset cannot take the FFT path (null when it can). */
export function fftUnsupported(model: EngineModel): string | null {
  return fftObstacle(model)?.reason ?? null;
}

function fftObstacle(model: EngineModel): { cause: MonteCarloCause; reason: string } | null {
  // Shares drawn per person first: they keep the path closed even with the fit switched off.
  const shares = sharesObstacle(model);
  if (shares) return { cause: 'randomShares', reason: shares };
  const fitted = model.populations.find((pop) => pop.fit !== null);
  if (fitted)
    return {
      cause: 'fitDraws',
      reason: `population "${fitted.id}" draws its fitted severity's parameters per trial (severity.uncertainty), a mixture the exact aggregate does not integrate; set simulation.parameterRisk.fitUncertainty to false for the exact distribution at the estimates`,
    };
  return null;
}

function sharesObstacle(model: EngineModel): string | null {
  for (const pop of model.populations) {
    if (pop.selfPayRatio === null)
      return `population "${pop.id}" draws its self-pay ratio per person (Beta), so a benefit is not a function of the annual amount alone`;
    if (pop.compliantBeta !== null)
      return `population "${pop.id}" draws its compliant share per person (Beta), so a benefit is not a function of the annual amount alone`;
  }
  return null;
}

export function exactAggregate(model: EngineModel, opts: ExactOptions = {}): ExactRuleset[] {
  const m = opts.buckets ?? DEFAULT_BUCKETS;
  if (m & (m - 1) || m < 256) throw new Error(`buckets must be a power of two ≥ 256 (got ${m})`);
  const pr = model.parameterRisk;
  const cost = pr?.cost ? trimmed(shockNodes(pr.cost, opts.costNodes ?? 12)) : { x: Float64Array.of(1), w: Float64Array.of(1) };
  const util = pr?.utilisation
    ? trimmed(shockNodes(pr.utilisation, opts.utilisationNodes ?? 8))
    : { x: Float64Array.of(1), w: Float64Array.of(1) };
  const shared = pr?.shared ?? true;
  const unsupported = fftObstacle(model);

  return model.rulesets.map((r): ExactRuleset => {
    const started = performance.now();
    if (unsupported)
      return {
        id: r.id,
        method: 'monteCarlo-only',
        reason: unsupported.reason,
        cause: unsupported.cause,
        premium: r.premium,
        milliseconds: 0,
      };
    const P = model.populations.length;
    // Per population: the benefit curve of each tag combination (annual amounts, money times the exposure).
    const parts = model.populations.map((pop, p) => {
      const kappa = pop.selfPayRatio! * pop.compliantShare;
      const probs = maskProbabilities(pop.tagShares);
      const curves: { pr: number; curve: Piecewise }[] = [];
      probs.forEach((pr, mask) => {
        if (!(pr > 0)) return;
        const curve = benefitCurve(r.schedules[p][mask], r.selfBurden, kappa);
        // Tag combinations the ruleset treats alike (groups without a modifier of its own) share one curve,
        // discretised once with their probabilities summed: compare-regions' Suzhou rules have one curve for
        // eight combinations, Jiangyin's two.
        const same = curves.find((c) => samePiecewise(c.curve, curve));
        if (same) same.pr += pr;
        else curves.push({ pr, curve });
      });
      // The benefit severity at each cost node.
      const atCost: BenefitSeverity[][] = Array.from(cost.x, (c) =>
        curves.map((k) => benefitSeverity(k.curve, scaled(pop.severity, c), r.exposure)),
      );
      return { pop, curves, atCost };
    });

    // Windows: per population, around every node's mean, 10 sd below and 30 above (heavy right tails). With
    // shared shocks the populations move together, so their windows add; the grid step h makes the sum fit.
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
    const h = Math.max(windows.reduce((a, w) => a + (w.hi - w.lo), 0) / m, 1e-9);
    const shifts = windows.map((w) => Math.floor(w.lo / h));
    const shift = shifts.reduce((a, b) => a + b, 0);
    const lo = shift * h;

    // Severity transforms per population and cost node: the first H points of each (a real sequence's transform
    // is Hermitian, and everything computed from it pointwise stays so; fft.ts).
    const H = (m >> 1) + 1;
    const pmf = new Float64Array(m);
    const tmp = new Float64Array(m);
    let outside = 0;
    const phi = parts.map((part) =>
      Array.from(cost.x, (_, k) => {
        pmf.fill(0);
        part.atCost[k].forEach((b, i) => {
          const d = discretise(b, h, m, tmp);
          outside = Math.max(outside, d.beyond);
          for (let j = 0; j < m; j++) pmf[j] += part.curves[i].pr * d.pmf[j];
        });
        const re = new Float64Array(H);
        const im = new Float64Array(H);
        realFft(pmf, re, im);
        return { re, im };
      }),
    );

    // Utilisation mixes exactly in the transform domain (a mixed count law); the cost shock through exact
    // conditional distributions at its nodes, mixed by mix-cost.ts.
    const re = new Float64Array(H);
    const im = new Float64Array(H);
    const partRe = new Float64Array(H);
    const partIm = new Float64Array(H);
    const prodRe = new Float64Array(H);
    const prodIm = new Float64Array(H);
    const real = new Float64Array(m);
    /** i ↦ (shift + i) mod m, the grid index of the value (shift + i)·h on the circle of m points. */
    const onCircle = (shift: number) => {
      const base = ((shift % m) + m) % m;
      return (i: number) => (base + i) & (m - 1);
    };
    /** P(S_group = lo_group + i·h) for the populations `ps` at cost node k (utilisation mixed in). */
    const conditional = (ps: number[], k: number, groupShift: number): Float64Array => {
      re.fill(0);
      im.fill(0);
      util.x.forEach((u, l) => {
        if (ps.length === 1) {
          const p = ps[0];
          addCompoundTransform(countLaw(parts[p].pop, u), phi[p][k].re, phi[p][k].im, util.w[l], re, im, H);
          return;
        }
        // Π over the group's populations of P_N(φ) at this utilisation node.
        prodRe.fill(1, 0, H);
        prodIm.fill(0, 0, H);
        for (const p of ps) {
          partRe.fill(0, 0, H);
          partIm.fill(0, 0, H);
          addCompoundTransform(countLaw(parts[p].pop, u), phi[p][k].re, phi[p][k].im, 1, partRe, partIm, H);
          multiplyInto(prodRe, prodIm, partRe, partIm, H);
        }
        for (let j = 0; j < H; j++) {
          re[j] += util.w[l] * prodRe[j];
          im[j] += util.w[l] * prodIm[j];
        }
      });
      inverseRealFft(re, im, real);
      // Index j holds S ≡ j·h (mod m·h); the value (groupShift + i)·h sits at j = (groupShift + i) mod m.
      const at = onCircle(groupShift);
      const out = new Float64Array(m);
      let mass = 0;
      for (let i = 0; i < m; i++) mass += out[i] = Math.max(0, real[at(i)] / m);
      for (let i = 0; i < m; i++) out[i] /= mass;
      return out;
    };
    const mixed = (ps: number[], groupShift: number): Float64Array => {
      const conds = Array.from(cost.x, (_, k) => conditional(ps, k, groupShift));
      return conds.length > 1 ? mixOverCost(conds, cost.x, pr!.cost!, groupShift * h, h) : conds[0];
    };
    let dist: Float64Array;
    if (shared || P === 1)
      dist = mixed(
        parts.map((_, p) => p),
        shift,
      );
    else {
      // Independent shocks: each population's own mixture, then their convolution (transforms multiplied).
      const accRe = new Float64Array(H).fill(1);
      const accIm = new Float64Array(H);
      parts.forEach((_, p) => {
        const d = mixed([p], shifts[p]);
        const at = onCircle(shifts[p]);
        for (let i = 0; i < m; i++) real[at(i)] = d[i];
        realFft(real, partRe, partIm);
        multiplyInto(accRe, accIm, partRe, partIm, H);
      });
      inverseRealFft(accRe, accIm, real);
      const at = onCircle(shift);
      dist = new Float64Array(m);
      for (let i = 0; i < m; i++) dist[i] = Math.max(0, real[at(i)] / m);
    }
    const mass = dist.reduce((a, b) => a + b, 0);
    for (let i = 0; i < m; i++) dist[i] /= mass;

    const stats = describe(dist, lo, h);
    // Expected paid claimants (B > 0) at the mean cost level, for the bound on the discretisation's variance.
    const paid = parts.reduce(
      (a, part) =>
        a +
        part.pop.insured *
          part.pop.incidence *
          part.curves.reduce((s, c) => s + c.pr * part.pop.severity.survival(firstPositive(c.curve)), 0),
      0,
    );
    const premium = r.premium;
    const corridorOf = (rule: CorridorRule): ExactCorridor => {
      let ins = 0;
      let ret = 0;
      let top = 0;
      let loss = 0;
      const tiers = new Array<number>(rule.tiers.length).fill(0);
      for (let i = 0; i < m; i++) {
        if (dist[i] === 0) continue;
        const s = floatCorridor(rule, premium, lo + i * h);
        ins += dist[i] * s.insurer;
        ret += dist[i] * s.fundReturn;
        top += dist[i] * s.fundTopUp;
        if (s.insurer < 0) loss += dist[i];
        if (s.tier >= 0) tiers[s.tier] += dist[i];
      }
      return { insurerMean: ins, fundReturnMean: ret, fundTopUpMean: top, probInsurerLoss: loss, tierProbabilities: tiers };
    };
    let above = 0;
    for (let i = 0; i < m; i++) if (lo + i * h > premium) above += dist[i];
    return {
      id: r.id,
      method: 'fft',
      premium,
      payout: stats,
      lossRatio:
        premium > 0
          ? { mean: stats.mean / premium, p05: stats.p05 / premium, p95: stats.p95 / premium, probAbove1: above }
          : { mean: NaN, p05: NaN, p95: NaN, probAbove1: NaN },
      corridor: r.corridor
        ? { ...corridorOf(r.corridor), alternatives: r.alternatives.map((a) => ({ id: a.id, ...corridorOf(a.rule) })) }
        : null,
      discretisation: {
        bucket: h,
        buckets: m,
        error: meanModel > 0 ? Math.abs(stats.mean / meanModel - 1) : 0,
        outside: Math.max(outside, Math.abs(1 - mass)),
        varianceBound: stats.sd > 0 ? (paid * h * h) / 4 / (stats.sd * stats.sd) : 0,
      },
      distribution: { lo, h, pmf: dist },
      milliseconds: performance.now() - started,
    };
  });
}

/** acc ×= part over the first `count` complex points. */
function multiplyInto(accRe: Float64Array, accIm: Float64Array, partRe: Float64Array, partIm: Float64Array, count: number) {
  for (let j = 0; j < count; j++) {
    const x = accRe[j] * partRe[j] - accIm[j] * partIm[j];
    accIm[j] = accRe[j] * partIm[j] + accIm[j] * partRe[j];
    accRe[j] = x;
  }
}

/** Moments, quantiles (smallest value with F ≥ p) and TVaR at 99.5% (the mean of the top 0.5% of mass). */
export function describe(pmf: Float64Array, lo: number, h: number) {
  let m1 = 0;
  for (let i = 0; i < pmf.length; i++) m1 += pmf[i] * (lo + i * h);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < pmf.length; i++) {
    const d = lo + i * h - m1;
    m2 += pmf[i] * d * d;
    m3 += pmf[i] * d * d * d;
  }
  const sd = Math.sqrt(m2);
  const q = (p: number) => {
    let c = 0;
    for (let i = 0; i < pmf.length; i++) {
      c += pmf[i];
      if (c >= p - 1e-12) return lo + i * h;
    }
    return lo + (pmf.length - 1) * h;
  };
  // TVaR: the top 0.5% of probability, the atom at the boundary counted in part.
  let need = 0.005;
  let s = 0;
  for (let i = pmf.length - 1; i >= 0 && need > 0; i--) {
    const take = Math.min(pmf[i], need);
    s += take * (lo + i * h);
    need -= take;
  }
  return {
    mean: m1,
    sd,
    skewness: sd > 0 ? m3 / (sd * sd * sd) : 0,
    p05: q(0.05),
    p50: q(0.5),
    p95: q(0.95),
    p995: q(0.995),
    tvar995: s / (0.005 - need),
  };
}
