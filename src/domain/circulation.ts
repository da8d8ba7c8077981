import { type CivilDate, isAfter } from './civil-date';
import type { CoreGroupMeeting } from './meeting';
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
  return obligations.find((obligation) => obligation.id === afterMeetingObligationId('minutes-circulation', meetingId));
}
