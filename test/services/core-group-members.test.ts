import { Temporal } from 'temporal-polyfill';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../src/domain/errors';
import { createCoreGroupMembersService } from '../../src/services/core-group-members.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup } from '../support/fixtures';

const GUEST_PARENT = 'pat.guest@family.example';
const GUEST_ID = '5b1d0c8e-0000-4000-8000-00000000a9e5';
/** A parent whose address is also a staff account in the tenant. */
const STAFF_PARENT = 'sam.staff@council.example';
/** Addresses the organisation invited as guests after the test's group was set up. */
const invitedLater = new Map<string, string>();

const clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };

describe('changing a core group’s members after set-up', () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
  });
  afterAll(() => database.drop());

  const setUp = async () => {
    const group = aCoreGroup();
    await store.coreGroups.create(group.coreGroup, group.members);
    const service = createCoreGroupMembersService({ coreGroups: store.coreGroups, auditLog: store.auditLog, jobs: store.jobs, clock, directory: { findUser: async (email) => (email === STAFF_PARENT ? { id: 'staff-account', displayName: 'Staff' } : undefined), findGuest: async (email) => (email === GUEST_PARENT ? { id: GUEST_ID, displayName: 'Pat Guest' } : invitedLater.has(email) ? { id: invitedLater.get(email)!, displayName: 'Invited later' } : undefined) } });
    const as = (member: { aadObjectId?: string | undefined }) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });
    return { ...group, service, as };
  };

  test('the lead social worker adds someone in plain words and removes someone: the removed member stays on the record, inactive', async () => {
    const { coreGroup, lead, teacher, service, as } = await setUp();
    const { added: [added] } = await service.add({ caller: as(lead), coreGroupId: coreGroup.id, memberText: 'Housing | housing association | Hal Housing | hal@housing.example' });
    expect(added).toMatchObject({ position: 'housing', role: 'professional', reach: 'email-only', active: true });
    const welcomes = (await store.jobs.claim({ workerId: 'test', now: '2026-06-04T00:00:00.000Z', leaseMs: 60_000, limit: 50 })).filter((job) => job.kind === 'member-welcome');
    expect(welcomes.map((job) => job.payload)).toEqual([{ tenantId: TENANT, coreGroupId: coreGroup.id, memberId: added!.id }]);
    await service.remove({ caller: as(lead), coreGroupId: coreGroup.id, memberId: teacher.id });
    const members = await store.coreGroups.members(coreGroup.id);
    expect(members.find((member) => member.id === teacher.id)).toMatchObject({ active: false, displayName: teacher.displayName });
    expect(await store.coreGroups.listForMember(TENANT, teacher.aadObjectId!)).toEqual([]);
    await expect(service.add({ caller: as(lead), coreGroupId: coreGroup.id, memberText: 'hal | x | Hal | hal@housing.example' })).rejects.toThrow(InvalidInputError);
    const again = await service.add({ caller: as(lead), coreGroupId: coreGroup.id, memberText: 'housing | housing association | Hal Housing | hal@housing.example' });
    expect(again).toEqual({ added: [], alreadyMembers: [expect.objectContaining({ id: added!.id })] });
  });

  test('the team manager may too; a health visitor may not, and the group’s last lead social worker cannot be removed', async () => {
    const { coreGroup, lead, manager, healthVisitor, service, as } = await setUp();
    await expect(service.remove({ caller: as(healthVisitor), coreGroupId: coreGroup.id, memberId: manager.id })).rejects.toThrow(ForbiddenError);
    await expect(service.remove({ caller: as(manager), coreGroupId: coreGroup.id, memberId: lead.id })).rejects.toThrow('needs a lead social worker');
    await service.remove({ caller: as(manager), coreGroupId: coreGroup.id, memberId: healthVisitor.id });
    expect(await service.remove({ caller: as(manager), coreGroupId: coreGroup.id, memberId: healthVisitor.id })).toMatchObject({ id: healthVisitor.id, active: false });
    await expect(service.remove({ caller: as(manager), coreGroupId: coreGroup.id, memberId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(NotFoundError);
  });

  test('a parent the organisation invited as a Teams guest is added with their guest identity; a parent is never matched to a staff account', async () => {
    const { coreGroup, lead, parent, service, as } = await setUp();
    const { added } = await service.add({ caller: as(lead), coreGroupId: coreGroup.id, memberText: `Parent | family | Pat Guest | ${GUEST_PARENT}\nCarer | family | Sam Staff | ${STAFF_PARENT}` });
    expect(added.map((member) => [member.role, member.aadObjectId, member.reach])).toEqual([
      ['family-member', GUEST_ID, 'guest'],
      ['family-member', undefined, 'email-only'],
    ]);
    // The group's own parent, e-mail only when added, invited as a guest since: added again, they are recognised.
    const laterId = '5b1d0c8e-0000-4000-8000-00000000a9e6';
    invitedLater.set(parent.email!, laterId);
    const again = await service.add({ caller: as(lead), coreGroupId: coreGroup.id, memberText: `Parent | family | ${parent.displayName} | ${parent.email!}` });
    expect(again).toEqual({ added: [], alreadyMembers: [expect.objectContaining({ id: parent.id })] });
    expect((await store.coreGroups.members(coreGroup.id)).find((member) => member.id === parent.id)).toMatchObject({ aadObjectId: laterId, reach: 'guest', active: true });
  });
});
