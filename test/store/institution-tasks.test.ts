import { parseCivilDate } from '../../src/domain/civil-date';
import { NotFoundError } from '../../src/domain/errors';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('people in institutions and the co-ordinator’s letters', (engine) => {
  const context = useMigratedStore(engine);

  test('a task round-trips; recording it again keeps the first; the letter sent is kept; tasks list per group, oldest first', async () => {
    const { store } = context;
    const { coreGroup, members, lead } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    const first = { id: crypto.randomUUID(), coreGroupId: coreGroup.id, person: 'father', kind: 'prison' as const, institution: 'HMP Leeds', recordedByMemberId: lead.id, recordedAt: '2026-06-08T10:00:00.000Z' };
    expect(await store.institutionTasks.record(first)).toEqual({ task: first, created: true });
    expect(await store.institutionTasks.record({ ...first, recordedAt: '2026-06-09T10:00:00.000Z' })).toEqual({ task: first, created: false });
    const second = { ...first, id: crypto.randomUUID(), person: 'mother', kind: 'hospital' as const, institution: 'St James’s', recordedAt: '2026-06-09T10:00:00.000Z' };
    await store.institutionTasks.record(second);
    const done = { ...first, letterSentOn: parseCivilDate('2026-06-10'), doneByMemberId: lead.id };
    await store.institutionTasks.markLetterSent(done);
    expect(await store.institutionTasks.findById(first.id)).toEqual(done);
    const { coreGroup: other } = aCoreGroup();
    expect((await store.institutionTasks.listByCoreGroups([coreGroup.id, other.id]))).toEqual(new Map([[coreGroup.id, [done, second]], [other.id, []]]));
    await expect(store.institutionTasks.markLetterSent({ ...done, id: crypto.randomUUID() })).rejects.toThrow(NotFoundError);
  });
});
