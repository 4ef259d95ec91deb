/**
 * seedrandom's key derivation over typed arrays: mixkey, then ARC4 with RC4-drop[256], then int32() (David Bau,
 * seedrandom 3.0.5, seedrandom.js: the functions mixkey, ARC4 and prng.int32). trialStream seeds every trial's
 * generator this way; through seedrandom itself it cost about 15 µs a trial (2.6% of a Suzhou trial): plain arrays,
 * closures, and a mix of the 256-byte state into a global entropy pool that a seeded stream never reads. The same
 * words, bit for bit (test/arc4.test.ts checks them against seedrandom).
 */
const WIDTH = 256;
const MASK = WIDTH - 1;
const key = new Uint8Array(WIDTH);
const s = new Uint8Array(WIDTH);

/** The first `out.length` int32() outputs of seedrandom(seed). */
export function seededWords(seed: string, out: Int32Array): Int32Array {
  // mixkey: a position read before it is written counts as 0 (seedrandom's undefined · 19 is NaN, and x ^ NaN = x).
  key.fill(0);
  let smear = 0;
  for (let j = 0; j < seed.length; j++) {
    smear ^= key[j & MASK] * 19;
    key[j & MASK] = MASK & (smear + seed.charCodeAt(j));
  }
  // ARC4's key scheduling; the empty key is [0].
  const keylen = Math.max(1, Math.min(seed.length, WIDTH));
  for (let i = 0; i < WIDTH; i++) s[i] = i;
  let j = 0;
  for (let i = 0, k = 0; i < WIDTH; i++, k = k + 1 === keylen ? 0 : k + 1) {
    const t = s[i];
    j = MASK & (j + key[k] + t);
    s[i] = s[j];
    s[j] = t;
  }
  // RC4-drop[256]: the state advanced, the bytes thrown away; generation starts from i = j = 0 (ARC4 keeps the key
  // scheduling's j local).
  let i = 0;
  j = 0;
  for (let n = 0; n < WIDTH; n++) {
    i = MASK & (i + 1);
    const t = s[i];
    j = MASK & (j + t);
    s[i] = s[j];
    s[j] = t;
  }
  // Then four bytes per word, the first the highest.
  for (let w = 0; w < out.length; w++) {
    let word = 0;
    for (let b = 0; b < 4; b++) {
      i = MASK & (i + 1);
      const t = s[i];
      j = MASK & (j + t);
      s[i] = s[j];
      s[j] = t;
      word = (word << 8) | s[MASK & (s[i] + t)];
    }
    out[w] = word;
  }
  return out;
}
