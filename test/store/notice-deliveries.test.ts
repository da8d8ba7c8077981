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
});
