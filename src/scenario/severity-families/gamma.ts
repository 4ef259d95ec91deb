/** Gamma with shape α and scale θ (Loss Models, 4th ed., app. A.3.2.1; distribution: random/severity/gamma.ts). */
import { param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';

export const gamma = severityFamily({
  id: 'gamma',
  name: { zh: '伽马分布', en: 'gamma' },
  fields: { shape: param(positive(), 'Shape α.'), scale: param(positive(), 'Scale θ (yuan).') },
  fieldNames: { shape: { zh: '形状 α', en: 'shape α' }, scale: { zh: '尺度 θ（元）', en: 'scale θ (yuan)' } },
  estimated: { shape: REGION.positive, scale: REGION.positive },
  calibration: {
    free: [
      ['shape', 'log'],
      ['scale', 'log'],
    ],
    incidence: true,
  },
  bench: { shape: benchValue(0.7), scale: benchValue(9000) },
});
