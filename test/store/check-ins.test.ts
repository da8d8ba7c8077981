import { randomUUID } from 'node:crypto';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('check-ins', (engine) => {
  const context = useMigratedStore(engine);

  const aGroup = async () => {
    const group = aCoreGroup();
    await context.store.coreGroups.create(group.coreGroup, group.members);
    return group;
  };

  test('a check-in delivered twice is recorded once: the retry gets the first answer and changes nothing', async () => {
    const { store } = context;
    const { coreGroup, healthVisitor } = await aGroup();
    const checkIn = { id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'on-track' as const, note: 'Visited', recordedAt: '2026-06-20T10:00:00.000Z' };
    const first = await store.checkIns.record(checkIn, `${coreGroup.id}-invoke-1`);
    const retry = await store.checkIns.record({ ...checkIn, id: randomUUID(), status: 'done', recordedAt: '2026-06-20T10:00:05.000Z' }, `${coreGroup.id}-invoke-1`);
    expect(first).toEqual({ checkIn: { actionId: 'a1', memberId: healthVisitor.id, status: 'on-track', note: 'Visited', recordedAt: '2026-06-20T10:00:00.000Z' }, created: true });
    expect(retry).toEqual({ checkIn: first.checkIn, created: false });
    expect(await store.checkIns.listByCoreGroup(coreGroup.id)).toEqual([first.checkIn]);
  });

  test('the same answer arriving twice at once is recorded once', async () => {
    const { store } = context;
    const { coreGroup, healthVisitor } = await aGroup();
    const answer = () => ({ id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'at-risk' as const, note: '', recordedAt: '2026-06-20T10:00:00.000Z' });
    const results = await Promise.all([answer(), answer(), answer()].map((checkIn) => store.checkIns.record(checkIn, `${coreGroup.id}-invoke-race`)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await store.checkIns.listByCoreGroup(coreGroup.id)).toHaveLength(1);
  });

  test('the latest check-in per action is the most recent one, whatever order they were recorded in', async () => {
    const { store } = context;
    const { coreGroup, healthVisitor, teacher } = await aGroup();
    const record = (actionId: string, memberId: string, status: 'on-track' | 'at-risk' | 'done' | 'blocked', recordedAt: string) =>
      store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup.id, actionId, memberId, status, note: '', recordedAt }, randomUUID());
    await record('a1', healthVisitor.id, 'at-risk', '2026-06-27T10:00:00.000Z');
    await record('a1', healthVisitor.id, 'on-track', '2026-06-20T10:00:00.000Z');
    await record('a2', teacher.id, 'blocked', '2026-06-21T10:00:00.000Z');
    const latest = await store.checkIns.latestByAction(coreGroup.id);
    expect([...latest.entries()].map(([actionId, checkIn]) => [actionId, checkIn.status]).sort()).toEqual([['a1', 'at-risk'], ['a2', 'blocked']]);
    expect((await store.checkIns.listByCoreGroup(coreGroup.id)).map((c) => c.recordedAt)).toEqual(['2026-06-20T10:00:00.000Z', '2026-06-21T10:00:00.000Z', '2026-06-27T10:00:00.000Z']);
  });
});
