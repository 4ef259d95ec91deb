// The Monte Carlo mean of payout and beneficiaries agrees with the exact analytic expectation (limited expected
// values) within 4 standard errors, for every severity family, at fixed seeds; and the same holds per population.
import { describe, expect, it } from 'vitest';
import { runRaw } from '../src/engine/run.ts';
import { column } from '../src/engine/summary.ts';
import { mean, sd } from '../src/math/stats.ts';
import { BENEFICIARIES, PAYOUT } from '../src/engine/trial.ts';
import { SEVERITIES, smallScenario } from './helpers/scenarios.ts';

describe('Monte Carlo mean vs analytic expectation', () => {
  for (const [name, sev] of SEVERITIES) {
    it(`${name}: payout and beneficiaries within 4 se for Jiangyin and Jilin rules (with groups, bands, cap)`, async () => {
      const raw = await runRaw(smallScenario(sev), { trials: 300, seed: `analytic-${name}` });
      raw.model.rulesets.forEach((r, i) => {
        for (const [metric, analytic] of [
          [PAYOUT, raw.analytic[i].payout!],
          [BENEFICIARIES, raw.analytic[i].beneficiaries!],
        ] as const) {
          const col = column(raw.model, raw.data, raw.trials, i, -1, metric);
          const m = mean(col);
          const se = sd(col, m) / Math.sqrt(col.length);
          expect(analytic).toBeGreaterThan(0);
          expect(Math.abs(m - analytic), `${r.id} metric ${metric}: MC ${m} ± ${se}, analytic ${analytic}`).toBeLessThan(4 * se);
        }
      });
    });
  }
});
