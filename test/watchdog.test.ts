// The worker pool's watchdog (engine/run.ts): a worker that errs, dies or stops answering mid-run is replaced and
// its chunk run again; the run ends bit-identical to an undisturbed one. Also the other untrusted doors: share
// links, autosave drafts, numeric extremes drawn at random.
import { describe, expect, it } from 'vitest';
import { nodeWorkerFactory } from '../src/engine/node-pool.ts';
import type { FromWorker, WorkerLike } from '../src/engine/protocol.ts';
import { ListeningClock, runScenario } from '../src/engine/run.ts';
import { createWorkerHandler } from '../src/engine/worker-core.ts';
import { checkEvaluable } from '../src/engine/validate-model.ts';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { editableShape } from '../src/scenario/shape.ts';
import { validateData, validateText } from '../src/scenario/validate.ts';
import { Xoshiro128 } from '../src/random/xoshiro.ts';
import { formatProblem } from '../src/scenario/problems.ts';
import { shipped } from './helpers/scenarios.ts';
import { loadScenarioFile } from './helpers/golden.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Workers that misbehave once: the first one made goes silent (or errs, or dies) after its first block. */
function faultyFactory(fault: 'silent' | 'error' | 'exit') {
  let made = 0;
  return (): WorkerLike => {
    const real = nodeWorkerFactory();
    const faulty = made++ === 0;
    let blocks = 0;
    let handler: (m: FromWorker) => void = () => {};
    real.onMessage((m) => {
      if (faulty && m.type === 'block' && ++blocks > 1) {
        if (fault === 'silent') return; // the block never arrives: a hung worker
        if (fault === 'error') return handler({ type: 'error', run: m.run, message: 'simulated crash' });
        real.terminate();
        return handler({ type: 'error', run: -1, message: 'worker exited (code 1)' });
      }
      handler(m);
    });
    return { post: (msg) => real.post(msg), onMessage: (h) => (handler = h), terminate: () => real.terminate() };
  };
}

describe('worker pool watchdog', () => {
  // Jilin's rules and costs on a twentieth of its 16 million members: the watchdog does not depend on the count,
  // and each run is then a twentieth of the work.
  const s = shipped('jilin-2017');
  s.populations[0].insured = { ...s.populations[0].insured, value: Math.round(s.populations[0].insured.value / 20) };
  for (const fault of ['silent', 'error', 'exit'] as const) {
    it(`a worker that goes ${fault} mid-run is replaced; the result is bit-identical to an undisturbed run`, async () => {
      const clean = await runScenario(s, { trials: 60, seed: 'watchdog', workers: 1, chunk: 5 });
      const disturbed = await runScenario(s, {
        trials: 60,
        seed: 'watchdog',
        workers: 2,
        workerFactory: faultyFactory(fault),
        chunk: 5,
        // Long enough for a replacement worker to start on a busy machine (the tests run two files at once).
        stallMs: 2000,
      });
      expect(JSON.stringify(disturbed)).toBe(JSON.stringify(clean));
    }, 30_000);
  }
  it('a worker slower on a chunk than the stall limit but still beating is kept, one that falls silent is replaced', async () => {
    // In-process workers (the engine's own handler, worker-core.ts), so no thread start counts against the stall
    // limit on a busy machine: each block is held back 2.5× the limit, while the worker beats every tenth of it
    // (as worker-core does from inside a long trial) or, in the second run, says nothing. Only the silent one may
    // be replaced.
    const stallMs = 1000;
    const slow = (beats: boolean) => {
      let made = 0;
      const factory = (): WorkerLike => {
        made++;
        let handler: (m: FromWorker) => void = () => {};
        // A terminated worker says nothing more (a real one is gone): its timers are cleared.
        const timers: ReturnType<typeof setTimeout>[] = [];
        const core = createWorkerHandler((m) => {
          if (m.type !== 'block') return handler(m);
          const beat = beats ? setInterval(() => handler({ type: 'beat', run: m.run }), stallMs / 10) : undefined;
          timers.push(beat!);
          timers.push(
            setTimeout(() => {
              clearInterval(beat);
              handler(m);
            }, 2.5 * stallMs),
          );
        });
        return {
          post: (msg) => void timers.push(setTimeout(() => core(msg), 0)),
          onMessage: (h) => (handler = h),
          terminate: () => timers.forEach((t) => clearTimeout(t)),
        };
      };
      return { factory, made: () => made };
    };
    const clean = await runScenario(s, { trials: 8, seed: 'beat', workers: 1, chunk: 4 });
    const beating = slow(true);
    const kept = await runScenario(s, { trials: 8, seed: 'beat', workers: 2, workerFactory: beating.factory, chunk: 4, stallMs });
    expect(beating.made()).toBe(2);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(clean));
    const silent = slow(false);
    await expect(runScenario(s, { trials: 8, seed: 'beat', workers: 2, workerFactory: silent.factory, chunk: 4, stallMs })).rejects.toThrow(
      /no answer for \d+ s \(trials \d+–\d+ failed 3 times\)/,
    );
    expect(silent.made()).toBeGreaterThan(2);
  }, 30_000);
  it('the silence clock counts only time the main thread was free to listen', () => {
    let t = 1000;
    const clock = new ListeningClock(100, () => t);
    t += 60;
    expect(clock.read()).toBe(60);
    t += 100;
    expect(clock.read()).toBe(160);
    // Blocked 5 s (a summary, a garbage collection): one late tick's worth counts, not the 5 s.
    t += 5000;
    expect(clock.read()).toBe(260);
    t += 40;
    expect(clock.read()).toBe(300);
    expect(clock.read()).toBe(300);
  });
  it('a worker computing while the main thread is blocked is not taken for silent', async () => {
    // In-process workers (worker-core.ts); the second one's block waits in the timer queue until the main thread,
    // blocked 3× the stall limit by the first block's progress call, is free again (as a real worker's waits in the
    // port's). On waking, the watchdog's overdue tick runs before that block is read: on the wall clock the second
    // worker had been silent 3× the limit and was replaced (a third worker made); on the listening clock the
    // blocked stretch counts one tick.
    const stallMs = 1000;
    let made = 0;
    let held: (() => void) | null = null;
    const factory = (): WorkerLike => {
      const me = made++;
      let handler: (m: FromWorker) => void = () => {};
      const timers: ReturnType<typeof setTimeout>[] = [];
      const core = createWorkerHandler((m) => {
        if (m.type === 'block' && me === 1) held = () => handler(m);
        else timers.push(setTimeout(() => handler(m), 0));
      });
      return {
        post: (msg) => void timers.push(setTimeout(() => core(msg), 0)),
        onMessage: (h) => (handler = h),
        terminate: () => timers.forEach((t) => clearTimeout(t)),
      };
    };
    const clean = await runScenario(s, { trials: 8, seed: 'blocked', workers: 1, chunk: 4 });
    let blocked = false;
    const run = await runScenario(s, {
      trials: 8,
      seed: 'blocked',
      workers: 2,
      workerFactory: factory,
      chunk: 4,
      stallMs,
      onProgress: () => {
        if (blocked) return;
        blocked = true;
        const until = performance.now() + 3 * stallMs;
        while (performance.now() < until); // the main thread busy, as in a long snapshot
        setTimeout(() => held?.(), 0);
      },
    });
    expect(made).toBe(2);
    expect(JSON.stringify(run)).toBe(JSON.stringify(clean));
  }, 30_000);
  it('a chunk that fails every time ends the run with its message after three tries', async () => {
    const always = (): WorkerLike => {
      let handler: (m: FromWorker) => void = () => {};
      return {
        post: (msg) => {
          if (msg.type === 'run') queueMicrotask(() => handler({ type: 'error', run: msg.run, message: 'engine broke' }));
        },
        onMessage: (h) => (handler = h),
        terminate: () => {},
      };
    };
    await expect(runScenario(s, { trials: 10, seed: 'x', workers: 2, workerFactory: always, chunk: 5 })).rejects.toThrow(
      /engine broke \(trials \d+–\d+ failed 3 times\)/,
    );
  });
});

describe('other doors for untrusted data', () => {
  it('a share link’s or drop’s text with 200,000 keys is refused with problems, not a RangeError', () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) big[String(i)] = 1;
    const v = validateText(JSON.stringify(big));
    expect(v.ok).toBe(false);
    expect(v.problems.length).toBeGreaterThan(0);
  });
  it('an autosave draft with the wrong structure is refused by path before it reaches the editor', () => {
    const d = loadScenarioFile('jilin-2017.json') as Json;
    expect(editableShape(d)).toEqual([]);
    d.populations = 'x';
    d.rulesets[0].tracks[0].bands = { to: 1 };
    expect(editableShape(d).map(formatProblem)).toEqual(['populations: must be a list', 'rulesets[0].tracks[0].bands: must be a list']);
    expect(editableShape(null).map(formatProblem)).toEqual(['(root): must be an object']);
  });
  it('numeric extremes drawn at random (fixed seed): each file is refused by path or gives finite figures', () => {
    const rng = new Xoshiro128(2026, 11, 24, 13);
    const base = loadScenarioFile('jiangyin-2020.json') as Json;
    const families: [string, [string, number, number][]][] = [
      [
        'lognormal',
        [
          ['mu', -50, 800],
          ['sigma', 1e-6, 60],
        ],
      ],
      [
        'gamma',
        [
          ['shape', 1e-9, 1e6],
          ['scale', 1e-6, 1e300],
        ],
      ],
      [
        'pareto',
        [
          ['alpha', 1e-9, 1e3],
          ['theta', 1e-6, 1e300],
        ],
      ],
      [
        'weibull',
        [
          ['shape', 1e-9, 1e3],
          ['scale', 1e-6, 1e300],
        ],
      ],
      [
        'loglogistic',
        [
          ['scale', 1e-6, 1e300],
          ['shape', 1.0001, 1e3],
        ],
      ],
      [
        'spliced',
        [
          ['mu', -50, 800],
          ['sigma', 1e-6, 60],
          ['splice', 1e-3, 1e12],
          ['alpha', 1e-9, 1e3],
          ['bodyWeight', 1e-9, 1 - 1e-9],
        ],
      ],
    ];
    let refused = 0;
    let evaluated = 0;
    for (let k = 0; k < 120; k++) {
      const [family, params] = families[k % families.length];
      const d = structuredClone(base);
      const sev: Json = { family };
      // Log-uniform between the bounds, so the extremes are met as often as the middle.
      for (const [name, lo, hi] of params)
        sev[name] = { value: Math.exp(Math.log(lo) + rng.uniform() * (Math.log(hi) - Math.log(lo))), assumption: 'fuzz' };
      d.populations[0].severity = sev;
      const t0 = performance.now();
      const v = checkEvaluable(validateData(d));
      if (!v.ok) {
        refused++;
        for (const p of v.problems) expect(formatProblem(p)).toMatch(/^populations\[0\]\.severity/);
      } else {
        evaluated++;
        const a = analyticExpectation(compileModel(v.scenario!))[0];
        expect(Number.isFinite(a.payout!), `${family} ${JSON.stringify(sev)}`).toBe(true);
        expect(Number.isFinite(a.lossRatio!)).toBe(true);
      }
      expect(performance.now() - t0).toBeLessThan(2000);
    }
    expect(refused).toBeGreaterThan(0);
    expect(evaluated).toBeGreaterThan(0);
  });
});
