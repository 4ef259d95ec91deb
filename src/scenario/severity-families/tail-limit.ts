/** The optional truncation of a body-and-tail family (spliced, lognormalPareto): set by the analyst, never fitted. */
import { LIMITS } from '../limits.ts';
import { finite, param } from '../param.ts';

/** The largest annual amount a tail may reach (a truncated tail): no member's burden is unbounded. */
export const tailLimit = () =>
  param(
    finite().positive('must be > 0').max(LIMITS.maxAmount, `must not exceed ${LIMITS.maxAmount}`),
    'Upper limit of the tail (yuan): the tail is truncated there, so no annual amount exceeds it. Must be above the splice.',
  );

export const TAIL_LIMIT_NAME = { zh: '尾部上限（元）', en: 'tail limit (yuan)' };
