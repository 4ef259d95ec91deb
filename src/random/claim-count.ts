/**
 * The claim count of a population's year: how many of its insured members have eligible cost. One declaration
 * of the law's parameters serves both engines: the Monte Carlo draws it (`drawClaimantCounts`), the exact
 * aggregate applies its probability generating function to the severity's transform (aggregate/compound.ts).
 *   binomial(n, q), n = insured, q = min(1, incidence·u)       (the default: each member at most once)
 *   Poisson(λ), λ = insured·incidence·u
 *   negative binomial: Poisson with mean λ·G, G ~ Gamma(mean 1, cv) (Loss Models §6.3: the negative binomial as a
 *     gamma mixture of Poissons)
 * with u the year's utilisation shock (1 without parameter risk).
 */
import { normalCdf } from '../math/normal.ts';
import { negligibleCv, type MeanOneShock } from '../math/quadrature.ts';
import { gammaP, gammaQ } from '../math/special.ts';
import { binomial } from './frequency.ts';
import { poisson } from './poisson.ts';
import { drawShock } from './shock.ts';
import type { Rng } from './xoshiro.ts';

export type CountLaw =
  | { family: 'binomial'; n: number; q: number }
  | { family: 'poisson'; lambda: number }
  | { family: 'negativeBinomial'; lambda: number; cv: number };

/** What a population declares of its count: members, incidence, and the family (cv for the negative binomial). */
export interface CountSpec {
  insured: number;
  incidence: number;
  frequency: { family: CountLaw['family']; cv: number };
}

/** The law of a population's claim count at utilisation shock u. */
export function countLaw(pop: CountSpec, u: number): CountLaw {
  const f = pop.frequency;
  if (f.family === 'binomial') return { family: 'binomial', n: pop.insured, q: Math.min(1, pop.incidence * u) };
  const lambda = pop.insured * pop.incidence * u;
  // A negligible mixing cv is a Poisson (math/quadrature.ts NEGLIGIBLE_CV): with r = 1/cv² = 1e24 the transform
  // (1 − β(φ − 1))^(−r) rounds to 1 (a point mass at zero) and the gamma sampler fails.
  return f.family === 'poisson' || negligibleCv(f.cv) ? { family: 'poisson', lambda } : { family: 'negativeBinomial', lambda, cv: f.cv };
}

/**
 * E[min(1, q·U)] / q: how much of a binomial population's expected count a utilisation shock U (mean 1) leaves
 * once q·U is held at 1 (countLaw), so that E[N] = n·q·this. 1 for a Poisson or negative binomial, or without a
 * shock. With c = 1/q, E[min(1, qU)] = q·E[U; U < c] + P(U ≥ c):
 *   lognormal (σ² = ln(1 + cv²), μ = −σ²/2): E[U; U < c] = Φ((ln c − σ²/2)/σ), P(U ≥ c) = Φ(−(ln c + σ²/2)/σ);
 *   gamma (shape k = 1/cv², scale 1/k): E[U; U < c] = P(k + 1, kc), P(U ≥ c) = Q(k, kc)
 * (Loss Models §3.1, limited moments). At the incidence of real schemes (q ≈ 0.1) it is 1 to 1e-9 for cv ≤ 0.5
 * and 0.965 for a gamma of cv 2: the analytic mean had assumed 1 and missed the exact and Monte Carlo means.
 */
export function utilisationKept(pop: CountSpec, shock: MeanOneShock | null): number {
  const q = pop.incidence;
  if (pop.frequency.family !== 'binomial' || !shock || negligibleCv(shock.cv) || !(q > 0)) return 1;
  const lnC = -Math.log(q);
  if (shock.family === 'gamma') {
    const k = 1 / (shock.cv * shock.cv);
    return gammaP(k + 1, k / q) + gammaQ(k, k / q) / q;
  }
  const sigma = Math.sqrt(Math.log1p(shock.cv * shock.cv));
  return normalCdf((lnC - 0.5 * sigma * sigma) / sigma) + normalCdf(-(lnC + 0.5 * sigma * sigma) / sigma) / q;
}

/** Mean and variance of N (Loss Models §6.2–6.3). */
export function countMoments(law: CountLaw): { mean: number; variance: number } {
  if (law.family === 'binomial') return { mean: law.n * law.q, variance: law.n * law.q * (1 - law.q) };
  if (law.family === 'poisson') return { mean: law.lambda, variance: law.lambda };
  return { mean: law.lambda, variance: law.lambda + law.cv * law.cv * law.lambda * law.lambda };
}

/**
 * One draw of N split into the members above and below a sampling threshold of tail probability s: the
 * binomial by successive binomials (N_tail ~ binomial(n, q·s), then the rest among the n − N_tail others with
 * probability q(1 − s)/(1 − q·s)); the Poisson thinned into two independent Poissons; the negative binomial as a
 * Poisson at the year's drawn mean λ·G, then thinned. With `sampleAll` every claimant counts as above.
 */
export function drawClaimantCounts(rng: Rng, law: CountLaw, s: number, sampleAll: boolean): [number, number] {
  if (law.family === 'binomial') {
    const { n, q } = law;
    if (sampleAll) return [binomial(rng, n, q), 0];
    const qTail = q * s;
    const nTail = binomial(rng, n, qTail);
    return [nTail, qTail < 1 ? binomial(rng, n - nTail, (q - qTail) / (1 - qTail)) : 0];
  }
  let lambda = law.lambda;
  if (law.family === 'negativeBinomial') lambda *= drawShock(rng, { family: 'gamma', cv: law.cv });
  if (sampleAll) return [poisson(rng, lambda), 0];
  return [poisson(rng, lambda * s), poisson(rng, lambda * (1 - s))];
}
