import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('calendar subscriptions', (engine) => {
  const context = useMigratedStore(engine);

  test('a renewed subscription keeps its client state hash and moves its expiry', async () => {
    const { store } = context;
    const subscription = { id: 'sub-1', organiser: 'lead@example.org', clientStateSha256: 'a'.repeat(64), expiresAt: '2026-06-15T10:00:00.000Z' };
    await store.calendarSubscriptions.save(subscription);
    await store.calendarSubscriptions.save({ ...subscription, clientStateSha256: 'b'.repeat(64), expiresAt: '2026-06-18T10:00:00.000Z' });
    expect(await store.calendarSubscriptions.find('sub-1')).toEqual({ ...subscription, expiresAt: '2026-06-18T10:00:00.000Z' });
    expect(await store.calendarSubscriptions.find('sub-2')).toBeUndefined();
  });
});
