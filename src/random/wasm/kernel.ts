/**
 * The sorted-draw kernel (sorted-draws.wat) and the one WebAssembly.Memory it works in, per thread (a module-level
 * instance: each worker loads its own copy of this module). UpperQuantileTable.fillSorted hands it a batch whose
 * out and prefix arrays are views on that memory (ClaimantBatch.reserve, engine/claimants.ts); it draws the same
 * numbers as the JS loop, bit for bit, at about half its cost (issue #32: the loop was ~75% of a Suzhou trial).
 *
 * Memory from ARENA_START on is handed out by a first-fit allocator (a table's cubics, the reciprocals, a batch's
 * amounts and running sums). memory.grow detaches every view on the old buffer: whoever holds a view checks
 * `view.buffer === wasmBuffer()` before use and takes a fresh one (ClaimantBatch.reserve does), and nothing allocates
 * while a batch is being drawn or read. Regions of a table or batch that is collected go back to the allocator.
 *
 * Where WebAssembly or its SIMD is missing (Chrome before 91, Node before 16.4) the module does not validate and
 * every caller keeps the JS loop.
 */
import { FE, KE, WE } from '../exponential.ts';
import type { Severity } from '../severity/index.ts';
import type { Rng } from '../xoshiro.ts';
import { SORTED_DRAWS_WASM } from './sorted-draws-bytes.ts';

const PAGE = 65536;
/** exp(−j/16) for j < 124: x < 7.75 covers every wedge of the Ziggurat (x below its base, 7.6971…). */
const EXP_NODES = 124;
/** Below this the generator state and the Ziggurat's tables (sorted-draws.wat says where). */
const ARENA_START = 8192;
const ALIGN = 16;
/** wasm32's 4 GiB: addresses are passed as i32 and read unsigned. */
const MAX_BYTES = 65536 * PAGE;

type Fill = (
  out: number,
  prefix: number,
  from: number,
  n: number,
  shift: number,
  scale: number,
  inv: number,
  coef: number,
  cells: number,
  lo: number,
) => void;

/** The severity whose exact quantile the kernel calls back for (draws outside the table), set per call. */
let ootSeverity: Severity | null = null;

function instantiate(): { memory: WebAssembly.Memory; fill: Fill; expNeg: (x: number) => number } | null {
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(SORTED_DRAWS_WASM)) return null;
  try {
    const imports = {
      m: {
        log: Math.log,
        exp: Math.exp,
        // fillSorted's own expression: the exact quantile at v = e + shift.
        oot: (v: number) => ootSeverity!.upperQuantile(Math.exp(-v)),
      },
    };
    // Synchronous: the module is ~2 kB, within what browsers compile synchronously on any thread.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(SORTED_DRAWS_WASM), imports);
    const memory = instance.exports.mem as WebAssembly.Memory;
    const buf = memory.buffer;
    new Float64Array(buf, 2048, 256).set(WE);
    new Float64Array(buf, 4096, 256).set(FE);
    new Uint32Array(buf, 6144, 256).set(KE);
    // The rejection step's exp(−j/16) (sorted-draws.wat, pass 1): Math.exp itself, so its only error is Math.exp's.
    new Float64Array(buf, 7168, EXP_NODES).set(Array.from({ length: EXP_NODES }, (_, j) => Math.exp(-j / 16)));
    return { memory, fill: instance.exports.fill as Fill, expNeg: instance.exports.expNeg as (x: number) => number };
  } catch {
    return null;
  }
}

const kernel = instantiate();

/**
 * The memory's buffer as of its last grow (only wasmAlloc grows it): WebAssembly.Memory's buffer getter is a call
 * into the runtime, and the per-batch checks read it (1.3% of a Suzhou trial in a profile).
 */
let buffer: ArrayBuffer | null = kernel === null ? null : (kernel.memory.buffer as ArrayBuffer);

/** Tests only: the kernel's exp(−x) for 0 ≤ x < 7.75, which decides its rejection steps (sorted-draws.wat expNeg). */
export const kernelExpNeg: ((x: number) => number) | null = kernel === null ? null : kernel.expNeg;

/** Whether the kernel instantiated in this thread (for tests). */
export const WASM_AVAILABLE = kernel !== null;

let forcedJs = false;
/**
 * Batches the kernel has drawn in this thread, for the tests that check a bundled worker really runs it
 * (a timing would not tell).
 */
export const wasmStats = { fills: 0 };

/**
 * Tests only: true makes every fillSorted take the JS loop and every new batch plain arrays (the identity tests
 * compare the two paths); not a user-facing option.
 */
export function forceJsSortedDraws(force: boolean): void {
  forcedJs = force;
}

/** Whether new batches should live in wasm memory and fillSorted may use the kernel. */
export function sortedDrawsOn(): boolean {
  return kernel !== null && !forcedJs;
}

/** The memory's current buffer (a new object after each grow), or null without the kernel. */
export function wasmBuffer(): ArrayBuffer | null {
  return buffer;
}

// ---- The allocator: free blocks [addr, addr + size), sorted by address, adjacent ones merged.
const freeAddr: number[] = [];
const freeSize: number[] = [];
let top = ARENA_START;

function insertFree(addr: number, size: number): void {
  let i = 0;
  while (i < freeAddr.length && freeAddr[i] < addr) i++;
  freeAddr.splice(i, 0, addr);
  freeSize.splice(i, 0, size);
  if (i + 1 < freeAddr.length && addr + size === freeAddr[i + 1]) {
    freeSize[i] += freeSize[i + 1];
    freeAddr.splice(i + 1, 1);
    freeSize.splice(i + 1, 1);
  }
  if (i > 0 && freeAddr[i - 1] + freeSize[i - 1] === addr) {
    freeSize[i - 1] += freeSize[i];
    freeAddr.splice(i, 1);
    freeSize.splice(i, 1);
  }
}

/**
 * `bytes` of wasm memory (16-byte aligned), or −1 when the memory cannot grow to hold them (the caller keeps JS
 * arrays). May grow the memory, detaching every view on it.
 */
export function wasmAlloc(bytes: number): number {
  if (kernel === null) return -1;
  const size = Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
  for (let i = 0; i < freeAddr.length; i++) {
    if (freeSize[i] < size) continue;
    const addr = freeAddr[i];
    if (freeSize[i] === size) {
      freeAddr.splice(i, 1);
      freeSize.splice(i, 1);
    } else {
      freeAddr[i] += size;
      freeSize[i] -= size;
    }
    return addr;
  }
  // None fits: take the top, after merging a free block that ends there.
  let addr = top;
  const last = freeAddr.length - 1;
  if (last >= 0 && freeAddr[last] + freeSize[last] === top) {
    addr = freeAddr[last];
    freeAddr.pop();
    freeSize.pop();
  }
  const end = addr + size;
  if (end > MAX_BYTES) {
    if (addr < top) insertFree(addr, top - addr);
    return -1;
  }
  const have = buffer!.byteLength;
  if (end > have) {
    try {
      // At least doubling: batches grow by half at a time, and each grow detaches every view on the memory.
      const want = Math.min(MAX_BYTES, Math.max(end, 2 * have));
      kernel.memory.grow(Math.ceil((want - have) / PAGE));
    } catch {
      try {
        kernel.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        if (addr < top) insertFree(addr, top - addr);
        return -1;
      }
    }
    buffer = kernel.memory.buffer as ArrayBuffer;
  }
  top = end;
  return addr;
}

/** Gives back a region of wasmAlloc's (`bytes` as asked). */
export function wasmFree(addr: number, bytes: number): void {
  insertFree(addr, Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN);
}

/** Frees the regions of tables and batches the garbage collector has taken. */
const collected =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<[number, number]>(([addr, bytes]) => wasmFree(addr, bytes)) : null;

/** Frees [addr, addr + bytes) once `owner` is collected; `token` unregisters it (the owner moving to a new region). */
export function freeWhenCollected(owner: object, addr: number, bytes: number, token?: object): void {
  collected?.register(owner, [addr, bytes], token);
}

/** Cancels freeWhenCollected's registration under `token`. */
export function forgetRegion(token: object): void {
  collected?.unregister(token);
}

/** A Float64Array on wasm memory at addr (as of the memory's current buffer). */
export function wasmF64(addr: number, length: number): Float64Array<ArrayBuffer> {
  return new Float64Array(buffer!, addr, length);
}

// ---- The reciprocals 1/m at [m], m = 1..capacity: the Rényi spacings' scales (order.ts reciprocalTable).
let invAddr = -1;
let invCapacity = 0;

/**
 * Makes the reciprocals cover batches of n draws (false: no room). Call before taking views that must stay valid
 * (ClaimantBatch.reserve does): it may grow the memory.
 */
export function reserveReciprocals(n: number): boolean {
  if (n <= invCapacity) return true;
  const capacity = Math.max(n, 2 * invCapacity, 1023);
  const addr = wasmAlloc(8 * (capacity + 1));
  if (addr < 0) return false;
  if (invAddr >= 0) wasmFree(invAddr, 8 * (invCapacity + 1));
  const inv = wasmF64(addr, capacity + 1);
  inv[0] = 0;
  // The same division as reciprocalTable's: the same numbers.
  for (let m = 1; m <= capacity; m++) inv[m] = 1 / m;
  invAddr = addr;
  invCapacity = capacity;
  return true;
}

let state = new Int32Array(0);

/**
 * Whether the kernel can draw a batch of n into out[from..from + n) and prefix[from + 1..from + n]: on, both arrays
 * on the current buffer with room for the batch (the kernel does not stop at a view's end), the reciprocals long
 * enough (fillSorted must not grow the memory under its caller's views).
 */
export function kernelCanFill(out: Float64Array, prefix: Float64Array, from: number, n: number): boolean {
  if (kernel === null || forcedJs) return false;
  const buf = buffer;
  return out.buffer === buf && prefix.buffer === buf && from >= 0 && from + n <= out.length && from + n < prefix.length && n <= invCapacity;
}

/**
 * UpperQuantileTable.fillSorted's loop in the kernel (the caller checked kernelCanFill): the generator state goes in
 * and comes back through memory [0, 16).
 */
export function kernelFill(
  rng: Rng,
  sev: Severity,
  out: Float64Array,
  prefix: Float64Array,
  from: number,
  n: number,
  shift: number,
  scale: number,
  coef: number,
  cells: number,
  lo: number,
): void {
  const k = kernel!;
  if (state.buffer !== buffer) state = new Int32Array(buffer!, 0, 4);
  state[0] = rng.a;
  state[1] = rng.b;
  state[2] = rng.c;
  state[3] = rng.d;
  ootSeverity = sev;
  k.fill(out.byteOffset, prefix.byteOffset, from, n, shift, scale, invAddr, coef, cells, lo);
  ootSeverity = null;
  rng.a = state[0];
  rng.b = state[1];
  rng.c = state[2];
  rng.d = state[3];
  wasmStats.fills++;
}
