/**
 * Ziggurat sampler of N(0,1) (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000). Cdf and quantile: math/normal.ts.
 */
import type { Rng } from './xoshiro.ts';

// Ziggurat tables, 128 layers: G. Marsaglia & W. W. Tsang, "The Ziggurat Method for Generating Random
// Variables", Journal of Statistical Software 5(8), 2000, procedure zigset.
const KN = new Int32Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
const R = 3.442619855899;
{
  const m1 = 2147483648;
  const vn = 9.91256303526217e-3;
  let dn = R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  KN[0] = Math.floor((dn / q) * m1);
  KN[1] = 0;
  WN[0] = q / m1;
  WN[127] = dn / m1;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = Math.floor((dn / tn) * m1);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m1;
  }
}

/** One N(0,1) draw by the Ziggurat method: one 32-bit draw and a comparison in about 99% of calls. */
export function normalZiggurat(rng: Rng): number {
  const hz = rng.nextI32();
  const iz = hz & 127;
  if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
  return zigguratSlow(rng, hz, iz);
}

function zigguratSlow(rng: Rng, hz: number, iz: number): number {
  for (;;) {
    const x = hz * WN[iz];
    if (iz === 0) {
      let t: number;
      let y: number;
      do {
        t = -Math.log(rng.uniform()) / R;
        y = -Math.log(rng.uniform());
      } while (y + y < t * t);
      return hz > 0 ? R + t : -R - t;
    }
    if (FN[iz] + rng.uniform() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = rng.nextI32();
    iz = hz & 127;
    if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
  }
}
