import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config';
import { RuleViolationError } from '../domain/errors';
import { type DatabaseBackup, databaseBackup } from '../store/database-backup';
import { type RowCounts, dataRows } from '../store/row-counts';
import { type CliCommand, UsageError } from './cli-io';

const FLAGS = { schema: { type: 'string' }, force: { type: 'boolean' } } as const;

/** The file argument and the flags; `--force` only where `allowForce`. */
function parseBackupArgs(args: readonly string[], options: { allowForce: boolean }): { file: string; schema?: string | undefined; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('name one backup file');
  if (values.force && !options.allowForce) throw new UsageError("Unknown option '--force'");
  return { file: positionals[0]!, schema: values.schema, force: values.force ?? false };
}

function backupOf(config: Config, schema: string | undefined, env: Readonly<Record<string, string | undefined>>): DatabaseBackup {
  if (schema !== undefined && !config.database.url) throw new UsageError('--schema is for PostgreSQL (DATABASE_URL) only');
  return databaseBackup({ ...config.database, schema, toolEnv: env });
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
const megabytes = (file: string) => `${(statSync(file).size / 1_048_576).toFixed(1)} MB`;
const describeCounts = (counts: RowCounts) => `${Object.keys(counts).length} tables, ${dataRows(counts).toLocaleString('en-GB')} rows`;

/**
 * `coregroup backup <file>`: a consistent copy of the configured database, taken while the app
 * keeps running — SQLite's online backup API, or pg_dump in custom format on PostgreSQL.
 */
export function backupCommand(config: () => Config): CliCommand {
  return {
    summary: 'back up the database to a new file, while the app runs',
    usage: 'backup <file> [--schema <name>]',
    async run(args, io) {
      const { file, schema } = parseBackupArgs(args, { allowForce: false });
      const source = backupOf(config(), schema, io.env);
      const started = performance.now();
      const { recoveryPoint } = await source.backup(file);
      io.out(`backed up ${source.description} to ${file} (${megabytes(file)}) in ${seconds(started)}`);
      io.out(`recovery point: ${recoveryPoint.toISOString()} (every change committed before it is in the backup; one committed within a moment after it may be too)`);
      return 0;
    },
  };
}

/**
 * `coregroup restore <file>`: puts a backup into the configured database, all or nothing. It
 * refuses a database that holds data unless told `--force`, and in production always: there,
 * restore into a new, empty database and point the app at it.
 */
export function restoreCommand(config: () => Config): CliCommand {
  return {
    summary: 'restore a backup into an empty database (stop the app first)',
    usage: 'restore <file> [--schema <name>] [--force]',
    async run(args, io) {
      const { file, schema, force } = parseBackupArgs(args, { allowForce: true });
      const target = backupOf(config(), schema, io.env);
      await target.verify(file);
      const held = dataRows(await target.rowCounts());
      if (held > 0 && config().mode === 'production') {
        throw new RuleViolationError(`${target.description} holds ${held.toLocaleString('en-GB')} rows; in production a restore goes into a new, empty database (then point DATABASE_URL at it), never over one in use`);
      }
      if (held > 0 && !force) {
        throw new RuleViolationError(`${target.description} holds ${held.toLocaleString('en-GB')} rows: restore into an empty database, or stop the app and add --force to replace them`);
      }
      const started = performance.now();
      await target.restore(file);
      const elapsed = seconds(started);
      io.out(`restored ${file} into ${target.description} in ${elapsed}: ${describeCounts(await target.rowCounts())}`);
      return 0;
    },
  };
}

/** Both commands, as the CLI registers them. */
export function backupCommands(config: () => Config): Record<'backup' | 'restore', CliCommand> {
  return { backup: backupCommand(config), restore: restoreCommand(config) };
}
