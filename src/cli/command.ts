import type { ParseArgsConfig } from 'node:util';

/**
 * A command's help, flags and work; its one-line summary is in commands.ts COMMANDS, which loads the command's
 * module only when it runs (so the modules import this type from here, not from the list that loads them).
 */
export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number> | number;
}
