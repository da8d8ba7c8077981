import { parseCivilDate } from '../../src/domain/civil-date';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('the plan’s circulation after a meeting', (engine) => {
  const context = useMigratedStore(engine);

  const aHeldMeeting = async () => {
    const group = aCoreGroup();
    await context.store.coreGroups.create(group.coreGroup, group.members);
    const meetingId = `${group.coreGroup.id}-m1`;
    await context.store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date: parseCivilDate('2026-06-12'), status: 'held' });
    return { ...group, meetingId };
  };

  test('each delivery is recorded once by its id, with whether it was a resend, in the order they happened', async () => {
    const { store } = context;
    const { teacher, parent, meetingId } = await aHeldMeeting();
    const toParent = { id: `${meetingId}-parent`, meetingId, planVersion: 2, memberId: parent.id, channel: 'email' as const, outcome: 'failed' as const, detail: 'no Teams chat and no e-mail address', at: '2026-06-15T09:00:00.000Z', resent: false };
    const toTeacher = { id: `${meetingId}-teacher`, meetingId, planVersion: 2, memberId: teacher.id, channel: 'teams' as const, outcome: 'sent' as const, at: '2026-06-15T09:01:00.000Z', resent: true };
    await store.planCirculation.recordDelivery(toTeacher);
    await store.planCirculation.recordDelivery(toParent);
    await store.planCirculation.recordDelivery({ ...toParent, at: '2026-06-16T09:00:00.000Z' });
    const { id: _parentId, ...parentDelivery } = toParent;
    const { id: _teacherId, ...teacherDelivery } = toTeacher;
    expect(await store.planCirculation.deliveries(meetingId)).toEqual([parentDelivery, { ...teacherDelivery, detail: undefined }]);
    expect(await store.planCirculation.deliveries(`${meetingId}-other`)).toEqual([]);
  });

  test('a member says once per plan version that it did not reach them; saying it again records nothing', async () => {
    const { store } = context;
    const { teacher, meetingId } = await aHeldMeeting();
    const report = { meetingId, planVersion: 2, memberId: teacher.id, at: '2026-06-17T10:00:00.000Z' };
    expect(await store.planCirculation.recordNotReceived(report)).toEqual({ created: true });
    expect(await store.planCirculation.recordNotReceived({ ...report, at: '2026-06-18T10:00:00.000Z' })).toEqual({ created: false });
    expect(await store.planCirculation.recordNotReceived({ ...report, planVersion: 3 })).toEqual({ created: true });
    expect(await store.planCirculation.notReceived(meetingId)).toEqual([report, { ...report, planVersion: 3 }]);
  });

  test('the profiles in use are those of the plans still running, each once', async () => {
    const { store } = context;
    const running = aCoreGroup({ policyId: 'plan-in-five-working-days-cp9-in-seven-days' });
    const ended = aCoreGroup({ policyId: 'wales' });
    await store.coreGroups.create(running.coreGroup, running.members);
    await store.coreGroups.create(ended.coreGroup, ended.members);
    await store.coreGroups.endPlan(ended.coreGroup.id, parseCivilDate('2026-07-01'));
    const inUse = await store.coreGroups.policiesInUse();
    expect(inUse).toContain('plan-in-five-working-days-cp9-in-seven-days');
    expect(inUse).not.toContain('wales');
    expect(new Set(inUse).size).toBe(inUse.length);
  });
});
