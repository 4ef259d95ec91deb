/**
 * The two-parameter families: densities in logarithms from Loss Models (Klugman, Panjer & Willmot, 4th ed.),
 * appendix A; cdf and survival from the engine's severity classes. Starting values by moments or quantiles.
 */
import { gammaln } from '../math/special.ts';
import { Gamma, LogLogistic, Lognormal, Pareto, Weibull } from '../random/severity/index.ts';
import { SEVERITY_PARAMETERS } from '../scenario/severity-parameters.ts';
import { lognormalLogDensity, lognormalLogDensitySum, softplus, type FitFamily } from './families.ts';

/** Lognormal (app. A.4.1.1). Start: mean and sd of ln x, the untruncated MLE itself. */
export const lognormalFamily: FitFamily<'lognormal'> = {
  id: 'lognormal',
  parameters: SEVERITY_PARAMETERS.lognormal,
  scales: ['identity', 'log'],
  irregular: [],
  distribution: ([mu, sigma]) => new Lognormal(mu, sigma),
  logDensity: ([mu, sigma]) => lognormalLogDensity(mu, sigma),
  sumLogDensity: ([mu, sigma], s) => lognormalLogDensitySum(mu, sigma, s, 0, s.x.length),
  starts: (s) => [[s.meanLog, s.sdLog]],
};

/**
 * Gamma (app. A.3.2.1), ln f = (α−1) ln x − x/θ − α ln θ − ln Γ(α). Start: Minka's approximation to the MLE of
 * the shape, α ≈ (3 − s + √((s − 3)² + 24 s)) / (12 s), s = ln x̄ − mean ln x (T. Minka, "Estimating a gamma
 * distribution", 2002), θ = x̄/α; and the method of moments.
 */
export const gammaFamily: FitFamily<'gamma'> = {
  id: 'gamma',
  parameters: SEVERITY_PARAMETERS.gamma,
  scales: ['log', 'log'],
  irregular: [],
  distribution: ([shape, scale]) => new Gamma(shape, scale),
  logDensity: ([a, theta]) => {
    const c = a * Math.log(theta) + gammaln(a);
    return (x, lnx) => (a - 1) * lnx - x / theta - c;
  },
  sumLogDensity: ([a, theta], s) => {
    const m = s.x.length;
    return (a - 1) * s.cumLn[m] - s.cumX[m] / theta - s.n * (a * Math.log(theta) + gammaln(a));
  },
  starts: (s) => {
    const g = Math.log(s.mean) - s.meanLog;
    const minka = g > 0 ? (3 - g + Math.sqrt((g - 3) ** 2 + 24 * g)) / (12 * g) : 1;
    const moments = (s.mean * s.mean) / s.variance;
    return [
      [minka, s.mean / minka],
      [moments, s.mean / moments],
    ];
  },
};

/** Beyond this α a Lomax is an exponential to within 1/α in its log-density: the fit has run up the ridge. */
const PARETO_ALPHA_LIMIT = 1000;

/**
 * Pareto type II (Lomax, app. A.2.3.1), ln f = ln α + α ln θ − (α+1) ln(x + θ). Starts: the method of moments
 * where the variance exceeds the squared mean, and the median matched, θ = m/(2^{1/α} − 1), for several α.
 */
export const paretoFamily: FitFamily<'pareto'> = {
  id: 'pareto',
  parameters: SEVERITY_PARAMETERS.pareto,
  scales: ['log', 'log'],
  irregular: [],
  distribution: ([alpha, theta]) => new Pareto(alpha, theta),
  logDensity: ([alpha, theta]) => {
    const c = Math.log(alpha) + alpha * Math.log(theta);
    return (x) => c - (alpha + 1) * Math.log(x + theta);
  },
  sumLogDensity: ([alpha, theta], s) => {
    const { x, w } = s;
    let acc = 0;
    for (let i = 0; i < x.length; i++) acc += w[i] * Math.log(x[i] + theta);
    return s.n * (Math.log(alpha) + alpha * Math.log(theta)) - (alpha + 1) * acc;
  },
  starts: (s) => {
    const out: number[][] = [];
    const m = s.mean;
    const v = s.variance;
    if (v > m * m) {
      const alpha = (2 * v) / (v - m * m);
      out.push([alpha, m * (alpha - 1)]);
    }
    const median = s.quantile(0.5);
    for (const alpha of [1.2, 2, 4, 10]) out.push([alpha, median / (Math.pow(2, 1 / alpha) - 1)]);
    return out;
  },
  divergent: ([alpha, theta]) =>
    alpha > PARETO_ALPHA_LIMIT
      ? `alpha ${alpha.toPrecision(4)} and theta ${theta.toPrecision(4)} grow without bound: the data's tail is lighter than any Pareto's, and the likelihood rises towards an exponential with mean theta/alpha = ${(theta / alpha).toPrecision(6)}`
      : null,
};

/**
 * Weibull (app. A.3.2.3), ln f = ln k − ln λ + (k−1) ln(x/λ) − (x/λ)^k. Start: ln X has sd π/(k√6) and mean
 * ln λ − γ/k (γ Euler's constant), matched to the sample's.
 */
export const weibullFamily: FitFamily<'weibull'> = {
  id: 'weibull',
  parameters: SEVERITY_PARAMETERS.weibull,
  scales: ['log', 'log'],
  irregular: [],
  distribution: ([shape, scale]) => new Weibull(shape, scale),
  logDensity: ([k, lambda]) => {
    const lnLambda = Math.log(lambda);
    const c = Math.log(k) - lnLambda;
    return (_x, lnx) => {
      const u = lnx - lnLambda;
      return c + (k - 1) * u - Math.exp(k * u);
    };
  },
  sumLogDensity: ([k, lambda], s) => {
    const { lnx, w } = s;
    const lnLambda = Math.log(lambda);
    let acc = 0;
    for (let i = 0; i < lnx.length; i++) acc += w[i] * Math.exp(k * (lnx[i] - lnLambda));
    const m = lnx.length;
    return s.n * (Math.log(k) - lnLambda) + (k - 1) * (s.cumLn[m] - s.n * lnLambda) - acc;
  },
  starts: (s) => {
    const k = Math.PI / (Math.sqrt(6) * s.sdLog);
    return [[k, Math.exp(s.meanLog + 0.5772156649015329 / k)]];
  },
};

/**
 * Log-logistic (app. A.2.6.1) with scale α (the median) and shape β: ln f = ln β − ln x + u − 2 ln(1 + eᵘ),
 * u = β ln(x/α). Start: the median, and ln X logistic with sd π/(β√3).
 */
export const loglogisticFamily: FitFamily<'loglogistic'> = {
  id: 'loglogistic',
  parameters: SEVERITY_PARAMETERS.loglogistic,
  scales: ['log', 'log'],
  irregular: [],
  distribution: ([scale, shape]) => new LogLogistic(scale, shape),
  logDensity: ([scale, beta]) => {
    const lnScale = Math.log(scale);
    const lnBeta = Math.log(beta);
    return (_x, lnx) => {
      const u = beta * (lnx - lnScale);
      return lnBeta - lnx + u - 2 * softplus(u);
    };
  },
  sumLogDensity: ([scale, beta], s) => {
    const { lnx, w } = s;
    const lnScale = Math.log(scale);
    let acc = 0;
    for (let i = 0; i < lnx.length; i++) {
      const u = beta * (lnx[i] - lnScale);
      acc += w[i] * (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
    }
    const m = lnx.length;
    return s.n * (Math.log(beta) - beta * lnScale) + (beta - 1) * s.cumLn[m] - 2 * acc;
  },
  starts: (s) => [[s.quantile(0.5), Math.PI / (Math.sqrt(3) * s.sdLog)]],
  remarks: ([, shape]) =>
    shape <= 1 ? [`loglogistic: shape ${shape.toPrecision(4)} ≤ 1, so the mean is infinite; a scenario needs shape > 1`] : [],
};
