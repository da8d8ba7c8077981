import type { CivilDate } from '../domain/civil-date';
import { type MeetingStatus, heldMeetingsOldestFirst } from '../domain/meeting';
import { type Attendance, type Minutes, attendanceAtHeldMeetings } from '../domain/minutes';
import type { MinutesRepository } from './ports/store.port';

type TimelineMeeting = { readonly id: string; readonly date: CivilDate; readonly status: MeetingStatus };

/** The held meetings among a group's meetings, whose minutes attendance is read from. */
export const heldMeetingIds = (meetings: readonly TimelineMeeting[]) => heldMeetingsOldestFirst(meetings).map((meeting) => meeting.id);

/** Attendance at the group's held meetings, oldest first, from their minutes (already read, by meeting id). */
export function heldMeetingAttendanceFrom(minutesByMeeting: ReadonlyMap<string, Minutes>, meetings: readonly TimelineMeeting[]): { meetingId: string; attendance: ReadonlyMap<string, Attendance> }[] {
  return attendanceAtHeldMeetings(heldMeetingIds(meetings).map((meetingId) => ({ meetingId, minutes: minutesByMeeting.get(meetingId) })));
}

/** Attendance at the group's held meetings, oldest first, from their minutes (meetings as the case timeline lists them). */
export async function heldMeetingAttendance(
  minutes: Pick<MinutesRepository, 'findByMeetings'>,
  meetings: readonly TimelineMeeting[],
): Promise<{ meetingId: string; attendance: ReadonlyMap<string, Attendance> }[]> {
  return heldMeetingAttendanceFrom(await minutes.findByMeetings(heldMeetingIds(meetings)), meetings);
}
