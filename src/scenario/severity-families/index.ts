/**
 * The severity families, in the order the schema lists them: the one list a new family joins. The scenario
 * schema's `severity` union is built from it, and the other floors key their parts by its ids, so a family missing
 * there fails to compile. A new family is:
 * 1. its declaration here, `<family>.ts` (fields, names, estimated parameters and regions, calibration, bench),
 *    and its line in SEVERITY_FAMILIES below;
 * 2. its distribution, src/random/severity/<family>.ts, and its entry in DISTRIBUTIONS (random/severity/index.ts);
 * 3. with parameters, its likelihood (src/fit/families-*.ts) and its line in FAMILIES (fit/families-registry.ts);
 * then `npm run schema` regenerates scenario.schema.json. tsc names whatever of 2 and 3 is missing.
 */
import { z } from 'zod';
import { empirical } from './empirical.ts';
import type { SeverityFamily } from './family.ts';
import { gamma } from './gamma.ts';
import { loglogistic } from './loglogistic.ts';
import { lognormal } from './lognormal.ts';
import { lognormalPareto } from './lognormal-pareto.ts';
import { pareto } from './pareto.ts';
import { spliced } from './spliced.ts';
import { weibull } from './weibull.ts';

export const SEVERITY_FAMILIES = [lognormal, gamma, pareto, weibull, loglogistic, spliced, lognormalPareto, empirical] as const;

type Registered = (typeof SEVERITY_FAMILIES)[number];
export type SeverityFamilyId = Registered['id'];

/** A family a fit estimates (one with parameters: not a table of amounts). */
type Parametric<F> = F extends { readonly estimated: infer E } ? ([keyof E] extends [never] ? never : F) : never;
export type ParametricFamilyId = Parametric<Registered>['id'];

/** The family's declaration by id (undefined for an id no family has). */
export function severityFamilyOf(id: unknown): Registered | undefined {
  return SEVERITY_FAMILIES.find((f) => f.id === id);
}

/** The estimated parameters' names in the fit's order; none for a table of amounts. */
export const estimatedParameters = (f: SeverityFamily): readonly string[] => Object.keys(f.estimated);

type Registry = typeof SEVERITY_FAMILIES;

/** A family's schema: `family` then its fields, and `E` (a fitted severity's `uncertainty`) when it has parameters. */
type MemberSchema<F, E extends z.ZodRawShape> =
  F extends SeverityFamily<infer Id, infer Fields, infer Estimated>
    ? z.ZodObject<{ family: z.ZodLiteral<Id> } & Fields & ([Estimated] extends [never] ? unknown : E), z.core.$strict>
    : never;
type Members<E extends z.ZodRawShape> = { -readonly [I in keyof Registry]: MemberSchema<Registry[I], E> };

/** The severity union over every registered family, discriminated by `family`. */
export const severityUnion = <E extends z.ZodRawShape>(extra: E) =>
  z.discriminatedUnion(
    'family',
    SEVERITY_FAMILIES.map((f) =>
      z.strictObject({ family: z.literal(f.id), ...f.fields, ...(estimatedParameters(f).length > 0 ? extra : {}) }),
    ) as unknown as Members<E> & readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
  );
