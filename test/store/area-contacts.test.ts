import { randomUUID } from 'node:crypto';
import type { AreaContact } from '../../src/domain/concern-steps';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('area contacts', (engine) => {
  const context = useMigratedStore(engine);
  const tenantId = randomUUID();
  const chair: AreaContact = { id: randomUUID(), tenantId, area: 'england', name: 'Priya Shah', role: 'conference-chair', aadObjectId: randomUUID(), email: 'priya.shah@example.gov.uk' };
  const coordinator: AreaContact = { id: randomUUID(), tenantId, area: 'wales', name: 'Dafydd Evans', role: 'coordinator', email: 'dafydd.evans@example.gov.uk' };

  test('a contact is added once per id, listed by tenant and area, found by verified identity, and removed within its tenant only', async () => {
    const { areaContacts } = context.store;
    expect(await areaContacts.add(chair, '2026-07-01T09:00:00.000Z')).toEqual({ created: true });
    expect(await areaContacts.add({ ...chair, name: 'changed' }, '2026-07-01T09:00:00.000Z')).toEqual({ created: false });
    await areaContacts.add(coordinator, '2026-07-01T09:00:00.000Z');
    expect(await areaContacts.list(tenantId)).toEqual([chair, coordinator]);
    expect(await areaContacts.list(tenantId, 'wales')).toEqual([coordinator]);
    expect(await areaContacts.list(randomUUID())).toEqual([]);
    expect(await areaContacts.byIdentity(tenantId, chair.aadObjectId!)).toEqual([chair]);
    expect(await areaContacts.byIdentity(randomUUID(), chair.aadObjectId!)).toEqual([]);
    expect(await areaContacts.remove(randomUUID(), chair.id)).toBe(false);
    expect(await areaContacts.remove(tenantId, chair.id)).toBe(true);
    expect(await areaContacts.list(tenantId)).toEqual([coordinator]);
  });
});
