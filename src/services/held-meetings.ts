import type { Attendance } from '../domain/minutes';
import type { MeetingRepository, MinutesRepository } from './ports/store.port';

/** Attendance at the group's held meetings, oldest first, from their minutes. */
export async function heldMeetingAttendance(
  deps: { meetings: Pick<MeetingRepository, 'listByCoreGroup'>; minutes: Pick<MinutesRepository, 'findByMeeting'> },
  coreGroupId: string,
): Promise<{ meetingId: string; attendance: ReadonlyMap<string, Attendance> }[]> {
  const held = (await deps.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.status === 'held').sort((a, b) => a.date.toString().localeCompare(b.date.toString()));
  const withMinutes = await Promise.all(held.map(async (meeting) => ({ meeting, minutes: await deps.minutes.findByMeeting(meeting.id) })));
  return withMinutes
    .filter(({ minutes }) => minutes !== undefined)
    .map(({ meeting, minutes }) => ({ meetingId: meeting.id, attendance: new Map(minutes!.content.attendance.map((entry) => [entry.memberId, entry.attendance])) }));
}
