import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { parseCivilDate } from '../../src/domain/civil-date';
import { VersionConflictError } from '../../src/domain/errors';
import { editMinutes, emptyMinutesContent, signMinutes } from '../../src/domain/minutes';
import { revisePlan } from '../../src/domain/plan';
import { migrateToLatest } from '../../src/store/migrate';
import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, freshDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';

const d = (text: string) => parseCivilDate(text);

describe.each(ENGINES)('storage on $name', ({ name, available }) => {
  const suite = available ? describe : describe.skip;

  suite('migrations', () => {
    test('a fresh database migrates, and migrating again runs nothing', async () => {
      const database = await freshDatabase(name);
      try {
        expect(await migrateToLatest(database)).toEqual(['0001-initial', '0002-bookings']);
        expect(await migrateToLatest(database)).toEqual([]);
      } finally {
        await database.drop();
      }
    });
  });

  suite('repositories', () => {
    let database: TestDatabase;
    let store: Store;
    beforeAll(async () => {
      database = await migratedDatabase(name);
      store = createStore(database);
    });
    afterAll(() => database.drop());

    test('a core group and its members round-trip, and members find their core groups', async () => {
      const { coreGroup, members, teacher } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      expect(await store.coreGroups.findById(coreGroup.id)).toEqual(coreGroup);
      expect(await store.coreGroups.members(coreGroup.id)).toEqual(expect.arrayContaining(members));
      expect((await store.coreGroups.listForMember(TENANT, teacher.aadObjectId!)).map((c) => c.id)).toEqual([coreGroup.id]);
      expect(await store.coreGroups.listForMember('another-tenant', teacher.aadObjectId!)).toEqual([]);
      await store.coreGroups.updateMember(coreGroup.id, { ...teacher, active: false });
      expect(await store.coreGroups.listForMember(TENANT, teacher.aadObjectId!)).toEqual([]);
      expect(await store.coreGroups.findMember(coreGroup.id, teacher.aadObjectId!)).toMatchObject({ active: false });
    });

    test('the same case reference twice in a tenant is refused, with nothing half-written', async () => {
      const first = aCoreGroup();
      await store.coreGroups.create(first.coreGroup, first.members);
      const second = aCoreGroup({ caseReference: first.coreGroup.caseReference });
      expect(await rejectionOf(store.coreGroups.create(second.coreGroup, second.members))).toContain('already exists');
      expect(await store.coreGroups.findById(second.coreGroup.id)).toBeUndefined();
      expect(await store.coreGroups.members(second.coreGroup.id)).toEqual([]);
    });

    test('plan versions: the next version saves, a stale or repeated one is a conflict', async () => {
      const { coreGroup, members, healthVisitor, lead } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const first = aPlan(coreGroup.id, healthVisitor.id);
      await store.plans.saveRevision({ plan: first, authorMemberId: lead.id, reason: 'ICPC outline plan', changes: [] }, '2026-06-01T12:00:00Z');
      const revision = revisePlan({ current: first, next: { ...first, resources: 'More support' }, authorMemberId: lead.id, reason: 'CG1' });
      await store.plans.saveRevision(revision, '2026-06-12T12:00:00Z');
      await expect(store.plans.saveRevision(revision, '2026-06-12T12:00:01Z')).rejects.toThrow(VersionConflictError);
      await expect(store.plans.saveRevision({ ...revision, plan: { ...revision.plan, version: 5 } }, 'x')).rejects.toThrow(VersionConflictError);
      expect(await store.plans.current(coreGroup.id)).toEqual(revision.plan);
      const history = await store.plans.history(coreGroup.id);
      expect(history.map((h) => [h.plan.version, h.reason, h.changes])).toEqual([
        [1, 'ICPC outline plan', []],
        [2, 'CG1', [{ kind: 'resources-changed' }]],
      ]);
    });

    test('booking the same meeting twice with one booking key creates one meeting', async () => {
      const { coreGroup, members } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const meeting = { id: randomUUID(), coreGroupId: coreGroup.id, date: d('2026-06-12'), status: 'scheduled' as const };
      const first = await store.meetings.create(meeting, `booking-${coreGroup.id}-1`);
      const again = await store.meetings.create({ ...meeting, id: randomUUID() }, `booking-${coreGroup.id}-1`);
      expect(first.created).toBe(true);
      expect(again).toEqual({ meeting, created: false });
      expect(await store.meetings.listByCoreGroup(coreGroup.id)).toHaveLength(1);
    });

    test('the case timeline holds meetings, reviews, circulations, agency reports and agencies', async () => {
      const { coreGroup, members } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      await store.meetings.create({ id: `${coreGroup.id}-m1`, coreGroupId: coreGroup.id, date: d('2026-06-12'), status: 'held' });
      await store.meetings.create({ id: `${coreGroup.id}-m2`, coreGroupId: coreGroup.id, date: d('2026-07-10'), status: 'cancelled', cancellationReason: 'x' });
      await store.meetings.recordCirculation({ meetingId: `${coreGroup.id}-m1`, kind: 'minutes', on: d('2026-06-16') });
      await store.meetings.recordCirculation({ meetingId: `${coreGroup.id}-m1`, kind: 'minutes', on: d('2026-06-30') });
      await store.meetings.recordReviewConference({ id: `${coreGroup.id}-r1`, coreGroupId: coreGroup.id, date: d('2026-08-27'), status: 'scheduled' });
      await store.meetings.recordAgencyReport({ reviewConferenceId: `${coreGroup.id}-r1`, agency: 'school', on: d('2026-08-20') });
      const timeline = await store.meetings.loadCaseTimeline(coreGroup.id);
      expect(timeline.icpcDate.toString()).toBe('2026-06-01');
      expect(timeline.meetings.map((m) => [m.date.toString(), m.status])).toEqual([['2026-06-12', 'held'], ['2026-07-10', 'cancelled']]);
      expect(timeline.circulations.map((c) => c.on.toString())).toEqual(['2026-06-16']);
      expect(timeline.reviewConferences[0]).toMatchObject({ status: 'scheduled' });
      expect(timeline.agencyReports[0]).toMatchObject({ agency: 'school' });
      expect(timeline.agencies).toEqual(["children's social care", 'health visiting', 'school']);
    });

    test('a check-in delivered twice is recorded once', async () => {
      const { coreGroup, members, healthVisitor } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const checkIn = { id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'on-track' as const, note: 'Visited', recordedAt: '2026-06-20T10:00:00.000Z' };
      const first = await store.checkIns.record(checkIn, 'invoke-1');
      const retry = await store.checkIns.record({ ...checkIn, id: randomUUID(), status: 'done', recordedAt: '2026-06-20T10:00:05.000Z' }, 'invoke-1');
      expect(first.created).toBe(true);
      expect(retry).toEqual({ checkIn: first.checkIn, created: false });
      await store.checkIns.record({ ...checkIn, id: randomUUID(), status: 'at-risk', recordedAt: '2026-06-27T10:00:00.000Z' }, 'invoke-2');
      expect((await store.checkIns.latestByAction(coreGroup.id)).get('a1')?.status).toBe('at-risk');
      expect(await store.checkIns.listByCoreGroup(coreGroup.id)).toHaveLength(2);
    });

    test('minutes: a save on a stale version is refused and every saved version is kept', async () => {
      const { coreGroup, members, lead, manager } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const meetingId = `${coreGroup.id}-m1`;
      await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: d('2026-06-12'), status: 'held' });
      const draft = { id: randomUUID(), meetingId, coreGroupId: coreGroup.id, version: 1, content: emptyMinutesContent(members) };
      await store.minutes.createDraft(draft, lead.id, '2026-06-12T10:00:00Z');
      const byChair = editMinutes(draft, { content: { ...draft.content, childsVoice: 'Likes football', nextMeetingDate: d('2026-07-10') }, basedOnVersion: 1 });
      await store.minutes.save(byChair, { expectedVersion: 1, savedBy: lead.id, at: '2026-06-12T10:05:00Z' });
      const byOther = editMinutes(draft, { content: { ...draft.content, childsVoice: 'Overwrites' }, basedOnVersion: 1 });
      await expect(store.minutes.save(byOther, { expectedVersion: 1, savedBy: manager.id, at: '2026-06-12T10:06:00Z' })).rejects.toThrow(VersionConflictError);
      const stored = await store.minutes.findByMeeting(meetingId);
      expect(stored).toEqual(byChair);
      const signed = signMinutes(signMinutes(stored!, { as: 'chair', memberId: lead.id, at: '2026-06-12T11:00:00Z' }), { as: 'team-manager', memberId: manager.id, at: '2026-06-13T09:00:00Z' });
      await store.minutes.save({ ...signed, version: 3 }, { expectedVersion: 2, savedBy: manager.id, at: '2026-06-13T09:00:00Z' });
      const history = await store.minutes.history(draft.id);
      expect(history.map((h) => [h.version, h.savedBy, h.content.childsVoice])).toEqual([[1, lead.id, ''], [2, lead.id, 'Likes football'], [3, manager.id, 'Likes football']]);
      expect(history[2]?.managerSignOff).toEqual({ memberId: manager.id, at: '2026-06-13T09:00:00Z' });
      expect(history[1]?.content.nextMeetingDate?.toString()).toBe('2026-07-10');
    });

    test('deliveries are recorded once each', async () => {
      const { coreGroup, members, lead, teacher } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const meetingId = `${coreGroup.id}-m1`;
      await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: d('2026-06-12'), status: 'held' });
      const minutesId = randomUUID();
      await store.minutes.createDraft({ id: minutesId, meetingId, coreGroupId: coreGroup.id, version: 1, content: emptyMinutesContent(members) }, lead.id, 'x');
      const delivery = { id: `${minutesId}-1-${teacher.id}`, minutesId, minutesVersion: 1, memberId: teacher.id, channel: 'teams' as const, outcome: 'sent' as const, at: '2026-06-15T09:00:00Z' };
      await store.minutes.recordDelivery(delivery);
      await store.minutes.recordDelivery(delivery);
      const { id: _id, ...expected } = delivery;
      expect(await store.minutes.deliveries(minutesId)).toEqual([{ ...expected, detail: undefined }]);
    });

    test('a concern raised twice is one concern; it moves up its route and closes', async () => {
      const { coreGroup, members, teacher } = aCoreGroup();
      await store.coreGroups.create(coreGroup, members);
      const concern = { id: randomUUID(), coreGroupId: coreGroup.id, kind: 'continual-absence' as const, raisedByMemberId: teacher.id, step: 0, status: 'open' as const, raisedAt: '2026-07-01T09:00:00Z' };
      const first = await store.concerns.raise(concern, 'concern-key');
      const again = await store.concerns.raise({ ...concern, id: randomUUID() }, 'concern-key');
      expect(again).toEqual({ concern: first.concern, created: false });
      expect((await store.concerns.advance(concern.id)).step).toBe(1);
      await store.concerns.close(concern.id, 'resolved');
      expect((await store.concerns.advance(concern.id)).step).toBe(1);
      expect(await store.concerns.listByCoreGroup(coreGroup.id)).toEqual([expect.objectContaining({ status: 'resolved' })]);
    });

    test('conversation references are kept per tenant and replaced on update', async () => {
      await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-1', reference: { conversation: { id: 'a' } }, at: 'x' });
      await store.conversationReferences.upsert({ tenantId: TENANT, key: 'user-1', reference: { conversation: { id: 'b' } }, at: 'y' });
      expect(await store.conversationReferences.find(TENANT, 'user-1')).toEqual({ conversation: { id: 'b' } });
      expect(await store.conversationReferences.find('another-tenant', 'user-1')).toBeUndefined();
    });

    test('the audit log appends and reads back in order, and the database refuses to change or delete it', async () => {
      const coreGroupId = randomUUID();
      const entry = { at: '2026-06-12T10:00:00Z', tenantId: TENANT, actor: 'aad-1', action: 'view-plan', coreGroupId, outcome: 'allowed' as const };
      await store.auditLog.append(entry);
      await store.auditLog.append({ ...entry, action: 'edit-minutes', outcome: 'denied', targetId: 'm1' });
      expect(await store.auditLog.listByCoreGroup(coreGroupId)).toEqual([
        { ...entry, targetId: undefined },
        { ...entry, action: 'edit-minutes', outcome: 'denied', targetId: 'm1' },
      ]);
      expect(await rejectionOf(sql`UPDATE audit_log SET actor = 'someone-else'`.execute(database.db))).toContain('append-only');
      expect(await rejectionOf(sql`DELETE FROM audit_log`.execute(database.db))).toContain('append-only');
      expect(await store.auditLog.listByCoreGroup(coreGroupId)).toHaveLength(2);
    });

    test('foreign keys are enforced', async () => {
      expect(await rejectionOf(store.meetings.create({ id: randomUUID(), coreGroupId: 'no-such-core-group', date: d('2026-06-12'), status: 'held' }))).toMatch(/foreign key/i);
    });
  });
});
