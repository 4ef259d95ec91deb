/**
 * A parameter slider's range (param-field.ts), apart from the page: fixed when the field first shows a file's
 * value, widened only to take in a value the validator accepted, and then by whole steps, so that the step grid
 * stays anchored where a fresh page put it (a range widened to 29,995 put 30,000 between two steps of 500).
 */
export interface SliderRange {
  lo: number;
  hi: number;
}

/** Twelve significant digits: whole steps of 0.05 added up do not leave 0.15000000000000002 on the slider. */
const tidy = (x: number) => +x.toPrecision(12);

/** The range when a field first shows a value: the field's own bounds, taking in the value if it is outside. */
export function firstRange(min: number, max: number, value: number | undefined): SliderRange {
  return value === undefined ? { lo: min, hi: max } : { lo: Math.min(min, value), hi: Math.max(max, value) };
}

/** `r` taking in `value`, by whole steps from its ends (`r` itself when it already does). */
export function widenRange(r: SliderRange, value: number, step: number): SliderRange {
  if (value >= r.lo && value <= r.hi) return r;
  const s = step > 0 && Number.isFinite(step) ? step : 1;
  const lo = value < r.lo ? tidy(r.lo - Math.ceil(tidy((r.lo - value) / s)) * s) : r.lo;
  const hi = value > r.hi ? tidy(lo + Math.ceil(tidy((value - lo) / s)) * s) : r.hi;
  return { lo, hi };
}
