/** Log-logistic with scale α (the median) and shape β (Loss Models, 4th ed., app. A.2.6.1; random/severity/loglogistic.ts). */
import { finite, param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';

export const loglogistic = severityFamily({
  id: 'loglogistic',
  name: { zh: '对数逻辑斯谛分布', en: 'log-logistic' },
  fields: {
    scale: param(positive(), 'Scale α (yuan, the median).'),
    shape: param(finite().gt(1, 'must be > 1 (finite mean)'), 'Shape β.'),
  },
  fieldNames: { scale: { zh: '中位数 α（元）', en: 'median α (yuan)' }, shape: { zh: '形状 β', en: 'shape β' } },
  // The schema's shape > 1 (a finite mean) is the region a drawn shape keeps.
  estimated: { scale: REGION.positive, shape: REGION.aboveOne },
  calibration: {
    free: [
      ['scale', 'log'],
      ['shape', 'logAbove1'],
    ],
    incidence: true,
  },
  bench: { scale: benchValue(3500), shape: benchValue(2.1) },
});
