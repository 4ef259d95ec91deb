/** Weibull with shape k and scale λ (Loss Models, 4th ed., app. A.3.2.3; distribution: random/severity/weibull.ts). */
import { param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';

export const weibull = severityFamily({
  id: 'weibull',
  name: { zh: '威布尔分布', en: 'Weibull' },
  fields: { shape: param(positive(), 'Shape k.'), scale: param(positive(), 'Scale λ (yuan).') },
  fieldNames: { shape: { zh: '形状 k', en: 'shape k' }, scale: { zh: '尺度 λ（元）', en: 'scale λ (yuan)' } },
  estimated: { shape: REGION.positive, scale: REGION.positive },
  calibration: {
    free: [
      ['shape', 'log'],
      ['scale', 'log'],
    ],
    incidence: true,
  },
  bench: { shape: benchValue(0.6), scale: benchValue(4000) },
});
