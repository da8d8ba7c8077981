import { createConversations } from '../../src/services/conversations.service';

/** An in-memory reference store that counts writes. */
function references() {
  const rows = new Map<string, unknown>();
  const writes: string[] = [];
  return {
    rows,
    writes,
    upsert: async (entry: { tenantId: string; key: string; reference: unknown; at: string }) => {
      writes.push(`${entry.tenantId}/${entry.key}`);
      rows.set(`${entry.tenantId}/${entry.key}`, entry.reference);
    },
    find: async (tenantId: string, key: string) => rows.get(`${tenantId}/${key}`),
  };
}
const clock = { nowIso: () => '2026-06-03T08:00:00.000Z' };
const personal = (serviceUrl: string) => ({ channelId: 'msteams', serviceUrl, conversation: { id: 'a:1' }, user: { id: '29:grace', aadObjectId: 'grace-oid' } });

describe('where the app can reach people and chats later', () => {
  test('a person’s 1:1 reference is written once while it stays the same, and again when it changes', async () => {
    const store = references();
    const conversations = createConversations({ references: store, clock });
    await conversations.rememberPerson({ tenantId: 't', aadObjectId: 'grace-oid', reference: personal('https://smba.example/a/') });
    await conversations.rememberPerson({ tenantId: 't', aadObjectId: 'grace-oid', reference: personal('https://smba.example/a/') });
    expect(store.writes).toEqual(['t/user:grace-oid']);
    await conversations.rememberPerson({ tenantId: 't', aadObjectId: 'grace-oid', reference: personal('https://smba.example/b/') });
    expect(store.writes).toEqual(['t/user:grace-oid', 't/user:grace-oid']);
    expect(await conversations.find('t', { kind: 'person', aadObjectId: 'grace-oid' })).toEqual(personal('https://smba.example/b/'));
  });

  test('the same person in another tenant is another conversation', async () => {
    const store = references();
    const conversations = createConversations({ references: store, clock });
    await conversations.rememberPerson({ tenantId: 't1', aadObjectId: 'grace-oid', reference: personal('https://smba.example/a/') });
    await conversations.rememberPerson({ tenantId: 't2', aadObjectId: 'grace-oid', reference: personal('https://smba.example/a/') });
    expect(store.writes).toEqual(['t1/user:grace-oid', 't2/user:grace-oid']);
  });

  test('a chat is kept under its own key, apart from people', async () => {
    const store = references();
    const conversations = createConversations({ references: store, clock });
    await conversations.rememberChat({ tenantId: 't', chatId: '19:meeting@thread.v2', reference: { conversation: { id: '19:meeting@thread.v2' } } });
    expect(await conversations.find('t', { kind: 'chat', chatId: '19:meeting@thread.v2' })).toEqual({ conversation: { id: '19:meeting@thread.v2' } });
    expect(await conversations.find('t', { kind: 'person', aadObjectId: '19:meeting@thread.v2' })).toBeUndefined();
  });

  test('the channel user ids of people who opened a chat, in order, those who did not left out, at most the limit', async () => {
    const store = references();
    const conversations = createConversations({ references: store, clock });
    for (const [oid, id] of [['a', '29:a'], ['c', '29:c'], ['d', '29:d']] as const) await conversations.rememberPerson({ tenantId: 't', aadObjectId: oid, reference: { user: { id } } });
    expect(await conversations.channelUserIds({ tenantId: 't', aadObjectIds: ['c', 'b', 'a', 'd'], limit: 10 })).toEqual(['29:c', '29:a', '29:d']);
    expect(await conversations.channelUserIds({ tenantId: 't', aadObjectIds: ['c', 'b', 'a', 'd'], limit: 2 })).toEqual(['29:c', '29:a']);
  });
});
