import type { CivilDate } from '../domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../domain/core-group';
import { NotFoundError, RuleViolationError, VersionConflictError, said } from '../domain/errors';
import { can } from '../domain/permissions';
import { type ChildProtectionPlan, type CurrentAction, currentActions } from '../domain/plan';
import { type PlanChangeLine, type PlanEdit, editPlan, isSameContent, planChangeLine } from '../domain/plan-edit';
import { ukDate } from '../domain/uk-date';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, PlanRepository } from './ports/store.port';

export interface PlanEditorDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  readonly plans: Pick<PlanRepository, 'current' | 'history' | 'saveRevision'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** One version of the plan in its history: who made it (none: a former member), when, why, and what changed, as facts for the reader's words. */
export interface PlanHistoryEntry {
  readonly version: number;
  readonly at: string;
  readonly by: string | undefined;
  readonly reason: string;
  readonly changes: readonly PlanChangeLine[];
}

/** The plan as the editor shows it: the current version, who may own actions, the history, and whether the caller may edit. */
export interface PlanEditorView {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference'>;
  readonly plan: ChildProtectionPlan;
  readonly actions: readonly CurrentAction[];
  readonly owners: readonly Pick<CoreGroupMember, 'id' | 'displayName' | 'agency'>[];
  readonly names: ReadonlyMap<string, string>;
  readonly history: readonly PlanHistoryEntry[];
  readonly planEndedOn?: CivilDate | undefined;
  readonly canEdit: boolean;
}

/** Members who may own an action: everyone active in the group but the child. */
const ownersAmong = (members: readonly CoreGroupMember[]) => members.filter((member) => member.active && member.role !== 'child');

/**
 * The plan editor (seed 001's re-evaluation list: outcomes, SMART actions, contingency,
 * supports and resources, monitoring): read by every member who may see the plan, changed by the
 * lead social worker and the team manager. Every save is a new version with its reason and change
 * log; one made over an older version is refused, and the same save sent again changes nothing.
 */
export function createPlanEditor(deps: PlanEditorDeps) {
  const viewOf = async (coreGroup: CoreGroup, member: CoreGroupMember): Promise<PlanEditorView> => {
    const [plan, history, members, checkIns] = await Promise.all([deps.plans.current(coreGroup.id), deps.plans.history(coreGroup.id), deps.coreGroups.members(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
    if (!plan) throw new NotFoundError('This core group has no plan yet.', { said: said('serviceRefusals.plan.none') });
    const names = new Map(members.map((one) => [one.id, `${one.displayName} (${one.agency})`]));
    const entries = history.map((revision, index): PlanHistoryEntry => ({
      version: revision.plan.version,
      at: revision.createdAt,
      by: names.get(revision.authorMemberId),
      reason: revision.reason,
      changes: revision.changes.map((change) => planChangeLine(change, history[index - 1]?.plan, revision.plan)),
    }));
    return {
      coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference },
      plan,
      actions: currentActions(plan.actions, checkIns),
      owners: ownersAmong(members).map(({ id, displayName, agency }) => ({ id, displayName, agency })),
      names,
      history: entries.reverse(),
      planEndedOn: coreGroup.planEndedOn,
      canEdit: can({ role: member.role }, 'edit-plan') && !coreGroup.planEndedOn,
    };
  };

  return {
    async view(caller: Caller, coreGroupId: string): Promise<PlanEditorView> {
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'view-plan', targetId: coreGroupId });
      return viewOf(coreGroup, member);
    },

    /** Saves the edited plan as its next version; `unchanged` when this very save was made already (a retry). */
    async save(caller: Caller, coreGroupId: string, edit: PlanEdit): Promise<{ outcome: 'changed' | 'unchanged'; view: PlanEditorView }> {
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'edit-plan', targetId: coreGroupId });
      if (coreGroup.planEndedOn) throw new RuleViolationError(`The plan ended on ${ukDate(coreGroup.planEndedOn)}: it is kept as it was then.`, { said: said('serviceRefusals.plan.ended', { on: coreGroup.planEndedOn.toString() }) });
      const [current, members] = await Promise.all([deps.plans.current(coreGroupId), deps.coreGroups.members(coreGroupId)]);
      if (!current) throw new NotFoundError('This core group has no plan yet.', { said: said('serviceRefusals.plan.none') });
      const owners = new Map(ownersAmong(members).map((one) => [one.id, { agency: one.agency }]));
      if (edit.baseVersion !== current.version) {
        const [before, latest] = (await deps.plans.history(coreGroupId)).slice(-2);
        const retried = before?.plan.version === edit.baseVersion && latest?.authorMemberId === member.id && isSameContent(editPlan({ current: before.plan, edit, owners, today: deps.clock.today(), authorMemberId: member.id }).plan, current);
        if (retried) return { outcome: 'unchanged', view: await viewOf(coreGroup, member) };
        throw new VersionConflictError(`The plan was changed by someone else first (it is now version ${current.version}): reload it and make your change again.`, { said: said('serviceRefusals.plan.changedVersion', { version: current.version }) });
      }
      const revision = editPlan({ current, edit, owners, today: deps.clock.today(), authorMemberId: member.id });
      await deps.plans.saveRevision(revision, deps.clock.nowIso());
      return { outcome: 'changed', view: await viewOf(coreGroup, member) };
    },
  };
}

export type PlanEditor = ReturnType<typeof createPlanEditor>;
