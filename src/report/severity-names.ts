/**
 * Severity families and their parameters as an analyst reads them (the schema's ids — mu, sigma, splice… — stay
 * in the file and on hover). Meanings: scenario/schema.ts severityFields.
 */
import type { Lang } from './strings.ts';

const FAMILIES: Record<string, { zh: string; en: string }> = {
  lognormal: { zh: '对数正态分布', en: 'lognormal' },
  gamma: { zh: '伽马分布', en: 'gamma' },
  pareto: { zh: '帕累托分布（Lomax）', en: 'Pareto (Lomax)' },
  weibull: { zh: '威布尔分布', en: 'Weibull' },
  loglogistic: { zh: '对数逻辑斯谛分布', en: 'log-logistic' },
  spliced: { zh: '拼接分布：对数正态主体 + 帕累托尾部', en: 'spliced: lognormal body, Pareto tail' },
  lognormalPareto: {
    zh: '复合分布：对数正态主体 + 帕累托尾部（分界处密度连续）',
    en: 'composite: lognormal body, Pareto tail (continuous density)',
  },
  empirical: { zh: '经验分布', en: 'empirical' },
};

/** Parameter names by family (the same id means different things in different families). */
const PARAMS: Record<string, Record<string, { zh: string; en: string }>> = {
  lognormal: { mu: { zh: '对数均值 μ', en: 'log-mean μ' }, sigma: { zh: '对数标准差 σ', en: 'log-sd σ' } },
  gamma: { shape: { zh: '形状 α', en: 'shape α' }, scale: { zh: '尺度 θ（元）', en: 'scale θ (yuan)' } },
  pareto: { alpha: { zh: '尾部指数 α', en: 'tail index α' }, theta: { zh: '尺度 θ（元）', en: 'scale θ (yuan)' } },
  weibull: { shape: { zh: '形状 k', en: 'shape k' }, scale: { zh: '尺度 λ（元）', en: 'scale λ (yuan)' } },
  loglogistic: { scale: { zh: '中位数 α（元）', en: 'median α (yuan)' }, shape: { zh: '形状 β', en: 'shape β' } },
  spliced: {
    mu: { zh: '对数正态主体 μ', en: 'body log-mean μ' },
    sigma: { zh: '对数正态主体 σ', en: 'body log-sd σ' },
    splice: { zh: '分界点（元）', en: 'splice point (yuan)' },
    alpha: { zh: '尾部指数 α', en: 'tail index α' },
    bodyWeight: { zh: '主体占比（分界点以下的概率）', en: 'body weight (probability below the splice)' },
    limit: { zh: '尾部上限（元）', en: 'tail limit (yuan)' },
  },
  lognormalPareto: {
    mu: { zh: '对数正态主体 μ（对数均值）', en: 'body log-mean μ' },
    sigma: { zh: '对数正态主体 σ（对数标准差）', en: 'body log-sd σ' },
    splice: { zh: '分界点（元）', en: 'splice point (yuan)' },
    alpha: { zh: '尾部指数 α（越小尾部越重）', en: 'tail index α (smaller: heavier tail)' },
    limit: { zh: '尾部上限（元）', en: 'tail limit (yuan)' },
  },
};

export const familyName = (family: string, lang: Lang): string => FAMILIES[family]?.[lang] ?? family;
export const severityParamName = (family: string, param: string, lang: Lang): string => PARAMS[family]?.[param]?.[lang] ?? param;
