/** What a CLI command may touch: its output streams and the environment it was started in. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Wrong use of the command line (unknown flag, missing option): exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage' as const;
}

/** One `coregroup` sub-command. */
export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
