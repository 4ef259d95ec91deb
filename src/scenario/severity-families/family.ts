/**
 * What one severity family declares about itself at the file format's floor, checked by the type: its schema
 * fields (with their descriptions), the zh/en names of the family and of every field, the parameters a fit
 * estimates with the region each must stay in when drawn (engine/fit-draw.ts), the parameters calibration fits and
 * the scale it searches them on (analysis/calibrate.ts), and the bench's example (engine/bench.ts). The
 * distribution itself (random/severity) and the likelihood (fit/families-*.ts) are registered by the family's id
 * in mapped records, so a family declared here and missing there fails to compile.
 */
import type { z } from 'zod';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Open bounds: the parameter must lie strictly between them. */
export interface ParameterRegion {
  lower: number;
  upper: number;
}

/** The scale calibration's search moves a parameter on: v, ln v, ln(v − 1) (a tail index kept above 1), logit v. */
export type CalibrationScale = 'identity' | 'log' | 'logAbove1' | 'logit';

/** The fields a family's name table must cover: every field but a table's own provenance. */
type Named<Fields> = Exclude<keyof Fields, 'source' | 'assumption'>;

export interface SeverityFamily<
  Id extends string = string,
  Fields extends z.ZodRawShape = z.ZodRawShape,
  Estimated extends Named<Fields> & string = Named<Fields> & string,
> {
  readonly id: Id;
  readonly name: Bilingual;
  /** The schema's fields after `family`, in the order the schema lists them. */
  readonly fields: Fields;
  /** Every field's name as an analyst reads it (the same id means different things in different families). */
  readonly fieldNames: { readonly [K in Named<Fields>]: Bilingual };
  /**
   * The parameters a maximum-likelihood fit estimates, in the fit's order, with the region a drawn value must stay
   * in given the estimate; `uncertainty` may list exactly these. Empty for a table of amounts (not a model).
   */
  readonly estimated: { readonly [K in Estimated]: (estimate: number) => ParameterRegion };
  /**
   * Calibration to a scenario's targets: the parameters it fits, in order (it frees as many as there are targets),
   * each with its search scale, and whether incidence follows them; or why the family cannot be calibrated.
   */
  readonly calibration:
    | { readonly free: readonly (readonly [Named<Fields> & string, CalibrationScale])[]; readonly incidence: boolean }
    | { readonly refused: string };
  /** The bench's example of the family (means 5,000–10,000 yuan, tails past a deductible of 18,000). */
  readonly bench: z.input<z.ZodObject<Fields>>;
}

/** Keeps a family's literal id and field types (the registry's union and the mapped records read them). */
export const severityFamily = <const Id extends string, Fields extends z.ZodRawShape, Estimated extends Named<Fields> & string>(
  f: SeverityFamily<Id, Fields, Estimated>,
): SeverityFamily<Id, Fields, Estimated> => f;

/** The regions a drawn parameter must stay in (scenario/severity-parameters.ts states the rules). */
export const REGION = {
  real: (): ParameterRegion => ({ lower: -Infinity, upper: Infinity }),
  positive: (): ParameterRegion => ({ lower: 0, upper: Infinity }),
  aboveOne: (): ParameterRegion => ({ lower: 1, upper: Infinity }),
  unit: (): ParameterRegion => ({ lower: 0, upper: 1 }),
  /** A tail index whose estimate is above 1 stays above 1 (a finite mean); otherwise α > 0. */
  tailIndex: (estimate: number): ParameterRegion => (estimate > 1 ? { lower: 1, upper: Infinity } : { lower: 0, upper: Infinity }),
};

/** A bench parameter: `{ value, assumption: 'bench' }`. */
export const benchValue = (value: number) => ({ value, assumption: 'bench' });
