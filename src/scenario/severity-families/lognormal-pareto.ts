/**
 * Composite lognormal–Pareto: the spliced body and tail with the body's weight fixed by a continuous density at
 * the splice (Scollnik, Scand. Actuarial J. 2007(1), §2; distribution: random/severity/lognormal-pareto.ts).
 */
import { finite, param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';
import { TAIL_LIMIT_NAME, tailLimit } from './tail-limit.ts';

export const lognormalPareto = severityFamily({
  id: 'lognormalPareto',
  name: {
    zh: '复合分布：对数正态主体 + 帕累托尾部（分界处密度连续）',
    en: 'composite: lognormal body, Pareto tail (continuous density)',
  },
  fields: {
    mu: param(finite(), 'Body: mean of ln X.'),
    sigma: param(positive(), 'Body: standard deviation of ln X.'),
    splice: param(positive(), 'Splice point between body and tail (yuan); the body weight follows from a continuous density there.'),
    alpha: param(positive(), 'Tail: Pareto type I shape.'),
    limit: tailLimit().optional(),
  },
  fieldNames: {
    mu: { zh: '对数正态主体 μ（对数均值）', en: 'body log-mean μ' },
    sigma: { zh: '对数正态主体 σ（对数标准差）', en: 'body log-sd σ' },
    splice: { zh: '分界点（元）', en: 'splice point (yuan)' },
    alpha: { zh: '尾部指数 α（越小尾部越重）', en: 'tail index α (smaller: heavier tail)' },
    limit: TAIL_LIMIT_NAME,
  },
  estimated: { mu: REGION.real, sigma: REGION.positive, splice: REGION.positive, alpha: REGION.tailIndex },
  calibration: {
    // The tail first: μ and σ describe the ordinary costs far below any deductible, which targets at one
    // deductible cannot identify (a bureau's own data can: `jingsuan fit`).
    free: [
      ['alpha', 'logAbove1'],
      ['splice', 'log'],
      ['mu', 'identity'],
    ],
    incidence: true,
  },
  bench: { mu: benchValue(7.5), sigma: benchValue(1.1), splice: benchValue(9000), alpha: benchValue(2.3), limit: benchValue(5e6) },
});
