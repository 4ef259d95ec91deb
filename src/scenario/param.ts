/**
 * The building blocks of the file format's fields: a scalar parameter `{ value, source | assumption }` and the
 * number types its values take (scenario/schema.ts and each severity family's fields, scenario/severity-families).
 */
import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const text = (max = 400) => z.string().max(max);

export const provenance = {
  source: text(1000).optional().describe('Document and section the value comes from, e.g. "seed 001 二(四)".'),
  assumption: text(2000).optional().describe('Why this value was chosen where the documents leave it open.'),
};

/** A scalar parameter with provenance. */
export const param = (value: z.ZodNumber, description: string) => z.strictObject({ value, ...provenance }).describe(description);

export const finite = () => z.number().finite();
export const positive = () => finite().positive('must be > 0');
export const amount = () => finite().min(0, 'must not be negative').max(LIMITS.maxAmount, `must not exceed ${LIMITS.maxAmount}`);
