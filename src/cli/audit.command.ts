import { existsSync } from 'node:fs';
import type { Config } from '../config/config';
import { InvalidInputError } from '../domain/errors';
import type { AuditChainCheck, AuditChainPoint } from '../services/ports/store.port';
import { createAuditLog } from '../store/audit-log.repository';
import { openDatabase } from '../store/database';
import { type CliCommand, type CliIo, UsageError } from './cli-io';
import { parseFlags } from './options';

/** The exit code of a walk that found the chain broken, so a scheduled check can tell it from a failure to check (1). */
export const AUDIT_CHAIN_BROKEN = 3;

const PROBLEMS: Record<NonNullable<AuditChainCheck['firstBreak']>['problem'], string> = {
  'hash-mismatch': 'hash mismatch',
  'missing-sequence': 'missing sequence',
  'out-of-order': 'sequence out of order',
  'head-mismatch': 'head mismatch',
  'anchor-mismatch': 'anchor mismatch',
};

/** `--anchor <seq>:<hash>`, as `audit verify` printed it for the head on an earlier day. */
function parseAnchor(value: string | undefined): AuditChainPoint | undefined {
  if (value === undefined) return undefined;
  const match = /^([1-9]\d{0,15}):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new UsageError(`--anchor must be <entry>:<hash> as "audit verify" printed it, got "${value}"`);
  return { seq: Number(match[1]), hash: match[2]! };
}

/** Prints what the walk found: counts, sequence numbers, times and hashes, never what an entry records. */
function report(check: AuditChainCheck, io: CliIo): number {
  io.out(`checked ${check.checked} audit ${check.checked === 1 ? 'entry' : 'entries'}`);
  const broken = check.firstBreak;
  if (!broken) {
    io.out(`audit chain intact; head: entry ${check.last.seq}, hash ${check.last.hash}`);
    io.out(`(record "${check.last.seq}:${check.last.hash}" to pass as --anchor next time)`);
    return 0;
  }
  const when = broken.at === undefined ? '' : ` (written ${broken.at})`;
  io.out(`audit chain broken at entry ${broken.seq}${when}: ${PROBLEMS[broken.problem]}`);
  io.out(broken.detail);
  return AUDIT_CHAIN_BROKEN;
}

/** `coregroup audit verify`: walks the audit log's hash chain and reports the first break. */
export function auditCommand(config: () => Config): CliCommand {
  return {
    summary: 'check that no audit entry was changed, removed or added behind the app',
    usage: 'audit verify [--anchor <entry>:<hash>]',
    async run(args, io) {
      const [action, ...rest] = args;
      if (action !== 'verify') throw new UsageError(`unknown audit action "${action ?? ''}" (known: verify)`);
      const flags = parseFlags(rest, { anchor: { type: 'string' } });
      const anchor = parseAnchor(flags.anchor);
      const { database: where } = config();
      // Opening a SQLite file that is not there would create an empty one: a typo in SQLITE_FILE is not a database to check.
      if (!where.url && where.sqliteFile !== ':memory:' && !existsSync(where.sqliteFile)) throw new InvalidInputError(`there is no SQLite database at ${where.sqliteFile}`);
      const database = openDatabase(where);
      try {
        const check = await createAuditLog(database.db, database.engine)
          .verifyChain({ anchor })
          .catch((error: unknown) => {
            if (/audit_chain_head/.test(String(error))) throw new InvalidInputError('this database has no audit chain yet: run "coregroup migrate" first', { cause: error });
            throw error;
          });
        return report(check, io);
      } finally {
        await database.close();
      }
    },
  };
}
