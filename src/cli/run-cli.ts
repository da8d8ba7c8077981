import { ConfigError } from '../config/config';
import { translationOf, userMessageFor } from '../errors/error-codes';
import { type CliCommand, type CliIo, UsageError } from './cli-io';

/**
 * Runs one `coregroup` invocation: dispatches to the sub-command by name, and turns every failure
 * into a one-line message on stderr and a non-zero exit: 2 for wrong usage, 1 for a configuration
 * that does not parse, and for anything else the exit code of its row in the error table (a
 * domain error says its `userMessage`).
 */
export async function runCli(options: { args: readonly string[]; io: CliIo; commands: Readonly<Record<string, CliCommand>> }): Promise<number> {
  const { args, io, commands } = options;
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out('usage: coregroup <command> [options]');
    for (const command of Object.values(commands)) io.out(`  ${command.usage.padEnd(40)}  ${command.summary}`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`coregroup: unknown command "${name}" (known: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`coregroup ${name}: ${error.message}; usage: coregroup ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`coregroup ${name}: ${error.message}`);
      return 1;
    }
    const translation = translationOf(error);
    const answer = userMessageFor(error);
    if (answer !== undefined) io.err(`coregroup ${name}: ${answer}`);
    else io.err(`coregroup ${name}: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return translation.exitCode;
  }
}
