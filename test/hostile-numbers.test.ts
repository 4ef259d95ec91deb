// Hostile and extreme files (issue "Hostile and extreme files"): numbers the engine cannot evaluate (the rest: hostile.test.ts), and their
// neighbours, through every command's entry (src/cli/main.ts, run in the test's process: the process itself is
// tested in hostile.test.ts and cli.test.ts). Each case must end within its time bound with either a result or a
// refusal that names the field, never an exception, a stack trace, a NaN or a number where none can be computed.
// The corpus is written to test-output/hostile-numbers/ so a person can rerun any case by hand (node bin/jingsuan.js).
import { afterAll, describe, expect, it } from 'vitest';
import { a, base, clean, corpus, type Json } from './helpers/cli-corpus.ts';

const { file, here, summarise } = corpus('hostile-numbers');

const severityCases: [string, Json][] = [
  [
    'spliced body underflow (μ 10, σ 0.01)',
    { family: 'spliced', mu: a(10), sigma: a(0.01), splice: a(12000), alpha: a(2.5), bodyWeight: a(0.8) },
  ],
  ['Weibull shape 1e-9', { family: 'weibull', shape: a(1e-9), scale: a(4000) }],
  ['Pareto α 1e-9', { family: 'pareto', alpha: a(1e-9), theta: a(9000) }],
  ['spliced tail α 1e-9', { family: 'spliced', mu: a(6), sigma: a(1.2), splice: a(12000), alpha: a(1e-9), bodyWeight: a(0.8) }],
  ['composite tail α 1e-9 without a limit', { alpha: a(1e-9), limit: undefined }],
  ['lognormal μ 700', { family: 'lognormal', mu: a(700), sigma: a(1) }],
  ['gamma scale 1e300', { family: 'gamma', shape: a(2), scale: a(1e300) }],
];

describe('numbers the engine cannot evaluate are refused by path, in every command', () => {
  for (const [label, sev] of severityCases) {
    it(label, async () => {
      const d = base('jilin-2017');
      d.populations[0].insured = a(100);
      d.simulation.trials = 1;
      const s = d.populations[0].severity;
      d.populations[0].severity = sev.family ? sev : { ...s, ...sev };
      const f = file(`${label.replace(/[^a-z0-9]+/gi, '-')}.json`, d);
      for (const args of [
        ['validate', f],
        ['run', f, '--workers', '1'],
        ['calibrate', f, '--dry-run'],
        ['exact', f],
        ['expect', f],
        ['sweep', f, '--ruleset', 'jilin-2017', '--param', 'tracks[0].deductible', '--from', '1000', '--to', '2000', '--steps', '3'],
      ]) {
        const r = await here(`${label}: ${args[0]}`, args, 60);
        clean(r);
        expect(r.code, `${args[0]} refuses`).toBe(1);
        expect(r.out + r.err).toMatch(/populations\[0\]\.severity: cannot be evaluated in double precision/);
      }
    });
  }
});

afterAll(summarise);
