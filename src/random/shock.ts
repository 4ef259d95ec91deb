/**
 * Mean-one multipliers for parameter risk (the collective risk model with parameter uncertainty: Heckman &
 * Meyers 1983, "The calculation of aggregate loss distributions from claim severity and claim count
 * distributions", §3 contagion and mixing): a lognormal with σ² = ln(1 + cv²), μ = −σ²/2, or a gamma with
 * shape 1/cv² and scale cv². Both have mean 1 and coefficient of variation cv.
 */
import { negligibleCv, type MeanOneShock } from '../math/quadrature.ts';
import { normalZiggurat } from './normal.ts';
import { standardGamma } from './severity/gamma.ts';
import type { Rng } from './xoshiro.ts';

export type Shock = MeanOneShock;
export type ShockFamily = Shock['family'];

export function drawShock(rng: Rng, s: Shock): number {
  if (negligibleCv(s.cv)) return 1;
  if (s.family === 'gamma') {
    const k = 1 / (s.cv * s.cv);
    return standardGamma(rng, k) / k;
  }
  const sigma = Math.sqrt(Math.log1p(s.cv * s.cv));
  return Math.exp(-0.5 * sigma * sigma + sigma * normalZiggurat(rng));
}
