import { randomUUID } from 'node:crypto';
import { type Kysely, type KyselyPlugin, Migrator, sql } from 'kysely';
import type { AuditChainBreak, AuditEntry } from '../../src/services/ports/store.port';
import { GENESIS_HASH, auditChainHash } from '../../src/store/audit-chain';
import { createAuditLog } from '../../src/store/audit-log.repository';
import { migrateToLatest } from '../../src/store/migrate';
import { initialSchema } from '../../src/store/migrations/0001-initial';
import { bookingsSchema } from '../../src/store/migrations/0002-bookings';
import { concernNotesSchema } from '../../src/store/migrations/0003-concern-notes';
import type { Database } from '../../src/store/schema';
import { type TestDatabase, freshDatabase, migratedDatabase } from '../support/databases';
import { TENANT } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';
import { type EngineName, describeEachEngine, useMigratedStore } from './each-engine';

/** A Kysely plugin that counts the INSERT statements run through it. */
function insertCounter() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (args.node.kind === 'InsertQueryNode') count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    plugin,
    get count() {
      return count;
    },
  };
}

describeEachEngine('the audit log', (engine) => {
  const context = useMigratedStore(engine);

  const twoEntries = async () => {
    const coreGroupId = randomUUID();
    const viewed: AuditEntry = { at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: 'aad-1', action: 'view-plan', coreGroupId, outcome: 'allowed' };
    const denied: AuditEntry = { ...viewed, at: '2026-06-12T10:01:00.000Z', action: 'edit-minutes', outcome: 'denied', targetId: 'm1' };
    await context.store.auditLog.append(viewed);
    await context.store.auditLog.append(denied);
    return { coreGroupId, viewed, denied };
  };

  test('entries are appended and read back per core group, in the order they happened', async () => {
    const { store } = context;
    const { coreGroupId, viewed, denied } = await twoEntries();
    await store.auditLog.append({ at: '2026-06-12T10:02:00.000Z', tenantId: TENANT, actor: 'system', action: 'send-reminders', outcome: 'allowed' });
    expect(await store.auditLog.listByCoreGroup(coreGroupId)).toEqual([{ ...viewed, targetId: undefined }, denied]);
    expect(await store.auditLog.listByCoreGroup(coreGroupId, { limit: 1 })).toEqual([{ ...viewed, targetId: undefined }]);
  });

  test('the database refuses to change or delete an entry, whoever asks', async () => {
    const { database, store } = context;
    const { coreGroupId, viewed, denied } = await twoEntries();
    expect(await rejectionOf(sql`UPDATE audit_log SET actor = 'someone-else' WHERE core_group_id = ${coreGroupId}`.execute(database.db))).toContain('append-only');
    expect(await rejectionOf(sql`DELETE FROM audit_log WHERE core_group_id = ${coreGroupId}`.execute(database.db))).toContain('append-only');
    expect(await rejectionOf(database.db.deleteFrom('audit_log').execute())).toContain('append-only');
    expect(await store.auditLog.listByCoreGroup(coreGroupId)).toEqual([{ ...viewed, targetId: undefined }, denied]);
  });

  test('entries appended at the same time are written by one INSERT, each once and in the order appended', async () => {
    const { database } = context;
    const inserts = insertCounter();
    const auditLog = createAuditLog(database.db.withPlugin(inserts.plugin), database.engine);
    const coreGroupId = randomUUID();
    const entries = Array.from({ length: 20 }, (_, index): AuditEntry => ({ at: `2026-06-12T10:00:${String(index).padStart(2, '0')}.000Z`, tenantId: TENANT, actor: `aad-${index}`, action: 'view-compliance', coreGroupId, outcome: 'allowed' }));
    await Promise.all(entries.map((entry) => auditLog.append(entry)));
    expect(inserts.count).toBe(1);
    expect(await auditLog.listByCoreGroup(coreGroupId)).toEqual(entries.map((entry) => ({ ...entry, targetId: undefined })));
  });

  test('an append has resolved only once its entry is committed: another connection already reads it', async () => {
    const { database, store } = context;
    const other = database.reopen();
    try {
      const coreGroupId = randomUUID();
      const entry: AuditEntry = { at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: 'aad-1', action: 'view-compliance', coreGroupId, outcome: 'allowed' };
      await Promise.all([store.auditLog.append(entry), store.auditLog.append({ ...entry, actor: 'aad-2' })]);
      expect(await createAuditLog(other.db, database.engine).listByCoreGroup(coreGroupId)).toEqual([
        { ...entry, targetId: undefined },
        { ...entry, actor: 'aad-2', targetId: undefined },
      ]);
    } finally {
      await other.close();
    }
  });

  test('an entry the database refuses fails on its own; the entries appended with it are kept', async () => {
    const { store } = context;
    const coreGroupId = randomUUID();
    const entry: AuditEntry = { at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: 'aad-1', action: 'view-compliance', coreGroupId, outcome: 'allowed' };
    const [first, faulty, last] = await Promise.allSettled([
      store.auditLog.append(entry),
      store.auditLog.append({ ...entry, actor: null as unknown as string }),
      store.auditLog.append({ ...entry, actor: 'aad-3' }),
    ]);
    expect([first.status, faulty.status, last.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.auditLog.listByCoreGroup(coreGroupId)).toEqual([
      { ...entry, targetId: undefined },
      { ...entry, actor: 'aad-3', targetId: undefined },
    ]);
  });

  test('the repository offers no way to change or remove entries', () => {
    expect(Object.keys(context.store.auditLog).sort()).toEqual(['append', 'listByCoreGroup', 'verifyChain']);
  });

  test('every entry written above is chained: the walk checks them all, page by page or at once, and ends at the chain head', async () => {
    const { database, store } = context;
    const { count } = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
    const head = await database.db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const check = await store.auditLog.verifyChain();
    expect(check).toEqual({ checked: Number(count), last: { seq: Number(head.seq), hash: head.hash }, firstBreak: undefined });
    expect(Number(count)).toBeGreaterThan(20);
    expect(await store.auditLog.verifyChain({ pageSize: 3 })).toEqual(check);
  });

  test('text the database cannot store as it is (a lone surrogate) is stored as it reads back, so its hash still holds', async () => {
    const { store } = context;
    const coreGroupId = randomUUID();
    await store.auditLog.append({ at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: 'aad-1', action: 'view-plan', coreGroupId, targetId: 'm\uD800x', outcome: 'allowed' });
    expect((await store.auditLog.listByCoreGroup(coreGroupId))[0]?.targetId).toBe('m\uFFFDx');
    expect((await store.auditLog.verifyChain()).firstBreak).toBeUndefined();
  });

  test('a batch of entries with quotes, backslashes, braces, commas, NULL-like words and absent fields reads back exactly, in order, chained', async () => {
    const { store } = context;
    const coreGroupId = randomUUID();
    const awkward = ['"quoted", {braced}', 'back\\slash\\', 'NULL', '', 'ŵ ł 😀 عربى', "it's {a,b}"];
    const entries = awkward.map((text, index): AuditEntry => ({ at: `2026-06-12T11:00:0${index}.000Z`, tenantId: TENANT, actor: text || 'aad-empty', action: 'view-plan', coreGroupId, targetId: index % 2 === 0 ? text : undefined, outcome: 'allowed' }));
    await Promise.all(entries.map((entry) => store.auditLog.append(entry)));
    expect(await store.auditLog.listByCoreGroup(coreGroupId)).toEqual(entries);
    expect((await store.auditLog.verifyChain()).firstBreak).toBeUndefined();
  });

  test('the database refuses an entry without its place in the chain, emptying the log, and rewinding or deleting the chain head', async () => {
    const { database } = context;
    const unchained = sql`INSERT INTO audit_log (at, tenant_id, actor, action, outcome) VALUES ('2026-06-12T10:00:00.000Z', ${TENANT}, 'aad-1', 'view-plan', 'allowed')`;
    expect(await rejectionOf(unchained.execute(database.db))).toMatch(/seq|null/);
    expect(await rejectionOf(sql`UPDATE audit_chain_head SET seq = seq - 1`.execute(database.db))).toContain('only moves forward');
    expect(await rejectionOf(sql`DELETE FROM audit_chain_head`.execute(database.db))).toContain('only moves forward');
    expect(await rejectionOf(sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (2, 0, ${GENESIS_HASH})`.execute(database.db))).toMatch(/constraint|check/i);
    if (database.engine === 'postgres') expect(await rejectionOf(sql`TRUNCATE audit_log`.execute(database.db))).toContain('append-only');
  });

  test('two app instances appending at once extend one chain in turn: every batch written first time, every entry kept, the chain intact', async () => {
    const { database } = context;
    const other = database.reopen();
    try {
      const inserts = insertCounter();
      const logs = [createAuditLog(database.db.withPlugin(inserts.plugin), database.engine), createAuditLog(other.db.withPlugin(inserts.plugin), database.engine)];
      const coreGroupId = randomUUID();
      const appends: Promise<void>[] = [];
      for (let round = 0; round < 8; round++) {
        for (const [instance, log] of logs.entries()) {
          for (let index = 0; index < 25; index++) appends.push(log.append({ at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: `aad-${instance}-${round}-${index}`, action: 'view-plan', coreGroupId, outcome: 'allowed' }));
        }
        // Let both instances start writing this round's batch before the next round is appended: the batches overlap.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(appends);
      // At most one INSERT per batch (an instance's appends made while its last batch is being
      // written go together in its next): had two batches taken the same chain head, one would have
      // failed and been retried entry by entry, 25 INSERTs more.
      expect(inserts.count).toBeGreaterThanOrEqual(2);
      expect(inserts.count).toBeLessThanOrEqual(16);
      expect(await logs[1]!.listByCoreGroup(coreGroupId, { limit: 1000 })).toHaveLength(400);
      expect((await logs[1]!.verifyChain()).firstBreak).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

/** Five entries appended one after the other, each its own commit. */
async function fiveEntries(database: TestDatabase): Promise<AuditEntry[]> {
  const auditLog = createAuditLog(database.db, database.engine);
  const entries = Array.from({ length: 5 }, (_, index): AuditEntry => ({ at: `2026-06-12T10:0${index + 1}:00.000Z`, tenantId: TENANT, actor: `aad-${index + 1}`, action: 'view-plan', coreGroupId: 'cg-1', outcome: 'allowed' }));
  for (const entry of entries) await auditLog.append(entry);
  return entries;
}

/** Someone with the database owner's rights goes past the append-only triggers (the database is thrown away afterwards). */
async function behindTheTriggersBack(database: TestDatabase, change: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
  if (database.engine === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(database.db);
  else for (const trigger of ['audit_log_no_update', 'audit_log_no_delete']) await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(database.db);
  await change(database.db);
}

type StoredRow = { seq: number | string; hash: string; at: string; tenant_id: string; actor: string; action: string; core_group_id: string | null; target_id: string | null; outcome: string };

const readEntry = (db: Kysely<Database>, seq: number) =>
  sql<StoredRow>`SELECT seq, hash, at, tenant_id, actor, action, core_group_id, target_id, outcome FROM audit_log WHERE seq = ${seq}`.execute(db).then((result) => result.rows[0]!);

/** Writes every column but the id of the row now at `seq`. */
const overwriteEntry = (db: Kysely<Database>, seq: number, row: StoredRow) =>
  sql`UPDATE audit_log SET seq = ${row.seq}, hash = ${row.hash}, at = ${row.at}, tenant_id = ${row.tenant_id}, actor = ${row.actor}, action = ${row.action},
    core_group_id = ${row.core_group_id}, target_id = ${row.target_id}, outcome = ${row.outcome} WHERE seq = ${seq}`.execute(db);

const insertEntry = (db: Kysely<Database>, row: StoredRow) =>
  sql`INSERT INTO audit_log (seq, hash, at, tenant_id, actor, action, core_group_id, target_id, outcome)
    VALUES (${row.seq}, ${row.hash}, ${row.at}, ${row.tenant_id}, ${row.actor}, ${row.action}, ${row.core_group_id}, ${row.target_id}, ${row.outcome})`.execute(db);

/** An entry after entry 5 whose hash is computed the way the app computes it. */
async function forgedSixth(db: Kysely<Database>): Promise<StoredRow> {
  const fifth = await readEntry(db, 5);
  const fields = { ...fifth, seq: 6, at: '2026-06-12T10:06:00.000Z', actor: 'aad-forged' };
  return { ...fields, hash: auditChainHash(fields, fifth.hash) };
}

/** How each tampering is reported: the first break, and how many entries held before it was found. */
const tampering: [string, (db: Kysely<Database>) => Promise<unknown>, Omit<AuditChainBreak, 'detail'>, number][] = [
  ['a field of entry 3 edited', (db) => sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`.execute(db), { seq: 3, at: '2026-06-12T10:03:00.000Z', problem: 'hash-mismatch' }, 2],
  ['the hash of entry 3 replaced', (db) => sql`UPDATE audit_log SET hash = ${'f'.repeat(64)} WHERE seq = 3`.execute(db), { seq: 3, at: '2026-06-12T10:03:00.000Z', problem: 'hash-mismatch' }, 2],
  ['entry 3 deleted', (db) => sql`DELETE FROM audit_log WHERE seq = 3`.execute(db), { seq: 3, at: '2026-06-12T10:04:00.000Z', problem: 'missing-sequence' }, 2],
  ['every entry deleted', (db) => sql`DELETE FROM audit_log`.execute(db), { seq: 1, problem: 'head-mismatch' }, 0],
  ['the last entry deleted', (db) => sql`DELETE FROM audit_log WHERE seq = 5`.execute(db), { seq: 5, problem: 'head-mismatch' }, 4],
  [
    'entries 2 and 3 swapped',
    async (db) => {
      const [second, third] = [await readEntry(db, 2), await readEntry(db, 3)];
      await sql`UPDATE audit_log SET seq = -2 WHERE seq = 2`.execute(db);
      await overwriteEntry(db, 3, second);
      await overwriteEntry(db, -2, third);
    },
    { seq: 2, at: '2026-06-12T10:03:00.000Z', problem: 'missing-sequence' },
    1,
  ],
  [
    'entry 2 moved to the end',
    async (db) => {
      const second = await readEntry(db, 2);
      await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db);
      await insertEntry(db, second);
    },
    { seq: 2, at: '2026-06-12T10:03:00.000Z', problem: 'missing-sequence' },
    1,
  ],
  ['an entry inserted at the end, hashed as the app would', async (db) => insertEntry(db, await forgedSixth(db)), { seq: 6, at: '2026-06-12T10:06:00.000Z', problem: 'head-mismatch' }, 6],
  ['an entry inserted at the end with a made-up hash', async (db) => insertEntry(db, { ...(await forgedSixth(db)), hash: 'a'.repeat(64) }), { seq: 6, at: '2026-06-12T10:06:00.000Z', problem: 'hash-mismatch' }, 5],
  ['an entry inserted out of turn (sequence number -1)', async (db) => insertEntry(db, { ...(await forgedSixth(db)), seq: -1 }), { seq: 6, at: '2026-06-12T10:06:00.000Z', problem: 'out-of-order' }, 5],
];

describeEachEngine('the audit chain, tampered with behind the triggers', (engine: EngineName) => {
  let database: TestDatabase;
  let entries: AuditEntry[];
  beforeEach(async () => {
    database = await migratedDatabase(engine);
    entries = await fiveEntries(database);
  });
  afterEach(() => database.drop());

  test('untouched, it holds: five entries checked, ending at entry 5', async () => {
    const check = await createAuditLog(database.db, database.engine).verifyChain();
    expect(check).toEqual({ checked: 5, last: { seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, firstBreak: undefined });
    expect(entries).toHaveLength(5);
  });

  test.each(tampering)('%s: reported at the right entry, with ids and times only', async (_, tamper, expected, checked) => {
    await behindTheTriggersBack(database, tamper);
    const check = await createAuditLog(database.db, database.engine).verifyChain({ pageSize: 2 });
    expect(check.firstBreak).toEqual({ ...expected, detail: expect.any(String) });
    expect(check.checked).toBe(checked);
    expect(check.firstBreak?.detail).not.toMatch(/aad-|view-plan|cg-1|someone-else|forged/);
  });

  test('a rewrite that recomputes every later hash and moves the head holds on its own, but not against an anchor recorded before', async () => {
    const auditLog = createAuditLog(database.db, database.engine);
    const anchor = (await auditLog.verifyChain()).last;
    await behindTheTriggersBack(database, async (db) => {
      let previous = await readEntry(db, 2);
      for (const seq of [3, 4, 5]) {
        const row = await readEntry(db, seq);
        const fields = { ...row, seq, actor: seq === 3 ? 'someone-else' : row.actor };
        const rewritten = { ...fields, hash: auditChainHash(fields, previous.hash) };
        await overwriteEntry(db, seq, rewritten);
        previous = rewritten;
      }
      await sql`UPDATE audit_chain_head SET hash = ${previous.hash}`.execute(db);
    });
    expect((await auditLog.verifyChain()).firstBreak).toBeUndefined();
    expect((await auditLog.verifyChain({ anchor })).firstBreak).toEqual({ seq: 5, at: '2026-06-12T10:05:00.000Z', problem: 'anchor-mismatch', detail: expect.stringContaining(anchor.hash) });
    expect((await auditLog.verifyChain({ anchor: { seq: 9, hash: anchor.hash } })).firstBreak).toEqual({ seq: 9, problem: 'anchor-mismatch', detail: expect.stringContaining('past the end') });
  });
});

/** A database as it was before migration 0004, holding `count` audit entries without a chain. */
async function databaseBeforeTheChain(engine: EngineName, count: number): Promise<TestDatabase> {
  const database = await freshDatabase(engine);
  const migrations = { '0001-initial': initialSchema(engine), '0002-bookings': bookingsSchema, '0003-concern-notes': concernNotesSchema };
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations }, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  const legacy = Array.from({ length: count }, (_, index) => sql`(${`2026-06-12T10:00:00.${String(index).padStart(3, '0')}Z`}, ${TENANT}, ${`aad-${index}`}, 'view-plan', ${index % 3 === 0 ? null : 'cg-1'}, null, 'allowed')`);
  for (let start = 0; start < count; start += 400) {
    await sql`INSERT INTO audit_log (at, tenant_id, actor, action, core_group_id, target_id, outcome) VALUES ${sql.join(legacy.slice(start, start + 400))}`.execute(database.db);
  }
  return database;
}

describeEachEngine('upgrading to the audit chain', (engine: EngineName) => {
  test('entries written before the chain existed are chained in the order they were written, and new ones carry on from them', async () => {
    const database = await databaseBeforeTheChain(engine, 1203);
    try {
      expect(await migrateToLatest(database)).toEqual(['0004-audit-chain', '0005-member-positions', '0006-case-revisions', '0007-review-conference-records', '0008-meeting-places', '0009-transfers', '0011-plan-deliveries', '0012-transfer-in', '0013-institution-tasks', '0014-notice-deliveries', '0015-concern-history', '0016-area-contacts', '0017-family-versions', '0018-family-check-in-links', '0019-notice-attempts', '0020-extra-meetings', '0021-agency-report-texts', '0022-minutes-returns', '0023-filed-documents', '0024-shared-instances', '0025-hot-query-indexes', '0026-rate-send-answers', '0027-app-installs', '0028-language-preferences', '0029-document-languages', '0030-concern-history-facts']);
      const auditLog = createAuditLog(database.db, database.engine);
      expect(await auditLog.verifyChain({ pageSize: 100 })).toEqual({ checked: 1203, last: { seq: 1203, hash: expect.any(String) }, firstBreak: undefined });
      const first = await readEntry(database.db, 1);
      expect(first).toMatchObject({ actor: 'aad-0', hash: auditChainHash({ ...first, seq: 1 }, GENESIS_HASH) });
      expect(await rejectionOf(sql`UPDATE audit_log SET actor = 'x' WHERE seq = 1`.execute(database.db))).toContain('append-only');
      await auditLog.append({ at: '2026-06-13T09:00:00.000Z', tenantId: TENANT, actor: 'aad-new', action: 'view-plan', outcome: 'allowed' });
      expect(await auditLog.verifyChain()).toMatchObject({ checked: 1204, firstBreak: undefined });
    } finally {
      await database.drop();
    }
  });

  test('an empty audit log starts its chain at entry 1', async () => {
    const database = await databaseBeforeTheChain(engine, 0);
    try {
      await migrateToLatest(database);
      expect(await createAuditLog(database.db, database.engine).verifyChain()).toEqual({ checked: 0, last: { seq: 0, hash: GENESIS_HASH }, firstBreak: undefined });
    } finally {
      await database.drop();
    }
  });
});
