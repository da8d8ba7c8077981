import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditChainPoint, AuditEntry, AuditLog } from '../services/ports/store.port';
import { type ChainedAuditFields, auditChainHash, auditChainWalker, storableText } from './audit-chain';
import type { Engine } from './database';
import type { AuditRow, Database } from './schema';

/** The most entries one INSERT carries: 9 parameters each stays far below SQLite's and PostgreSQL's limits. */
const MAX_ENTRIES_PER_INSERT = 500;

/** How many rows `verifyChain` holds in memory at a time, unless told otherwise. */
const VERIFY_PAGE_SIZE = 1000;

/** The entry as the row at `seq` in the chain, its text as the database will store it (so the hash matches what is read back). */
function auditEntryToChainedRow(entry: AuditEntry, previous: AuditChainPoint): ChainedAuditFields & { hash: string } {
  const optionalText = (text: string | undefined) => (text === undefined ? null : storableText(text));
  const fields: ChainedAuditFields = {
    seq: previous.seq + 1,
    at: storableText(entry.at),
    tenant_id: storableText(entry.tenantId),
    actor: storableText(entry.actor),
    action: storableText(entry.action),
    core_group_id: optionalText(entry.coreGroupId),
    target_id: optionalText(entry.targetId),
    outcome: entry.outcome,
  };
  return { ...fields, hash: auditChainHash(fields, previous.hash) };
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
 * The audit log on Kysely: append, read and verify, nothing else (the database also refuses UPDATE and DELETE).
 *
 * Appends are group-committed: the entries appended while the event loop works through the
 * requests in hand are written by one INSERT once it is done with them (`setImmediate`), and each
 * `append` resolves only once the INSERT holding its entry has committed. A caller therefore never
 * answers before its entry is durable (SQLite runs `synchronous = FULL`), but concurrent requests
 * share one commit, and so one fsync, instead of each blocking the event loop for its own. If a
 * shared INSERT fails, each of its entries is written on its own, so only the entry at fault is refused.
 *
 * Each INSERT runs in a transaction that extends the hash chain (`audit-chain.ts`) and moves the
 * chain head past it. The transaction takes the head with an UPDATE, which holds it until commit
 * on both engines (PostgreSQL locks the row, SQLite the database), so app instances sharing one
 * database extend the chain in turn and never from the same entry; the batch still costs one commit.
 */
export function createAuditLog(db: Kysely<Database>, engine: Engine): AuditLog {
  let queue: PendingAppend[] = [];

  const insertChained = (entries: readonly AuditEntry[]) =>
    db.transaction().execute(async (trx) => {
      const head = await trx
        .updateTable('audit_chain_head')
        .set({ seq: sql<number>`seq` }) // changes nothing: taken for its lock
        .where('id', '=', 1)
        .returning(['seq', 'hash'])
        .executeTakeFirstOrThrow();
      let previous: AuditChainPoint = { seq: Number(head.seq), hash: head.hash };
      const rows = entries.map((entry) => {
        const row = auditEntryToChainedRow(entry, previous);
        previous = { seq: row.seq, hash: row.hash };
        return row;
      });
      if (engine === 'postgres') {
        // One array a column, not a VALUES list of nine parameters an entry: PostgreSQL parses and
        // plans a statement with thousands of parameters slowly (a batch of 400 entries: ≈ 40 ms
        // as VALUES, ≈ 14 ms as arrays).
        const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
        await trx
          .insertInto('audit_log')
          .columns(['seq', 'at', 'tenant_id', 'actor', 'action', 'core_group_id', 'target_id', 'outcome', 'hash'])
          .expression(
            sql`select * from unnest(${column('seq')}::bigint[], ${column('at')}::text[], ${column('tenant_id')}::text[], ${column('actor')}::text[], ${column('action')}::text[], ${column('core_group_id')}::text[], ${column('target_id')}::text[], ${column('outcome')}::text[], ${column('hash')}::text[])`,
          )
          .execute();
      } else {
        await trx.insertInto('audit_log').values(rows).execute();
      }
      await trx.updateTable('audit_chain_head').set(previous).where('id', '=', 1).execute();
    });

  const writeTogether = async (batch: readonly PendingAppend[]) => {
    try {
      await insertChained(batch.map((pending) => pending.entry));
      for (const pending of batch) pending.written();
    } catch {
      // The shared INSERT failed as a whole: find out which entry is at fault by writing each alone.
      for (const pending of batch) await insertChained([pending.entry]).then(pending.written, pending.failed);
    }
  };

  // One write in flight at a time: appends made meanwhile wait and go together in the next, so
  // under load a transaction carries many requests' entries instead of each request's taking its
  // turn on the chain head (on PostgreSQL, holding a pooled connection while it waited).
  let writing = false;
  const flush = async () => {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        for (let start = 0; start < batch.length; start += MAX_ENTRIES_PER_INSERT) await writeTogether(batch.slice(start, start + MAX_ENTRIES_PER_INSERT));
      }
    } finally {
      writing = false;
    }
  };

  return {
    append(entry) {
      return new Promise<void>((written, failed) => {
        queue.push({ entry, written, failed });
        if (queue.length === 1 && !writing) setImmediate(() => void flush());
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
    verifyChain(options = {}) {
      const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
      // One snapshot for the whole walk, so entries appended meanwhile are neither half seen nor taken for rows past the head.
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const head = await trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
          const walker = auditChainWalker({ head: head && { seq: Number(head.seq), hash: head.hash }, anchor: options.anchor });
          let afterId: number | undefined;
          for (;;) {
            const page = await trx
              .selectFrom('audit_log')
              .select(['id', 'seq', 'hash', 'at', 'tenant_id', 'actor', 'action', 'core_group_id', 'target_id', 'outcome'])
              .$if(afterId !== undefined, (query) => query.where('id', '>', afterId!))
              .orderBy('id')
              .limit(pageSize)
              .execute();
            const intact = page.every((row) => walker.next(row));
            if (!intact || page.length < pageSize) return walker.finish();
            afterId = page.at(-1)!.id;
          }
        });
    },
  };
}
