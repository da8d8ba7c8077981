import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEntry } from '../../src/services/ports/store.port';
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

  test('the repository offers no way to change or remove entries', () => {
    expect(Object.keys(context.store.auditLog).sort()).toEqual(['append', 'listByCoreGroup']);
  });
});
