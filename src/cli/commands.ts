import type { Command } from './command.ts';

/**
 * Every command by name: its summary for the usage text, and its module, loaded only when the command runs (a
 * start of `jingsuan validate` does not load the engine, the charts or the fitting code).
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'check a scenario file; one line per problem: <json path>: <what is wrong>',
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  benefit: {
    summary: "one person's exact annual benefit under a ruleset",
    load: async () => (await import('./benefit.ts')).benefitCommand,
  },
  corridor: {
    summary: "split of one year's result between insurer and fund (risk corridor)",
    load: async () => (await import('./corridor.ts')).corridorCommand,
  },
  expect: {
    summary: 'analytic expected values per ruleset and population (no sampling)',
    load: async () => (await import('./expect.ts')).expectCommand,
  },
  run: {
    summary: 'Monte Carlo run: payouts, loss ratios, corridors, indicators, comparisons',
    load: async () => (await import('./run.ts')).runCommand,
  },
  exact: {
    summary: "the exact aggregate distribution of each ruleset's payout, by FFT (no sampling)",
    load: async () => (await import('./exact.ts')).exactCommand,
  },
  fund: {
    summary: "fund-level scenarios: residents' subsidy budget, city-level pooling",
    load: async () => (await import('./fund.ts')).fundCommand,
  },
  calibrate: {
    summary: "fit populations' incidence and severity to the scenario's targets, written back with provenance",
    load: async () => (await import('./analysis.ts')).calibrateCommand,
  },
  solve: {
    summary: 'goal seek: the parameter value that makes a metric reach a target',
    load: async () => (await import('./analysis.ts')).solveCommand,
  },
  sweep: {
    summary: 'a parameter over a range, any metrics, as a table, CSV and chart',
    load: async () => (await import('./analysis.ts')).sweepCommand,
  },
  bench: {
    summary: 'throughput figures: engine vs a bare reference loop, Suzhou 2021 wall times and memory',
    load: async () => (await import('./bench.ts')).benchCommand,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'jingsuan 精算 — critical-illness insurance (大病保险) simulation and policy comparison',
    '',
    'usage: npx jingsuan <command> [options]   (npx jingsuan <command> --help for details)',
    '',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}
