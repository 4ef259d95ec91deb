// The exact aggregate's stated accuracy (issue #32): on its default grid (the coarsest of 2^12–2^16 points on
// which the rounding's blur comes off cleanly, aggregate/exact.ts) every shipped scenario's payout mean and
// quantiles lie within 1e-4 (relative) of the same model on 2^20 points. The 2^20-point figures are kept in
// test/fixtures/exact-reference-2p20.json (how they were computed is written there); computing them takes
// minutes, so the check that recomputes them runs only with JINGSUAN_EXACT_REFERENCE=1, and
// JINGSUAN_EXACT_REFERENCE=write rewrites the fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactAggregate } from '../src/aggregate/exact.ts';
import { compileModel } from '../src/engine/model.ts';
import { ROOT } from './helpers/golden.ts';
import { shipped } from './helpers/scenarios.ts';

const FIXTURE = `${ROOT}test/fixtures/exact-reference-2p20.json`;
const SCENARIOS = ['jiangyin-2020', 'jilin-2017', 'compare-regions', 'suzhou-2021'];
const FIGURES = ['mean', 'p05', 'p50', 'p95', 'p995'] as const;
/** The stated accuracy: relative, of the mean and each quantile. */
const ACCURACY = 1e-4;

type Figures = Record<(typeof FIGURES)[number], number>;
interface Reference {
  how: string;
  scenarios: Record<string, { id: string; buckets: number; payout: Figures }[]>;
}

/** The reference's nodes: 12 cost and 8 utilisation, the most the exact aggregate takes for any shock. */
const REFERENCE_NODES = { costNodes: 12, utilisationNodes: 8 };

function figures(name: string, buckets?: number) {
  return exactAggregate(compileModel(shipped(name)), buckets ? { buckets, ...REFERENCE_NODES } : {}).map((r) => {
    expect(r.method, `${name} / ${r.id}: ${r.reason ?? ''}`).toBe('fft');
    return {
      id: r.id,
      buckets: r.discretisation!.buckets,
      payout: Object.fromEntries(FIGURES.map((k) => [k, r.payout![k]])) as Figures,
    };
  });
}

const reference = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Reference;

describe('the exact aggregate within 1e-4 of its 2^20-point reference', () => {
  for (const name of SCENARIOS)
    it(`${name}: mean, P5, P50, P95, P99.5 on the default grid`, () => {
      const fast = figures(name);
      const ref = reference.scenarios[name];
      expect(fast.map((r) => r.id)).toEqual(ref.map((r) => r.id));
      fast.forEach((r, i) => {
        // Every shipped ruleset's benefit is bounded, so its blur comes off on the coarsest grid (band-transform.ts).
        expect(r.buckets).toBe(1 << 12);
        for (const k of FIGURES) {
          const err = Math.abs(r.payout[k] / ref[i].payout[k] - 1);
          // Measured when written: at most 6.0e-6 (jiangyin-2020 P5), means within 3e-10, all on 2^14 points
          // (1.4e-5 on 2^14–2^16 before the band transform); at most 2.5e-5 (suzhou-2021-combined-35k P99.5) since
          // narrow shocks take 8 cost and 4 utilisation nodes instead of 12 and 8 (aggregate/grid.ts shockNodesOf),
          // the reference keeping 12 and 8; 2.4e-5 on 2^12 points with the benefits on 512 fine points.
          expect(err, `${name} / ${r.id} ${k}`).toBeLessThan(ACCURACY);
        }
      });
    }, 120_000);

  it.runIf(process.env.JINGSUAN_EXACT_REFERENCE)(
    'the fixture is what 2^20 points give today (JINGSUAN_EXACT_REFERENCE=1; =write rewrites it)',
    () => {
      const fresh: Reference = {
        how: 'exactAggregate(compileModel(scenario), { buckets: 2 ** 20, costNodes: 12, utilisationNodes: 8 }) on the shipped scenarios (payout figures; grid points as used); written by JINGSUAN_EXACT_REFERENCE=write npx vitest run test/exact-accuracy.test.ts',
        scenarios: Object.fromEntries(SCENARIOS.map((name) => [name, figures(name, 1 << 20)])),
      };
      if (process.env.JINGSUAN_EXACT_REFERENCE === 'write') writeFileSync(FIXTURE, JSON.stringify(fresh, null, 1) + '\n');
      // The fixture was computed before bounded benefits were rounded to a fine step of their own
      // (band-transform.ts): at 2^20 points the two methods agreed within 5.2e-8 on every figure when that changed
      // (an independent check of both), so the fixture is kept as the earlier method's and compared to 1e-7.
      for (const name of SCENARIOS)
        fresh.scenarios[name].forEach((r, i) => {
          for (const k of FIGURES)
            expect(Math.abs(r.payout[k] / reference.scenarios[name][i].payout[k] - 1), `${name} ${k}`).toBeLessThan(1e-7);
        });
    },
    3_600_000,
  );
});
