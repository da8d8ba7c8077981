import { DomainError } from '../domain/errors';
import { ConfigError } from '../config/config';
import { type CliCommand, type CliIo, UsageError } from './cli-io';

/**
 * Runs one `coregroup` invocation: dispatches to the sub-command by name, and turns every known
 * failure into a one-line message on stderr and a non-zero exit (2 for wrong usage, 1 otherwise).
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
    if (error instanceof DomainError || error instanceof ConfigError) {
      io.err(`coregroup ${name}: ${error instanceof DomainError ? error.userMessage : error.message}`);
      return 1;
    }
    io.err(`coregroup ${name}: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
