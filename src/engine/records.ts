/**
 * A claimant's records in time order (seed 000 项目实施计划, monthly settlement): after record j of k the year-to-date
 * share of the amount is F(j) = j/k when all records are equal, or φ + (1 − φ)(j − 1)/(k − 1) when the first
 * carries φ. Every engine pass finds the paid records j1..j2 from these functions.
 */

/** F(j): the year-to-date share of the amount after record j of k (φ NaN: all records equal). */
export function cumulativeShare(j: number, k: number, phi: number): number {
  if (phi !== phi || k === 1) return j / k;
  return phi + ((1 - phi) * (j - 1)) / (k - 1);
}

/**
 * F(j) = (j − 2 + d)/c for j ≥ 2 (and for j = 1 when records are equal): c = k, d = 1 for equal records (or
 * k = 1), c = (k − 1)/(1 − φ), d = (k − 1)φ/(1 − φ) otherwise. Needs φ < 1.
 */
export function shareScale(k: number, phi: number): number {
  return phi !== phi || k === 1 ? k : (k - 1) / (1 - phi);
}
export function shareShift(k: number, phi: number): number {
  return phi !== phi || k === 1 ? 1 : ((k - 1) * phi) / (1 - phi);
}

/** The first record with F(j) > f (0 ≤ f < 1): j1 = max(1, ⌊f·c − d⌋ + 2), at most k. */
export function firstPaidRecord(f: number, k: number, phi: number): number {
  if (phi >= 1 && k > 1) return 1;
  const j = Math.max(1, Math.floor(f * shareScale(k, phi) - shareShift(k, phi)) + 2);
  return j > k ? k : j;
}

/** The last record that adds to the amount: k, or 1 when the first record carries it all (φ = 1). */
export function lastRecordWithAmount(k: number, phi: number): number {
  return phi >= 1 ? 1 : k;
}

/** The first record with F(j) ≥ q (where a cap stops the payments), between j1 and k. */
export function lastPaidRecord(q: number, k: number, phi: number, j1: number): number {
  let j2: number;
  if (phi !== phi || k === 1) j2 = Math.ceil(k * q);
  else j2 = q <= phi ? 1 : Math.ceil(1 + ((k - 1) * (q - phi)) / (1 - phi));
  return j2 < j1 ? j1 : j2 > k ? k : j2;
}
