import { RuleViolationError, said } from '../../domain/errors';
import type { CivilDate } from '../../domain/civil-date';
import { type CoreGroupMeeting, checkTookPlace, confirmHeld } from '../../domain/meeting';
import { type Minutes, planActionsAgreedIn, presentIn, signMinutes } from '../../domain/minutes';
import { checkNewActionOutcomes, checkNewActionOwners } from '../../domain/minutes-members';
import { type ChildProtectionPlan, revisePlan } from '../../domain/plan';
import type { Caller } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { type DisagreementEscalation, escalateSignificantDisagreements } from './escalate-disagreements';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * A sign-off, by the chair or the team manager, of minutes of a meeting that took place: never
 * before the meeting's start, never for one cancelled or not held. The chair's sign-off confirms
 * the meeting took place, with the attendance its minutes record (someone must be marked present),
 * and the new actions agreed in it join the plan with their owner and due date (once: their ids
 * come from the minutes and their position), so the chair cannot sign while one has no owner who
 * is an active member. The second signature makes the minutes signed: each significant disagreement
 * in them then goes to the team manager and the conference chair as a concern (seed 002). Returns
 * what it authorised, with the meeting as it now stands, for the view that follows in the same
 * request, and the disagreements escalated.
 */
export async function signOff(deps: MinutesDeps, request: { caller: Caller; meetingId: string; as: 'chair' | 'team-manager' }): Promise<{ minutes: Minutes; access: MeetingAccess; escalated: DisagreementEscalation[] }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const action = request.as === 'chair' ? 'sign-minutes-as-chair' : 'sign-minutes-as-team-manager';
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action });
  const now = { nowIso: deps.clock.nowIso(), today: deps.clock.today() };
  checkTookPlace(meeting, now, 'sign-minutes');
  const current = await deps.minutes.findByMeeting(meeting.id);
  if (!current) throw new RuleViolationError('There are no minutes to sign yet.', { said: said('serviceRefusals.minutes.nothingToSign') });
  const chair = request.as === 'chair' ? await chairsSignOff(deps, { meeting, minutes: current, now }) : undefined;
  const held = chair?.held ?? meeting;
  const signed = { ...signMinutes(current, { as: request.as, memberId: member.id, at: now.nowIso }), version: current.version + 1 };
  await saveOver(deps, { current, updated: signed, savedBy: member.id });
  if (held !== meeting) await deps.meetings.update(held);
  if (chair?.plan) await addAgreedActionsToPlan(deps, { minutes: signed, plan: chair.plan, authorMemberId: member.id });
  const escalated = await escalateSignificantDisagreements(deps, { minutes: signed, coreGroup });
  return { minutes: signed, access: { meeting: held, coreGroup, member }, escalated };
}

/**
 * What the chair's signature needs first: every new action owned by an active member and filed
 * under an outcome of the plan, and the meeting confirmed as held with someone present. Returns
 * the meeting as held and the plan the new actions join (read once for both).
 */
async function chairsSignOff(deps: Pick<MinutesDeps, 'coreGroups' | 'plans'>, request: { meeting: CoreGroupMeeting; minutes: Minutes; now: { nowIso: string; today: CivilDate } }): Promise<{ held: CoreGroupMeeting; plan: ChildProtectionPlan | undefined }> {
  const { meeting, minutes } = request;
  const [members, plan] = await Promise.all([deps.coreGroups.members(meeting.coreGroupId), deps.plans.current(meeting.coreGroupId)]);
  checkNewActionOwners(minutes.content, members);
  const held = confirmHeld(meeting, { now: request.now, present: presentIn(minutes) });
  checkNewActionOutcomes(minutes.content, plan?.outcomes.map((outcome) => outcome.id) ?? []);
  return { held, plan };
}

async function addAgreedActionsToPlan(deps: Pick<MinutesDeps, 'plans' | 'clock'>, request: { minutes: Minutes; plan: ChildProtectionPlan; authorMemberId: string }): Promise<void> {
  const { minutes, plan } = request;
  if (minutes.content.newActions.length === 0) return;
  const additions = planActionsAgreedIn({ minutes, plan, agreedOn: deps.clock.today(), actionIdAt: (index) => uuidFromKey(`minutes-action:${minutes.id}:${index}`) });
  if (additions.length === 0) return;
  const revision = revisePlan({ current: plan, next: { ...plan, actions: [...plan.actions, ...additions] }, authorMemberId: request.authorMemberId, reason: 'actions agreed at the core group meeting' });
  await deps.plans.saveRevision(revision, deps.clock.nowIso());
}
