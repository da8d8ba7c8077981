import { RuleViolationError, said } from '../../domain/errors';
import { checkTookPlace, meetingRolesOf } from '../../domain/meeting';
import { type Caller, authorise } from '../authorise';
import { loadMeeting } from '../minutes/meeting-access';
import { type PlanCirculationDeps, circulationState, deliveryJobFor, queueDelivery } from './plan-circulation-deps';

/**
 * Circulates the current plan after a held core group (seed 001): one durable delivery job per
 * recipient who does not have this version yet — everyone present and everyone invited who could
 * not come, and the conference chair. Pressing it again, or a retried request, queues nothing twice;
 * after a failed delivery it tries that person again. Once everyone has the version the
 * circulation is recorded (by the delivery jobs), which meets the profile's plan deadline.
 */
export async function circulatePlan(deps: PlanCirculationDeps, request: { caller: Caller; meetingId: string }): Promise<{ queued: number; recipients: number }> {
  const { caller } = request;
  const meeting = await loadMeeting(deps, request.meetingId);
  const state = await circulationState(deps, meeting);
  const member = state.members.find((candidate) => candidate.aadObjectId === caller.aadObjectId);
  const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
  // The caller's membership is among the members just read: authorise does not read it again.
  const { coreGroup } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'circulate-plan', meetingRoles, targetId: meeting.id, known: { member } });
  checkTookPlace(meeting, { nowIso: deps.clock.nowIso(), today: deps.clock.today() }, 'circulate-plan');
  if (meeting.status !== 'held') throw new RuleViolationError('The plan is circulated once the meeting is recorded as held.', { said: said('serviceRefusals.circulation.planNotHeld') });
  const { plan } = state;
  if (!plan) throw new RuleViolationError('This core group has no plan yet, so there is nothing to circulate.', { said: said('serviceRefusals.circulation.noPlan') });
  for (const recipient of state.awaiting) {
    await queueDelivery(deps, deliveryJobFor({ tenantId: coreGroup.tenantId, meetingId: meeting.id, state, planVersion: plan.version, memberId: recipient.id }));
  }
  return { queued: state.awaiting.length, recipients: state.recipients.length };
}
