import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { Store } from '../../src/store/store';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

/**
 * The database moves a case's revision on whenever anything its status is judged from changes
 * (migration 0006): the judged-status cache is only as fresh as these triggers. Every table
 * readCaseRecords reads is written here, by the app's own repositories and by hand.
 */
describeEachEngine('a case’s revision', (engine) => {
  const context = useMigratedStore(engine);
  const store = (): Store => context.store;

  const aCase = async () => {
    const group = aCoreGroup({ tenantId: TENANT });
    await store().coreGroups.create(group.coreGroup, group.members);
    return group;
  };
  const revisionOf = async (coreGroupId: string, aadObjectId: string) => (await store().coreGroups.listMemberships(TENANT, aadObjectId)).find((entry) => entry.coreGroup.id === coreGroupId)!.revision;

  /** Runs `change` and says whether the case's revision moved on (and no other case's did). */
  const moves = async (change: (ids: { coreGroupId: string; meetingId: string; reviewId: string; leadMemberId: string }) => Promise<unknown>) => {
    const { coreGroup, lead } = await aCase();
    const bystander = await aCase();
    const meetingId = randomUUID();
    const reviewId = randomUUID();
    await store().meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-10'), status: 'scheduled' });
    await store().meetings.recordReviewConference({ id: reviewId, coreGroupId: coreGroup.id, date: parseCivilDate('2026-09-01'), status: 'scheduled' });
    const before = [await revisionOf(coreGroup.id, lead.aadObjectId!), await revisionOf(bystander.coreGroup.id, bystander.lead.aadObjectId!)];
    await change({ coreGroupId: coreGroup.id, meetingId, reviewId, leadMemberId: lead.id });
    const after = [await revisionOf(coreGroup.id, lead.aadObjectId!), await revisionOf(bystander.coreGroup.id, bystander.lead.aadObjectId!)];
    return { moved: after[0] !== before[0], bystanderMoved: after[1] !== before[1] };
  };

  test.each([
    ['a member added', ({ coreGroupId }: { coreGroupId: string }) => store().coreGroups.addMember(coreGroupId, { ...aCoreGroup().healthVisitor, id: randomUUID() })],
    ['a plan version', ({ coreGroupId, leadMemberId }: { coreGroupId: string; leadMemberId: string }) => store().plans.saveRevision({ plan: aPlan(coreGroupId, leadMemberId), authorMemberId: leadMemberId, reason: 'agreed', changes: [] }, '2026-06-10T09:00:00.000Z')],
    ['a meeting held', async ({ meetingId }: { meetingId: string }) => store().meetings.update({ ...(await store().meetings.findById(meetingId))!, status: 'held' })],
    ['a review conference moved', ({ coreGroupId, reviewId }: { coreGroupId: string; reviewId: string }) => store().meetings.recordReviewConference({ id: reviewId, coreGroupId, date: parseCivilDate('2026-09-08'), status: 'scheduled' })],
    ['a check-in', ({ coreGroupId, leadMemberId }: { coreGroupId: string; leadMemberId: string }) => store().checkIns.record({ id: randomUUID(), coreGroupId, actionId: 'a1', memberId: leadMemberId, status: 'on-track', note: '', recordedAt: '2026-06-10T09:00:00.000Z' }, randomUUID())],
    ['a circulation', ({ meetingId }: { meetingId: string }) => store().meetings.recordCirculation({ meetingId, kind: 'minutes', on: parseCivilDate('2026-06-12') })],
    ['an agency report', ({ reviewId }: { reviewId: string }) => store().meetings.recordAgencyReport({ reviewConferenceId: reviewId, agency: 'school', on: parseCivilDate('2026-08-20') })],
  ])('%s moves it on', async (_name, change) => {
    expect(await moves(change as never)).toEqual({ moved: true, bystanderMoved: false });
  });

  test('minutes written, and rows changed or removed behind the app’s back, move it on too', async () => {
    expect(await moves(({ coreGroupId, meetingId }) => sql`INSERT INTO minutes (id, meeting_id, core_group_id, content, version, updated_at) VALUES (${randomUUID()}, ${meetingId}, ${coreGroupId}, ${'{}'}, ${1}, ${'2026-06-10T09:00:00.000Z'})`.execute(context.database.db))).toEqual({ moved: true, bystanderMoved: false });
    expect(await moves(({ meetingId }) => sql`DELETE FROM meetings WHERE id = ${meetingId}`.execute(context.database.db))).toEqual({ moved: true, bystanderMoved: false });
    expect(await moves(({ coreGroupId }) => sql`UPDATE members SET agency = ${'police'} WHERE core_group_id = ${coreGroupId}`.execute(context.database.db))).toEqual({ moved: true, bystanderMoved: false });
  });

  test('reading a case does not move it on', async () => {
    expect(await moves(({ coreGroupId }) => store().meetings.loadCaseTimeline(coreGroupId))).toEqual({ moved: false, bystanderMoved: false });
  });
});
