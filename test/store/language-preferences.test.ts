import { TENANT } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('each person’s chosen language', (engine) => {
  const context = useMigratedStore(engine);

  test('none until chosen; the latest choice kept, for that person in that tenant only', async () => {
    const { store } = context;
    expect(await store.languages.of(TENANT, 'aad-cy')).toBeUndefined();
    await store.languages.choose({ tenantId: TENANT, aadObjectId: 'aad-cy', language: 'cy', at: '2026-06-01T09:00:00.000Z' });
    await store.languages.choose({ tenantId: TENANT, aadObjectId: 'aad-en', language: 'en', at: '2026-06-01T09:00:00.000Z' });
    expect(await store.languages.of(TENANT, 'aad-cy')).toBe('cy');
    expect(await store.languages.of('another-tenant', 'aad-cy')).toBeUndefined();
    await store.languages.choose({ tenantId: TENANT, aadObjectId: 'aad-cy', language: 'en', at: '2026-06-02T09:00:00.000Z' });
    expect([await store.languages.of(TENANT, 'aad-cy'), await store.languages.of(TENANT, 'aad-en')]).toEqual(['en', 'en']);
  });
});
