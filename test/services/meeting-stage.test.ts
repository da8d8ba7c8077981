import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../../src/domain/civil-date';
import { NotFoundError } from '../../src/domain/errors';
import { createMeetingStage } from '../../src/services/meeting-stage.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';

const clock: Clock = { nowIso: () => '2026-06-10T09:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-10') };

describe('the plan on the meeting stage', () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
  });
  afterAll(() => database.drop());

  /** A group with a plan of two actions (one the police's), a meeting, and a parent in Teams as a guest when `withFamily`. */
  const meetingOf = async (withFamily: boolean) => {
    const { coreGroup, members, healthVisitor, parent } = aCoreGroup();
    const police = { ...healthVisitor, id: randomUUID(), displayName: 'Pip Police', agency: 'police', aadObjectId: randomUUID() };
    const family = { ...parent, aadObjectId: randomUUID(), reach: 'guest' as const };
    await store.coreGroups.create(coreGroup, [...members.filter((member) => member.id !== parent.id), police, ...(withFamily ? [family] : [])]);
    const first = aPlan(coreGroup.id, healthVisitor.id);
    const plan = { ...first, actions: [...first.actions, { ...first.actions[0]!, id: 'a-police', what: 'Check the address against police records', ownerMemberId: police.id, agency: 'police', due: parseCivilDate('2026-07-02') }] };
    await store.plans.saveRevision({ plan, authorMemberId: members[0]!.id, reason: 'ICPC', changes: [] }, clock.nowIso());
    await store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'on-track', note: 'Mother said the boyfriend is back', recordedAt: '2026-06-09T10:00:00.000Z' }, `stage-${coreGroup.id}`);
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-10'), status: 'scheduled' });
    return { coreGroup, meetingId, healthVisitor, police, family };
  };

  test('with the family in the group, everyone — the family too — sees the family version: no police action', async () => {
    const stage = createMeetingStage({ ...store, clock });
    const { meetingId, healthVisitor, family } = await meetingOf(true);
    for (const who of [healthVisitor.aadObjectId!, family.aadObjectId]) {
      const view = await stage.planOnStage({ tenantId: TENANT, aadObjectId: who }, meetingId);
      expect(view.familyVersion).toBe(true);
      expect(view.actions.map((action) => action.id)).toEqual(['a1']);
      expect(view.actions[0]).toMatchObject({ ownerName: `${healthVisitor.displayName} (health visiting)`, lastCheckIn: expect.objectContaining({ status: 'on-track' }) });
    }
  });

  test('a group of professionals only sees the whole plan; someone outside it or in another tenant is told it does not exist; the answer is audited', async () => {
    const stage = createMeetingStage({ ...store, clock });
    const { coreGroup, meetingId, healthVisitor } = await meetingOf(false);
    const view = await stage.planOnStage({ tenantId: TENANT, aadObjectId: healthVisitor.aadObjectId! }, meetingId);
    expect([view.familyVersion, view.actions.map((action) => action.id)]).toEqual([false, ['a1', 'a-police']]);
    await expect(stage.planOnStage({ tenantId: TENANT, aadObjectId: randomUUID() }, meetingId)).rejects.toThrow(NotFoundError);
    await expect(stage.planOnStage({ tenantId: 'another-tenant', aadObjectId: healthVisitor.aadObjectId! }, meetingId)).rejects.toThrow(NotFoundError);
    await expect(stage.planOnStage({ tenantId: TENANT, aadObjectId: healthVisitor.aadObjectId! }, randomUUID())).rejects.toThrow(NotFoundError);
    const audited = (await store.auditLog.listByCoreGroup(coreGroup.id)).filter((entry) => entry.action === 'view-plan-on-stage');
    expect(audited.map((entry) => entry.outcome)).toEqual(['allowed', 'denied', 'denied']);
  });

  test('an action whose owner has left the group carries no name, for the stage page to say "a former member" in its reader’s language', async () => {
    const stage = createMeetingStage({ ...store, clock });
    const { coreGroup, meetingId, healthVisitor } = await meetingOf(false);
    const plan = (await store.plans.current(coreGroup.id))!;
    const left = { ...plan.actions[0]!, id: 'a-left', what: 'Phone the family every Friday', ownerMemberId: randomUUID() };
    await store.plans.saveRevision({ plan: { ...plan, version: plan.version + 1, actions: [...plan.actions, left] }, authorMemberId: healthVisitor.id, reason: 'test', changes: [] }, clock.nowIso());
    const view = await stage.planOnStage({ tenantId: TENANT, aadObjectId: healthVisitor.aadObjectId! }, meetingId);
    expect(view.actions.find((action) => action.id === 'a-left')!.ownerName).toBeUndefined();
    expect(view.actions.find((action) => action.id === 'a1')!.ownerName).toBe(`${healthVisitor.displayName} (health visiting)`);
  });
});
