import { PLAN_NOT_RECEIVED_JOB, type PlanNotReceivedJob } from '../../contracts/jobs.contract';
import { RuleViolationError, said } from '../../domain/errors';
import { heldMeetingsOldestFirst } from '../../domain/meeting';
import { type Caller, authorise } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { type PlanCirculationDeps, circulationState, deliveryJobFor, queueDelivery } from './plan-circulation-deps';

/**
 * The meeting whose plan a member is waiting for: the last core group held — of two held the same
 * day, the one the plan was circulated after.
 */
async function lastHeldMeeting(deps: Pick<PlanCirculationDeps, 'meetings' | 'planCirculation'>, coreGroupId: string) {
  const held = heldMeetingsOldestFirst(await deps.meetings.listByCoreGroup(coreGroupId));
  const last = held.at(-1);
  if (!last) throw new RuleViolationError('No core group meeting has been held yet: the plan is circulated after each one.', { said: said('serviceRefusals.circulation.noneHeld') });
  for (const sameDay of held.filter((meeting) => meeting.date.equals(last.date)).reverse()) {
    if ((await deps.planCirculation.deliveries(sameDay.id)).length > 0) return sameDay;
  }
  return last;
}

/**
 * A member says the plan has not reached them (seed 003: members tell the lead social worker if
 * it has not arrived): about the current plan after the last core group held. Recorded once per
 * member and plan version; the lead social worker is told (Teams first, else e-mail; never the
 * child's name) and, where the plan has gone out to them, it is sent to them again. Saying it
 * again changes nothing (`unchanged`); a retried request queues nothing twice.
 */
export async function reportPlanNotReceived(deps: PlanCirculationDeps, request: { caller: Caller; coreGroupId: string }): Promise<{ outcome: 'told' | 'unchanged'; resending: boolean }> {
  const { caller, coreGroupId } = request;
  const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'report-plan-not-received', targetId: coreGroupId });
  const meeting = await lastHeldMeeting(deps, coreGroupId);
  const state = await circulationState(deps, meeting);
  const { plan } = state;
  if (!plan) throw new RuleViolationError('This core group has no plan yet.', { said: said('serviceRefusals.plan.none') });
  const { created } = await deps.planCirculation.recordNotReceived({ meetingId: meeting.id, planVersion: plan.version, memberId: member.id, at: deps.clock.nowIso() });
  const circulated = state.deliveries.some((delivery) => delivery.planVersion === plan.version);
  const resending = circulated && state.recipients.some((recipient) => recipient.id === member.id);
  // Queued whether or not the report is new: a request retried after it was recorded still tells the lead social worker, once.
  const notice: PlanNotReceivedJob = { tenantId: coreGroup.tenantId, meetingId: meeting.id, planVersion: plan.version, memberId: member.id, resending };
  const key = `plan-not-received:${meeting.id}:${plan.version}:${member.id}`;
  const at = deps.clock.nowIso();
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: PLAN_NOT_RECEIVED_JOB, payload: notice, runAt: at, idempotencyKey: key, at });
  if (resending) {
    const reported = { ...state, notReceived: [...state.notReceived, { meetingId: meeting.id, planVersion: plan.version, memberId: member.id, at }] };
    await queueDelivery(deps, deliveryJobFor({ tenantId: coreGroup.tenantId, meetingId: meeting.id, state: reported, planVersion: plan.version, memberId: member.id }));
  }
  return { outcome: created ? 'told' : 'unchanged', resending };
}
