/**
 * Spliced: a lognormal body up to the splice, a Pareto type I tail above it, the body's weight free (Loss Models,
 * 4th ed., §5.2.6; distribution: random/severity/spliced.ts). The density jumps at the splice.
 */
import { finite, param, positive } from '../param.ts';
import { benchValue, REGION, severityFamily } from './family.ts';
import { TAIL_LIMIT_NAME, tailLimit } from './tail-limit.ts';

export const spliced = severityFamily({
  id: 'spliced',
  name: { zh: '拼接分布：对数正态主体 + 帕累托尾部', en: 'spliced: lognormal body, Pareto tail' },
  fields: {
    mu: param(finite(), 'Body: mean of ln X.'),
    sigma: param(positive(), 'Body: standard deviation of ln X.'),
    splice: param(positive(), 'Splice point between body and tail (yuan).'),
    alpha: param(positive(), 'Tail: Pareto type I shape.'),
    bodyWeight: param(finite().gt(0, 'must be > 0').lt(1, 'must be < 1'), 'Probability of the body (X ≤ splice).'),
    limit: tailLimit().optional(),
  },
  fieldNames: {
    mu: { zh: '对数正态主体 μ', en: 'body log-mean μ' },
    sigma: { zh: '对数正态主体 σ', en: 'body log-sd σ' },
    splice: { zh: '分界点（元）', en: 'splice point (yuan)' },
    alpha: { zh: '尾部指数 α', en: 'tail index α' },
    bodyWeight: { zh: '主体占比（分界点以下的概率）', en: 'body weight (probability below the splice)' },
    limit: TAIL_LIMIT_NAME,
  },
  estimated: { mu: REGION.real, sigma: REGION.positive, splice: REGION.positive, alpha: REGION.tailIndex, bodyWeight: REGION.unit },
  calibration: {
    free: [
      ['alpha', 'logAbove1'],
      ['bodyWeight', 'logit'],
      ['mu', 'identity'],
    ],
    incidence: false,
  },
  bench: { mu: benchValue(7.5), sigma: benchValue(1.1), splice: benchValue(15000), alpha: benchValue(2.3), bodyWeight: benchValue(0.92) },
});
