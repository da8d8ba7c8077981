import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import { AlreadyExistsError, NotFoundError } from '../../src/domain/errors';
import { TENANT, aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('core groups and members', (engine) => {
  const context = useMigratedStore(engine);

  test('a core group and its members round-trip, and members find their core groups', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup({ planEndedOn: parseCivilDate('2027-01-15') });
    await store.coreGroups.create(coreGroup, members);
    expect(await store.coreGroups.findById(coreGroup.id)).toEqual(coreGroup);
    expect(await store.coreGroups.members(coreGroup.id)).toEqual(expect.arrayContaining(members));
    expect(await store.coreGroups.members(coreGroup.id)).toHaveLength(members.length);
    expect((await store.coreGroups.listForMember(TENANT, teacher.aadObjectId!)).map((c) => c.id)).toEqual([coreGroup.id]);
    expect(await store.coreGroups.listForMember('another-tenant', teacher.aadObjectId!)).toEqual([]);
    expect(await store.coreGroups.findById(randomUUID())).toBeUndefined();
  });

  test('a member’s memberships carry each group’s dates, policy and revision and their own membership, never the child’s name', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup({ planEndedOn: parseCivilDate('2027-01-15') });
    await store.coreGroups.create(coreGroup, members);
    const [membership, ...others] = await store.coreGroups.listMemberships(TENANT, teacher.aadObjectId!);
    const { childName: _childName, createdAt: _createdAt, ...header } = coreGroup;
    expect(others).toEqual([]);
    expect(membership).toEqual({ coreGroup: header, member: teacher, revision: expect.any(String) });
    expect(JSON.stringify(membership)).not.toContain(coreGroup.childName);
    expect(await store.coreGroups.listMemberships('another-tenant', teacher.aadObjectId!)).toEqual([]);
  });

  test('a caseload is the same memberships with only who the caller is in each and in what role; a member who left has none', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup();
    const { coreGroup: second, members: secondMembers } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    await store.coreGroups.create(second, [...secondMembers, { ...teacher, id: randomUUID() }]);
    const { childName: _childName, createdAt: _createdAt, ...header } = coreGroup;
    const caseload = await store.coreGroups.listCaseload(TENANT, teacher.aadObjectId!);
    const full = await store.coreGroups.listMemberships(TENANT, teacher.aadObjectId!);
    expect(caseload.map((entry) => entry.coreGroup.id).sort()).toEqual([coreGroup.id, second.id].sort());
    expect(caseload.map(({ coreGroup: group, revision }) => ({ group, revision }))).toEqual(full.map(({ coreGroup: group, revision }) => ({ group, revision })));
    expect(caseload.find((entry) => entry.coreGroup.id === coreGroup.id)).toEqual({ coreGroup: header, member: { id: teacher.id, role: teacher.role, active: true, aadObjectId: teacher.aadObjectId }, revision: expect.any(String) });
    expect(JSON.stringify(caseload)).not.toContain(coreGroup.childName);
    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, active: false });
    expect((await store.coreGroups.listCaseload(TENANT, teacher.aadObjectId!)).map((entry) => entry.coreGroup.id)).toEqual([second.id]);
    expect(await store.coreGroups.listCaseload('another-tenant', teacher.aadObjectId!)).toEqual([]);
  });

  test('a case that transferred in keeps the area it came from, in the group, its memberships and its timeline (which then starts at the transfer-in conference)', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup({ transferredInFrom: 'Leeds City Council' });
    await store.coreGroups.create(coreGroup, members);
    expect(await store.coreGroups.findById(coreGroup.id)).toEqual(coreGroup);
    const [membership] = await store.coreGroups.listMemberships(TENANT, teacher.aadObjectId!);
    expect(membership!.coreGroup.transferredInFrom).toBe('Leeds City Council');
    expect((await store.meetings.loadCaseTimeline(coreGroup.id)).start).toBe('transfer-in');
    const { coreGroup: afterAnIcpc, members: itsMembers } = aCoreGroup();
    await store.coreGroups.create(afterAnIcpc, itsMembers);
    expect((await store.meetings.loadCaseTimeline(afterAnIcpc.id)).start).toBe('icpc');
  });

  test('a member who leaves no longer finds the core group; their record stays', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, active: false, agency: 'secondary school' });
    expect(await store.coreGroups.listForMember(TENANT, teacher.aadObjectId!)).toEqual([]);
    expect(await store.coreGroups.findMember(coreGroup.id, teacher.aadObjectId!)).toEqual({ ...teacher, active: false, agency: 'secondary school' });
  });

  test('a member added later is found by their Entra object id; the same person twice is refused', async () => {
    const { store } = context;
    const { coreGroup, members } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    const police = { id: randomUUID(), displayName: 'Pip Police', role: 'professional' as const, agency: 'police', aadObjectId: randomUUID(), reach: 'guest' as const, agencyManagerEmail: 'sergeant@example.org', active: true };
    await store.coreGroups.addMember(coreGroup.id, police);
    expect(await store.coreGroups.findMember(coreGroup.id, police.aadObjectId)).toEqual({ ...police, email: undefined });
    await expect(store.coreGroups.addMember(coreGroup.id, { ...police, id: randomUUID() })).rejects.toThrow(AlreadyExistsError);
    expect(await store.coreGroups.members(coreGroup.id)).toHaveLength(members.length + 1);
  });

  test('updating a member of another core group, or one that does not exist, is refused', async () => {
    const { store } = context;
    const first = aCoreGroup();
    const second = aCoreGroup();
    await store.coreGroups.create(first.coreGroup, first.members);
    await store.coreGroups.create(second.coreGroup, second.members);
    await expect(store.coreGroups.updateMember(second.coreGroup.id, { ...first.teacher, displayName: 'Changed' })).rejects.toThrow(NotFoundError);
    expect(await store.coreGroups.findMember(first.coreGroup.id, first.teacher.aadObjectId!)).toEqual(first.teacher);
  });

  test('the same case reference twice in a tenant is refused, with nothing half-written', async () => {
    const { store } = context;
    const first = aCoreGroup();
    await store.coreGroups.create(first.coreGroup, first.members);
    const second = aCoreGroup({ caseReference: first.coreGroup.caseReference });
    await expect(store.coreGroups.create(second.coreGroup, second.members)).rejects.toThrow(AlreadyExistsError);
    expect(await store.coreGroups.findById(second.coreGroup.id)).toBeUndefined();
    expect(await store.coreGroups.members(second.coreGroup.id)).toEqual([]);
    const elsewhere = aCoreGroup({ caseReference: first.coreGroup.caseReference, tenantId: 'another-tenant' });
    await store.coreGroups.create(elsewhere.coreGroup, elsewhere.members);
  });

  test('two instances creating the same case at once create it once', async () => {
    const { store } = context;
    const attempts = [aCoreGroup(), aCoreGroup()];
    const caseReference = `CP-RACE-${randomUUID().slice(0, 8)}`;
    const outcomes = await Promise.allSettled(attempts.map(({ coreGroup, members }) => store.coreGroups.create({ ...coreGroup, caseReference }, members)));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(AlreadyExistsError) });
  });

  test('ending the plan is recorded; ending an unknown core group is refused', async () => {
    const { store } = context;
    const { coreGroup, members } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    await store.coreGroups.endPlan(coreGroup.id, parseCivilDate('2026-12-01'));
    expect((await store.coreGroups.findById(coreGroup.id))?.planEndedOn?.toString()).toBe('2026-12-01');
    await expect(store.coreGroups.endPlan(randomUUID(), parseCivilDate('2026-12-01'))).rejects.toThrow(NotFoundError);
  });

  test('core group ids page in order with no gaps or repeats', async () => {
    const { store } = context;
    for (let index = 0; index < 5; index++) {
      const { coreGroup, members } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
    }
    const everything = await store.coreGroups.listIds({ limit: 1000 });
    const paged: string[] = [];
    for (let page = await store.coreGroups.listIds({ limit: 2 }); page.length > 0; page = await store.coreGroups.listIds({ after: page.at(-1), limit: 2 })) {
      expect(page.length).toBeLessThanOrEqual(2);
      paged.push(...page);
    }
    expect(everything.length).toBeGreaterThanOrEqual(5);
    expect(paged).toEqual(everything);
    expect([...everything].sort()).toEqual(everything);
  });
});
