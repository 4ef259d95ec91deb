// trialStream's key derivation (random/arc4.ts) against seedrandom itself, whose int32() it replaces: the same words
// for short and long keys (past 256 characters mixkey folds them), characters beyond Latin-1, the empty key, and the
// engine's own keys; so every trial's stream is the one seedrandom gave.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { seededWords } from '../src/random/arc4.ts';
import { trialStream } from '../src/random/stream.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';

const viaSeedrandom = (key: string, n: number) => {
  const prng = seedrandom(key);
  return Array.from({ length: n }, () => prng.int32());
};

describe('seeded words', () => {
  it('equal seedrandom’s int32() for 3,000 keys of every kind', () => {
    const rng = new Xoshiro128(3, 5, 7, 11);
    const keys = [
      '',
      'a',
      'jingsuan|2021|0|',
      'jingsuan|bench|123456|fit',
      '苏州大病保险',
      'x'.repeat(255),
      'y'.repeat(256),
      'z'.repeat(700),
    ];
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(rng.uniform() * (i % 10 === 0 ? 900 : 40));
      keys.push(Array.from({ length: len }, () => String.fromCharCode(Math.floor(rng.uniform() * (i % 3 === 0 ? 0x10000 : 128)))).join(''));
    }
    let checked = 0;
    for (const key of keys) {
      const n = 1 + (checked % 6);
      expect(Array.from(seededWords(key, new Int32Array(n))), JSON.stringify(key.slice(0, 40))).toEqual(viaSeedrandom(key, n));
      checked++;
    }
    expect(checked).toBe(keys.length);
  });
  it('give every trial the stream seedrandom gave it (seeds, trials, salts)', () => {
    for (const seed of [2021, 'bench', 'x|y']) {
      for (const trial of [0, 1, 999, 123456789]) {
        for (const salt of ['', 'fit', 'trend']) {
          const want = viaSeedrandom(`jingsuan|${seed}|${trial}|${salt}`, 4);
          const got = trialStream(seed, trial, salt);
          expect([got.a, got.b, got.c, got.d]).toEqual(want);
        }
      }
    }
  });
});
