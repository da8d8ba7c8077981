import type { CivilDate } from '../domain/civil-date';
import type { Attendance } from '../domain/minutes';
import type { MinutesRepository } from './ports/store.port';

/** Attendance at the group's held meetings, oldest first, from their minutes (meetings as the case timeline lists them). */
export async function heldMeetingAttendance(
  minutes: Pick<MinutesRepository, 'findByMeeting'>,
  meetings: readonly { readonly id: string; readonly date: CivilDate; readonly status: string }[],
): Promise<{ meetingId: string; attendance: ReadonlyMap<string, Attendance> }[]> {
  const held = meetings.filter((meeting) => meeting.status === 'held').sort((a, b) => a.date.toString().localeCompare(b.date.toString()));
  const withMinutes = await Promise.all(held.map(async (meeting) => ({ meeting, record: await minutes.findByMeeting(meeting.id) })));
  return withMinutes.flatMap(({ meeting, record }) => (record ? [{ meetingId: meeting.id, attendance: new Map(record.content.attendance.map((entry) => [entry.memberId, entry.attendance])) }] : []));
}
