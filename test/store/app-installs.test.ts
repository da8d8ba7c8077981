import { TENANT, aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('whether the app could be installed for each person', (engine) => {
  const context = useMigratedStore(engine);

  test('the latest answer is kept, one a person in a tenant', async () => {
    const { store } = context;
    const { teacher, healthVisitor } = aCoreGroup();
    await store.appInstalls.record({ tenantId: TENANT, aadObjectId: teacher.aadObjectId!, outcome: 'not-allowed', at: '2026-06-01T09:00:00.000Z' });
    await store.appInstalls.record({ tenantId: TENANT, aadObjectId: teacher.aadObjectId!, outcome: 'installed', at: '2026-06-02T09:00:00.000Z' });
    await store.appInstalls.record({ tenantId: 'another-tenant', aadObjectId: healthVisitor.aadObjectId!, outcome: 'installed', at: '2026-06-02T09:00:00.000Z' });
    expect(await store.appInstalls.outcomesOf(TENANT, [teacher.aadObjectId!, healthVisitor.aadObjectId!])).toEqual(new Map([[teacher.aadObjectId!, 'installed']]));
    expect(await store.appInstalls.outcomesOf(TENANT, [])).toEqual(new Map());
  });

  test('the active members of the groups asked about whose organisation does not allow the app, with when it said so — not those installed, removed, or in other groups or tenants', async () => {
    const { store } = context;
    const first = aCoreGroup();
    const second = aCoreGroup();
    await store.coreGroups.create(first.coreGroup, first.members);
    await store.coreGroups.create(second.coreGroup, second.members);
    const refused = { tenantId: TENANT, outcome: 'not-allowed' as const, at: '2026-06-03T09:00:00.000Z' };
    await store.appInstalls.record({ ...refused, aadObjectId: first.teacher.aadObjectId! });
    await store.appInstalls.record({ ...refused, aadObjectId: second.healthVisitor.aadObjectId! });
    await store.appInstalls.record({ ...refused, aadObjectId: first.healthVisitor.aadObjectId!, outcome: 'installed' });
    expect(await store.appInstalls.notAllowedIn(TENANT, [first.coreGroup.id])).toEqual([{ coreGroupId: first.coreGroup.id, member: { id: first.teacher.id, displayName: first.teacher.displayName, agency: first.teacher.agency }, at: refused.at }]);
    expect(await store.appInstalls.notAllowedIn('another-tenant', [first.coreGroup.id])).toEqual([]);
    await store.coreGroups.updateMember(first.coreGroup.id, { ...first.teacher, active: false });
    expect(await store.appInstalls.notAllowedIn(TENANT, [first.coreGroup.id])).toEqual([]);
    expect(await store.appInstalls.notAllowedIn(TENANT, [])).toEqual([]);
  });
});
