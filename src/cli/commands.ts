import type { ParseArgsConfig } from 'node:util';
import { benefitCommand } from './benefit.ts';
import { corridorCommand } from './corridor.ts';
import { validateCommand } from './validate.ts';
import { expectCommand } from './expect.ts';
import { runCommand } from './run.ts';
import { exactCommand } from './exact.ts';
import { benchCommand } from './bench.ts';
import { fundCommand } from './fund.ts';
import { calibrateCommand, solveCommand, sweepCommand } from './analysis.ts';

export interface Command {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number> | number;
}

export const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  benefit: benefitCommand,
  corridor: corridorCommand,
  expect: expectCommand,
  run: runCommand,
  exact: exactCommand,
  fund: fundCommand,
  calibrate: calibrateCommand,
  solve: solveCommand,
  sweep: sweepCommand,
  bench: benchCommand,
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
