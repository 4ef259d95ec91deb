/** A table of amounts with weights, the planner's data rather than a model (distribution: random/severity/empirical.ts). */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { amount, finite, provenance } from '../param.ts';
import { severityFamily } from './family.ts';

export const empirical = severityFamily({
  id: 'empirical',
  name: { zh: '经验分布', en: 'empirical' },
  fields: {
    amounts: z.array(amount()).min(1).max(LIMITS.empiricalAtoms),
    weights: z.array(finite().min(0, 'must not be negative')).min(1).max(LIMITS.empiricalAtoms),
    ...provenance,
  },
  fieldNames: { amounts: { zh: '金额（元）', en: 'amounts (yuan)' }, weights: { zh: '各金额的权重', en: 'weight of each amount' } },
  estimated: {},
  calibration: { refused: 'an empirical table is data, not a model to calibrate' },
  bench: {
    amounts: [800, 3000, 9000, 16000, 25000, 60000, 140000, 400000],
    weights: [40, 25, 15, 8, 6, 4, 1.5, 0.5],
    assumption: 'bench table',
  },
});
