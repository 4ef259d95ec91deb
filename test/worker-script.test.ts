// The engine worker's script (engine/node-pool.ts): bundled with an inert stand-in for the schema library
// (engine/schema-stand-in.ts), it must compute exactly what the main thread computes, for every shipped scenario
// and every severity family; a parse that reached a worker must throw, not pass.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledWorkerScript, cachedBundle, nodeWorkerFactory } from '../src/engine/node-pool.ts';
import { runScenario } from '../src/engine/run.ts';
import { z } from '../src/engine/schema-stand-in.ts';
import type { FromWorker } from '../src/engine/protocol.ts';
import { createWorkerHandler } from '../src/engine/worker-core.ts';
import { SEVERITIES, shipped, smallScenario } from './helpers/scenarios.ts';

const SHIPPED = ['compare-regions', 'jiangyin-2020', 'jilin-2017', 'suzhou-2021'];

describe('engine worker script', () => {
  it('leaves the schema library out', () => {
    const script = bundledWorkerScript(new URL('../src/engine/node-worker-entry.ts', import.meta.url));
    // zod's own error class would be in the script if the library were bundled.
    expect(script).not.toMatch(/ZodError/);
    expect(script).toMatch(/has no schema library/);
  });
  it('is kept on disk for the next process and rebuilt when a file it was built from changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-cache-'));
    try {
      const entry = join(dir, 'entry.ts');
      writeFileSync(join(dir, 'dep.ts'), "export const word = 'first';\n");
      writeFileSync(entry, "import { word } from './dep.ts';\nconsole.log(word);\n");
      const cache = join(dir, 'cache');
      expect(cachedBundle(entry, cache)).toMatch(/"first"/);
      const [file] = readdirSync(cache);
      // Read from the cache, not built again: a mark put into the kept copy comes back.
      const kept = JSON.parse(readFileSync(join(cache, file), 'utf8'));
      writeFileSync(join(cache, file), JSON.stringify({ ...kept, source: kept.source + '// kept' }));
      expect(cachedBundle(entry, cache)).toMatch(/\/\/ kept$/);
      // A changed dependency (another size) is seen: built again, the mark gone.
      writeFileSync(join(dir, 'dep.ts'), "export const word = 'second one';\n");
      const rebuilt = cachedBundle(entry, cache);
      expect(rebuilt).toMatch(/"second one"/);
      expect(rebuilt).not.toMatch(/kept/);
      // An unwritable cache only costs the build.
      expect(cachedBundle(entry, join(entry, 'not-a-dir'))).toMatch(/"second one"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the stand-in builds schemas and refuses every parse', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const schema = (z as any).strictObject({ value: (z as any).number().finite().min(0) }).describe('x');
    expect(() => schema.parse({ value: 1 })).toThrow(/no schema library/);
    expect(() => schema.safeParse({ value: 1 })).toThrow(/no schema library/);
    expect(schema.then).toBeUndefined();
  });
  for (const name of SHIPPED)
    it(`${name}: two workers give the numbers of the main thread, bit for bit`, async () => {
      const s = shipped(name);
      const here = await runScenario(s, { trials: 12, seed: 'script', workers: 1 });
      const there = await runScenario(s, { trials: 12, seed: 'script', workers: 2, workerFactory: nodeWorkerFactory });
      expect(JSON.stringify(there)).toBe(JSON.stringify(here));
    }, 60_000);
  const sameInWorkers = async (family: string) => {
    const spec = SEVERITIES.find(([f]) => f === family)![1];
    const s = smallScenario(spec, 50_000);
    const here = await runScenario(s, { trials: 10, seed: family, workers: 1 });
    const there = await runScenario(s, { trials: 10, seed: family, workers: 2, workerFactory: nodeWorkerFactory });
    expect(JSON.stringify(there), family).toBe(JSON.stringify(here));
  };
  // Every family, gamma too: its tail table's nodes lie on a fixed lattice (random/gamma-tail.ts), so a trial's
  // draws no longer depend on which trials the same model drew before.
  for (const [family] of SEVERITIES) it(`${family}: two workers give the numbers of the main thread`, () => sameInWorkers(family), 60_000);
  it('drops the chunks of a run still queued when a newer run starts, and runs the rest in order', () => {
    // The turns of the worker's event loop by hand: `later` only queues, flush() runs one turn.
    const turns: (() => void)[] = [];
    const flush = () => turns.shift()?.();
    const posted: string[] = [];
    const handle = createWorkerHandler(
      (m: FromWorker) => void posted.push(m.type === 'block' ? `block ${m.run}:${m.from}-${m.to}` : `${m.type} ${m.run}`),
      (f) => void turns.push(f),
    );
    const s = shipped('compare-regions');
    const init = (run: number) => ({ type: 'init' as const, run, scenario: s, seed: 'q', sampleAll: false });
    handle(init(1));
    handle({ type: 'run', run: 1, from: 0, to: 2 });
    handle({ type: 'run', run: 1, from: 2, to: 4 });
    flush();
    expect(posted).toEqual(['block 1:0-2']);
    // A cancel, then the next run: its init is read while run 1's second chunk still waits.
    handle(init(2));
    handle({ type: 'run', run: 2, from: 0, to: 2 });
    while (turns.length) flush();
    expect(posted).toEqual(['block 1:0-2', 'block 2:0-2']);
  });
});
