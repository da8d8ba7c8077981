import { VersionConflictError } from '../../src/domain/errors';
import { revisePlan } from '../../src/domain/plan';
import { aCoreGroup, aPlan } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('child protection plans', (engine) => {
  const context = useMigratedStore(engine);

  const withFirstPlan = async () => {
    const { coreGroup, members, healthVisitor, lead } = aCoreGroup();
    await context.store.coreGroups.create(coreGroup, members);
    const first = aPlan(coreGroup.id, healthVisitor.id);
    await context.store.plans.saveRevision({ plan: first, authorMemberId: lead.id, reason: 'ICPC outline plan', changes: [] }, '2026-06-01T12:00:00.000Z');
    return { coreGroup, lead, first };
  };

  test('the next version saves with its change log; a stale, repeated or skipped version is a conflict', async () => {
    const { store } = context;
    const { coreGroup, lead, first } = await withFirstPlan();
    const revision = revisePlan({ current: first, next: { ...first, resources: 'More support' }, authorMemberId: lead.id, reason: 'CG1' });
    await store.plans.saveRevision(revision, '2026-06-12T12:00:00.000Z');
    await expect(store.plans.saveRevision(revision, '2026-06-12T12:00:01.000Z')).rejects.toThrow(VersionConflictError);
    await expect(store.plans.saveRevision({ ...revision, plan: { ...revision.plan, version: 1 } }, '2026-06-12T12:00:02.000Z')).rejects.toThrow(VersionConflictError);
    await expect(store.plans.saveRevision({ ...revision, plan: { ...revision.plan, version: 5 } }, '2026-06-12T12:00:03.000Z')).rejects.toThrow(VersionConflictError);
    expect(await store.plans.current(coreGroup.id)).toEqual(revision.plan);
    const history = await store.plans.history(coreGroup.id);
    expect(history.map((h) => [h.plan.version, h.reason, h.authorMemberId, h.changes, h.createdAt])).toEqual([
      [1, 'ICPC outline plan', lead.id, [], '2026-06-01T12:00:00.000Z'],
      [2, 'CG1', lead.id, [{ kind: 'resources-changed' }], '2026-06-12T12:00:00.000Z'],
    ]);
    expect(history[0]?.plan).toEqual(first);
  });

  test('two people saving the next version at once: one wins, the other gets a conflict', async () => {
    const { store } = context;
    const { coreGroup, lead, first } = await withFirstPlan();
    const edits = ['Respite care', 'Parenting course'].map((resources) => revisePlan({ current: first, next: { ...first, resources }, authorMemberId: lead.id, reason: resources }));
    const outcomes = await Promise.allSettled(edits.map((edit) => store.plans.saveRevision(edit, '2026-06-12T12:00:00.000Z')));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(VersionConflictError) });
    expect((await store.plans.history(coreGroup.id)).map((h) => h.plan.version)).toEqual([1, 2]);
  });

  test('a core group with no plan yet has no current plan and no history', async () => {
    const { store } = context;
    const { coreGroup, members } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    expect(await store.plans.current(coreGroup.id)).toBeUndefined();
    expect(await store.plans.history(coreGroup.id)).toEqual([]);
  });
});
