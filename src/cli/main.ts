/**
 * The `jingsuan` command (docs/model.md "Command line": names, flags and JSON keys are a contract).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';
import { formatProblem, ScenarioError } from '../scenario/problems.ts';
import { COMMANDS, usage } from './commands.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`jingsuan: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(command.help);
      return 0;
    }
    const config: ParseArgsConfig = { args: rest, options: command.options, allowPositionals: true, strict: true };
    let parsed;
    try {
      parsed = parseArgs(config);
    } catch (err) {
      throw new UsageError(`${(err as Error).message.replace(/\. To specify.*$/s, '')}\n\n${command.help}`);
    }
    return await command.run(parsed.values as Record<string, unknown>, parsed.positionals);
  } catch (err) {
    if (err instanceof ScenarioError) {
      // A scenario built on the way (solve, sweep, calibrate) that the engine cannot evaluate: its problems.
      console.error(err.problems.map(formatProblem).join('\n'));
      return 1;
    }
    if (err instanceof UsageError) {
      console.error(err.message.startsWith('jingsuan') ? err.message : `jingsuan ${name}: ${err.message}`);
      return err.exitCode;
    }
    console.error(`jingsuan ${name}: unexpected error: ${(err as Error)?.message ?? err}`);
    if (process.env.JINGSUAN_DEBUG) console.error(err);
    return 3;
  }
}
