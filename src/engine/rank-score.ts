/**
 * The normal score of a member's amount under the household copula (engine/household.ts: income linked to the rank
 * of the annual amount): z = Φ⁻¹(U) with U the distributional transform of the amount, U = F(x₀−) + V·(F(x₀) −
 * F(x₀−)), V uniform (L. Rüschendorf, "On the distributional transform, Sklar's theorem, and the empirical copula
 * process", J. Statist. Plann. Inference 139, 2009, §2: U is exactly uniform whatever atoms F has). For a continuous
 * severity F(x₀−) = F(x₀): no uniform is drawn and the score is Φ⁻¹(F(x₀)) as before, bit for bit. For an
 * empirical table every member at one amount had taken the top rank of its atom (stop 37's note): their scores,
 * and with a positive correlation their incomes, sat too high.
 */
import { normalQuantile } from '../math/normal.ts';
import type { Severity } from '../random/severity/index.ts';
import type { Rng } from '../random/xoshiro.ts';

/** Φ⁻¹(1 − s), kept finite for an amount at either end of its range. */
const scoreOfSurvival = (s: number): number => -normalQuantile(Math.min(1 - 1e-16, Math.max(1e-300, s)));

export function rankScore(sev: Severity, x0: number, rng: Rng): number {
  const above = sev.survival(x0);
  const atLeast = sev.atLeast ? sev.atLeast(x0) : above;
  // Survival of the transform: P(X > x₀) + (1 − V)·P(X = x₀), uniform on the atom's share of the upper tail.
  return scoreOfSurvival(atLeast > above ? above + rng.uniform() * (atLeast - above) : above);
}
