/** Pareto type II (Lomax) with shape α and scale θ (Loss Models, 4th ed., app. A.2.3.1; random/severity/pareto.ts). */
import { param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';

export const pareto = severityFamily({
  id: 'pareto',
  name: { zh: '帕累托分布（Lomax）', en: 'Pareto (Lomax)' },
  fields: { alpha: param(positive(), 'Shape α (Lomax).'), theta: param(positive(), 'Scale θ (yuan).') },
  fieldNames: { alpha: { zh: '尾部指数 α', en: 'tail index α' }, theta: { zh: '尺度 θ（元）', en: 'scale θ (yuan)' } },
  estimated: { alpha: REGION.tailIndex, theta: REGION.positive },
  calibration: {
    free: [
      ['alpha', 'logAbove1'],
      ['theta', 'log'],
    ],
    incidence: true,
  },
  bench: { alpha: benchValue(2.6), theta: benchValue(9000) },
});
