import { afterMeetingObligation } from '../../domain/circulation';
import type { CivilDate } from '../../domain/civil-date';
import { meetingRolesOf } from '../../domain/meeting';
import { type Obligation, computeObligations } from '../../domain/obligations';
import { can } from '../../domain/permissions';
import { type Caller, authorise } from '../authorise';
import { loadMeeting } from '../minutes/meeting-access';
import { policyOf } from '../policy-calendar';
import { type Cp9State, cp9StateOf } from './cp9';
import { type PlanCirculationDeps, circulationState } from './plan-circulation-deps';

/** A deadline as the tab shows it. */
type Deadline = Pick<Obligation, 'due' | 'status'>;

/**
 * The plan's circulation after one meeting as the minutes tab shows it: the current version, who
 * it goes to, what was sent to whom, who said it did not arrive, the plan deadline where the
 * profile sets one, and the CP9 only where the profile has that rule. Read by members who may
 * read the plan; the buttons are offered from the caller's own standing.
 */
export async function viewPlanCirculation(deps: PlanCirculationDeps, request: { caller: Caller; meetingId: string }) {
  const { caller } = request;
  const meeting = await loadMeeting(deps, request.meetingId);
  const state = await circulationState(deps, meeting);
  const member = state.members.find((candidate) => candidate.aadObjectId === caller.aadObjectId);
  const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
  const { coreGroup, member: you } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'view-plan', targetId: meeting.id, known: { member } });
  const { profile, calendar } = policyOf(deps, coreGroup);
  const timeline = await deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
  const obligations = computeObligations({ profile, calendar, timeline, asOf: deps.clock.today() });
  const deadline = (kind: 'plan-circulation' | 'cp9'): Deadline | undefined => {
    const obligation = afterMeetingObligation(obligations, { kind, meetingId: meeting.id });
    return obligation && { due: obligation.due, status: obligation.status };
  };
  const circulatedOn = (kind: 'plan' | 'cp9'): CivilDate | undefined => timeline.circulations.find((circulation) => circulation.kind === kind && circulation.meetingId === meeting.id)?.on;
  const version = state.plan?.version;
  const held = meeting.status === 'held';
  const cp9Sent = circulatedOn('cp9');
  const cp9State: Cp9State | undefined = profile.rules.cp9ToCoordinator ? await cp9StateOf(deps, { meetingId: meeting.id, sent: cp9Sent !== undefined }) : undefined;
  return {
    meetingId: meeting.id,
    planVersion: version,
    recipients: state.recipients.map((recipient) => recipient.id),
    deliveries: state.deliveries.filter((delivery) => delivery.planVersion === version),
    notReceived: state.notReceived.filter((report) => report.planVersion === version),
    circulation: deadline('plan-circulation'),
    circulatedOn: circulatedOn('plan'),
    canCirculate: held && version !== undefined && can({ role: you.role, meetingRoles }, 'circulate-plan'),
    cp9: cp9State && { deadline: deadline('cp9'), state: cp9State, sentOn: cp9Sent, canSend: held && can({ role: you.role }, 'send-cp9') },
  };
}

export type PlanCirculationView = Awaited<ReturnType<typeof viewPlanCirculation>>;
