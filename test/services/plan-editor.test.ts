import { parseCivilDate } from '../../src/domain/civil-date';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError } from '../../src/domain/errors';
import type { PlanEdit } from '../../src/domain/plan-edit';
import type { Clock } from '../../src/services/ports/clock.port';
import { createPlanEditor } from '../../src/services/plan-editor.service';
import { describeEachEngine, useMigratedStore } from '../store/each-engine';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';

const clock: Clock = { nowIso: () => '2026-06-15T10:00:00.000Z', today: () => parseCivilDate('2026-06-15') };

describeEachEngine('the plan editor service', (engine) => {
  const context = useMigratedStore(engine);

  const aCase = async () => {
    const group = aCoreGroup();
    await context.store.coreGroups.create(group.coreGroup, group.members);
    await context.store.plans.saveRevision({ plan: aPlan(group.coreGroup.id, group.healthVisitor.id), authorMemberId: group.lead.id, reason: 'Outline plan from the ICPC', changes: [] }, '2026-06-01T12:00:00.000Z');
    const editor = createPlanEditor({ ...context.store, clock });
    const as = (member: { aadObjectId?: string | undefined }) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });
    return { ...group, editor, as };
  };

  const asRead = async (view: Awaited<ReturnType<ReturnType<typeof createPlanEditor>['view']>>, change: Partial<PlanEdit>): Promise<PlanEdit> => ({
    baseVersion: view.plan.version,
    reason: 'Core group 2 agreed it',
    outcomes: view.plan.outcomes,
    actions: view.plan.actions.map((action) => ({ ...action, dropped: action.state === 'dropped' })),
    contingencyPlan: view.plan.contingencyPlan,
    resources: view.plan.resources,
    monitoring: view.plan.monitoring,
    ...change,
  });

  test('the lead social worker adds an outcome and an action; every member reads the same version with its history', async () => {
    const { editor, as, lead, teacher, healthVisitor, coreGroup } = await aCase();
    const view = await editor.view(as(lead), coreGroup.id);
    expect(view.canEdit).toBe(true);
    expect(view.owners.map((owner) => owner.displayName).sort()).toEqual(['Alex Lead', 'Hana Visitor', 'Morgan Manager', 'Pat Parent', 'Toby Teacher']);
    const edit = await asRead(view, {
      outcomes: [...view.plan.outcomes, { id: 'o2', text: 'The child attends school every day' }],
      actions: [...(await asRead(view, {})).actions, { id: 'a2', outcomeId: 'o2', what: 'Attendance to each core group', ownerMemberId: teacher.id, due: parseCivilDate('2026-07-10'), progressMeasure: 'Above 95%', dropped: false }],
    });
    const saved = await editor.save(as(lead), coreGroup.id, edit);
    expect(saved.outcome).toBe('changed');
    const seen = await editor.view(as(healthVisitor), coreGroup.id);
    expect(seen.canEdit).toBe(false);
    expect(seen.plan.version).toBe(2);
    expect(seen.plan.actions[1]).toMatchObject({ agency: 'school', agreedOn: parseCivilDate('2026-06-15'), state: 'not-started' });
    expect(seen.history.map((entry) => [entry.version, entry.by, entry.reason, entry.changes])).toEqual([
      [2, 'Alex Lead (children\'s social care)', 'Core group 2 agreed it', [{ kind: 'outcome-added', subject: 'The child attends school every day' }, { kind: 'action-added', subject: 'Attendance to each core group' }]],
      [1, 'Alex Lead (children\'s social care)', 'Outline plan from the ICPC', []],
    ]);
    expect((await context.store.plans.current(coreGroup.id))?.version).toBe(2);

    const again = await editor.save(as(lead), coreGroup.id, edit);
    expect(again.outcome).toBe('unchanged');
    expect((await context.store.plans.history(coreGroup.id)).length).toBe(2);
    await expect(editor.save(as(lead), coreGroup.id, { ...edit, resources: 'Something else' })).rejects.toThrow(VersionConflictError);
  });

  test('only the lead social worker and team manager change it; nobody outside the group reads it; an ended plan stays as it was', async () => {
    const { editor, as, manager, healthVisitor, coreGroup } = await aCase();
    const edit = await asRead(await editor.view(as(manager), coreGroup.id), { resources: 'Respite care' });
    await expect(editor.save(as(healthVisitor), coreGroup.id, edit)).rejects.toThrow(ForbiddenError);
    await expect(editor.view({ tenantId: TENANT, aadObjectId: '00000000-0000-4000-8000-000000000999' }, coreGroup.id)).rejects.toThrow(NotFoundError);
    await context.store.coreGroups.endPlan(coreGroup.id, parseCivilDate('2026-06-14'));
    expect((await editor.view(as(manager), coreGroup.id)).canEdit).toBe(false);
    await expect(editor.save(as(manager), coreGroup.id, edit)).rejects.toThrow(RuleViolationError);
    expect((await context.store.plans.current(coreGroup.id))?.version).toBe(1);
  });
});
