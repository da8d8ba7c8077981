import { randomUUID } from 'node:crypto';
import { type KyselyPlugin, sql } from 'kysely';
import type { AuditEntry } from '../../src/services/ports/store.port';
import { createAuditLog } from '../../src/store/audit-log.repository';
import { TENANT } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';
import { describeEachEngine, useMigratedStore } from './each-engine';

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
    let inserts = 0;
    const countInserts: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'InsertQueryNode') inserts++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const auditLog = createAuditLog(database.db.withPlugin(countInserts));
    const coreGroupId = randomUUID();
    const entries = Array.from({ length: 20 }, (_, index): AuditEntry => ({ at: `2026-06-12T10:00:${String(index).padStart(2, '0')}.000Z`, tenantId: TENANT, actor: `aad-${index}`, action: 'view-compliance', coreGroupId, outcome: 'allowed' }));
    await Promise.all(entries.map((entry) => auditLog.append(entry)));
    expect(inserts).toBe(1);
    expect(await auditLog.listByCoreGroup(coreGroupId)).toEqual(entries.map((entry) => ({ ...entry, targetId: undefined })));
  });

  test('an append has resolved only once its entry is committed: another connection already reads it', async () => {
    const { database, store } = context;
    const other = database.reopen();
    try {
      const coreGroupId = randomUUID();
      const entry: AuditEntry = { at: '2026-06-12T10:00:00.000Z', tenantId: TENANT, actor: 'aad-1', action: 'view-compliance', coreGroupId, outcome: 'allowed' };
      await Promise.all([store.auditLog.append(entry), store.auditLog.append({ ...entry, actor: 'aad-2' })]);
      expect(await createAuditLog(other.db).listByCoreGroup(coreGroupId)).toEqual([
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
    expect(Object.keys(context.store.auditLog).sort()).toEqual(['append', 'listByCoreGroup']);
  });
});
