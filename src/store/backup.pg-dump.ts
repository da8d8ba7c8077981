import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { InvalidInputError, NotFoundError } from '../domain/errors';
import { writeOnce } from './backup-file';
import { SCHEMA_NAME, openDatabase } from './database';
import type { DatabaseBackup } from './database-backup';
import { countRows } from './row-counts';

/** A backup this adapter can restore holds the migrations table and the audit log. */
const REQUIRED_TABLES = ['kysely_migration', 'audit_log'];

/** pg_dump or pg_restore failed; the message is its line of complaint (no password: that is never on its command line). */
export class PostgresToolError extends Error {
  readonly code = 'postgres-tool-failed' as const;
}

/**
 * One schema of a PostgreSQL database, backed up with `pg_dump --format=custom` and restored with
 * `pg_restore`, both from the PostgreSQL client tools on the PATH (of the server's major version or
 * newer). The password is handed to them in `PGPASSWORD`, never on the command line.
 */
export function postgresBackup(options: { url: string; schema: string; toolEnv: Readonly<Record<string, string | undefined>> }): DatabaseBackup {
  const { schema } = options;
  if (!SCHEMA_NAME.test(schema)) throw new InvalidInputError(`"${schema}" is not a usable PostgreSQL schema name`);
  const libpq = libpqConnection(options.url);
  const env = { ...options.toolEnv, ...libpq.env };
  const open = () => openDatabase({ url: options.url, schema });

  const inDatabase = async <T>(work: (database: ReturnType<typeof open>) => Promise<T>): Promise<T> => {
    const database = open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };

  /** The dump's table of contents; refuses a file that is not a dump of this schema's Core Group tables. */
  const contentsOf = async (file: string): Promise<string[]> => {
    if (!existsSync(file)) throw new NotFoundError(`there is no backup at ${file}`);
    const listing = await runTool('pg_restore', ['--list', file], env).catch((error: unknown) => {
      throw new InvalidInputError(`${file} is not a pg_dump archive in custom format (pg_dump --format=custom): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    const entries = listing.split('\n').filter((line) => !line.startsWith(';') && line.trim() !== '');
    const tables = entries.map((line) => /^\d+; \d+ \d+ TABLE (\S+) (\S+) \S+$/.exec(line)).filter((match) => match !== null);
    const schemas = [...new Set(tables.map((match) => match[1]!))];
    if (schemas.length === 1 && schemas[0] !== schema) throw new InvalidInputError(`${file} holds the schema "${schemas[0]}", not "${schema}": pass --schema ${schemas[0]}`);
    const missing = REQUIRED_TABLES.filter((table) => !tables.some((match) => match[2] === table));
    if (schemas.length !== 1 || missing.length > 0) throw new InvalidInputError(`${file} is not a backup of Core Group's tables in one schema`);
    return entries;
  };

  return {
    description: `PostgreSQL (${libpq.where}, schema ${schema})`,

    rowCounts: () => inDatabase(countRows),

    async backup(to) {
      let recoveryPoint = new Date();
      await writeOnce(to, (partial) =>
        inDatabase(({ db }) =>
          // pg_dump reads the snapshot this transaction exports, so the backup is exactly the
          // database as of the moment the snapshot was taken: that is the recovery point.
          db.connection().execute(async (connection) => {
            await sql`begin isolation level repeatable read, read only`.execute(connection);
            try {
              const { rows } = await sql<{ snapshot: string; at: Date; found: boolean }>`select pg_export_snapshot() as snapshot, statement_timestamp() as at,
                exists (select 1 from pg_namespace where nspname = ${schema}) as found`.execute(connection);
              const exported = rows[0]!;
              if (!exported.found) throw new NotFoundError(`there is no schema "${schema}" in ${libpq.where} (is --schema right?)`);
              recoveryPoint = new Date(exported.at);
              const dump = ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${exported.snapshot}`, `--schema=${schema}`, `--file=${partial}`, libpq.dbname];
              await runTool('pg_dump', dump, env);
            } finally {
              await sql`commit`.execute(connection);
            }
            await contentsOf(partial).catch((error: unknown) => {
              throw new NotFoundError(`the schema "${schema}" holds no Core Group tables (is --schema right?)`, { cause: error });
            });
          }),
        ),
      );
      return { recoveryPoint };
    },

    async verify(file) {
      await contentsOf(file);
    },

    async restore(file) {
      const entries = await contentsOf(file);
      const { schemaExists, hasTables } = await inDatabase(async ({ db }) => {
        const { rows } = await sql<{ tables: number | string | null }>`select (select count(*) from information_schema.tables where table_schema = n.nspname) as tables
          from pg_namespace n where n.nspname = ${schema}`.execute(db);
        return { schemaExists: rows.length > 0, hasTables: Number(rows[0]?.tables ?? 0) > 0 };
      });
      // pg_restore creates the schema the dump names; an existing one (always `public`) is kept.
      const ownSchema = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA - ${schema}|COMMENT - SCHEMA ${schema}) `);
      const folder = mkdtempSync(join(tmpdir(), 'coregroup-restore-'));
      try {
        const list = join(folder, 'restore.list');
        writeFileSync(list, `${entries.filter((line) => !(schemaExists && ownSchema.test(line))).join('\n')}\n`);
        // Tables already there (a migrated database with no rows, or --force) are dropped first, in the same transaction.
        const clean = hasTables ? ['--clean', '--if-exists'] : [];
        const restore = ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', ...clean, `--use-list=${list}`, `--dbname=${libpq.dbname}`, file];
        await runTool('pg_restore', restore, env);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** The URL as libpq reads it, without its password (which goes in `PGPASSWORD`), and where it points. */
function libpqConnection(url: string): { dbname: string; env: Record<string, string>; where: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {}, where: `${parsed.host}${parsed.pathname}` };
}

/** Runs a PostgreSQL client tool; resolves with its output, or fails with its last line of complaint. */
async function runTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new PostgresToolError(`${tool} was not found on the PATH: install the PostgreSQL client tools (postgresql-client, the server's major version or newer)`, { cause: error });
    const lines = (failure.stderr ?? '').split('\n').filter((line) => line.trim() !== '');
    const complaint = lines.find((line) => line.includes('error:')) ?? lines.at(-1) ?? failure.message;
    throw new PostgresToolError(`${tool} failed: ${complaint}`, { cause: error });
  }
}
