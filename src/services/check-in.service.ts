import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { type CheckIn, type CheckInStatus, type PlanAction, applyCheckIn, currentActions } from '../domain/plan';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, PlanRepository } from './ports/store.port';

/**
 * Recording a member's check-in on an action they own. The business key is the prompt the answer
 * came from and the action, so the same button pressed twice — or Teams delivering the invoke
 * again with a new activity id — records one check-in.
 */
export function createCheckInService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'record' | 'listByCoreGroup'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  return {
    async record(request: { caller: Caller; coreGroupId: string; actionId: string; status: CheckInStatus; note: string; promptId: string }): Promise<{ action: PlanAction; checkIn: CheckIn; created: boolean; caseReference: string }> {
      const { member, coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'check-in-own-action', targetId: request.actionId });
      const plan = await deps.plans.current(request.coreGroupId);
      const checkIns = await deps.checkIns.listByCoreGroup(request.coreGroupId);
      const action = currentActions(plan?.actions ?? [], checkIns).find((candidate) => candidate.id === request.actionId);
      if (!action) throw new NotFoundError('That action is no longer in the plan.');
      if (action.ownerMemberId !== member.id) throw new ForbiddenError('Only the owner of an action can check in on it.');
      const checkIn: CheckIn = { actionId: action.id, memberId: member.id, status: request.status, note: request.note.trim(), recordedAt: deps.clock.nowIso() };
      const updated = applyCheckIn(action, checkIn);
      const recorded = await deps.checkIns.record({ ...checkIn, id: randomUUID(), coreGroupId: request.coreGroupId }, `${request.promptId}:${request.actionId}`);
      return { action: recorded.created ? updated : applyCheckIn(action, recorded.checkIn), checkIn: recorded.checkIn, created: recorded.created, caseReference: coreGroup.caseReference };
    },
  };
}

export type CheckInService = ReturnType<typeof createCheckInService>;
