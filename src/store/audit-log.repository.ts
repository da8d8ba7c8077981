import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditLog } from '../services/ports/store.port';
import type { AuditRow, Database } from './schema';

/** The most entries one INSERT carries: 7 parameters each stays far below SQLite's and PostgreSQL's limits. */
const MAX_ENTRIES_PER_INSERT = 500;

function auditEntryToRow(entry: AuditEntry): Insertable<AuditRow> {
  return {
    at: entry.at,
    tenant_id: entry.tenantId,
    actor: entry.actor,
    action: entry.action,
    core_group_id: entry.coreGroupId ?? null,
    target_id: entry.targetId ?? null,
    outcome: entry.outcome,
  };
}

function auditRowToEntry(row: Selectable<AuditRow>): AuditEntry {
  return {
    at: row.at,
    tenantId: row.tenant_id,
    actor: row.actor,
    action: row.action,
    coreGroupId: row.core_group_id ?? undefined,
    targetId: row.target_id ?? undefined,
    outcome: row.outcome as AuditEntry['outcome'],
  };
}

interface PendingAppend {
  readonly entry: AuditEntry;
  readonly written: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * The audit log on Kysely: append and read, nothing else (the database also refuses UPDATE and DELETE).
 *
 * Appends are group-committed: the entries appended while the event loop works through the
 * requests in hand are written by one INSERT once it is done with them (`setImmediate`), and each
 * `append` resolves only once the INSERT holding its entry has committed. A caller therefore never
 * answers before its entry is durable (SQLite runs `synchronous = FULL`), but concurrent requests
 * share one commit, and so one fsync, instead of each blocking the event loop for its own. If a
 * shared INSERT fails, each of its entries is written on its own, so only the entry at fault is refused.
 */
export function createAuditLog(db: Kysely<Database>): AuditLog {
  let queue: PendingAppend[] = [];

  const insert = (entries: readonly AuditEntry[]) => db.insertInto('audit_log').values(entries.map(auditEntryToRow)).execute();

  const writeTogether = async (batch: readonly PendingAppend[]) => {
    try {
      await insert(batch.map((pending) => pending.entry));
      for (const pending of batch) pending.written();
    } catch {
      // The shared INSERT failed as a whole: find out which entry is at fault by writing each alone.
      for (const pending of batch) await insert([pending.entry]).then(pending.written, pending.failed);
    }
  };

  const flush = async () => {
    const batch = queue;
    queue = [];
    for (let start = 0; start < batch.length; start += MAX_ENTRIES_PER_INSERT) await writeTogether(batch.slice(start, start + MAX_ENTRIES_PER_INSERT));
  };

  return {
    append(entry) {
      return new Promise<void>((written, failed) => {
        queue.push({ entry, written, failed });
        if (queue.length === 1) setImmediate(() => void flush());
      });
    },
    async listByCoreGroup(coreGroupId, options = {}) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('core_group_id', '=', coreGroupId)
        .orderBy('id')
        .limit(options.limit ?? 1000)
        .execute();
      return rows.map(auditRowToEntry);
    },
  };
}
