/**
 * Expected number of distinct months among the last m of k records (time order), the months of the k records
 * drawn independently and uniformly from M months. By symmetry (reversing the calendar) it equals the count
 * among the first m. Value v (1..M) is among the first m records iff fewer than m records fall before v and at
 * least one falls on v; with A ~ Binomial(k, (v − 1)/M) records before v, and the other k − a records uniform
 * on v..M:
 *   E[D(k, m)] = Σ_v Σ_{a<m} P(A = a) · (1 − ((M − v)/(M − v + 1))^(k − a)).
 * Used for the mean person-times instead of sampling every claimant's months (the mean is the same; only
 * months cut short by a cap are sampled).
 */
export const MAX_TABLE_RECORDS = 96;
/** Row length of the table: entry (k, m) is at k · TABLE_STRIDE + m. */
export const TABLE_STRIDE = MAX_TABLE_RECORDS + 1;

const memo = new Map<string, Float64Array>();

/** The table for `months` months in force, computed once per process (models share it; nobody writes to it). */
export function distinctMonthsTable(months: number, maxRecords = MAX_TABLE_RECORDS): Float64Array {
  const key = `${months}|${maxRecords}`;
  let table = memo.get(key);
  if (!table) memo.set(key, (table = computeTable(months, maxRecords)));
  return table;
}

function computeTable(months: number, maxRecords: number): Float64Array {
  const K = maxRecords;
  const table = new Float64Array((K + 1) * (K + 1));
  const logFact = new Float64Array(K + 1);
  for (let i = 1; i <= K; i++) logFact[i] = logFact[i - 1] + Math.log(i);
  for (let k = 1; k <= K; k++) {
    for (let v = 1; v <= months; v++) {
      const p = (v - 1) / months;
      const stay = (months - v) / (months - v + 1);
      // The logarithms once per (k, v), not per a: the same values, a worker's start a few milliseconds shorter.
      const logP = Math.log(p);
      const logQ = Math.log1p(-p);
      // Running sum over a of P(A = a)·P(some record on v | A = a): prefix sums give every m at once.
      let acc = 0;
      for (let a = 0; a < k; a++) {
        const pa = p === 0 ? (a === 0 ? 1 : 0) : Math.exp(logFact[k] - logFact[a] - logFact[k - a] + a * logP + (k - a) * logQ);
        acc += pa * (1 - Math.pow(stay, k - a));
        table[k * (K + 1) + a + 1] += acc;
      }
    }
  }
  return table;
}
