import seedrandom from 'seedrandom';
import { Xoshiro128 } from './xoshiro.ts';

/**
 * The random stream of one trial, derived from (seed, trial index) alone, so a trial draws the same numbers
 * whichever worker runs it and however the trials are split (docs/model.md "Determinism").
 * seedrandom's ARC4 turns the string key into the four state words of the fast generator.
 */
export function trialStream(seed: string | number, trial: number, salt = ''): Xoshiro128 {
  const key = seedrandom(`jingsuan|${seed}|${trial}|${salt}`);
  return new Xoshiro128(key.int32(), key.int32(), key.int32(), key.int32());
}
