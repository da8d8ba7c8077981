import { type CivilDate, isAfter, laterOf } from './civil-date';
import type { CoreGroupMeeting } from './meeting';
import type { PlanAction } from './plan';
import type { WorkingDays } from './working-days';

/** A moment an action's owner is asked how it is going; `key` names it, so asking is planned once. */
export interface CheckInMoment {
  readonly key: string;
  readonly date: CivilDate;
  readonly memberId: string;
}

/**
 * When owners are asked about their open actions: a few working days before each action is due
 * (today, when that is past), and on the working day before each meeting booked after today —
 * every owner of an open action, so the meeting hears where each action stands.
 */
export function checkInMoments(options: {
  openActions: readonly PlanAction[];
  meetings: readonly Pick<CoreGroupMeeting, 'id' | 'date' | 'status'>[];
  today: CivilDate;
  calendar: WorkingDays;
  workingDaysBeforeDue: number;
}): CheckInMoment[] {
  const { openActions, today, calendar } = options;
  const moments: CheckInMoment[] = [];
  for (const action of openActions) {
    const date = calendar.addWorkingDays(action.due, -options.workingDaysBeforeDue);
    moments.push({ key: `action:${action.id}:${action.due.toString()}`, date: laterOf(date, today), memberId: action.ownerMemberId });
  }
  const owners = new Set(openActions.map((action) => action.ownerMemberId));
  for (const meeting of options.meetings.filter((candidate) => candidate.status === 'scheduled' && isAfter(candidate.date, today))) {
    for (const ownerId of owners) moments.push({ key: `meeting:${meeting.id}`, date: calendar.addWorkingDays(meeting.date, -1), memberId: ownerId });
  }
  return moments;
}
