import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('how each notice reached each member', (engine) => {
  const context = useMigratedStore(engine);

  test('each outcome is recorded once by its id, and read back by the subjects asked for, in the order they happened', async () => {
    const { store } = context;
    const { coreGroup, members, teacher, parent } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    const toParent = { id: 'concern-1-parent', kind: 'concern' as const, subjectId: 'concern-1', memberId: parent.id, channel: 'email' as const, outcome: 'failed' as const, detail: 'no Teams chat and no e-mail address', at: '2026-06-15T09:00:00.000Z' };
    const toTeacher = { id: 'concern-1-teacher', kind: 'concern' as const, subjectId: 'concern-1', memberId: teacher.id, channel: 'teams' as const, outcome: 'sent' as const, at: '2026-06-15T09:01:00.000Z' };
    const otherConcern = { ...toTeacher, id: 'concern-2-teacher', subjectId: 'concern-2', at: '2026-06-16T09:00:00.000Z' };
    await store.noticeDeliveries.record(toTeacher);
    await store.noticeDeliveries.record(toParent);
    await store.noticeDeliveries.record({ ...toParent, outcome: 'sent', at: '2026-06-17T09:00:00.000Z' });
    await store.noticeDeliveries.record(otherConcern);
    const { id: _parentId, ...parentDelivery } = toParent;
    const { id: _teacherId, ...teacherDelivery } = toTeacher;
    expect(await store.noticeDeliveries.deliveriesOf('concern', ['concern-1'])).toEqual([parentDelivery, { ...teacherDelivery, detail: undefined }]);
    expect(await store.noticeDeliveries.deliveriesOf('concern', ['concern-1', 'concern-2'])).toHaveLength(3);
    expect(await store.noticeDeliveries.deliveriesOf('concern', [])).toEqual([]);
  });

  test('every attempt at a notice in a group is read back by the group, in order: attempts recorded in the same instant by their number', async () => {
    const { store } = context;
    const { coreGroup, members, teacher } = aCoreGroup();
    const other = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    await store.coreGroups.create(other.coreGroup, other.members);
    const at = '2026-06-15T09:00:00.000Z';
    const attempt = (n: number, outcome: 'retrying' | 'sent', channel: 'teams' | 'email') => ({ id: `welcome-job-${n}`, kind: 'welcome' as const, subjectId: teacher.id, memberId: teacher.id, coreGroupId: coreGroup.id, jobId: 'job-1', attempt: n, channel, outcome, at });
    await store.noticeDeliveries.record(attempt(4, 'sent', 'email'));
    await store.noticeDeliveries.record(attempt(2, 'retrying', 'teams'));
    await store.noticeDeliveries.record({ ...attempt(1, 'retrying', 'teams'), detail: 'attempt 1: DeliveryError:delivery-failed' });
    await store.noticeDeliveries.record({ ...attempt(9, 'sent', 'teams'), id: 'elsewhere', coreGroupId: other.coreGroup.id, memberId: other.teacher.id });
    const read = await store.noticeDeliveries.inCoreGroups([coreGroup.id]);
    expect(read.map((delivery) => [delivery.attempt, delivery.outcome, delivery.channel])).toEqual([
      [1, 'retrying', 'teams'],
      [2, 'retrying', 'teams'],
      [4, 'sent', 'email'],
    ]);
    expect(read[0]).toEqual({ kind: 'welcome', subjectId: teacher.id, memberId: teacher.id, coreGroupId: coreGroup.id, jobId: 'job-1', attempt: 1, channel: 'teams', outcome: 'retrying', detail: 'attempt 1: DeliveryError:delivery-failed', at });
    expect(await store.noticeDeliveries.inCoreGroups([])).toEqual([]);
  });
});
