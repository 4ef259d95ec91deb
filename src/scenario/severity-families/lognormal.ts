/** Lognormal: ln X ~ Normal(μ, σ²) (Loss Models, 4th ed., app. A.4.1.1; distribution: random/severity/lognormal.ts). */
import { finite, param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';

export const lognormal = severityFamily({
  id: 'lognormal',
  name: { zh: '对数正态分布', en: 'lognormal' },
  fields: { mu: param(finite(), 'Mean of ln X.'), sigma: param(positive(), 'Standard deviation of ln X.') },
  fieldNames: { mu: { zh: '对数均值 μ', en: 'log-mean μ' }, sigma: { zh: '对数标准差 σ', en: 'log-sd σ' } },
  estimated: { mu: REGION.real, sigma: REGION.positive },
  calibration: {
    free: [
      ['mu', 'identity'],
      ['sigma', 'log'],
    ],
    incidence: true,
  },
  bench: { mu: benchValue(8.2), sigma: benchValue(1.3) },
});
