import { seededWords } from './arc4.ts';
import { Xoshiro128 } from './xoshiro.ts';

const words = new Int32Array(4);

/**
 * The random stream of one trial, derived from (seed, trial index) alone, so a trial draws the same numbers
 * whichever worker runs it and however the trials are split (docs/model.md "Determinism").
 * seedrandom's ARC4 turns the string key into the four state words of the fast generator (arc4.ts: the same words
 * as seedrandom's int32(), without its overhead).
 */
export function trialStream(seed: string | number, trial: number, salt = ''): Xoshiro128 {
  seededWords(`jingsuan|${seed}|${trial}|${salt}`, words);
  return new Xoshiro128(words[0], words[1], words[2], words[3]);
}
