import { TENANT } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('conversation references', (engine) => {
  const context = useMigratedStore(engine);

  test('are kept per tenant and key, and a newer reference replaces the older one', async () => {
    const { store } = context;
    const reference = { bot: { id: 'bot' }, conversation: { id: 'a:1', tenantId: TENANT }, serviceUrl: 'https://smba.example/uk/' };
    await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-1', reference, at: '2026-06-12T10:00:00.000Z' });
    await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-2', reference: { conversation: { id: 'a:2' } }, at: '2026-06-12T10:00:00.000Z' });
    await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-1', reference: { ...reference, conversation: { id: 'a:3', tenantId: TENANT } }, at: '2026-06-13T10:00:00.000Z' });
    expect(await store.conversationReferences.find(TENANT, 'user-1')).toEqual({ ...reference, conversation: { id: 'a:3', tenantId: TENANT } });
    expect(await store.conversationReferences.find(TENANT, 'user-2')).toEqual({ conversation: { id: 'a:2' } });
    expect(await store.conversationReferences.find('another-tenant', 'user-1')).toBeUndefined();
  });

  test('the same reference again writes nothing: the time it last changed stays', async () => {
    const { store, database } = context;
    const reference = { conversation: { id: 'a:9', tenantId: TENANT }, serviceUrl: 'https://smba.example/uk/' };
    await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-9', reference, at: '2026-06-12T10:00:00.000Z' });
    await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-9', reference: { ...reference }, at: '2026-06-14T10:00:00.000Z' });
    const row = await database.db.selectFrom('conversation_references').select('updated_at').where('ref_key', '=', 'user-9').executeTakeFirstOrThrow();
    expect(row.updated_at).toBe('2026-06-12T10:00:00.000Z');
  });
});
