import { randomUUID } from 'node:crypto';
import type { CoreGroup, CoreGroupMember } from '../domain/core-group';
import { ForbiddenError, NotFoundError, said } from '../domain/errors';
import { can } from '../domain/permissions';
import { type CheckIn, type CheckInStatus, type PlanAction, applyCheckIn, currentActions } from '../domain/plan';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, PlanRepository } from './ports/store.port';

/** A check-in as recorded, with the action as it now stands. */
export interface RecordedCheckIn {
  readonly action: PlanAction;
  readonly checkIn: CheckIn;
  readonly created: boolean;
  readonly caseReference: string;
}

/** What an answer says, and the prompt it came from (its business key). */
interface Answer {
  readonly actionId: string;
  readonly status: CheckInStatus;
  readonly note: string;
  readonly promptId: string;
}

/**
 * Recording a member's check-in on an action they own. The business key is the prompt the answer
 * came from and the action, so the same button pressed twice — or Teams delivering the invoke
 * again with a new activity id — records one check-in. An answer from a parent's e-mailed link
 * (`recordFromLink`) is recorded the same way, so it counts for silence and slippage alike.
 */
export function createCheckInService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'record' | 'listByCoreGroup'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  const recordAs = async (options: { coreGroup: CoreGroup; member: CoreGroupMember; answer: Answer }): Promise<RecordedCheckIn> => {
    const { coreGroup, member, answer } = options;
    const plan = await deps.plans.current(coreGroup.id);
    const checkIns = await deps.checkIns.listByCoreGroup(coreGroup.id);
    const action = currentActions(plan?.actions ?? [], checkIns).find((candidate) => candidate.id === answer.actionId);
    if (!action) throw new NotFoundError('That action is no longer in the plan.', { said: said('serviceRefusals.checkIns.actionGone') });
    if (action.ownerMemberId !== member.id) throw new ForbiddenError('Only the owner of an action can check in on it.', { said: said('serviceRefusals.checkIns.ownerOnly') });
    const checkIn: CheckIn = { actionId: action.id, memberId: member.id, status: answer.status, note: answer.note.trim(), recordedAt: deps.clock.nowIso() };
    const updated = applyCheckIn(action, checkIn);
    const recorded = await deps.checkIns.record({ ...checkIn, id: randomUUID(), coreGroupId: coreGroup.id }, `${answer.promptId}:${answer.actionId}`);
    return { action: recorded.created ? updated : applyCheckIn(action, recorded.checkIn), checkIn: recorded.checkIn, created: recorded.created, caseReference: coreGroup.caseReference };
  };

  return {
    async record(request: Answer & { caller: Caller; coreGroupId: string }): Promise<RecordedCheckIn> {
      const { member, coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'check-in-own-action', targetId: request.actionId });
      return recordAs({ coreGroup, member, answer: request });
    },

    /**
     * An answer from a parent's check-in link, which the caller has verified (`FamilyCheckInLinks`):
     * the link names the member, so they are checked to be still an active member whose role may
     * check in, and the answer is audited as theirs (their Entra id when they have one, else
     * `member:<id>`).
     */
    async recordFromLink(request: Answer & { coreGroupId: string; memberId: string }): Promise<RecordedCheckIn> {
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(request.coreGroupId), deps.coreGroups.members(request.coreGroupId)]);
      const member = members.find((candidate) => candidate.id === request.memberId);
      const allowed = Boolean(coreGroup && member?.active && can({ role: member.role }, 'check-in-own-action'));
      await deps.auditLog.append({
        at: deps.clock.nowIso(),
        tenantId: coreGroup?.tenantId ?? '',
        actor: member?.aadObjectId ?? `member:${request.memberId}`,
        action: 'check-in-own-action',
        coreGroupId: request.coreGroupId,
        targetId: request.actionId,
        outcome: allowed ? 'allowed' : 'denied',
      });
      if (!coreGroup || !member || !allowed) throw new NotFoundError('That link no longer works.', { said: said('serviceRefusals.checkIns.linkExpired') });
      return recordAs({ coreGroup, member, answer: request });
    },
  };
}

export type CheckInService = ReturnType<typeof createCheckInService>;
