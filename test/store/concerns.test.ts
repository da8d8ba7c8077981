import { randomUUID } from 'node:crypto';
import { NotFoundError, RuleViolationError } from '../../src/domain/errors';
import type { Concern } from '../../src/services/ports/store.port';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('concerns', (engine) => {
  const context = useMigratedStore(engine);

  const aConcern = async (): Promise<Concern> => {
    const { coreGroup, members, teacher, healthVisitor } = aCoreGroup();
    await context.store.coreGroups.create(coreGroup, members);
    return { id: randomUUID(), coreGroupId: coreGroup.id, kind: 'continual-absence', raisedByMemberId: teacher.id, subjectId: healthVisitor.id, step: 0, status: 'open', raisedAt: '2026-07-01T09:00:00.000Z', note: 'Missed the last two meetings without sending anyone' };
  };

  test('a concern raised twice with one key is one concern', async () => {
    const { store } = context;
    const concern = await aConcern();
    const first = await store.concerns.raise(concern, `${concern.id}-key`);
    const again = await store.concerns.raise({ ...concern, id: randomUUID(), kind: 'drift-and-delay' }, `${concern.id}-key`);
    expect(first).toEqual({ concern, created: true });
    expect(again).toEqual({ concern, created: false });
    expect(await store.concerns.listByCoreGroup(concern.coreGroupId)).toEqual([concern]);
  });

  test('an open concern moves up its route; once resolved it stays where it was', async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    expect((await store.concerns.advance(concern.id)).step).toBe(1);
    expect((await store.concerns.advance(concern.id)).step).toBe(2);
    await store.concerns.close(concern.id, 'resolved');
    expect(await store.concerns.advance(concern.id)).toMatchObject({ step: 2, status: 'resolved' });
    await expect(store.concerns.advance(randomUUID())).rejects.toThrow(NotFoundError);
  });

  test('closing again the same way is a harmless retry; the other way is refused', async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    await store.concerns.close(concern.id, 'refused');
    await store.concerns.close(concern.id, 'refused');
    await expect(store.concerns.close(concern.id, 'resolved')).rejects.toThrow(RuleViolationError);
    expect(await store.concerns.listByCoreGroup(concern.coreGroupId)).toEqual([{ ...concern, status: 'refused' }]);
    await expect(store.concerns.close(randomUUID(), 'resolved')).rejects.toThrow(NotFoundError);
  });
});
