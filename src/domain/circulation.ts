import { type CivilDate, isAfter } from './civil-date';
import type { CoreGroupMember } from './core-group';
import type { CoreGroupMeeting } from './meeting';
import { type Minutes, SHARED_BY_DEFAULT, minutesRecipients } from './minutes';
import { type CaseTimeline, type Obligation, afterMeetingObligationId } from './obligations';
import { type PolicyProfile, dateAfter } from './policy';
import type { WorkingDays } from './working-days';

/** Where the circulation of a meeting's minutes stands on a day. */
export type CirculationStatus = 'met' | 'due' | 'at-risk' | 'overdue';

/** The day a meeting's minutes must be with everyone: the policy's circulation period after the meeting. */
export function minutesCirculationDue(options: { profile: PolicyProfile; calendar: WorkingDays; meetingDate: CivilDate }): CivilDate {
  return dateAfter(options.calendar, options.meetingDate, options.profile.rules.minutesCirculation.period);
}

/**
 * The circulation deadline of a meeting's minutes and where it stands today: met once everyone
 * had them; overdue after the due date; at risk on the due date and the day before; due otherwise.
 */
export function minutesCirculation(options: {
  profile: PolicyProfile;
  calendar: WorkingDays;
  meeting: Pick<CoreGroupMeeting, 'id' | 'date'>;
  circulations: CaseTimeline['circulations'];
  today: CivilDate;
}): { due: CivilDate; status: CirculationStatus } {
  const { calendar, meeting, today } = options;
  const due = minutesCirculationDue({ profile: options.profile, calendar, meetingDate: meeting.date });
  const circulated = options.circulations.some((circulation) => circulation.kind === 'minutes' && circulation.meetingId === meeting.id);
  if (circulated) return { due, status: 'met' };
  if (isAfter(today, due)) return { due, status: 'overdue' };
  return { due, status: calendar.daysBetween(today, due) <= 1 ? 'at-risk' : 'due' };
}

/** The obligation to circulate one meeting's minutes, among the obligations `computeObligations` judged. */
export function minutesCirculationObligation(obligations: readonly Obligation[], meetingId: string): Obligation | undefined {
  return afterMeetingObligation(obligations, { kind: 'minutes-circulation', meetingId });
}

/** The obligation that follows one meeting (its minutes, plan or CP9 going out) among those judged; none where the profile sets no such rule. */
export function afterMeetingObligation(obligations: readonly Obligation[], which: { kind: 'minutes-circulation' | 'plan-circulation' | 'cp9'; meetingId: string }): Obligation | undefined {
  return obligations.find((obligation) => obligation.id === afterMeetingObligationId(which.kind, which.meetingId));
}

/** A delivery of one version of the plan, circulated after one meeting, to one person. */
export interface PlanDelivery {
  readonly meetingId: string;
  readonly planVersion: number;
  readonly memberId: string;
  readonly channel: 'teams' | 'email';
  readonly outcome: 'sent' | 'failed';
  readonly at: string;
  readonly detail?: string | undefined;
  /** Sent again because the member said the plan had not reached them. */
  readonly resent: boolean;
}

/** A member saying that the plan circulated after a meeting has not reached them (seed 003). */
export interface PlanNotReceived {
  readonly meetingId: string;
  readonly planVersion: number;
  readonly memberId: string;
  readonly at: string;
}

/**
 * Who must receive the detailed plan after a core group (seed 001): everyone who attended and
 * everyone invited who could not — every member its minutes list, whatever their attendance —
 * and the conference chair (seed 002); the family and the child only as the group decided for
 * the minutes. A meeting without minutes listed nobody, and every member was invited to it.
 */
export function planRecipients(options: { members: readonly CoreGroupMember[]; minutes: Pick<Minutes, 'content'> | undefined }): CoreGroupMember[] {
  const { minutes } = options;
  const sharing = minutes?.content.sharing ?? SHARED_BY_DEFAULT;
  const invited = minutes ? new Set(minutes.content.attendance.map((entry) => entry.memberId)) : undefined;
  return minutesRecipients(options.members, sharing).filter((member) => !invited || invited.has(member.id) || member.role === 'conference-chair');
}

/**
 * The recipients who do not have this version of the plan: none was sent to them, or the one
 * sent did not reach them by their own account and nothing has been sent since they said so.
 */
export function awaitingPlan(options: { recipients: readonly CoreGroupMember[]; version: number; deliveries: readonly PlanDelivery[]; notReceived: readonly PlanNotReceived[] }): CoreGroupMember[] {
  const { version } = options;
  const reported = new Set(options.notReceived.filter((report) => report.planVersion === version).map((report) => report.memberId));
  const reached = new Set(
    options.deliveries
      .filter((delivery) => delivery.planVersion === version && delivery.outcome === 'sent' && (delivery.resent || !reported.has(delivery.memberId)))
      .map((delivery) => delivery.memberId),
  );
  return options.recipients.filter((member) => !reached.has(member.id));
}
