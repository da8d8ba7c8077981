import type { PlanDeliveryJob } from '../../contracts/jobs.contract';
import { type PlanDelivery, awaitingPlan } from '../../domain/circulation';
import type { CoreGroupMember } from '../../domain/core-group';
import { minutesSenderMailbox } from '../../domain/minutes';
import { uuidFromKey } from '../deterministic-id';
import { type PlanCirculationDeps, circulationState, planDeliveryKey } from './plan-circulation-deps';

/** What one delivery of the plan needs: who, which case (by reference), which meeting, and the mailbox an e-mail goes from. */
export interface PlanDeliveryOf {
  readonly member: CoreGroupMember;
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly meetingDate: string;
  readonly fromMailbox?: string | undefined;
}

/**
 * Who a delivery job is for, with what the message needs; nothing when the plan has moved on to
 * another version (that one is circulated anew) or the person has left the group.
 */
export async function planDeliveryOf(deps: Pick<PlanCirculationDeps, 'meetings' | 'coreGroups' | 'plans'>, job: PlanDeliveryJob): Promise<PlanDeliveryOf | undefined> {
  const meeting = await deps.meetings.findById(job.meetingId);
  if (!meeting) return undefined;
  const [coreGroup, members, plan] = await Promise.all([deps.coreGroups.findById(meeting.coreGroupId), deps.coreGroups.members(meeting.coreGroupId), deps.plans.current(meeting.coreGroupId)]);
  const member = members.find((candidate) => candidate.id === job.memberId && candidate.active);
  if (!coreGroup || !member || plan?.version !== job.planVersion) return undefined;
  return { member, coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), fromMailbox: minutesSenderMailbox(meeting, members) };
}

/**
 * Records how one delivery went, once per job and outcome; when every recipient has the current
 * version, the plan's circulation after the meeting is recorded (on its first day only), which
 * meets the plan deadline. Audited as the circulation's own act, never with the plan's content.
 */
export async function recordPlanDelivery(deps: PlanCirculationDeps, job: PlanDeliveryJob, outcome: Pick<PlanDelivery, 'channel' | 'outcome' | 'detail'>): Promise<void> {
  const at = deps.clock.nowIso();
  const id = uuidFromKey(`${planDeliveryKey(job)}:${outcome.channel}:${outcome.outcome}`);
  await deps.planCirculation.recordDelivery({ id, meetingId: job.meetingId, planVersion: job.planVersion, memberId: job.memberId, resent: job.resent, at, ...outcome });
  const meeting = await deps.meetings.findById(job.meetingId);
  if (!meeting) return;
  const state = await circulationState(deps, meeting);
  const everyoneHasIt = state.plan?.version === job.planVersion && awaitingPlan({ ...state, version: job.planVersion }).length === 0;
  if (everyoneHasIt) await deps.meetings.recordCirculation({ meetingId: meeting.id, kind: 'plan', on: deps.clock.today() });
  await deps.auditLog.append({ at, tenantId: job.tenantId, actor: 'core-group:plan-circulation', action: `deliver-plan:${outcome.channel}:${outcome.outcome}`, coreGroupId: meeting.coreGroupId, targetId: job.memberId, outcome: 'allowed' });
}
