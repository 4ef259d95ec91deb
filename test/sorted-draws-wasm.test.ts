// The WebAssembly sorted-draw kernel (src/random/wasm/): its committed bytes are those of its WAT source; it draws
// what UpperQuantileTable.fillSorted's JS loop draws, bit for bit (draws below, inside and beyond the table, the
// Ziggurat's rejection steps taken), and leaves the generator where the loop does; and a whole Monte Carlo with the
// kernel gives the same Float64Array as with the JS loop, for every shipped scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimantBatch } from '../src/engine/claimants.ts';
import { compileModel } from '../src/engine/model.ts';
import { simulateTrials, trialBlockSize } from '../src/engine/trial.ts';
import { exponentialSlow, KE } from '../src/random/exponential.ts';
import { UpperQuantileTable } from '../src/random/quantile-table.ts';
import { LognormalPareto, Lognormal, Spliced, type Severity } from '../src/random/severity/index.ts';
import { assemble, WAT_PATH } from '../src/random/wasm/build.ts';
import {
  forceJsSortedDraws,
  kernelCanFill,
  kernelExpNeg,
  reserveReciprocals,
  WASM_AVAILABLE,
  wasmAlloc,
  wasmBuffer,
  wasmF64,
  wasmStats,
} from '../src/random/wasm/kernel.ts';
import { SORTED_DRAWS_WASM } from '../src/random/wasm/sorted-draws-bytes.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { ROOT } from './helpers/golden.ts';
import { shipped } from './helpers/scenarios.ts';

const bits = (a: Float64Array) => new BigUint64Array(a.buffer, a.byteOffset, a.length);

/** The first index where two arrays differ in any bit, −1 when none. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  const x = bits(a);
  const y = bits(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

afterEach(() => forceJsSortedDraws(false));

describe('sorted-draw kernel', () => {
  it('the committed bytes are those of sorted-draws.wat (npm run wasm)', async () => {
    const bytes = await assemble(readFileSync(WAT_PATH, 'utf8'));
    expect(Buffer.from(SORTED_DRAWS_WASM).equals(Buffer.from(bytes))).toBe(true);
  });

  it('instantiates here (Node ≥ 16.4 has wasm SIMD)', () => {
    expect(WASM_AVAILABLE).toBe(true);
  });

  it('its exp(−x), which decides the rejection steps, is within 1e-15 of Math.exp on [0, 7.75) (the decisions allow 1e-12)', () => {
    const expNeg = kernelExpNeg!;
    let worst = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = (7.75 * i) / 1_000_000 + (i % 7) * 1e-9;
      if (x >= 7.75) continue;
      worst = Math.max(worst, Math.abs(expNeg(x) / Math.exp(-x) - 1));
    }
    // At the table's nodes it is Math.exp itself (f = 0: the series is 1).
    for (let j = 0; j < 124; j++) expect(expNeg(j / 16)).toBe(Math.exp(-j / 16));
    expect(worst).toBeLessThan(1e-15);
    expect(worst).toBeGreaterThan(0);
  });

  // Suzhou 2021's employees (truncated Pareto tail), a spliced severity (kink inside the table), a lognormal.
  const families: [string, Severity][] = [
    ['lognormalPareto', new LognormalPareto(8.5, 1.2, 16982.498, 2.5723359, 3_000_000)],
    ['spliced', new Spliced(8, 1.3, 20_000, 2.2, 0.9)],
    ['lognormal', new Lognormal(7, 1.5)],
  ];
  it.each(families)('%s: the same draws, running sums and generator state as the JS loop, bit for bit', (_, sev) => {
    const table = UpperQuantileTable.build(sev, 0.3, 12, 0.6)!;
    expect(table).not.toBeNull();
    const N = 40_000;
    expect(reserveReciprocals(N)).toBe(true);
    // The kernel's arrays on its memory (no allocation after this, so the views stay attached).
    const outAt = wasmAlloc(8 * N);
    const prefixAt = wasmAlloc(8 * (N + 1));
    const wOut = wasmF64(outAt, N);
    const wPrefix = wasmF64(prefixAt, N + 1);
    const out = new Float64Array(N);
    const prefix = new Float64Array(N + 1);
    const shifts = {
      below: 0.5 * table.lo, // the first draws below the table: the exact quantile
      lo: table.lo,
      mid: 0.5 * (table.lo + table.hi),
      nearHi: table.hi - 0.05, // runs off the table's end mid-batch
      beyond: table.hi + 1, // every draw beyond it
    };
    let cases = 0;
    let slow = 0;
    let baseLayer = 0;
    const fills = wasmStats.fills;
    for (const seed of [1, 0x2545f491, 123456789])
      for (const n of [0, 1, 2, 3, 5, 7, 31, 1000, N - 3])
        for (const [name, shift] of Object.entries(shifts))
          for (const scale of [1, 1.0731]) {
            const from = seed === 1 ? 3 : 0;
            const size = n === N - 3 ? n : n + 1;
            if (from + size > N) continue;
            out.fill(0);
            prefix.fill(0);
            wOut.fill(0);
            wPrefix.fill(0);
            prefix[from] = wPrefix[from] = from ? 12345.678 : 0;
            const js = new Xoshiro128(seed, seed * 3 + 1, seed ^ 0x9e3779b9, 42);
            const wasm = new Xoshiro128(seed, seed * 3 + 1, seed ^ 0x9e3779b9, 42);
            expect(kernelCanFill(wOut, wPrefix, from, n)).toBe(true);
            table.fillSorted(js, out, from, n, shift, scale, prefix);
            table.fillSorted(wasm, wOut, from, n, shift, scale, wPrefix);
            const where = `${name} seed ${seed} n ${n} scale ${scale}`;
            expect(firstDifference(wOut, out), where).toBe(-1);
            expect(firstDifference(wPrefix, prefix), where).toBe(-1);
            expect(wasm.state(), where).toEqual(js.state());
            cases++;
            // The rejection steps these n draws took (the same stream, draw by draw as exponentialZiggurat).
            const r = new Xoshiro128(seed, seed * 3 + 1, seed ^ 0x9e3779b9, 42);
            for (let i = 0; i < n; i++) {
              const jz = r.nextU32();
              const iz = jz & 255;
              if (jz < KE[iz]) continue;
              slow++;
              if (iz === 0) baseLayer++;
              exponentialSlow(r, jz, iz);
            }
          }
    expect(wasmStats.fills - fills).toBe(cases);
    // Both rare paths of the Ziggurat were taken: the wedges and the base layer's tail.
    expect(slow - baseLayer).toBeGreaterThan(100);
    expect(baseLayer).toBeGreaterThan(20);
  });

  it('falls back to the JS loop for arrays it cannot use (plain arrays, a batch past a view’s end, forced off)', () => {
    const N = 64;
    reserveReciprocals(N);
    const wOut = wasmF64(wasmAlloc(8 * N), N);
    const wPrefix = wasmF64(wasmAlloc(8 * (N + 1)), N + 1);
    expect(kernelCanFill(new Float64Array(N), new Float64Array(N + 1), 0, N)).toBe(false);
    expect(kernelCanFill(wOut, wPrefix, 1, N)).toBe(false);
    expect(kernelCanFill(wOut, wPrefix, 0, N)).toBe(true);
    forceJsSortedDraws(true);
    expect(kernelCanFill(wOut, wPrefix, 0, N)).toBe(false);
  });

  it('a batch takes fresh views after the memory grows under it, and plain arrays when forced off', () => {
    const batch = new ClaimantBatch();
    batch.reserve(1000);
    expect(batch.amount.buffer).toBe(wasmBuffer());
    batch.prefix[1000] = 7;
    // Another allocation grows the memory: the batch's views are detached (length 0) until its next reserve.
    wasmAlloc(2 * wasmBuffer()!.byteLength);
    expect(batch.amount.length).toBe(0);
    batch.reserve(1000);
    expect(batch.amount.buffer).toBe(wasmBuffer());
    expect(batch.amount.length).toBeGreaterThanOrEqual(1000);
    expect(batch.prefix[1000]).toBe(7);
    forceJsSortedDraws(true);
    batch.reserve(1000);
    expect(batch.amount.buffer).not.toBe(wasmBuffer());
    expect(batch.prefix.length).toBeGreaterThan(1000);
  });

  // The shipped scenarios (the folder's other files are fund files: "$schema": "../fund.schema.json").
  const scenarios = readdirSync(`${ROOT}scenarios`)
    .filter((f) => f.endsWith('.json') && JSON.parse(readFileSync(`${ROOT}scenarios/${f}`, 'utf8')).$schema.includes('scenario'))
    .map((f) => f.replace(/\.json$/, ''));
  it('finds the four shipped scenarios', () => expect(scenarios.length).toBe(4));
  it.each(scenarios)(
    '%s: 30 trials with the kernel and with the JS loop, the same Float64Array',
    (name) => {
      const trials = 30;
      const run = (js: boolean) => {
        forceJsSortedDraws(js);
        const model = compileModel(shipped(name));
        const out = new Float64Array(trialBlockSize(model, trials));
        simulateTrials(model, 'wasm-identity', 0, trials, out);
        return out;
      };
      const fills = wasmStats.fills;
      const withKernel = run(false);
      const kernelFills = wasmStats.fills - fills;
      const withJs = run(true);
      expect(wasmStats.fills - fills).toBe(kernelFills);
      // Every shipped scenario draws its tails from tables: the kernel ran, at least once a trial.
      expect(kernelFills).toBeGreaterThanOrEqual(trials);
      expect(firstDifference(withKernel, withJs)).toBe(-1);
    },
    120_000,
  );
});
