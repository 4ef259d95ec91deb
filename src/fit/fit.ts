/**
 * Maximum-likelihood severity fits ranked by AIC (Klugman, Panjer & Willmot, Loss Models, 4th ed., ch. 11–13
 * for the likelihoods and the information matrix, §16.5.3 for AIC = 2k − 2ℓ and BIC = k ln n − 2ℓ, n the total
 * count). Standard errors from the inverse observed information (information.ts); 95% intervals are Wald
 * intervals on the optimiser's scale: μ ± 1.96 se for mu, exp(ln p ± 1.96 se/p) for a positive parameter,
 * the logistic of logit p ± 1.96 se/(p(1 − p)) for bodyWeight.
 */
import { FAMILIES } from './families-registry.ts';
import type { FitFamily } from './families.ts';
import { groupedGof, individualGof } from './gof.ts';
import { hessian, inverseSpd, jacobianDiagonal, waldInterval } from './information.ts';
import { logLikelihood, POSITIVE_RANGE } from './likelihood.ts';
import { prepareSample, type Sample } from './likelihood-data.ts';
import { fromFree, maximiseLikelihood, toFree } from './likelihood-maximise.ts';
import type { FamilyFit, FitData } from './types.ts';

/** The families fitSeverities can fit, with their parameters in the scenario schema's names. */
export const FIT_FAMILIES: readonly string[] = FAMILIES.map((f) => f.id);

export function fitFamilyParameters(family: string): readonly string[] {
  return familyById(family).parameters;
}

/**
 * Fits every family (or those in opts.families) by maximum likelihood and returns them ranked: converged fits by
 * AIC, lowest first, then those that did not converge, by AIC. Throws an Error naming the problem when the data
 * cannot be fitted at all (no rows, all counts zero, a single distinct amount, amounts not above the truncation
 * point, claims in fewer than two bands), or when a family asked for by name is unknown or not identifiable
 * from the data: k parameters need at least k distinct amounts, or k + 1 bands. Without opts.families such a
 * family is left out. A family whose optimiser does not settle is returned with converged: false and a warning.
 */
export function fitSeverities(data: FitData, opts: { families?: string[] } = {}): FamilyFit[] {
  const sample = prepareSample(data);
  const asked = opts.families;
  if (asked && asked.length === 0) throw new Error(`families: none asked for; the fit knows ${FIT_FAMILIES.join(', ')}`);
  const families = (asked ?? FIT_FAMILIES).map(familyById);
  const chosen = families.filter((f) => {
    const why = notIdentifiable(f, sample);
    if (why && asked) throw new Error(why);
    return !why;
  });
  if (chosen.length === 0) throw new Error(notIdentifiable(familyById('lognormal'), sample)!);
  const fits = chosen.map((f) => fitFamily(f, sample));
  return fits.sort((a, b) => Number(b.converged) - Number(a.converged) || a.aic - b.aic);
}

/** Why the data cannot identify the family's parameters, or null. */
function notIdentifiable(f: FitFamily, sample: Sample): string | null {
  const k = f.parameters.length;
  if (sample.kind === 'grouped')
    return sample.lower.length >= k + 1
      ? null
      : `bands: ${sample.lower.length} bands cannot identify the ${k} parameters of ${f.id} (it needs at least ${k + 1} bands)`;
  return sample.x.length >= k
    ? null
    : `amounts: ${sample.x.length} distinct amounts cannot identify the ${k} parameters of ${f.id} (it needs at least ${k})`;
}

function familyById(id: string): FitFamily {
  const f = FAMILIES.find((g) => g.id === id);
  if (!f) throw new Error(`families: unknown family "${id}"; the fit knows ${FAMILIES.map((g) => g.id).join(', ')}`);
  return f;
}

/** One family's fit on prepared data. */
export function fitFamily(family: FitFamily, sample: Sample): FamilyFit {
  const names = family.parameters;
  const k = names.length;
  const max = maximiseLikelihood(family, sample);
  const warnings = [...max.warnings];
  if (sample.kind === 'grouped') warnings.push(...sample.notes);
  const none = Object.fromEntries(names.map((n) => [n, null]));
  if (max.parameters.length === 0) {
    return {
      family: family.id,
      // No starting value had a finite likelihood: the parameters are the first start's, not an estimate.
      parameters: Object.fromEntries(names.map((n, i) => [n, max.start?.[i] ?? 0])),
      logLikelihood: -Infinity,
      aic: Infinity,
      bic: Infinity,
      standardErrors: none,
      ci95: none,
      covariance: null,
      gof: {},
      converged: false,
      warnings,
    };
  }
  const p = max.parameters;
  const ll = max.logLikelihood;
  let converged = max.converged;
  const edge = names.filter((_, i) => family.scales[i] === 'log' && (p[i] < POSITIVE_RANGE[0] * 1.01 || p[i] > POSITIVE_RANGE[1] / 1.01));
  for (const name of edge)
    warnings.push(
      `${family.id}: ${name} runs to ${p[names.indexOf(name)]}, the edge of the range searched; the family does not suit these data`,
    );
  const unidentified = family.unidentified?.(p, sample) ?? null;
  if (unidentified) warnings.push(`${family.id}: ${unidentified}`);
  const divergent = family.divergent?.(p) ?? null;
  if (divergent) warnings.push(`${family.id}: ${divergent}`);
  if (edge.length || unidentified || divergent) converged = false;
  const n = sample.n;
  const se = errors(family, p, sample);
  const { standardErrors, ci95, covariance } = se;
  warnings.push(...se.warnings);
  if (family.remarks) warnings.push(...family.remarks(p));
  const dist = family.distribution(p);
  let gof;
  if (sample.kind === 'individual') gof = individualGof(dist, sample);
  else {
    const g = groupedGof(dist, sample, k);
    gof = g.gof;
    warnings.push(...g.warnings);
  }
  return {
    family: family.id,
    parameters: Object.fromEntries(names.map((name, i) => [name, p[i]])),
    logLikelihood: ll,
    aic: 2 * k - 2 * ll,
    bic: k * Math.log(n) - 2 * ll,
    standardErrors,
    ci95,
    covariance,
    gof,
    converged,
    warnings,
  };
}

/** Step of the central differences on the optimiser's scale: 10⁻³ (a 0.1% change of a positive parameter). */
const STEP = 1e-3;

/**
 * Standard errors of the regular parameters; an irregular one (the legacy splice point) is held at its estimate,
 * so the others' errors are conditional on it.
 */
function errors(family: FitFamily, p: number[], sample: Sample) {
  const names = family.parameters;
  const scales = family.scales;
  const regular = names.map((_, i) => i).filter((i) => !family.irregular.includes(names[i]));
  const z = toFree(p, scales);
  const ll = (sub: number[]) => {
    const full = z.slice();
    regular.forEach((i, j) => (full[i] = sub[j]));
    return logLikelihood(family, fromFree(full, scales), sample);
  };
  const zr = regular.map((i) => z[i]);
  const H = hessian(
    ll,
    zr,
    zr.map(
      (v, j) =>
        (sample.kind === 'individual' ? family.hessianStep?.[names[regular[j]]] : undefined) ??
        (scales[regular[j]] === 'identity' ? STEP * Math.max(1, Math.abs(v)) : STEP),
    ),
  );
  const info = H.map((row) => row.map((v) => -v));
  const covFree = info.every((row) => row.every(Number.isFinite)) ? inverseSpd(info) : null;
  const standardErrors: Record<string, number | null> = Object.fromEntries(names.map((n) => [n, null]));
  const ci95: Record<string, [number, number] | null> = Object.fromEntries(names.map((n) => [n, null]));
  const warnings: string[] = [];
  if (covFree && sample.kind === 'individual' && family.hessianStep)
    warnings.push(
      `${family.id}: the standard error of ${Object.keys(family.hessianStep).join(', ')} comes from the curvature of a likelihood that kinks at every amount (central differences ${Object.values(family.hessianStep).join(', ')} wide on the log scale) and understates the estimate's spread: in simulations of 2,000 amounts the spread was about 2½ times it (test/fit-mle.test.ts)`,
    );
  if (!covFree)
    return {
      standardErrors,
      ci95,
      covariance: null,
      warnings: [`${family.id}: the observed information is not positive definite; no standard errors`],
    };
  const J = jacobianDiagonal(
    regular.map((i) => p[i]),
    regular.map((i) => scales[i]),
  );
  const matrix = covFree.map((row, a) => row.map((v, b) => J[a] * v * J[b]));
  regular.forEach((i, j) => {
    const se = Math.sqrt(matrix[j][j]);
    standardErrors[names[i]] = se;
    ci95[names[i]] = waldInterval(p[i], se, scales[i]);
  });
  if (family.irregular.length)
    warnings.push(
      `${family.id}: no standard error for ${family.irregular.join(', ')} (the likelihood jumps there); the others' are conditional on it`,
    );
  return { standardErrors, ci95, covariance: { parameters: regular.map((i) => names[i]), matrix }, warnings };
}
