import type { InvitationResponse } from '../ports/calendar.port';
import { type SchedulingDeps, bookedMeeting } from './scheduling-deps';

/** Brings attendees' replies back from the calendar and stores them per member (notification or poll). */
export async function syncResponses(deps: SchedulingDeps, meetingId: string): Promise<{ memberId: string; response: InvitationResponse }[]> {
  const meeting = await bookedMeeting(deps, meetingId);
  const members = await deps.coreGroups.members(meeting.coreGroupId);
  const byEmail = new Map(members.flatMap((member) => (member.email ? [[member.email.toLowerCase(), member.id] as const] : [])));
  const replies = (await deps.calendar.responses(meeting.booking.organiser, meeting.booking.eventId))
    .map((reply) => ({ memberId: byEmail.get(reply.email.toLowerCase()), response: reply.response }))
    .filter((reply): reply is { memberId: string; response: InvitationResponse } => reply.memberId !== undefined);
  await deps.meetings.recordInvitationResponses(meeting.id, replies, deps.clock.nowIso());
  return replies;
}
