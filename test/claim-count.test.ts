// The claim count's one declaration (random/claim-count.ts): the law built from a population, its moments
// (Loss Models §6.2–6.3: binomial nq, nq(1 − q); Poisson λ, λ; negative binomial as a gamma mixture λ, λ + cv²λ²),
// and the Monte Carlo's draw, whose two parts (above and below the sampling threshold) add up to that law.
import { describe, expect, it } from 'vitest';
import { countLaw, countMoments, drawClaimantCounts, type CountLaw } from '../src/random/claim-count.ts';
import { trialStream } from '../src/random/stream.ts';

describe('claim count law', () => {
  it('is built from insured, incidence and the utilisation shock', () => {
    const pop = { insured: 1000, incidence: 0.05, frequency: { family: 'binomial' as const, cv: 0 } };
    expect(countLaw(pop, 1.2)).toEqual({ family: 'binomial', n: 1000, q: 0.05 * 1.2 });
    expect(countLaw({ ...pop, incidence: 0.9 }, 2)).toEqual({ family: 'binomial', n: 1000, q: 1 });
    expect(countLaw({ ...pop, frequency: { family: 'poisson', cv: 0 } }, 1)).toEqual({ family: 'poisson', lambda: 50 });
    expect(countLaw({ ...pop, frequency: { family: 'negativeBinomial', cv: 0.3 } }, 1)).toEqual({
      family: 'negativeBinomial',
      lambda: 50,
      cv: 0.3,
    });
  });

  const laws: CountLaw[] = [
    { family: 'binomial', n: 1000, q: 0.05 },
    { family: 'poisson', lambda: 50 },
    { family: 'negativeBinomial', lambda: 50, cv: 0.3 },
  ];
  for (const law of laws) {
    it(`${law.family}: draws split at the threshold have the law's mean and variance (20,000 draws, seed fixed)`, () => {
      const { mean, variance } = countMoments(law);
      const rng = trialStream('claim-count', 0, law.family);
      const n = 20_000;
      const s = 0.3;
      let sum = 0;
      let sum2 = 0;
      let tail = 0;
      for (let i = 0; i < n; i++) {
        const [above, below] = drawClaimantCounts(rng, law, s, false);
        sum += above + below;
        sum2 += (above + below) ** 2;
        tail += above;
      }
      const m = sum / n;
      const v = sum2 / n - m * m;
      // Mean within 4 standard errors; the variance within 6% (its standard error is about 1–2% here).
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(v / variance - 1)).toBeLessThan(0.06);
      // The members above the threshold are a share s of them on average.
      expect(Math.abs(tail / n - s * mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    });
  }
});
