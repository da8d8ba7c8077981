import type { CivilDate } from '../domain/civil-date';
import { type MeetingStatus, heldMeetingsOldestFirst } from '../domain/meeting';
import { type Attendance, attendanceAtHeldMeetings } from '../domain/minutes';
import type { MinutesRepository } from './ports/store.port';

/** Attendance at the group's held meetings, oldest first, from their minutes (meetings as the case timeline lists them). */
export async function heldMeetingAttendance(
  minutes: Pick<MinutesRepository, 'findByMeeting'>,
  meetings: readonly { readonly id: string; readonly date: CivilDate; readonly status: MeetingStatus }[],
): Promise<{ meetingId: string; attendance: ReadonlyMap<string, Attendance> }[]> {
  const held = heldMeetingsOldestFirst(meetings);
  return attendanceAtHeldMeetings(await Promise.all(held.map(async (meeting) => ({ meetingId: meeting.id, minutes: await minutes.findByMeeting(meeting.id) }))));
}
