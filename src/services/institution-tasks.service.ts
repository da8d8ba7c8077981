import type { CivilDate } from '../domain/civil-date';
import type { CaseHeader, CoreGroupMember } from '../domain/core-group';
import { NotFoundError, RuleViolationError, said } from '../domain/errors';
import { ukDate } from '../domain/uk-date';
import { type InstitutionTask, type PersonInInstitution, checkPersonInInstitution, coordinatorsOf, institutionTaskKey, recordLetterSent } from '../domain/institution-task';
import { can } from '../domain/permissions';
import { INSTITUTION_TASK_JOB, type InstitutionTaskJob } from '../contracts/jobs.contract';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, InstitutionTaskRepository, JobQueue } from './ports/store.port';

export interface InstitutionTaskDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'membersOfEach' | 'listMemberships'>;
  readonly institutionTasks: InstitutionTaskRepository;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** A task as a member sees it: who and where (the page words what to write), the co-ordinators who do it (none: nobody to do it), and whether the caller marks it done. */
export interface InstitutionTaskView {
  readonly task: InstitutionTask;
  readonly caseReference: string;
  readonly coordinators: readonly string[];
  readonly canMarkDone: boolean;
}

const viewOf = (task: InstitutionTask, facts: { caseReference: string; members: readonly CoreGroupMember[]; caller: CoreGroupMember }): InstitutionTaskView => {
  const coordinators = coordinatorsOf(facts.members);
  return {
    task,
    caseReference: facts.caseReference,
    coordinators: coordinators.map((member) => member.displayName),
    canMarkDone: !task.letterSentOn && coordinators.some((member) => member.id === facts.caller.id),
  };
};

/**
 * A parent, relative or other relevant person of a child in prison, hospital or another
 * institution (seed 001). The lead social worker or team manager records who and where; that
 * gives the group's co-ordinator a tracked task — write to the head of the institution — told to
 * them by a durable job, on their dashboard until they mark it done with the day the letter went.
 * A group with no co-ordinator shows the task with nobody to do it. Recorded while the plan runs. Recording the same person in
 * the same institution again, or the same letter again, changes nothing. Authorised and audited.
 */
export function createInstitutionTasks(deps: InstitutionTaskDeps) {
  const tell = async (coreGroup: Pick<CaseHeader, 'id' | 'tenantId'>, task: InstitutionTask, coordinators: readonly CoreGroupMember[]) => {
    const at = deps.clock.nowIso();
    for (const coordinator of coordinators) {
      const key = `institution-task:${task.id}:${coordinator.id}`;
      const payload: InstitutionTaskJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, taskId: task.id, memberId: coordinator.id };
      await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: INSTITUTION_TASK_JOB, payload, runAt: at, idempotencyKey: key, at });
    }
  };

  return {
    /** Records who is in which institution; a new task is told to each co-ordinator of the group. */
    async record(caller: Caller, coreGroupId: string, entry: PersonInInstitution): Promise<{ outcome: 'changed' | 'unchanged'; task: InstitutionTaskView }> {
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'record-person-in-institution' });
      if (coreGroup.planEndedOn) throw new RuleViolationError(`The plan here ended on ${ukDate(coreGroup.planEndedOn)}: the co-ordinator no longer writes for it.`, { said: said('serviceRefusals.institutions.planEnded', { on: coreGroup.planEndedOn.toString() }) });
      const checked = checkPersonInInstitution(entry);
      const id = uuidFromKey(institutionTaskKey(coreGroupId, checked));
      const { task, created } = await deps.institutionTasks.record({ id, coreGroupId, ...checked, recordedByMemberId: member.id, recordedAt: deps.clock.nowIso() });
      const members = await deps.coreGroups.members(coreGroupId);
      if (created) await tell(coreGroup, task, coordinatorsOf(members));
      return { outcome: created ? 'changed' : 'unchanged', task: viewOf(task, { caseReference: coreGroup.caseReference, members, caller: member }) };
    },

    /** The co-ordinator marks the letter sent, on the day it went: the task is done. */
    async letterSent(caller: Caller, taskId: string, on: CivilDate): Promise<{ outcome: 'changed' | 'unchanged'; task: InstitutionTaskView }> {
      const task = await deps.institutionTasks.findById(taskId);
      if (!task) throw new NotFoundError('That task does not exist or you are not a member of its core group.', { said: said('serviceRefusals.institutions.taskNotFound') });
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId: task.coreGroupId, action: 'write-to-institution', targetId: task.id });
      const done = recordLetterSent(task, { on, today: deps.clock.today(), memberId: member.id });
      if (done !== task) await deps.institutionTasks.markLetterSent(done);
      const members = await deps.coreGroups.members(task.coreGroupId);
      return { outcome: done === task ? 'unchanged' : 'changed', task: viewOf(done, { caseReference: coreGroup.caseReference, members, caller: member }) };
    },

    /**
     * The caller's tasks across their groups: a co-ordinator's still to do; on the groups they
     * lead or manage, every task with who does it and when the letter went. Each group whose
     * tasks are shown is audited.
     */
    async mine(caller: Caller): Promise<InstitutionTaskView[]> {
      const memberships = (await deps.coreGroups.listMemberships(caller.tenantId, caller.aadObjectId)).filter(({ member }) => can({ role: member.role }, 'view-institution-tasks'));
      const tasks = await deps.institutionTasks.listByCoreGroups(memberships.map(({ coreGroup }) => coreGroup.id));
      const shown = memberships
        .map((membership) => ({ ...membership, tasks: (tasks.get(membership.coreGroup.id) ?? []).filter((task) => membership.member.role !== 'coordinator' || !task.letterSentOn) }))
        .filter((membership) => membership.tasks.length > 0);
      const members = await deps.coreGroups.membersOfEach(shown.map(({ coreGroup }) => coreGroup.id));
      const views: InstitutionTaskView[] = [];
      for (const { coreGroup, member, tasks: theirs } of shown) {
        await authorise(deps, { caller, coreGroupId: coreGroup.id, action: 'view-institution-tasks', known: { coreGroup, member } });
        for (const task of theirs) views.push(viewOf(task, { caseReference: coreGroup.caseReference, members: members.get(coreGroup.id) ?? [], caller: member }));
      }
      const doneLast = (view: InstitutionTaskView) => (view.task.letterSentOn ? 1 : 0);
      return views.sort((a, b) => doneLast(a) - doneLast(b) || a.task.recordedAt.localeCompare(b.task.recordedAt));
    },
  };
}

export type InstitutionTasks = ReturnType<typeof createInstitutionTasks>;
