/**
 * Months of a claimant's records, drawn only where they are needed: when a cap stops the payments before the
 * last record (or a claimant has more records than the distinct-months table covers), the person-times are the
 * distinct months of the paid records, counted from the months themselves.
 */
import type { Rng } from '../random/xoshiro.ts';
import { ACC_WIDTH, COL } from './trial-columns.ts';

/** People whose months are needed (a cap stopped their payments before the last record), per ruleset. */
export class PendingMonths {
  n = 0;
  person = new Int32Array(64);
  ruleset = new Int32Array(64);
  first = new Int32Array(64);
  last = new Int32Array(64);
  /** The person's number of records: the sorted passes do not write it into the batch (claimants.ts perPerson). */
  records = new Int32Array(64);
  clear(): void {
    this.n = 0;
  }
  push(i: number, r: number, first: number, last: number, records: number): void {
    if (this.n === this.person.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.person = grow(this.person);
      this.ruleset = grow(this.ruleset);
      this.first = grow(this.first);
      this.last = grow(this.last);
      this.records = grow(this.records);
    }
    const j = this.n++;
    this.person[j] = i;
    this.ruleset[j] = r;
    this.first[j] = first;
    this.last[j] = last;
    this.records[j] = records;
  }
}

/**
 * Draws the months of each pending person once, in person order after every ruleset has run (so the stream
 * does not depend on which rulesets needed them), and adds the distinct months of the paid records to each
 * ruleset's person-times slot of the accumulator (trial-columns.ts).
 */
export function settlePending(
  pending: PendingMonths,
  nMonths: number,
  rng: Rng,
  months: Int32Array,
  rank: Int32Array,
  acc: Float64Array,
): void {
  const order = Array.from({ length: pending.n }, (_, j) => j).sort(
    (u, v) => pending.person[u] - pending.person[v] || pending.ruleset[u] - pending.ruleset[v],
  );
  let drawnFor = -1;
  for (const j of order) {
    const i = pending.person[j];
    if (i !== drawnFor) {
      drawMonths(rng, pending.records[j], nMonths, months, rank);
      drawnFor = i;
    }
    acc[pending.ruleset[j] * ACC_WIDTH + COL.personTimes] += rank[pending.last[j]] - rank[pending.first[j]] + 1;
  }
}

/** Months of the k records (uniform over the months in force) and rank[j] = distinct months among records 1..j. */
export function drawMonths(rng: Rng, k: number, nMonths: number, months: Int32Array, rank: Int32Array): void {
  months.fill(0);
  // Two months from each 32-bit draw (16 bits each; bias below 12/65536, irrelevant for a record's month).
  for (let e = 0; e < k; e += 2) {
    const bits = rng.nextI32();
    months[((bits & 0xffff) * nMonths) >>> 16]++;
    if (e + 1 < k) months[((bits >>> 16) * nMonths) >>> 16]++;
  }
  for (let m = 0, j = 1, distinct = 0; m < nMonths; m++) {
    let n = months[m];
    if (n > 0) {
      distinct++;
      for (; n > 0; n--) rank[j++] = distinct;
    }
  }
}
